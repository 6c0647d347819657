import Foundation

/// How a measure's periods and figures are said, on screen and on paper alike.
extension OutcomeMeasureDefinition {
    /// A period as people say it: "11/2026" for a month, "week of 02/11/2026" for a week.
    public func periodName(_ start: Date) -> String {
        let day = LondonDay(start)
        return period == .month ? String(format: "%02d/%04d", day.month, day.year) : "week of \(day)"
    }

    /// A figure in words: "6" for a count, "19 of 20 (95%)" for a percentage.
    public func figure(_ result: PeriodResult) -> String {
        if !isPercentage { return String(result.count) }
        guard let percent = result.percent else { return "\(result.numerator) of \(result.denominator)" }
        return "\(result.numerator) of \(result.denominator) (\(String(format: "%.0f", percent))%)"
    }
}
