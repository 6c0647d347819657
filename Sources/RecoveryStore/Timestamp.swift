import Foundation

/// Moments as stored: UTC, ISO 8601 with milliseconds ("2026-11-21T14:05:00.123Z"). Text sorts
/// in time order and reads the same on every machine; screens convert to Europe/London.
enum Timestamp {
    static func text(_ date: Date) -> String {
        let millisecondsTotal = (date.timeIntervalSince1970 * 1000).rounded(.down)
        var seconds = time_t((millisecondsTotal / 1000).rounded(.down))
        let milliseconds = Int(millisecondsTotal - Double(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), milliseconds)
    }

    /// Reads the stored form back. Parsed by hand: a Foundation date formatter per row made
    /// loading a year of evidence take seconds.
    static func date(_ text: String) -> Date? {
        // "YYYY-MM-DDTHH:MM:SS.mmmZ" (the milliseconds are optional).
        let bytes = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 20, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58, bytes[16] == 58,
              bytes.last == 90,
              let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var milliseconds = 0
        if bytes.count == 24, bytes[19] == 46, let fraction = number(20, 3) {
            milliseconds = fraction
        } else if bytes.count != 20 {
            return nil
        }
        // Days from the civil date (proleptic Gregorian), after Howard Hinnant.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second) + Double(milliseconds) / 1000
        return Date(timeIntervalSince1970: seconds)
    }
}
