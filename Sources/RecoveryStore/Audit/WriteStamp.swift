import Foundation

/// Who made a change and when: stamped on the row (`recorded_at`, `recorded_by_id`,
/// `recorded_by`) and on its audit entry. `occurredAt` is for records of events (a MAR check,
/// an escalation), which say both when the thing happened and when it was entered.
struct WriteStamp: Sendable {
    var actorID: Int64? = nil
    var actorName: String
    var recordedAt: Date
    var occurredAt: Date? = nil
}
