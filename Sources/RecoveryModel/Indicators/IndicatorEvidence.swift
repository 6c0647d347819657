import Foundation

/// Everything the indicator engine reads, loaded by the store in one go (see
/// `RecoveryDataStore.indicatorEvidence`). Only what the windows and the 12-week history need is
/// loaded: checks whose round day is on or after `IndicatorEvidence.firstDay`, escalations open
/// or raised or resolved since then, competency-relevant observations, and plans that are open
/// or were closed in the last year, with their evidence-derived figures attached.
public struct IndicatorEvidence: Sendable {
    /// Active services.
    public var services: [Service]
    public var checks: [MARCheck]
    public var escalations: [Escalation]
    /// Active staff.
    public var staff: [StaffMember]
    /// Observations that bear on competency (`CompetencyRules.isRelevant`).
    public var observations: [Observation]
    public var plans: [PlanRecord]
    /// When each member of staff was added to the store, by id: they are not counted at moments
    /// before it (as each service counts nothing before `Service.addedAt`). Missing: always there.
    public var staffJoined: [Int64: Date]

    public init(services: [Service], checks: [MARCheck] = [], escalations: [Escalation] = [], staff: [StaffMember] = [],
                observations: [Observation] = [], plans: [PlanRecord] = [], staffJoined: [Int64: Date] = [:]) {
        self.services = services
        self.checks = checks
        self.escalations = escalations
        self.staff = staff
        self.observations = observations
        self.plans = plans
        self.staffJoined = staffJoined
    }

    /// The first round day any indicator or its history looks at: 11 weeks of history before
    /// today, plus the longest window (56 days, the audit-score comparison).
    public static func firstDay(today: LondonDay) -> LondonDay {
        today.adding(days: -(7 * (IndicatorEngine.historyWeeks - 1) + 84))
    }

    /// Plans closed before this day are not looked at (unsupported closures look back a year
    /// from the oldest week of the history).
    public static func closedSince(today: LondonDay) -> LondonDay {
        today.adding(days: -(7 * (IndicatorEngine.historyWeeks - 1) + 365))
    }
}
