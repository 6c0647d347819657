import Foundation

/// A calendar day in Europe/London, whatever the machine's own time zone: the unit that working
/// days, deadlines and measure periods are counted in.
public struct LondonDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = UKDateFormat.timeZone
        calendar.locale = Locale(identifier: "en_GB")
        return calendar
    }()

    /// A real date, or nil (e.g. 30 February).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= LondonDay.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The London day that contains this instant.
    public init(_ date: Date) {
        // Fast path: UK summer time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC
        // on the last Sunday of October (the rule since 1996). Foundation's calendar is slow on
        // Linux, and evidence for a year is tens of thousands of dates.
        let seconds = date.timeIntervalSince1970
        let utcDay = Int((seconds / 86_400).rounded(.down))
        let utcYear = LondonDay(dayNumber: utcDay).year
        if (1996...2099).contains(utcYear) {
            let summerStart = Double(LondonDay.lastSunday(year: utcYear, month: 3)) * 86_400 + 3600
            let summerEnd = Double(LondonDay.lastSunday(year: utcYear, month: 10)) * 86_400 + 3600
            let offset: Double = seconds >= summerStart && seconds < summerEnd ? 3600 : 0
            self.init(dayNumber: Int(((seconds + offset) / 86_400).rounded(.down)))
            return
        }
        let parts = LondonDay.calendar.dateComponents([.year, .month, .day], from: date)
        self.init(dayNumber: LondonDay.dayNumber(year: parts.year ?? 1970, month: parts.month ?? 1,
                                                  day: parts.day ?? 1))
    }

    /// Days since 01/01/1970 (negative before it).
    public var dayNumber: Int { LondonDay.dayNumber(year: year, month: month, day: day) }

    /// The day with this many days since 01/01/1970.
    public init(dayNumber: Int) {
        // Civil-from-days (proleptic Gregorian), after Howard Hinnant.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The day number of the last Sunday of a month.
    static func lastSunday(year: Int, month: Int) -> Int {
        let last = dayNumber(year: year, month: month, day: daysIn(month: month, year: year))
        // 01/01/1970 was a Thursday: (day number + 4) mod 7 is 0 on Sundays.
        return last - (((last + 4) % 7) + 7) % 7
    }

    /// Midnight at the start of this day in London, as an instant.
    public var start: Date {
        if (1996...2099).contains(year) {
            let number = dayNumber
            // London midnight is in summer time from the day after summer time starts up to and
            // including the day it ends.
            let summer = number > LondonDay.lastSunday(year: year, month: 3) && number <= LondonDay.lastSunday(year: year, month: 10)
            return Date(timeIntervalSince1970: Double(number) * 86_400 - (summer ? 3600 : 0))
        }
        return LondonDay.calendar.date(from: DateComponents(year: year, month: month, day: day))
            ?? Date(timeIntervalSince1970: TimeInterval(dayNumber) * 86_400)
    }

    /// 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int { ((dayNumber % 7 + 7 + 3) % 7) + 1 }

    /// Saturday or Sunday.
    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> LondonDay { LondonDay(dayNumber: dayNumber + days) }

    /// Days from this day to `other` (positive when `other` is later).
    public func days(to other: LondonDay) -> Int { other.dayNumber - dayNumber }

    /// The first day of this day's month.
    public var startOfMonth: LondonDay { LondonDay(uncheckedYear: year, month: month, day: 1) }

    /// The last day of this day's month.
    public var endOfMonth: LondonDay {
        LondonDay(uncheckedYear: year, month: month, day: LondonDay.daysIn(month: month, year: year))
    }

    /// The Monday of this day's week (weeks start on Monday).
    public var startOfWeek: LondonDay { adding(days: 1 - isoWeekday) }

    /// The same day of the month `months` months on, clamped to the end of a shorter month.
    public func adding(months: Int) -> LondonDay {
        let index = year * 12 + (month - 1) + months
        let newYear = Int((Double(index) / 12).rounded(.down))
        let newMonth = index - newYear * 12 + 1
        return LondonDay(uncheckedYear: newYear, month: newMonth,
                         day: min(day, LondonDay.daysIn(month: newMonth, year: newYear)))
    }

    private init(uncheckedYear: Int, month: Int, day: Int) {
        self.year = uncheckedYear
        self.month = month
        self.day = day
    }

    /// "2026-12-25", as in the bank holiday file.
    public var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// "25/12/2026", as people in England read it (through `UKDateFormat`).
    public var description: String { UKDateFormat.date(start) }

    public static func < (lhs: LondonDay, rhs: LondonDay) -> Bool { lhs.dayNumber < rhs.dayNumber }
}
