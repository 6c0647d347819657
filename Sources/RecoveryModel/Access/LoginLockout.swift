import Foundation

/// Five wrong PINs in a row lock a user for five minutes. Pure: the store keeps the count and
/// the time, and passes the clock in.
public struct LoginLockout: Hashable, Sendable {
    public static let maximumAttempts = 5
    public static let lockDuration: TimeInterval = 5 * 60

    /// Wrong PINs since the last success.
    public var failedAttempts: Int
    /// Locked until this moment, if locked.
    public var lockedUntil: Date?

    public init(failedAttempts: Int = 0, lockedUntil: Date? = nil) {
        self.failedAttempts = failedAttempts
        self.lockedUntil = lockedUntil
    }

    /// True while the lock is in force at `now`.
    public func isLocked(at now: Date) -> Bool {
        guard let lockedUntil else { return false }
        return now < lockedUntil
    }

    /// The state after a wrong PIN at `now`.
    public func recordingFailure(at now: Date) -> LoginLockout {
        // A lock that has run out starts the count afresh.
        var next = (lockedUntil.map { now >= $0 } ?? false) ? LoginLockout() : self
        next.failedAttempts += 1
        if next.failedAttempts >= Self.maximumAttempts {
            next.lockedUntil = now.addingTimeInterval(Self.lockDuration)
            next.failedAttempts = 0
        }
        return next
    }

    /// Wrong PINs left before the lock, at `now`.
    public func attemptsLeft(at now: Date) -> Int {
        Self.maximumAttempts - failedAttempts
    }
}
