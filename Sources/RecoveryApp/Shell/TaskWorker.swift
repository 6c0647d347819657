import Foundation

/// Runs store work off the input loop, one piece at a time in the order given (so writes keep
/// their order), and keeps what finished until the run loop takes it.
final class TaskWorker: @unchecked Sendable {
    private let queue = DispatchQueue(label: "recoverydesk.store-worker", qos: .userInitiated)
    private let lock = NSLock()
    private var finished: [AppAction] = []
    private var running = 0

    /// Queues `work`; its action is kept for `takeFinished`.
    func submit(_ work: @escaping @Sendable () -> AppAction) {
        lock.withLock { running += 1 }
        queue.async { [self] in
            let action = work()
            lock.withLock {
                finished.append(action)
                running -= 1
            }
        }
    }

    /// The actions of work finished since the last call, oldest first.
    func takeFinished() -> [AppAction] {
        lock.withLock {
            let taken = finished
            finished = []
            return taken
        }
    }

    /// True while work is queued or running, or has finished and not been taken yet (so the
    /// run loop never sleeps on a reply that came in just before it looked).
    var isBusy: Bool { lock.withLock { running > 0 || !finished.isEmpty } }

    /// Waits until everything queued so far has finished (for tests and the bench).
    func waitUntilDone() {
        queue.sync {}
    }
}
