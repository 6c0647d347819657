import Foundation
import Logging
import RecoveryModel
import TUI

/// The loop: draw the state, wait for an event (or the next minute, for the clock), turn it into
/// an action, update, carry out the effects, draw again. Store work never runs here: screens'
/// tasks go to a worker, and their replies are taken between keys, so a key is answered and its
/// frame drawn at once while the data it asked for is still being read.
public final class AppRunner {
    public private(set) var state: AppState
    private let terminal: any Terminal
    /// The outside world the effects reach (the bench reads its store directly).
    public let services: any AppServices
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private var started = false
    private let worker = TaskWorker()
    /// Whether the last frame drawn showed "Loading…".
    private var drewLoading = false
    /// How often the loop looks for finished tasks while the worker is busy, in milliseconds.
    static let replyPollMilliseconds = 5

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
            let clockWait = min(Int(seconds * 1000), 60_000)
            let wait = worker.isBusy ? min(clockWait, Self.replyPollMilliseconds) : clockWait
            if let event = terminal.readEvent(timeoutMilliseconds: wait) {
                handle(event)
                takeReplies()
            } else if !takeReplies(), wait == clockWait || loadingChanged {
                // Nothing came: draw for the clock, or when "Loading…" is due.
                draw()
            }
        }
        logger.info("RecoveryDesk stopped")
    }

    /// Handles every event the terminal has queued and waits for every task they asked for,
    /// then returns (for tests with `TestTerminal`).
    public func runUntilIdle() {
        if !started { dispatch(.started) }
        settle()
        draw()
        while state.isRunning, let event = terminal.readEvent(timeoutMilliseconds: 0) {
            handle(event)
            settle()
            if state.isRunning { draw() }
        }
    }

    /// Handles every event the terminal has queued without waiting for the tasks they ask for
    /// (for tests of what shows while the store is still reading).
    public func runKeysOnly() {
        if !started { dispatch(.started) }
        draw()
        while state.isRunning, let event = terminal.readEvent(timeoutMilliseconds: 0) {
            handle(event)
        }
    }

    /// Waits for the worker and applies every reply, until no task is left.
    public func settle() {
        repeat {
            worker.waitUntilDone()
        } while takeReplies() || worker.isBusy
    }

    /// True while a task is queued or running.
    public var isWaitingForStore: Bool { worker.isBusy }

    /// Applies the replies of finished tasks and draws the frame; false when there were none.
    @discardableResult
    public func takeReplies() -> Bool {
        let finished = worker.takeFinished()
        guard !finished.isEmpty else { return false }
        dispatch(.tick(clock()))
        for action in finished { dispatch(action) }
        if state.isRunning { draw() }
        return true
    }

    /// True when "Loading…" should show and does not, or the other way round.
    private var loadingChanged: Bool { state.isLoading(at: clock()) != drewLoading }

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
        case .task(let request):
            let services = services
            let clock = clock
            let logger = logger
            worker.submit {
                let started = Date()
                let reply = services.run(request, now: clock())
                let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
                if milliseconds >= 100 { logger.debug("\(reply.description) took \(milliseconds) ms") }
                return .taskFinished(reply)
            }
            return nil
        case .checkStore:
            let services = services
            worker.submit {
                let store = services.recovery?.store
                return .storeChecked(newestRecord: (try? store?.newestRecordTime()) ?? nil,
                                     changes: try? store?.changeCount())
            }
            return nil
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
        drewLoading = state.isLoading
        terminal.present(AppView.render(state))
    }
}
