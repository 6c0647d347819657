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
            return OpenScreen(screen: screen, generation: nextGeneration, dataVersion: OpenScreen.unread)
        }
    }

    /// Opens `screen` on top and returns what it asks for on appearing. What it was handed by the
    /// screen beneath is as fresh as that screen's data.
    mutating func open(_ screen: any Screen) -> [AppEffect] {
        let handed = screens.last?.dataVersion ?? OpenScreen.unread
        screens.append(OpenScreen(screen: screen, generation: nextGeneration, dataVersion: handed))
        nextGeneration += 1
        return appearTop()
    }

    /// The top screen appears: it asks for what it shows.
    mutating func appearTop() -> [AppEffect] {
        let index = screens.count - 1
        return stamp(screens[index].screen.appear(context: screenContext), from: index)
    }

    /// Shown again after the screen above closed: as it was, at once. The store is asked for its
    /// change count, and the screen is read again only if that has moved since it last read.
    mutating func revisitTop() -> [AppEffect] {
        revisitPending = screens[screens.count - 1].generation
        return [.checkStore]
    }

    /// The store's change count came: a screen shown again whose data is older reads again.
    mutating func changesCounted(_ count: Int64) -> [AppEffect] {
        storeVersion = count
        let index = screens.count - 1
        guard revisitPending == screens[index].generation else { return [] }
        revisitPending = nil
        guard screens[index].dataVersion != count else { return [] }
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
    /// user, and notes it as waiting. A screen reading again has data of unknown age until the
    /// reads answer (each with the change count it read at).
    mutating func stamp(_ effects: [AppEffect], from index: Int) -> [AppEffect] {
        let generation = screens[index].generation
        return effects.map { effect in
            guard case .task(var request) = effect else { return effect }
            if !request.changesStore { screens[index].dataVersion = OpenScreen.unread }
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
        // After a write the change count (and the newest record, for the clock) is read again.
        let recount: [AppEffect] = reply.changedStore ? [.checkStore] : []
        guard let index = screens.firstIndex(where: { $0.generation == reply.generation }) else { return recount }
        var screen = screens[index].screen
        guard let response = reply.apply(&screen, screenContext) else { return recount }
        screens[index].screen = screen
        if let count = reply.readAtCount { screens[index].dataVersion = min(screens[index].dataVersion, count) }
        return recount + applyScreen(response, at: index)
    }

    /// The generation of the screen shown.
    public var currentGeneration: Int { screens[screens.count - 1].generation }

    /// True when the screen shown has waited longer than `loadingDelay` for its data.
    public var isLoading: Bool { isLoading(at: now) }

    /// Whether "Loading…" would show at `moment` (the run loop asks between frames).
    public func isLoading(at moment: Date) -> Bool {
        guard let waiting = pendingTasks[screens[screens.count - 1].generation] else { return false }
        return moment.timeIntervalSince(waiting.since) >= Self.loadingDelay
    }
}
