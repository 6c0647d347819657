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

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }
}
