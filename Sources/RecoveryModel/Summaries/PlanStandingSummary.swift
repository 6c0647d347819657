import Foundation

/// How a plan stands, as the plans list shows it without reading the plan's evidence: its
/// outcome (the worst of its measures' states), when each of its steps is next due, and the
/// London day this was worked out. The store keeps one per plan (`summary_plan_standing`),
/// worked out again whenever the plan or its service's evidence changes and on the first list
/// of a new day; the plan's own page always works everything out afresh.
public struct PlanStandingSummary: Hashable, Sendable {
    /// The plan's worst measure state (no data when it has no measures).
    public var state: MeasureState
    /// When each open step is next due, soonest first (none for a draft or closed plan).
    public var stepDues: [Date]
    public var workedOutDay: LondonDay

    public init(state: MeasureState, stepDues: [Date], workedOutDay: LondonDay) {
        self.state = state
        self.stepDues = stepDues
        self.workedOutDay = workedOutDay
    }

    /// The standing of a plan (with its measures' records) on a day.
    public static func of(_ plan: PlanRecord, today: Date, workingDays: WorkingDays) -> PlanStandingSummary {
        of(plan, evaluations: plan.measures.map {
            TargetEngine.evaluate($0.definition, records: $0.records, planStart: plan.draft.startDate, today: today,
                                  workingDays: workingDays)
        }, today: today)
    }

    /// The standing of a plan whose measures were evaluated on `today`.
    public static func of(_ plan: PlanRecord, evaluations: [MeasureEvaluation], today: Date) -> PlanStandingSummary {
        let open = plan.status != .closed && plan.status != .draft
        return PlanStandingSummary(state: evaluations.isEmpty ? .noData : MeasureState.worst(evaluations.map(\.state)),
                                   stepDues: open ? plan.steps.compactMap(\.nextDue).sorted() : [],
                                   workedOutDay: LondonDay(today))
    }

    /// The soonest step due.
    public var nextDue: Date? { stepDues.first }

    /// Steps whose next due day is before today.
    public func overdueSteps(today: Date) -> Int {
        stepDues.filter { StepSchedule.isOverdue(nextDue: $0, today: today) }.count
    }
}

/// One row of the plans list: the plan's own columns and its stored standing.
public struct PlanListRow: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var title: String
    /// Nil for a provider-wide plan.
    public var serviceID: Int64?
    public var status: PlanStatus
    public var qualityStatements: [String]
    public var regulations: [Int]
    /// Nil only while a store upgrade has not worked it out yet.
    public var standing: PlanStandingSummary?

    public init(id: Int64, title: String, serviceID: Int64?, status: PlanStatus, qualityStatements: [String],
                regulations: [Int], standing: PlanStandingSummary?) {
        self.id = id
        self.title = title
        self.serviceID = serviceID
        self.status = status
        self.qualityStatements = qualityStatements
        self.regulations = regulations
        self.standing = standing
    }
}

extension MeasureState {
    /// The state as stored: "no-data", "off-track", "on-track", "sustaining:2:3", "achieved".
    public var code: String {
        switch self {
        case .noData: return "no-data"
        case .offTrack: return "off-track"
        case .onTrack: return "on-track"
        case .sustaining(let met, let of): return "sustaining:\(met):\(of)"
        case .achieved: return "achieved"
        }
    }

    /// Reads `code` back; nil for anything else.
    public init?(code: String) {
        switch code {
        case "no-data": self = .noData
        case "off-track": self = .offTrack
        case "on-track": self = .onTrack
        case "achieved": self = .achieved
        default:
            let parts = code.split(separator: ":")
            guard parts.count == 3, parts[0] == "sustaining", let met = Int(parts[1]), let of = Int(parts[2]) else { return nil }
            self = .sustaining(met: met, of: of)
        }
    }
}
