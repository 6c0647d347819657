import Foundation
import PlanLibrary
import RecoveryModel
import Testing

/// The templates folder in the source tree, for checking that the built copy matches it.
let sourceTemplatesFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/PlanLibrary/Resources/templates", isDirectory: true)

@Suite struct BuiltinTemplateTests {
    static let expectedIDs: Set<String> = [
        "refusal-recording-gaps", "late-mar-returns", "medicines-competency-concerns",
        "inconsistent-mar-recording", "administering-without-competency", "medication-errors-not-escalated",
        "deterioration-not-escalated", "weak-audit-challenge", "communication-complaints",
        "care-plans-without-outcome-checks", "training-without-safer-escalation",
        "audit-scores-without-less-recurrence", "independence-fewer-prompts-supported-living",
        "independence-self-administration-homecare", "independence-step-down-residential",
    ]

    @Test func fifteenTemplatesWithUniqueIDsLoad() throws {
        let templates = try PlanTemplateLibrary.builtin()
        #expect(templates.count == 15)
        #expect(Set(templates.map(\.id)).count == templates.count)
        #expect(Set(templates.map(\.id)) == Self.expectedIDs)
        #expect(templates.map(\.id) == templates.map(\.id).sorted())
    }

    @Test func builtCopyMatchesTheSourceFolder() throws {
        #expect(try PlanTemplateLibrary.builtin() == PlanTemplateLibrary.load(directory: sourceTemplatesFolder))
    }

    @Test(arguments: Self.expectedIDs.sorted())
    func templateIsComplete(id: String) throws {
        let template = try #require(try PlanTemplateLibrary.builtin().first { $0.id == id })
        #expect(template.steps.count == 5)
        #expect(template.steps.map(\.position) == [1, 2, 3, 4, 5])
        #expect(!template.measures.isEmpty)
        for measure in template.measures {
            #expect(!measure.rules.isEmpty, "\(id): \(measure.name) has no rule")
        }
        #expect(!template.regulations.isEmpty)
        #expect(template.regulations.allSatisfy { (9...20).contains($0) })
        #expect(!template.qualityStatements.isEmpty)
        for code in template.qualityStatements {
            #expect(Self.matchesScheme(code), "\(id): \(code)")
        }
        #expect(!template.risks.isEmpty && !template.warningSigns.isEmpty)
        for text in [template.title, template.summary, template.baseline, template.learning,
                     template.escalationRoute, template.consistency] + template.steps.map(\.action) {
            #expect(!text.isEmpty && !text.contains("\n"), "\(id): text should be folded onto one line")
        }
        #expect((1...13).contains(template.managerReviewWeeks))
        #expect((1...12).contains(template.providerReviewMonths))
    }

    /// Every rule in the library is one the target engine can accept: sensible numbers only.
    @Test func everyRuleHasPossibleValues() throws {
        for template in try PlanTemplateLibrary.builtin() {
            for measure in template.measures {
                for rule in measure.rules {
                    switch rule {
                    case .atLeastPercentForConsecutivePeriods(let percent, let periods):
                        #expect(percent > 0 && percent <= 100 && periods >= 1)
                    case .everyEventWithinWorkingDays(let days, let allowance):
                        #expect(days >= 1 && allowance >= 0)
                    case .zeroOccurrencesForMonths(let months):
                        #expect(months >= 1)
                    case .reductionFromBaseline(let percent, let baseline, let days):
                        #expect(percent > 0 && percent <= 100 && baseline > 0 && days >= 1)
                    case .reachPercentByDeadline(let percent, let days):
                        #expect(percent > 0 && percent <= 100 && days >= 1)
                    }
                }
            }
        }
    }

    /// Safe S1–S8, Effective E1–E6, Caring C1–C5, Responsive R1–R7, Well-led W1–W8.
    static func matchesScheme(_ code: String) -> Bool {
        let limits: [Character: Int] = ["S": 8, "E": 6, "C": 5, "R": 7, "W": 8]
        guard let letter = code.first, let limit = limits[letter], let number = Int(code.dropFirst()),
              String(number) == code.dropFirst() else { return false }
        return (1...limit).contains(number)
    }

    @Test func schemeCheckAgreesWithTheLibrary() {
        #expect(PlanTemplateLibrary.qualityStatementCodes.count == 34)
        #expect(PlanTemplateLibrary.qualityStatementCodes.allSatisfy(Self.matchesScheme))
        #expect(!Self.matchesScheme("S9") && !Self.matchesScheme("E7") && !Self.matchesScheme("W05"))
    }

    /// The end-to-end test of issue 4 makes a plan from this one.
    @Test func lateMARReturnsIsThereForTheEndToEndTest() throws {
        let template = try #require(try PlanTemplateLibrary.builtin().first { $0.id == "late-mar-returns" })
        #expect(template.regulations.contains(12))
        #expect(template.qualityStatements.contains("S8"))
    }
}
