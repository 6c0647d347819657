import Foundation

/// Dates and times as people in England read them: 21/11/2026, 14:05, Europe/London time,
/// whatever the machine's own time zone or locale.
public struct UKDateFormat: Sendable {
    /// The time zone every date in the product is shown in.
    public static let timeZone = TimeZone(identifier: "Europe/London") ?? TimeZone(secondsFromGMT: 0)!

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "en_GB")
        return calendar
    }()

    private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    private static func parts(_ date: Date) -> DateComponents {
        calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekday], from: date)
    }

    /// "21/11/2026".
    public static func date(_ date: Date) -> String {
        let p = parts(date)
        return String(format: "%02d/%02d/%04d", p.day ?? 0, p.month ?? 0, p.year ?? 0)
    }

    /// "14:05" (24-hour).
    public static func time(_ date: Date) -> String {
        let p = parts(date)
        return String(format: "%02d:%02d", p.hour ?? 0, p.minute ?? 0)
    }

    /// "21/11/2026 14:05".
    public static func dateTime(_ date: Date) -> String { "\(self.date(date)) \(time(date))" }

    /// "Sat 21/11/2026 14:05", for the title bar.
    public static func dayDateTime(_ date: Date) -> String {
        let p = parts(date)
        let day = weekdays[((p.weekday ?? 1) - 1) % 7]
        return "\(day) \(self.date(date)) \(time(date))"
    }

    /// Reads "21/11/2026" (also "21/11/26" is refused: the year must have four digits) as the
    /// start of that day in London. Returns nil for anything that is not a real date.
    public static func parseDate(_ text: String) -> Date? {
        let pieces = text.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[2].count == 4,
              let day = Int(pieces[0]), let month = Int(pieces[1]), let year = Int(pieces[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == year, back.month == month, back.day == day else { return nil }
        return date
    }

    /// Seconds until the next minute starts in London time, so a clock on screen can change on time.
    public static func secondsToNextMinute(after date: Date) -> TimeInterval {
        let seconds = calendar.component(.second, from: date)
        let fraction = date.timeIntervalSince1970 - floor(date.timeIntervalSince1970)
        return max(0.05, 60 - Double(seconds) - fraction)
    }
}
