import Foundation
import RecoveryModel
import Testing

/// The built-in table, read from the source tree (RecoveryModel itself does no I/O).
enum BuiltinHolidays {
    static let text: String = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/PlanLibrary/Resources/bank-holidays-england-and-wales.txt")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()
    static let table: BankHolidays = (try? BankHolidays.parse(text)) ?? .none
    static let workingDays = WorkingDays(holidays: table)
}

func day(_ text: String) -> LondonDay {
    let parts = text.split(separator: "/").compactMap { Int($0) }
    return LondonDay(year: parts[2], month: parts[1], day: parts[0])!
}

@Suite struct WorkingDaysTests {
    let working = BuiltinHolidays.workingDays

    @Test func builtinTableCovers2024To2028() throws {
        let table = try BankHolidays.parse(BuiltinHolidays.text)
        #expect(table.coveredYears == 2024...2028)
        for year in 2024...2028 {
            #expect(table.holidays.filter { $0.day.year == year }.count == 8, "year \(year)")
        }
        #expect(table.holidays.allSatisfy { !$0.day.isWeekend })
        #expect(!table.isHoliday(day("08/05/2026")))
    }

    @Test(arguments: [
        ("29/03/2024", "Good Friday"), ("01/04/2024", "Easter Monday"),
        ("18/04/2025", "Good Friday"), ("21/04/2025", "Easter Monday"),
        ("03/04/2026", "Good Friday"), ("06/04/2026", "Easter Monday"),
        ("26/03/2027", "Good Friday"), ("29/03/2027", "Easter Monday"),
        ("14/04/2028", "Good Friday"), ("17/04/2028", "Easter Monday"),
        ("04/05/2026", "Early May bank holiday"), ("25/05/2026", "Spring bank holiday"),
        ("31/08/2026", "Summer bank holiday"), ("25/08/2025", "Summer bank holiday"),
        ("30/08/2027", "Summer bank holiday"),
        ("25/12/2026", "Christmas Day"), ("28/12/2026", "Boxing Day (substitute day)"),
        ("27/12/2027", "Christmas Day (substitute day)"), ("28/12/2027", "Boxing Day (substitute day)"),
        ("03/01/2028", "New Year's Day (substitute day)"),
    ])
    func builtinTableNamesTheHoliday(date: String, name: String) {
        #expect(BuiltinHolidays.table.name(on: day(date)) == name)
        #expect(!working.isWorkingDay(day(date)))
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let from: String
        let add: Int
        let expected: String
        let label: String
        var testDescription: String { label }
    }

    @Test(arguments: [
        Case(from: "24/12/2026", add: 1, expected: "29/12/2026", label: "Christmas 2026: Thu + 1 skips Fri 25, weekend, Boxing Day substitute Mon 28"),
        Case(from: "23/12/2026", add: 2, expected: "29/12/2026", label: "Christmas 2026: Wed + 2"),
        Case(from: "24/12/2025", add: 1, expected: "29/12/2025", label: "Christmas 2025: Wed + 1 skips Thu 25, Fri 26, weekend"),
        Case(from: "24/12/2027", add: 1, expected: "29/12/2027", label: "Christmas 2027: both substitute days"),
        Case(from: "31/12/2027", add: 1, expected: "04/01/2028", label: "New Year 2028 substitute Monday"),
        Case(from: "17/04/2025", add: 1, expected: "22/04/2025", label: "Easter 2025: Thu + 1 skips Good Friday to Easter Monday"),
        Case(from: "02/04/2026", add: 1, expected: "07/04/2026", label: "Easter 2026"),
        Case(from: "25/03/2027", add: 1, expected: "30/03/2027", label: "Easter 2027"),
        Case(from: "28/08/2026", add: 1, expected: "01/09/2026", label: "August 2026: Fri + 1 skips Summer bank holiday Mon 31"),
        Case(from: "22/08/2025", add: 1, expected: "26/08/2025", label: "August 2025"),
        Case(from: "26/12/2026", add: 0, expected: "29/12/2026", label: "0 working days on a holiday weekend: the next working day"),
        Case(from: "29/12/2026", add: 0, expected: "29/12/2026", label: "0 working days on a working day: the same day"),
        Case(from: "29/12/2026", add: -1, expected: "24/12/2026", label: "going back over Christmas"),
        Case(from: "07/01/2026", add: 5, expected: "14/01/2026", label: "an ordinary week"),
    ])
    func addingWorkingDays(_ item: Case) {
        #expect(working.adding(item.add, workingDaysTo: day(item.from)) == day(item.expected))
    }

    @Test func countingWorkingDays() {
        #expect(working.count(from: day("24/12/2026"), to: day("29/12/2026")) == 1)
        #expect(working.count(from: day("24/12/2026"), to: day("04/01/2027")) == 4) // 29, 30, 31 Dec, 04 Jan; 01/01 is a holiday
        #expect(working.count(from: day("02/04/2026"), to: day("07/04/2026")) == 1)
        #expect(working.count(from: day("28/08/2026"), to: day("01/09/2026")) == 1)
        #expect(working.count(from: day("01/09/2026"), to: day("28/08/2026")) == -1)
        #expect(working.count(from: day("01/09/2026"), to: day("01/09/2026")) == 0)
    }

