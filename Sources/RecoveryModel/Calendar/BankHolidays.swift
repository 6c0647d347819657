import Foundation

/// The bank holidays of England and Wales: London calendar days with their names.
///
/// Read from a plain text table (see `parse(_:)` and docs/targets.md). Weekends are never
/// working days and need not be listed; substitute days must be.
public struct BankHolidays: Hashable, Sendable {
    /// One bank holiday.
    public struct Holiday: Hashable, Sendable {
        public let day: LondonDay
        public let name: String

        public init(day: LondonDay, name: String) {
            self.day = day
            self.name = name
        }
    }

    private let byDay: [LondonDay: String]

    /// No bank holidays at all (weekends only).
    public static let none = BankHolidays([])

    public init(_ holidays: [Holiday]) {
        var byDay: [LondonDay: String] = [:]
        for holiday in holidays { byDay[holiday.day] = holiday.name }
        self.byDay = byDay
    }

    /// Every holiday, earliest first.
    public var holidays: [Holiday] {
        byDay.map { Holiday(day: $0.key, name: $0.value) }.sorted { $0.day < $1.day }
    }

    public var isEmpty: Bool { byDay.isEmpty }

    public func isHoliday(_ day: LondonDay) -> Bool { byDay[day] != nil }

    /// The holiday's name, e.g. "Boxing Day (substitute day)", or nil on an ordinary day.
    public func name(on day: LondonDay) -> String? { byDay[day] }

    /// The first and last years the table lists a holiday in, or nil when it is empty. Outside
    /// these years only weekends are known, so the app can warn that the table needs extending.
    public var coveredYears: ClosedRange<Int>? {
        guard let first = byDay.keys.min()?.year, let last = byDay.keys.max()?.year else { return nil }
        return first...last
    }

    /// Whether the table lists holidays for this day's year.
    public func covers(_ day: LondonDay) -> Bool { coveredYears?.contains(day.year) ?? false }

    /// Reads the bank holiday table.
    ///
    /// One holiday a line: a date as `YYYY-MM-DD` or `DD/MM/YYYY`, then at least one space, then
    /// the holiday's name. `#` starts a comment (to the end of the line); blank lines are ignored.
    /// A byte-order mark and Windows line endings are accepted. A date listed twice, a date that
    /// is not real, or a missing name is an error that names the line.
    public static func parse(_ text: String) throws -> BankHolidays {
        var holidays: [Holiday] = []
        var seen: [LondonDay: Int] = [:]
        var body = text
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        // "\r\n" is one Character in Swift, so split on every line ending explicitly.
        let lines = body.split(omittingEmptySubsequences: false,
                               whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            var line = String(rawLine)
            let original = line
            if let hash = line.firstIndex(of: "#") { line = String(line[..<hash]) }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            func failure(_ problem: String) -> BankHolidayFormatError {
                BankHolidayFormatError(line: number, text: original.trimmingCharacters(in: .whitespaces),
                                       problem: problem)
            }
            let dateText: String
            let name: String
            if let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) {
                dateText = String(trimmed[..<space])
                name = trimmed[space...].trimmingCharacters(in: .whitespaces)
            } else {
                dateText = trimmed
                name = ""
            }
            guard let day = parseDay(dateText) else {
                throw failure("\"\(dateText)\" is not a real date; write it as 2026-12-25 or 25/12/2026")
            }
            guard !name.isEmpty else {
                throw failure("the holiday has no name; write it after the date, e.g. \(dateText) Christmas Day")
            }
            if let earlier = seen[day] {
                throw failure("\(day) is already listed on line \(earlier)")
            }
            seen[day] = number
            holidays.append(Holiday(day: day, name: name))
        }
        return BankHolidays(holidays)
    }

    /// "2026-12-25" or "25/12/2026"; nil for anything else or a date that does not exist.
    static func parseDay(_ text: String) -> LondonDay? {
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, iso[1].count == 2, iso[2].count == 2,
           let year = Int(iso[0]), let month = Int(iso[1]), let day = Int(iso[2]) {
            return LondonDay(year: year, month: month, day: day)
        }
        let uk = text.split(separator: "/", omittingEmptySubsequences: false)
        if uk.count == 3, (1...2).contains(uk[0].count), (1...2).contains(uk[1].count), uk[2].count == 4,
           let day = Int(uk[0]), let month = Int(uk[1]), let year = Int(uk[2]) {
            return LondonDay(year: year, month: month, day: day)
        }
        return nil
    }
}

/// A line of the bank holiday table that could not be read.
public struct BankHolidayFormatError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based line number.
    public let line: Int
    /// The line as written.
    public let text: String
    public let problem: String

    public init(line: Int, text: String, problem: String) {
        self.line = line
        self.text = text
        self.problem = problem
    }

    public var description: String { "Bank holiday table, line \(line) (\(text)): \(problem)." }
}
