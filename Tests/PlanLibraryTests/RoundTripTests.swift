import Foundation
import PlanLibrary
import RecoveryModel
import Testing

@Suite struct RoundTripTests {
    /// One file read field by field against what it says.
    @Test func lateMARReturnsFieldByField() throws {
        let url = sourceTemplatesFolder.appendingPathComponent("late-mar-returns.yaml")
        let t = try PlanTemplateLibrary.parse(String(contentsOf: url, encoding: .utf8), file: "late-mar-returns.yaml")
        #expect(t.id == "late-mar-returns")
        #expect(t.title == "MAR charts returned late to the office")
        #expect(t.summary.hasPrefix("Completed MAR charts from homecare visits reach the branch days late"))
        #expect(!t.summary.contains("\n"))
        #expect(t.source == .audit)
        #expect(t.regulations == [12, 17])
        #expect(t.qualityStatements == ["S8", "S2", "W5"])
        #expect(t.baseline.hasPrefix("Charts for people with high-risk medicines"))
        #expect(t.learning.hasPrefix("Say why late returns were tolerated."))
        #expect(t.risks.count == 3)
        #expect(t.risks[0] == "Late charts are treated as an admin nuisance, so nobody looks at the medicines risk they hide.")
        #expect(t.warningSigns.count == 4)
        #expect(t.warningSigns[0] == "The same round or the same worker late several weeks running.")
        #expect(t.escalationRoute.hasPrefix("The administrator tells the care coordinator about every late chart"))
        #expect(t.consistency.hasPrefix("One due date for every chart"))
        #expect(t.steps.map(\.position) == [1, 2, 3, 4, 5])
        #expect(t.steps.map(\.role) == [.administrator, .careCoordinator, .registeredManager, .careCoordinator,
                                         .providerOperationsLead])
        #expect(t.steps.map(\.cadence) == [.weekly, .weekly, .weekly, .monthly, .monthly])
        #expect(t.steps[0].recordedIn == "MAR return log")
        #expect(t.steps[0].action.hasPrefix("Compare the charts received against the list of people"))
        #expect(t.steps[4].recordedIn == "Provider governance meeting minutes")
        #expect(t.measures.count == 2)
        #expect(t.measures[0] == OutcomeMeasureDefinition(
            name: "MAR charts returned on time", period: .month, source: .chartsReturnedOnTime,
            rules: [.atLeastPercentForConsecutivePeriods(percent: 98, periods: 3)]))
        #expect(t.measures[1] == OutcomeMeasureDefinition(
            name: "Late charts escalated in time", period: .month, source: .lateReturnsEscalated,
            rules: [.everyEventWithinWorkingDays(workingDays: 1, allowance: 0)]))
        #expect(t.managerReviewWeeks == 1)
        #expect(t.providerReviewMonths == 1)
    }

    /// Writing each template out and reading it back gives the same values.
    @Test func everyTemplateSurvivesWriteAndRead() throws {
        for template in try PlanTemplateLibrary.builtin() {
            let text = PlanTemplateLibrary.yaml(template)
            let again = try PlanTemplateLibrary.parse(text, file: "\(template.id).yaml")
            #expect(again == template, "\(template.id)")
        }
    }

    @Test func awkwardValuesSurviveWriteAndRead() throws {
        var template = try #require(try PlanTemplateLibrary.builtin().first)
        template.title = "Charts: late # sometimes \"very\" late"
        template.summary = "null"
        template.risks = ["- starts with a dash", "12", "yes", "Ünïcode – dashes ‘quotes’"]
        template.measures[0].rules = [
            .atLeastPercentForConsecutivePeriods(percent: 97.5, periods: 2),
            .everyEventWithinWorkingDays(workingDays: 2, allowance: 1),
            .zeroOccurrencesForMonths(months: 3),
            .reductionFromBaseline(percent: 75, baseline: 12.5, withinDays: 120),
            .reachPercentByDeadline(percent: 90, withinDays: 90),
        ]
        let again = try PlanTemplateLibrary.parse(PlanTemplateLibrary.yaml(template), file: "x.yaml")
        #expect(again == template)
    }
}
