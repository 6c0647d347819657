import Foundation
import RecoveryModel
import TUI

/// Opening and closing screens, and routing their tasks: every effect a screen returns is
/// stamped with that screen's generation and the signed-in user, and every reply goes back to
/// the screen with that generation, or nowhere if it has closed.
extension AppState {
    /// How long a screen's data may take before "Loading…" shows in its place.
    public static let loadingDelay: TimeInterval = 0.1

    /// Replaces every open screen (after signing in, locking, or at start). What they show is
    /// read again when they appear.
    mutating func replaceScreens(with newScreens: [any Screen]) {
        screens = newScreens.map { screen in
            defer { nextGeneration += 1 }
            return OpenScreen(screen: screen, generation: nextGeneration, dataVersion: -1)
        }
    }

    /// Opens `screen` on top and returns what it asks for on appearing.
    mutating func open(_ screen: any Screen) -> [AppEffect] {
        screens.append(OpenScreen(screen: screen, generation: nextGeneration, dataVersion: -1))
        nextGeneration += 1
        return appearTop()
    }

    /// The top screen appears: it asks for what it shows, and notes the store as it read it.
    mutating func appearTop() -> [AppEffect] {
        let index = screens.count - 1
        screens[index].dataVersion = storeVersion
        return stamp(screens[index].screen.appear(context: screenContext), from: index)
    }

    /// Shown again after the screen above closed: as it was, read again only when the store has
    /// changed since it last read it.
    mutating func revisitTop() -> [AppEffect] {
        let index = screens.count - 1
        guard screens[index].dataVersion != storeVersion else { return [] }
        screens[index].dataVersion = storeVersion
        return stamp(screens[index].screen.refresh(context: screenContext), from: index)
    }

    /// Closes the top screen and shows the one beneath.
    mutating func closeTop() -> [AppEffect] {
        guard screens.count > 1 else { return [] }
        let closed = screens.removeLast()
        pendingTasks[closed.generation] = nil
        return revisitTop()
    }

    /// Closes every screen above the first `count`.
    mutating func keepScreens(_ count: Int) {
        for closed in screens.dropFirst(count) { pendingTasks[closed.generation] = nil }
        screens.removeSubrange(count...)
    }

    /// Runs `body` on the top screen and applies its response.
    mutating func withTop(_ body: (inout any Screen, ScreenContext) -> ScreenResponse) -> [AppEffect] {
        let index = screens.count - 1
        var screen = screens[index].screen
        let response = body(&screen, screenContext)
        screens[index].screen = screen
        return applyScreen(response, at: index)
    }

    /// Applies what the screen at `index` asked for: a message, its effects, closing it, opening
    /// another on top. Only the top screen closes or opens screens.
    mutating func applyScreen(_ response: ScreenResponse, at index: Int) -> [AppEffect] {
        if let message = response.status { status = message }
        var effects = stamp(response.effects, from: index)
        if let member = response.signedIn {
            if let provider = response.provider { session.provider = provider }
            return effects + signIn(member)
        }
        guard index == screens.count - 1 else { return effects }
        if response.pop, screens.count > 1 { effects += closeTop() }
        if let screen = response.push { effects += open(screen) }
        return effects
    }

    /// Gives each task of the screen at `index` that screen's generation and the signed-in
    /// user, and notes it as waiting.
    mutating func stamp(_ effects: [AppEffect], from index: Int) -> [AppEffect] {
        let generation = screens[index].generation
        return effects.map { effect in
            guard case .task(var request) = effect else { return effect }
            request.generation = generation
            request.actor = session.user?.actor
            if var waiting = pendingTasks[generation] {
                waiting.count += 1
                pendingTasks[generation] = waiting
            } else {
                pendingTasks[generation] = PendingTasks(count: 1, since: now)
            }
            return .task(request)
        }
    }

    /// A task finished: its result goes to the screen that asked, if it is still open.
    mutating func receive(_ reply: TaskReply) -> [AppEffect] {
        if var waiting = pendingTasks[reply.generation] {
            waiting.count -= 1
            pendingTasks[reply.generation] = waiting.count > 0 ? waiting : nil
        }
        if reply.changedStore {
            storeVersion += 1
        }
        guard let index = screens.firstIndex(where: { $0.generation == reply.generation }) else { return [] }
        var screen = screens[index].screen
        guard let response = reply.apply(&screen, screenContext) else { return [] }
        screens[index].screen = screen
        if reply.changedStore {
            // The screen that wrote has what it needs; the others read again when shown.
            screens[index].dataVersion = storeVersion
        }
        return applyScreen(response, at: index)
    }

    /// True when the screen shown has waited longer than `loadingDelay` for its data.
    public var isLoading: Bool {
        guard let waiting = pendingTasks[screens[screens.count - 1].generation] else { return false }
        return now.timeIntervalSince(waiting.since) >= Self.loadingDelay
    }

    /// When "Loading…" is due to show, if the screen shown is waiting and it does not show yet.
    public var loadingDue: Date? {
        guard let waiting = pendingTasks[screens[screens.count - 1].generation], !isLoading else { return nil }
        return waiting.since.addingTimeInterval(Self.loadingDelay)
    }
}
