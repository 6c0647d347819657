import Foundation

/// One period's figure for a measure.
///
/// For percentage rules it is `numerator` out of `denominator` (e.g. 19 of 20 refusal records
/// complete). For the zero-occurrence and reduction rules the figure is a count: `numerator`
/// is the number of occurrences in the period and `denominator` is not used (see `count(_:in:)`).
/// A period with no figure at all is missing, which is not the same as a count of 0.
public struct PeriodResult: Hashable, Codable, Sendable {
    /// Any moment in the period; the engine takes the London month (or Monday-started week)
    /// that contains it.
    public var periodStart: Date
    public var numerator: Int
    public var denominator: Int
    /// What was sampled, or any other note ("20 MAR charts, all residents on the first floor").
    public var note: String?

    public init(periodStart: Date, numerator: Int, denominator: Int, note: String? = nil) {
        self.periodStart = periodStart
        self.numerator = numerator
        self.denominator = denominator
        self.note = note
    }

    /// A count of occurrences in the period (for zero-occurrence and reduction rules).
    public static func count(_ occurrences: Int, in periodStart: Date, note: String? = nil) -> PeriodResult {
        PeriodResult(periodStart: periodStart, numerator: occurrences, denominator: 0, note: note)
    }

    /// The number of occurrences, when the result is a count.
    public var count: Int { numerator }

    /// `numerator` as a percentage of `denominator`, or nil when nothing was sampled.
    public var percent: Double? {
        denominator > 0 ? Double(numerator) * 100 / Double(denominator) : nil
    }

    /// Whether the result is at least `target` percent (exact, no rounding).
    public func meets(percent target: Double) -> Bool {
        denominator > 0 && Double(numerator) * 100 >= target * Double(denominator) - 1e-9
    }
}

/// Something that had to be handled within a number of working days, e.g. a late MAR return
/// and its escalation.
public struct HandledEvent: Hashable, Codable, Sendable {
    public var occurred: Date
    /// When it was handled, or nil while it is still open.
    public var handled: Date?
    public var note: String?

    public init(occurred: Date, handled: Date?, note: String? = nil) {
        self.occurred = occurred
        self.handled = handled
        self.note = note
    }
}

/// Everything recorded for one measure: its period results and its events.
public struct MeasureRecords: Hashable, Sendable {
    public var results: [PeriodResult]
    public var events: [HandledEvent]

    public init(results: [PeriodResult] = [], events: [HandledEvent] = []) {
        self.results = results
        self.events = events
    }
}

extension MeasurePeriod {
    /// The first day of the period containing `day`: the 1st of its London month, or the Monday
    /// of its week.
    public func start(containing day: LondonDay) -> LondonDay {
        switch self {
        case .month: return day.startOfMonth
        case .week: return day.startOfWeek
        }
    }

    /// The start of the period `count` periods after the one starting on `start`.
    public func start(after start: LondonDay, count: Int = 1) -> LondonDay {
        switch self {
        case .month: return start.startOfMonth.adding(months: count)
        case .week: return start.adding(days: 7 * count)
        }
    }

    /// The last day of the period starting on `start`.
    public func end(ofPeriodStarting start: LondonDay) -> LondonDay {
        self.start(after: start).adding(days: -1)
    }

    /// "month" or "week".
    public var noun: String { self == .month ? "month" : "week" }

    /// "3 months", "1 week".
    public func counted(_ count: Int) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}

/// One period of a measure worked out from records that also has a figure entered by hand.
public struct SourceComparison: Hashable, Sendable {
    public var periodStart: Date
    /// What the records give (the figure the target judges).
    public var records: PeriodResult
    /// What was typed in for the same period.
    public var handEntered: PeriodResult
    /// True when they differ by more than the measure's tolerance.
    public var disagree: Bool

    public init(periodStart: Date, records: PeriodResult, handEntered: PeriodResult, disagree: Bool) {
        self.periodStart = periodStart
        self.records = records
        self.handEntered = handEntered
        self.disagree = disagree
    }
}
