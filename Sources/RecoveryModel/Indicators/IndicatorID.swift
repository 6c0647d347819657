/// The early-warning indicators worked out for every service. The raw value is the indicator's
/// id on the command line, in JSON and CSV, and in the thresholds setting.
public enum IndicatorID: String, CaseIterable, Codable, Hashable, Sendable {
    case marCoverage = "mar-coverage"
    case findingRate = "finding-rate"
    case refusalsIncomplete = "refusals-incomplete"
    case repeatFindings = "repeat-findings"
    case lateReturns = "late-returns"
    case lateReturnsNotEscalated = "late-returns-not-escalated"
    case escalationsOverdue = "escalations-overdue"
    case escalationsLate = "escalations-late"
    case stepsOverdue = "steps-overdue"
    case reviewsOverdue = "reviews-overdue"
    case measuresOffTrack = "measures-off-track"
    case staffWithoutCompetency = "staff-without-competency"
    case lateEntries = "late-entries"
    case scoreMasksRecurrence = "score-masks-recurrence"
    case unsupportedClosures = "unsupported-closures"

    /// What the indicator is, in words, and how it is counted.
    public var definition: IndicatorDefinition {
        switch self {
        case .marCoverage:
            return IndicatorDefinition(
                name: "Rounds without a MAR check", shortName: "Unchecked",
                measures: "Medicines rounds (homecare: days of visits) in the 14 days before today with no MAR chart check logged.",
                unit: .count, windowDays: 14, standard: IndicatorThreshold(amber: 2, red: 6))
        case .findingRate:
            return IndicatorDefinition(
                name: "MAR findings per 100 charts", shortName: "Findings",
                measures: "Findings logged on MAR chart checks for every 100 charts checked, over the last 28 days; the trend shows whether it is rising.",
                unit: .perHundredCharts, windowDays: 28, standard: IndicatorThreshold(amber: 0.5, red: 2))
        case .refusalsIncomplete:
            return IndicatorDefinition(
                name: "Refusal records incomplete", shortName: "Refusals",
                measures: "Share of refusals seen on MAR charts in the last 28 days without a reason, action and escalation decision all recorded.",
                unit: .percent, windowDays: 28, standard: IndicatorThreshold(amber: 5, red: 15))
        case .repeatFindings:
            return IndicatorDefinition(
                name: "Staff with repeated findings", shortName: "Repeats",
                measures: "Members of staff named in \(IndicatorEngine.repeatFindingCount) or more MAR findings in the last 30 days.",
                unit: .count, windowDays: 30, standard: IndicatorThreshold(amber: 1, red: 2))
        case .lateReturns:
            return IndicatorDefinition(
                name: "Late MAR returns", shortName: "Late ret",
                measures: "MAR chart checks in the last 28 days showing charts returned to the office late.",
                unit: .count, windowDays: 28, standard: IndicatorThreshold(amber: 1, red: 4))
        case .lateReturnsNotEscalated:
            return IndicatorDefinition(
                name: "Late returns not escalated in time", shortName: "Not esc",
                measures: "Late MAR returns in the last 28 days with no late-return escalation raised within one working day.",
                unit: .count, windowDays: 28, standard: IndicatorThreshold(amber: 1, red: 2))
        case .escalationsOverdue:
            return IndicatorDefinition(
                name: "Escalations overdue", shortName: "Esc due",
                measures: "Escalations still not resolved after their due-by time.",
                unit: .count, windowDays: 0, standard: IndicatorThreshold(amber: 1, red: 3))
        case .escalationsLate:
            return IndicatorDefinition(
                name: "Escalations handled late", shortName: "Esc late",
                measures: "Share of escalations resolved in the last 28 days that were resolved after their due-by time.",
                unit: .percent, windowDays: 28, standard: IndicatorThreshold(amber: 10, red: 25))
        case .stepsOverdue:
            return IndicatorDefinition(
                name: "Plan steps overdue", shortName: "Steps",
                measures: "Steps of active or monitored recovery plans whose next due day has passed without an entry.",
                unit: .count, windowDays: 0, standard: IndicatorThreshold(amber: 1, red: 3))
        case .reviewsOverdue:
            return IndicatorDefinition(
                name: "Governance reviews overdue", shortName: "Reviews",
                measures: "Registered manager and provider reviews of active or monitored plans that are past their due day.",
                unit: .count, windowDays: 0, standard: IndicatorThreshold(amber: 1, red: 2))
        case .measuresOffTrack:
            return IndicatorDefinition(
                name: "Plan measures off track", shortName: "Off trk",
                measures: "Outcome measures of active or monitored plans that the target engine finds off track.",
                unit: .count, windowDays: 0, standard: IndicatorThreshold(amber: 1, red: 3))
        case .staffWithoutCompetency:
            return IndicatorDefinition(
                name: "Staff giving medicines without current competency", shortName: "Compet",
                measures: "Active staff who give medicines (by their role and service, or as their records show) whose competency has expired, is restricted, or was never assessed.",
                unit: .count, windowDays: 0, standard: IndicatorThreshold(amber: 1, red: 2))
        case .lateEntries:
            return IndicatorDefinition(
                name: "Late entries", shortName: "Late ent",
                measures: "MAR chart checks for rounds in the last 28 days that were entered after the late-entry limit.",
                unit: .count, windowDays: 28, standard: IndicatorThreshold(amber: 2, red: 5))
        case .scoreMasksRecurrence:
            return IndicatorDefinition(
                name: "Audit score up while a finding recurs", shortName: "Masked",
                measures: "Finding types that did not fall over three periods while the audit score rose: the plans' own hand-entered audit results (their last three months), or where there are none the share of clean MAR checks over three four-week blocks.",
                unit: .count, windowDays: 84, standard: IndicatorThreshold(amber: 1, red: 2))
        case .unsupportedClosures:
            return IndicatorDefinition(
                name: "Closures not supported by results", shortName: "Closure",
                measures: "Plans closed in the last 12 months without what closing needs: every outcome measure achieved on the day, a step recorded as done, and a governance review deciding to close after the targets were met.",
                unit: .count, windowDays: 365, standard: IndicatorThreshold(amber: 1, red: 2))
        }
    }

    /// The indicators shown as dashboard columns, most important first (as many as fit).
    public static let dashboardOrder: [IndicatorID] = [
        .marCoverage, .escalationsOverdue, .staffWithoutCompetency, .measuresOffTrack, .findingRate,
        .stepsOverdue, .refusalsIncomplete, .lateReturnsNotEscalated, .reviewsOverdue,
    ]
}

/// How an indicator's figure reads.
public enum IndicatorUnit: String, Codable, Hashable, Sendable {
    /// A number of things (rounds, people, escalations).
    case count
    /// A share out of 100.
    case percent
    /// So many for every 100 charts checked.
    case perHundredCharts = "per-100-charts"
}

/// An indicator's name, what it measures, its unit, the days it looks back over (0: as things
/// stand now) and its standard thresholds.
public struct IndicatorDefinition: Hashable, Sendable {
    public let name: String
    /// A heading of at most eight columns for the dashboard.
    public let shortName: String
    public let measures: String
    public let unit: IndicatorUnit
    public let windowDays: Int
    public let standard: IndicatorThreshold
}
