import Foundation

/// One late return a MAR check shows (a "chart returned late" finding, or charts counted as
/// returned late), with when it was first escalated. Kept in `summary_late_return`, updated when
/// the check is logged or corrected and when an escalation naming it is raised, so "late
/// returns not escalated" and the late-returns-escalated measure never read whole checks.
public struct LateReturnItem: Hashable, Sendable {
    public var source: EscalationSource
    public var serviceID: Int64
    public var day: Int
    public var recordedDay: Int
    /// The end of the check's round (`EvidenceDerivations.roundMoment`).
    public var occurred: Date
    /// The first escalation naming it, and when it was raised; nil while none does.
    public var firstEscalationID: Int64?
    public var firstRaised: Date?

    public init(source: EscalationSource, serviceID: Int64, day: Int, recordedDay: Int, occurred: Date,
                firstEscalationID: Int64? = nil, firstRaised: Date? = nil) {
        self.source = source
        self.serviceID = serviceID
        self.day = day
        self.recordedDay = recordedDay
        self.occurred = occurred
        self.firstEscalationID = firstEscalationID
        self.firstRaised = firstRaised
    }

    /// The late returns of the checks, each with the first of the escalations naming it.
    public static func items(of checks: [MARCheck], escalationsBySource: [EscalationSource: [Escalation]]) -> [LateReturnItem] {
        var items: [LateReturnItem] = []
        for check in checks where EvidenceMeasures.showsLateReturn(check) {
            let place = SummaryKey(check)
            for item in EscalationDue.sources(of: check) where item.isLateReturn {
                let first = escalationsBySource[item.source]?.min { ($0.raisedAt, $0.id) < ($1.raisedAt, $1.id) }
                items.append(LateReturnItem(source: item.source, serviceID: place.serviceID, day: place.day,
                                            recordedDay: place.recordedDay,
                                            occurred: EvidenceDerivations.roundMoment(check.draft),
                                            firstEscalationID: first?.id, firstRaised: first?.raisedAt))
            }
        }
        return items.sorted { $0.source < $1.source }
    }
}
