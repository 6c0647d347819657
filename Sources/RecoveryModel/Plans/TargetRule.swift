import Foundation

/// The period a measure is counted over.
public enum MeasurePeriod: String, CaseIterable, Codable, Hashable, Sendable {
    case week
    case month
}

/// Where a measure's figures come from.
public enum MeasureSource: String, CaseIterable, Codable, Hashable, Sendable {
    /// Entered by hand from an audit: numerator over denominator, with the sample described.
    case manualAudit = "manual-audit"
    /// Refusal records complete, from the daily MAR checks.
    case refusalRecordsComplete = "refusal-records-complete"
    /// MAR charts returned on time, from the daily MAR checks.
    case chartsReturnedOnTime = "charts-returned-on-time"
    /// Late MAR returns escalated within the allowed working days.
    case lateReturnsEscalated = "late-returns-escalated"
    /// Repeat findings of one type, from the MAR checks.
    case repeatFindings = "repeat-findings"
    /// Escalations handled within their deadline.
    case escalationsHandledInTime = "escalations-handled-in-time"
}

/// One rule a measure must meet. A measure's rules are combined with AND.
public enum TargetRule: Hashable, Codable, Sendable {
    /// At least `percent`% in each of `periods` consecutive periods.
    case atLeastPercentForConsecutivePeriods(percent: Double, periods: Int)
    /// Every event handled within `workingDays` UK working days, allowing `allowance` late ones.
    case everyEventWithinWorkingDays(workingDays: Int, allowance: Int)
    /// No occurrences at all for `months` months running.
    case zeroOccurrencesForMonths(months: Int)
    /// At least `percent`% fewer than the baseline figure, by the deadline (days after the plan starts).
    case reductionFromBaseline(percent: Double, baseline: Double, withinDays: Int)
    /// Reach `percent`% by the deadline (days after the plan starts).
    case reachPercentByDeadline(percent: Double, withinDays: Int)

    /// The rule in words, e.g. "at least 95% in each of 3 consecutive months".
    public func summary(period: MeasurePeriod) -> String {
        let unit = period == .month ? "month" : "week"
        func number(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        }
        switch self {
        case .atLeastPercentForConsecutivePeriods(let percent, let periods):
            return "at least \(number(percent))% in each of \(periods) consecutive \(unit)s"
        case .everyEventWithinWorkingDays(let days, let allowance):
            let within = "every one handled within \(days) working \(days == 1 ? "day" : "days")"
            return allowance == 0 ? within : within + " (allowing \(allowance) late)"
        case .zeroOccurrencesForMonths(let months):
            return "none at all for \(months) months running"
        case .reductionFromBaseline(let percent, let baseline, let days):
            return "\(number(percent))% fewer than the baseline of \(number(baseline)) within \(days) days"
        case .reachPercentByDeadline(let percent, let days):
            return "reach \(number(percent))% within \(days) days"
        }
    }
}

/// An outcome measure of a plan: a name, a period, a source and its rules.
public struct OutcomeMeasureDefinition: Hashable, Codable, Sendable {
    public var name: String
    public var period: MeasurePeriod
    public var source: MeasureSource
    public var rules: [TargetRule]

    public init(name: String, period: MeasurePeriod, source: MeasureSource, rules: [TargetRule]) {
        self.name = name
        self.period = period
        self.source = source
        self.rules = rules
    }
}
