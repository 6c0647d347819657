import Foundation
import GRDB
import RecoveryModel
import RecoveryStore

/// Who recorded a row and when, as the stamp columns hold it.
struct ScaleStamp {
    var at: String
    var byID: Int64?
    var by: String

    init(_ at: Date, _ person: FixturePerson) {
        self.at = ScaleTime.text(at)
        byID = person.id
        by = person.name
    }
}

extension BulkInsert {
    /// Inserts one row with `stamp`; returns its id.
    @discardableResult
    mutating func run(_ values: [(any DatabaseValueConvertible)?], stamp: ScaleStamp) throws -> Int64 {
        try run(values, recordedAt: stamp.at, byID: stamp.byID, by: stamp.by)
    }
}

/// Timestamps written by arithmetic in exactly the form the store writes them
/// (`SQLiteRecoveryStore.storedText`; the builder checks the two agree before it starts).
enum ScaleTime {
    /// The same text as `SQLiteRecoveryStore.storedText` ("2026-11-21T14:05:00.123Z"), made without a formatter.
    static func text(_ date: Date) -> String {
        let millisecondsTotal = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = floorDivide(millisecondsTotal, 1000)
        let milliseconds = Int(millisecondsTotal - seconds * 1000)
        let days = floorDivide(seconds, 86_400)
        var secondOfDay = Int(seconds - days * 86_400)
        let hour = secondOfDay / 3600
        secondOfDay -= hour * 3600
        let minute = secondOfDay / 60
        let second = secondOfDay - minute * 60
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        var bytes = [UInt8](repeating: 0, count: 24)
        func put(_ value: Int, _ at: Int, _ digits: Int) {
            var value = value
            for index in stride(from: at + digits - 1, through: at, by: -1) {
                bytes[index] = UInt8(48 + value % 10)
                value /= 10
            }
        }
        put(year, 0, 4); bytes[4] = 45
        put(month, 5, 2); bytes[7] = 45
        put(day, 8, 2); bytes[10] = 84
        put(hour, 11, 2); bytes[13] = 58
        put(minute, 14, 2); bytes[16] = 58
        put(second, 17, 2); bytes[19] = 46
        put(milliseconds, 20, 3); bytes[23] = 90
        return String(decoding: bytes, as: UTF8.self)
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    /// True when `text` agrees with the store's own over a spread of moments (checked before a build).
    static func agreesWithStore(around now: Date) -> Bool {
        var random = FixtureRandom(seed: 7)
        for _ in 0..<2000 {
            let moment = now.addingTimeInterval(-Double(random.next() % 400_000_000) / 1.7)
            if text(moment) != SQLiteRecoveryStore.storedText(moment) { return false }
        }
        return true
    }
}

/// A London day's moments the builder asks for often.
struct ScaleDay {
    let day: LondonDay
    let start: Date
    let startText: String
    /// `LateEntryRule.roundEnd` of each round on this day.
    let roundEnds: [MARRound: Date]

    init(_ day: LondonDay) {
        self.day = day
        start = day.start
        startText = ScaleTime.text(start)
        var ends: [MARRound: Date] = [:]
        for round in MARRound.allCases { ends[round] = LateEntryRule.roundEnd(date: start, round: round) }
        roundEnds = ends
    }

    /// A moment `hours` after the day's midnight.
    func at(_ hours: Double) -> Date { start.addingTimeInterval(hours * 3600) }
}
