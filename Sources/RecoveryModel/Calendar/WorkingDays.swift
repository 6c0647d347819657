import Foundation

/// UK working days: Monday to Friday, except bank holidays. Every date is first turned into its
/// Europe/London calendar day, so a time late in the evening counts on that London day whatever
/// the machine's time zone.
///
/// Counting convention (see docs/targets.md): "N working days after" a day does not count the
/// day itself. An event on Friday before a bank-holiday Monday, handled on Tuesday, took one
/// working day; its one-working-day deadline is that Tuesday.
public struct WorkingDays: Hashable, Sendable {
    public let holidays: BankHolidays

    public init(holidays: BankHolidays) {
        self.holidays = holidays
    }

    /// Weekends only, no bank holidays (for tests and for a missing table).
    public static let weekendsOnly = WorkingDays(holidays: .none)

    public func isWorkingDay(_ day: LondonDay) -> Bool { !day.isWeekend && !holidays.isHoliday(day) }

    public func isWorkingDay(_ date: Date) -> Bool { isWorkingDay(LondonDay(date)) }

    /// The day itself if it is a working day, otherwise the next working day.
    public func workingDay(onOrAfter day: LondonDay) -> LondonDay {
        var current = day
        while !isWorkingDay(current) { current = current.adding(days: 1) }
        return current
    }

    /// `count` working days after `day`, not counting `day` itself. With 0, the day itself when it
    /// is a working day, otherwise the next working day ("the same working day"). A negative count
    /// goes back.
    public func adding(_ count: Int, workingDaysTo day: LondonDay) -> LondonDay {
        if count == 0 { return workingDay(onOrAfter: day) }
        let step = count > 0 ? 1 : -1
        var remaining = abs(count)
        var current = day
        while remaining > 0 {
            current = current.adding(days: step)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// The start (London midnight) of the day `count` working days after `date`; see
    /// `adding(_:workingDaysTo:)` for a `LondonDay`.
    public func adding(_ count: Int, workingDaysTo date: Date) -> Date {
        adding(count, workingDaysTo: LondonDay(date)).start
    }

    /// Working days after `from` up to and including `to` (0 on the same day; negative when
    /// `to` is earlier). Friday to the Tuesday after a bank-holiday Monday is 1.
    public func count(from: LondonDay, to: LondonDay) -> Int {
        if to < from { return -count(from: to, to: from) }
        var total = 0
        var current = from
        while current < to {
            current = current.adding(days: 1)
            if isWorkingDay(current) { total += 1 }
        }
        return total
    }

    public func count(from: Date, to: Date) -> Int { count(from: LondonDay(from), to: LondonDay(to)) }

    /// The last day something that happened on `occurred` may be handled to be within `limit`
    /// working days: `adding(limit, workingDaysTo: occurred)`.
    public func deadline(_ limit: Int, workingDaysAfter occurred: LondonDay) -> LondonDay {
        adding(limit, workingDaysTo: occurred)
    }

    /// Whether something that happened on `occurred` and was handled on `handled` was handled
    /// within `limit` working days: on or before the deadline day. Handled on a weekend after
    /// the deadline day is late.
    public func isWithin(_ limit: Int, workingDaysOf occurred: LondonDay, handled: LondonDay) -> Bool {
        handled <= deadline(limit, workingDaysAfter: occurred)
    }

    public func isWithin(_ limit: Int, workingDaysOf occurred: Date, handled: Date) -> Bool {
        isWithin(limit, workingDaysOf: LondonDay(occurred), handled: LondonDay(handled))
    }
}
