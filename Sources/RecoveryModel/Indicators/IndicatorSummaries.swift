import Foundation

/// Everything `IndicatorFigures` reads, loaded by the store in one go from the summary tables
/// and a few bounded reads (see `RecoveryDataStore.indicatorSummaries`). Nothing here grows with
/// years of history: the summaries cover the windows and the 12-week history
/// (`IndicatorEvidence.firstDay` onwards), escalations are those open or resolved since then,
/// and plans are those followed during the history (with their measures worked out from the
/// summaries) or closed with an audit score within the closures' look-back.
public struct IndicatorSummaries: Sendable {
    /// Active services.
    public var services: [Service]
    public var checkDays: [CheckDaySummary]
    public var findings: [FindingDaySummary]
    public var lateReturns: [LateReturnItem]
    public var escalations: [EscalationTiming]
    /// Active staff.
    public var staff: [StaffMember]
    /// Observations that bear on competency (`CompetencyRules.isRelevant`).
    public var observations: [Observation]
    /// When each member of staff was added to the store (see `IndicatorEvidence.staffJoined`).
    public var staffJoined: [Int64: Date]
    public var plans: [PlanRecord]
    /// The closure guard's verdict on each plan closed since `IndicatorEvidence.closedSince`.
    public var closures: [PlanClosureVerdict]
    /// Staff named in a finding at any service in the windows, when the summaries are of one
    /// service (someone named elsewhere still counts as giving medicines); nil: from `findings`.
    public var namedInFindings: Set<Int64>?

    public init(services: [Service], checkDays: [CheckDaySummary] = [], findings: [FindingDaySummary] = [],
                lateReturns: [LateReturnItem] = [], escalations: [EscalationTiming] = [], staff: [StaffMember] = [],
                observations: [Observation] = [], staffJoined: [Int64: Date] = [:], plans: [PlanRecord] = [],
                closures: [PlanClosureVerdict] = []) {
        self.services = services
        self.checkDays = checkDays
        self.findings = findings
        self.lateReturns = lateReturns
        self.escalations = escalations
        self.staff = staff
        self.observations = observations
        self.staffJoined = staffJoined
        self.plans = plans
        self.closures = closures
    }
}

/// An escalation's deadlines as the indicators need them: raised, due, resolved.
public struct EscalationTiming: Hashable, Sendable {
    public var id: Int64
    public var serviceID: Int64
    public var raisedAt: Date
    public var dueBy: Date
    public var resolvedAt: Date?
    /// As recorded when it was resolved (nil for stores that did not record it).
    public var handledInTime: Bool?

    public init(id: Int64, serviceID: Int64, raisedAt: Date, dueBy: Date, resolvedAt: Date?, handledInTime: Bool?) {
        self.id = id
        self.serviceID = serviceID
        self.raisedAt = raisedAt
        self.dueBy = dueBy
        self.resolvedAt = resolvedAt
        self.handledInTime = handledInTime
    }

    /// Resolved by its due-by (as recorded, or worked out for older records).
    public var resolvedInTime: Bool? {
        guard let resolvedAt else { return nil }
        return handledInTime ?? (resolvedAt <= dueBy)
    }
}

/// What the closure guard found missing when a plan was closed, kept from that moment on
/// (`summary_plan_closure`): a closed plan's verdict is never worked out again from years of
/// evidence. Empty `missing`: the closure was supported by results and sign-off.
public struct PlanClosureVerdict: Hashable, Sendable {
    public var planID: Int64
    /// Nil for a provider-wide plan.
    public var serviceID: Int64?
    public var title: String
    public var closedAt: Date
    /// The guard's gaps, in a few words each (`ClosureGap.short`).
    public var missing: [String]

    public init(planID: Int64, serviceID: Int64?, title: String, closedAt: Date, missing: [String]) {
        self.planID = planID
        self.serviceID = serviceID
        self.title = title
        self.closedAt = closedAt
        self.missing = missing
    }

    /// The verdict on a plan as it stood when it closed, with its measures' records.
    public static func of(_ plan: PlanRecord, closedAt closed: Date, workingDays: WorkingDays) -> PlanClosureVerdict {
        let evaluations = plan.measures.map { measure in
            TargetEngine.evaluate(measure.definition, records: measure.records(at: closed),
                                  planStart: plan.draft.startDate, today: closed, workingDays: workingDays)
        }
        let check = ClosureGuard.check(plan, evaluations: evaluations, at: closed)
        return PlanClosureVerdict(planID: plan.id, serviceID: plan.draft.serviceID, title: plan.draft.title,
                                  closedAt: closed, missing: check.gaps.map(\.short))
    }
}