    @Test func handledWithinWorkingDaysAcrossABankHolidayWeekend() {
        // Friday before the August bank holiday; Monday 31/08/2026 is a holiday.
        let friday = day("28/08/2026")
        #expect(working.isWithin(1, workingDaysOf: friday, handled: day("01/09/2026")))
        #expect(!working.isWithin(1, workingDaysOf: friday, handled: day("02/09/2026")))
        #expect(working.isWithin(2, workingDaysOf: friday, handled: day("02/09/2026")))
        #expect(working.isWithin(0, workingDaysOf: day("29/08/2026"), handled: day("01/09/2026")))
        // A Thursday with a one-day deadline of Friday, handled on Saturday, is late.
        #expect(!working.isWithin(1, workingDaysOf: day("03/09/2026"), handled: day("05/09/2026")))
    }

    @Test func londonDaysWhateverTheTimeOfDay() {
        // 23:30 London time in summer is 22:30 UTC: still that London day.
        let lateEvening = ISO8601DateFormatter().date(from: "2026-08-28T22:30:00Z")!
        #expect(LondonDay(lateEvening) == day("28/08/2026"))
        // 00:30 London time in summer is 23:30 UTC the day before.
        let earlyMorning = ISO8601DateFormatter().date(from: "2026-08-30T23:30:00Z")!
        #expect(LondonDay(earlyMorning) == day("31/08/2026"))
        #expect(!working.isWorkingDay(earlyMorning))
        #expect(working.isWorkingDay(lateEvening))
        #expect(UKDateFormat.date(working.adding(1, workingDaysTo: lateEvening)) == "01/09/2026")
    }

    @Test func calendarArithmetic() {
        #expect(day("31/01/2027").adding(months: 1) == day("28/02/2027"))
        #expect(day("15/12/2026").adding(months: 1) == day("15/01/2027"))
        #expect(day("15/01/2027").adding(months: -1) == day("15/12/2026"))
        #expect(day("31/12/2026").isoWeekday == 4)
        #expect(day("03/01/2027").startOfWeek == day("28/12/2026"))
        #expect(day("29/02/2028").endOfMonth == day("29/02/2028"))
        #expect(LondonDay(year: 2027, month: 2, day: 29) == nil)
        #expect(day("28/12/2026").description == "28/12/2026")
    }

    // MARK: The file format

    @Test func parsesCommentsBlankLinesAndBothDateForms() throws {
        let text = "\u{FEFF}# a comment\r\n\n2026-12-25 Christmas Day  # trailing\r\n28/12/2026\tBoxing Day (substitute day)\n"
        let table = try BankHolidays.parse(text)
        #expect(table.holidays.map(\.day) == [day("25/12/2026"), day("28/12/2026")])
        #expect(table.name(on: day("25/12/2026")) == "Christmas Day")
        #expect(table.name(on: day("28/12/2026")) == "Boxing Day (substitute day)")
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        let text: String
        let line: Int
        let mentions: String
        var testDescription: String { "line \(line): \(mentions)" }
    }

    @Test(arguments: [
        Bad(text: "# header\n2026-02-30 Not a day\n", line: 2, mentions: "not a real date"),
        Bad(text: "2026-12-25 Christmas Day\n\n2026-12-25 Christmas again\n", line: 3, mentions: "already listed on line 1"),
        Bad(text: "2026-12-25\n", line: 1, mentions: "no name"),
        Bad(text: "# ok\n# ok\n# ok\nChristmas 2026-12-25\n", line: 4, mentions: "not a real date"),
        Bad(text: "25-12-2026 Christmas Day\n", line: 1, mentions: "not a real date"),
    ])
    func parserErrorsNameTheLine(_ bad: Bad) {
        do {
            _ = try BankHolidays.parse(bad.text)
            Issue.record("expected an error")
        } catch let error as BankHolidayFormatError {
            #expect(error.line == bad.line)
            #expect(error.description.contains("line \(bad.line)"))
            #expect(error.description.contains(bad.mentions))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func aReplacementTableReplacesTheBuiltinOne() throws {
        // A user's own table (as BankHolidayFile.resolve reads it) replaces the built-in one
        // completely: a new one-off holiday counts, and built-in ones not listed no longer do.
        let user = try BankHolidays.parse("2026-09-07 A one-off bank holiday\n")
        let userWorking = WorkingDays(holidays: user)
        #expect(!userWorking.isWorkingDay(day("07/09/2026")))
        #expect(userWorking.isWorkingDay(day("31/08/2026")))
        #expect(working.isWorkingDay(day("07/09/2026")))
        #expect(userWorking.adding(1, workingDaysTo: day("04/09/2026")) == day("08/09/2026"))
    }
}

/// The quick London-day arithmetic agrees with Foundation's calendar, hour by hour, across
/// both clock changes of several years.
@Suite struct LondonDayFastPathTests {
    @Test func agreesWithTheCalendarAroundEveryClockChange() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        for year in [1996, 2024, 2025, 2026, 2027, 2028, 2099] {
            for month in [3, 10] {
                let start = calendar.date(from: DateComponents(year: year, month: month, day: 20))!
                for hour in stride(from: 0, to: 14 * 24, by: 1) {
                    for minute in [0, 59] {
                        let instant = start.addingTimeInterval(Double(hour * 3600 + minute * 60))
                        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
                        let day = LondonDay(instant)
                        #expect(day.year == parts.year && day.month == parts.month && day.day == parts.day, "\(instant)")
                        #expect(day.start == calendar.startOfDay(for: instant), "\(instant)")
                    }
                }
            }
        }
    }
}
