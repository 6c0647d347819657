import Foundation

/// When a step is next due, from its cadence, its first due day and when it was last done or
/// skipped. Counted in London calendar days.
public enum StepSchedule {
    /// The next due moment (start of a London day), or nil for a one-off step already recorded.
    public static func nextDue(cadence: Cadence, firstDue: Date, lastRecorded: Date?) -> Date? {
        let first = LondonDay(firstDue)
        guard let lastRecorded else { return first.start }
        let last = LondonDay(lastRecorded)
        let next: LondonDay
        switch cadence {
        case .once: return nil
        case .daily: next = last.adding(days: 1)
        case .twiceWeekly: next = last.adding(days: 3)
        case .every72Hours: next = last.adding(days: 3)
        case .weekly: next = last.adding(days: 7)
        case .fortnightly: next = last.adding(days: 14)
        case .monthly: next = last.adding(months: 1)
        case .quarterly: next = last.adding(months: 3)
        }
        return max(next, first).start
    }

    /// True when the step's next due day is before `today` (London days).
    public static func isOverdue(nextDue: Date?, today: Date) -> Bool {
        guard let nextDue else { return false }
        return LondonDay(nextDue) < LondonDay(today)
    }
}

extension PlanStep {
    /// The newest entry (by when it happened), done, skipped or a problem found.
    public var lastEntry: StepEntry? { entries.max { ($0.occurredAt, $0.id) < ($1.occurredAt, $1.id) } }
    /// The last time the step was recorded (done, skipped or a problem found).
    public var lastRecorded: Date? { entries.map(\.occurredAt).max() }
    /// The last time it was done (or done with a problem found).
    public var lastDone: Date? { entries.filter { $0.outcome != .skipped }.map(\.occurredAt).max() }
    public var nextDue: Date? {
        StepSchedule.nextDue(cadence: definition.cadence, firstDue: firstDue, lastRecorded: lastRecorded)
    }
    public func isOverdue(today: Date) -> Bool { StepSchedule.isOverdue(nextDue: nextDue, today: today) }
}
