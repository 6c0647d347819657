import Foundation

/// Whether this computer's clock can be trusted against the records already in the store. A
/// clock behind the newest record stamps new entries in the past and makes recent records fall
/// outside "today", so it is named wherever times matter (sign-in, the title bar, `verify`).
public struct ClockCheck: Hashable, Sendable {
    /// How far the clock may be behind the newest record before it is called behind: small
    /// differences come from another process writing a moment earlier.
    public static let tolerance: TimeInterval = 5 * 60

    /// What the computer says now.
    public let now: Date
    /// The newest record's moment.
    public let newestRecord: Date

    /// The clock is behind when `now` is earlier than `newestRecord` by more than the tolerance
    /// (five minutes exactly is still fine); nil when it is not, or when there are no records.
    public static func behind(now: Date, newestRecord: Date?) -> ClockCheck? {
        guard let newestRecord, newestRecord.timeIntervalSince(now) > tolerance else { return nil }
        return ClockCheck(now: now, newestRecord: newestRecord)
    }

    /// "Clock behind: this computer says 03/12/2026 09:00 but records go up to 03/12/2026 11:30".
    public var message: String {
        "Clock behind: this computer says \(UKDateFormat.dateTime(now)) but records go up to \(UKDateFormat.dateTime(newestRecord))"
    }

    /// What it means for someone about to type, in one sentence after `message`.
    public static let advice = "New entries would be stamped too early; ask for the computer's clock to be put right."

    /// A form short enough for the title bar: "Clock behind: records up to 03/12/2026 11:30".
    public var shortMessage: String {
        "Clock behind: records up to \(UKDateFormat.dateTime(newestRecord))"
    }
}
