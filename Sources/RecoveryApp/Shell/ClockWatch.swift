import Foundation
import RecoveryModel

/// Keeping an eye on the computer's clock: the store is asked for its newest record when the app
/// starts, when the screen locks and once a minute after that; the comparison itself is
/// `ClockCheck`, made afresh on every frame, so the warning goes as soon as the clock is right.
extension AppState {
    /// The clock is behind the newest record by more than the tolerance, or nil.
    public var clockBehind: ClockCheck? { ClockCheck.behind(now: now, newestRecord: newestRecord) }

    /// Asks the store for its newest record's moment.
    mutating func askClock() -> [AppEffect] {
        clockAskedMinute = Self.minute(of: now)
        return [.checkStore]
    }

    /// Asks again when the minute has moved on since the last time.
    mutating func askClockIfDue() -> [AppEffect] {
        Self.minute(of: now) == clockAskedMinute ? [] : askClock()
    }

    private static func minute(of date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / 60).rounded(.down)) }
}
