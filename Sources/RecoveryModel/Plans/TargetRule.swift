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
    /// Entered by hand from a medicines audit (the audit score, e.g. MAR charts audited and
    /// found correct); the audit-score indicator reads these.
    case medicinesAudit = "medicines-audit"
    /// Refusal records complete, from the daily MAR checks.
    case refusalRecordsComplete = "refusal-records-complete"
    /// MAR charts returned on time, from the daily MAR checks.
    case chartsReturnedOnTime = "charts-returned-on-time"
    /// Late MAR returns escalated within the allowed working days.
    case lateReturnsEscalated = "late-returns-escalated"
    /// Repeat findings (stores made before repeats said what repeats): the same type about the
    /// same person, or naming the same member of staff, within a period.
    case repeatFindings = "repeat-findings"
    /// Repeat findings: the same finding type at the service again, in the same period or the
    /// one before it, whoever and whichever room it was about.
    case repeatFindingTypes = "repeat-finding-types"
    /// Repeat findings: the same type naming the same member of staff within a period.
    case repeatFindingsByStaff = "repeat-findings-by-staff"
    /// Repeat findings: the same type about the same person within a period.
    case repeatFindingsByPerson = "repeat-findings-by-person"
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

extension MeasureSource {
    /// Where the figures come from, in words: "worked out from the MAR checks: refusals fully
    /// recorded out of refusals seen" or "entered by hand (audits, surveys)".
    public var origin: String {
        switch self {
        case .manualAudit: return "entered by hand (audits, surveys)"
        case .medicinesAudit: return "entered by hand from the medicines audit (its score)"
        case .refusalRecordsComplete: return "worked out from the MAR checks: refusals fully recorded out of refusals seen"
        case .chartsReturnedOnTime: return "worked out from the MAR checks: homecare charts returned on time out of charts checked"
        case .lateReturnsEscalated: return "worked out from the MAR checks and escalations: each late return against the escalation that names it"
        case .repeatFindings: return "worked out from the MAR checks: the same finding type about the same person or naming the same staff member"
        case .repeatFindingTypes: return "worked out from the MAR checks: the same finding type at the service again, in this period or the one before"
        case .repeatFindingsByStaff: return "worked out from the MAR checks: the same finding type naming the same staff member"
        case .repeatFindingsByPerson: return "worked out from the MAR checks: the same finding type about the same person"
        case .escalationsHandledInTime: return "worked out from the escalations: resolved by their due date"
        }
    }

    /// True for the sources whose figures are typed in, not worked out from records.
    public var isEnteredByHand: Bool { self == .manualAudit || self == .medicinesAudit }

    /// True for the repeat-finding sources.
    public var isRepeatFindings: Bool {
        [.repeatFindings, .repeatFindingTypes, .repeatFindingsByStaff, .repeatFindingsByPerson].contains(self)
    }
}

/// An outcome measure of a plan: a name, a period, a source and its rules.
public struct OutcomeMeasureDefinition: Hashable, Codable, Sendable {
    public var name: String
    public var period: MeasurePeriod
    public var source: MeasureSource
    public var rules: [TargetRule]
    /// How far a hand-entered figure may differ from the records' figure for the same period
    /// before the two are said to disagree: percentage points for a percentage, occurrences for
    /// a count. Nil means the standard (`standardTolerance`).
    public var tolerance: Double?

    public init(name: String, period: MeasurePeriod, source: MeasureSource, rules: [TargetRule], tolerance: Double? = nil) {
        self.name = name
        self.period = period
        self.source = source
        self.rules = rules
        self.tolerance = tolerance
    }

    /// True when its figures are percentages (numerator out of a denominator above 0): when it
    /// has a percentage rule, or, with no count rule, when its source is a proportion. Otherwise
    /// a figure is a count of occurrences in `numerator` (see `PeriodResult.count`).
    public var isPercentage: Bool {
        var percentRule = false
        var countRule = false
        for rule in rules {
            switch rule {
            case .atLeastPercentForConsecutivePeriods, .reachPercentByDeadline: percentRule = true
            case .zeroOccurrencesForMonths, .reductionFromBaseline: countRule = true
            case .everyEventWithinWorkingDays: break
            }
        }
        if percentRule { return true }
        if countRule { return false }
        switch source {
        case .refusalRecordsComplete, .chartsReturnedOnTime, .lateReturnsEscalated, .escalationsHandledInTime: return true
        case .manualAudit, .medicinesAudit, .repeatFindings, .repeatFindingTypes, .repeatFindingsByStaff, .repeatFindingsByPerson: return false
        }
    }

    /// Two percentage points for a percentage; none for a count.
    public var standardTolerance: Double { isPercentage ? 2 : 0 }

    /// The tolerance in force.
    public var toleranceInForce: Double { tolerance ?? standardTolerance }
}
