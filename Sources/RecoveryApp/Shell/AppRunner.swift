import Foundation
import Logging
import RecoveryModel
import TUI

/// The loop: draw the state, wait for an event (or the next minute, for the clock), turn it into
/// an action, update, carry out the effects, draw again.
public final class AppRunner {
    public private(set) var state: AppState
    private let terminal: any Terminal
    private let services: any AppServices
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private var started = false

    public init(state: AppState, terminal: any Terminal, services: any AppServices,
                clock: @escaping @Sendable () -> Date = { Date() },
                logger: Logger = Logger(label: "recoverydesk.app")) {
        var initial = state
        initial.size = terminal.size
        self.state = initial
        self.terminal = terminal
        self.services = services
        self.clock = clock
        self.logger = logger
    }

    /// Runs until the user quits or a signal asks the app to stop.
    public func run() {
        dispatch(.started)
        draw()
        while state.isRunning {
            let now = clock()
            var seconds = UKDateFormat.secondsToNextMinute(after: now)
            if let due = state.session.lockDue { seconds = min(seconds, max(0.05, due.timeIntervalSince(now))) }
            let wait = Int(seconds * 1000)
            if let event = terminal.readEvent(timeoutMilliseconds: min(wait, 60_000)) {
                handle(event)
            } else {
                draw()
            }
        }
        logger.info("RecoveryDesk stopped")
    }

    /// Handles every event the terminal has queued, then returns (for tests with `TestTerminal`).
    public func runUntilIdle() {
        if !started { dispatch(.started) }
        draw()
        while state.isRunning, let event = terminal.readEvent(timeoutMilliseconds: 0) {
            handle(event)
        }
    }

    /// One event: update the state, carry out its effects, draw the new frame.
    public func handle(_ event: Event) {
        // The clock first, so an idle lock that is due happens before the key is read.
        dispatch(.tick(clock()))
        switch event {
        case .key(let key): dispatch(.key(key))
        case .mouse(let mouse): dispatch(.mouse(mouse))
        case .resize(let size): dispatch(.resize(size))
        case .terminate: dispatch(.terminate)
        }
        if state.isRunning { draw() }
    }

    /// Feeds an action to `update` and runs the effects it returns, and the actions they return.
    public func dispatch(_ action: AppAction) {
        if case .started = action { started = true }
        var queue = [action]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            for effect in state.update(next) {
                if let result = perform(effect) { queue.append(result) }
            }
        }
    }

    private func perform(_ effect: AppEffect) -> AppAction? {
        switch effect {
        case .quit:
            return nil
        case .invalidateScreen:
            terminal.invalidate()
            return nil
        case .loadTheme(let name):
            switch services.loadTheme(name) {
            case .success(let theme): return .themeLoaded(theme)
            case .failure(let error):
                logger.warning("Theme not loaded: \(error.description)")
                return .themeFailed(error.description)
            }
        case .store(let request, let actor, let screenID):
            return .storeReplied(services.perform(request, actor: actor, now: clock()), to: screenID)
        case .saveConfiguration(let configuration):
            switch services.saveConfiguration(configuration) {
            case .success(let saved): return .configurationSaved(saved)
            case .failure(let error):
                logger.error("Preferences not saved: \(error.description)")
                return .configurationFailed("Preferences were not saved: \(error.description)")
            }
        }
    }

    private func draw() {
        dispatch(.tick(clock()))
        terminal.present(AppView.render(state))
    }
}
