import Foundation
import PlanLibrary
import RecoveryModel
import Testing

/// The built-in bank holiday table and a user's replacement for it.
@Suite struct BankHolidayFileTests {
    func temporaryFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rd-holidays-\(UUID().uuidString).txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func theBuiltInTableCoversTwentyTwentyFourToTwentyTwentyEight() throws {
        let holidays = try BankHolidayFile.builtin()
        #expect(holidays.coveredYears.map { $0.lowerBound <= 2024 && $0.upperBound >= 2028 } == true)
        #expect(holidays.isHoliday(LondonDay(year: 2026, month: 12, day: 28)!), "Boxing Day substitute")
        #expect(!holidays.isHoliday(LondonDay(year: 2026, month: 5, day: 8)!))
    }

    @Test func aUserFileReplacesTheBuiltInTable() throws {
        let url = try temporaryFile("# our own table\n2026-12-29 Staff day\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let holidays = try BankHolidayFile.resolve(userOverride: url)
        #expect(holidays.isHoliday(LondonDay(year: 2026, month: 12, day: 29)!))
        #expect(!holidays.isHoliday(LondonDay(year: 2026, month: 12, day: 25)!))
    }

    @Test func aMissingUserFileFallsBackToTheBuiltInTable() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("rd-no-such-\(UUID().uuidString).txt")
        let holidays = try BankHolidayFile.resolve(userOverride: missing)
        #expect(holidays.isHoliday(LondonDay(year: 2026, month: 12, day: 25)!))
    }

    @Test func aBrokenUserFileIsAnErrorNamingTheLine() throws {
        let url = try temporaryFile("2026-12-25 Christmas Day\n2026-02-30 Not a day\n")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try BankHolidayFile.resolve(userOverride: url)
            Issue.record("a broken table was accepted")
        } catch {
            #expect(String(describing: error).contains("line 2"))
        }
    }
}

/// Every rule of every built-in template is one the target engine accepts.
@Suite struct TemplatesAgainstTheEngineTests {
    @Test func everyTemplateRuleIsAcceptedByTheEngine() throws {
        for template in try PlanTemplateLibrary.builtin() {
            for measure in template.measures {
                #expect(measure.problems.isEmpty, "\(template.id) / \(measure.name): \(measure.problems)")
            }
            let draft = PlanDraft(template: template, serviceID: nil, ownerID: nil, startDate: Date())
            #expect(draft.problems.isEmpty, "\(template.id): \(draft.problems)")
        }
    }
}
