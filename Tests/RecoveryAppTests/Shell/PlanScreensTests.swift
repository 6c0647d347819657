import Foundation
import RecoveryApp
import RecoveryModel
import RecoveryStore
import TestSupport
import Testing
import TUI

/// A recovery plan from template to closure, through the run loop on a real store: the deputy
/// manager's path the issue describes.
@Suite(.serialized) struct PlanScreensTests {
    typealias Harness = SessionTests.Harness

    func deputyManager(_ app: Harness) throws {
        let admin = try app.store.staff(includingInactive: false).first { $0.role == .administrator }!
        _ = try app.store.addStaff(name: "Dee Morgan", role: .deputyManager, serviceIDs: admin.serviceIDs, pin: "4321",
                                   by: admin.actor, at: ShellTestSupport.fixedNow)
    }

    @Test func fromTemplateThroughFiveStepsToARefusedThenAllowedClosure() throws {
        let app = try Harness()
        try deputyManager(app)
        app.runner.runUntilIdle()
        app.signIn("Dee", pin: "4321")
        app.keys(.function(3))
        #expect(app.screen.contains("No recovery plans yet"))
        app.keys(.character("a"), .character("/"))
        app.text("returned late")
        app.keys(.enter)
        #expect(app.screen.contains("MAR charts returned late"))
        app.keys(.enter)
        #expect(app.state.current.id == "plan-form")
        // Start the plan on 01/08/2026 so three past months count.
        app.keys(.tab, .tab, .tab, .tab, .tab, .control("u"))
        app.text("01/08/2026")
        app.keys(.control("s"))
        #expect(app.state.current.id == "plans", "\(app.screen)")
        #expect(app.screen.contains("saved as active"))
        let plan = try #require(try app.store.plans(serviceID: nil).first)
        #expect(plan.status == .active)
        #expect(plan.draft.templateID == "late-mar-returns")

        app.keys(.enter)
        #expect(app.state.current.id == "plan")
        #expect(app.screen.contains("The five steps"))
        app.keys(.character("s"))
        #expect(app.screen.contains("Step 1 of 5"))
        for position in 1...5 {
            #expect(app.screen.contains("Step \(position) of 5"), "\(app.screen)")
            app.keys(.character("d"), .enter, .enter, .enter)
        }
        #expect(app.screen.contains("That was step 5 of 5"))
        #expect(try app.store.plan(plan.id).steps.allSatisfy { $0.entries.count == 1 })

        app.keys(.escape, .character("c"))
        app.text("Audits show the charts come back on time")
        app.keys(.enter)
        #expect(app.state.current.id == "plan-close")
        #expect(app.screen.contains("Not closed"))
        #expect(app.screen.contains("MAR charts returned on time"))
        #expect(try app.store.plan(plan.id).status == .active)
        app.keys(.escape, .character("y"))

        for (measure, month) in [("1", "08/2026"), ("1", "09/2026"), ("1", "10/2026"), ("2", "10/2026")] {
            app.keys(.character("m"), .control("u"))
            app.text(measure)
            app.keys(.tab, .control("u"))
            app.text(month)
            app.keys(.tab)
            app.text("99")
            app.keys(.tab)
            app.text("100")
            app.keys(.control("s"))
            #expect(app.screen.contains("Result recorded."), "\(app.screen)")
        }
        // The targets are met (October completed the three months), but no review has decided
        // to close since: the plan says so and the closure is refused.
        #expect(app.screen.contains("No governance review has recorded a decision to close since"), "\(app.screen)")
        #expect(app.screen.contains("31/10/2026"), "\(app.screen)")
        app.keys(.character("c"))
        app.text("Three months at 99%; every late chart escalated")
        app.keys(.enter)
        #expect(app.screen.contains("Not saved: No governance review has recorded"), "\(app.screen)")
        #expect(try app.store.plan(plan.id).status == .active)
        app.keys(.escape, .character("y"))

        // The review form offers the decision to close; Tab keeps it (Enter would open the list).
        app.keys(.character("r"))
        #expect(app.state.current.id == "plan-review")
        #expect((app.state.current as? RecordFormScreen)?.form["decision"] == "close")
        app.keys(.tab, .tab)
        app.text("Returns log and escalations looked at together")
        app.keys(.enter)
        app.text("Asked to see October's late charts")
        app.keys(.enter)
        #expect(app.screen.contains("review recorded: close"), "\(app.screen)")
        let review = try #require(try app.store.plan(plan.id).reviews.last)
        #expect(review.decision == .close)
        #expect(review.challenge == "Asked to see October's late charts")
        #expect(app.screen.contains("can be closed"), "\(app.screen)")
        #expect(app.screen.contains("Signed off"), "\(app.screen)")
        app.keys(.character("c"))
        app.text("Three months at 99%; every late chart escalated")
        app.keys(.enter)
        #expect(app.screen.contains("Plan closed"))
        #expect(try app.store.plan(plan.id).status == .closed)
        #expect(try app.store.verify().isSound)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func snapshotsOfTheListTheDetailAStepAndASkippedStep(size: Size) throws {
        let app = try Harness(size: size)
        try deputyManager(app)
        let dee = try app.store.staff(includingInactive: false).first { $0.name == "Dee Morgan" }!
        let template = try #require(app.state.environment.templates.first { $0.id == "late-mar-returns" })
        let start = UKDateFormat.parseDate("01/08/2026")!
        let plan = try app.store.createPlan(PlanDraft(template: template, serviceID: dee.serviceIDs.first, ownerID: dee.id,
                                                      startDate: start),
                                            activate: true, by: dee.actor, at: start)
        for (month, met) in [("01/08/2026", 97), ("01/09/2026", 99)] {
            try app.store.recordMeasurement(measureID: plan.measures[0].id,
                                            result: PeriodResult(periodStart: UKDateFormat.parseDate(month)!, numerator: met, denominator: 100),
                                            by: dee.actor, at: ShellTestSupport.fixedNow)
        }
        _ = try app.store.recordStepEntry(planID: plan.id, stepID: plan.steps[0].id, outcome: .done, note: "All back",
                                          evidence: "Returns log", occurredAt: ShellTestSupport.fixedNow,
                                          by: dee.actor, at: ShellTestSupport.fixedNow)
        _ = try app.store.recordStepEntry(planID: plan.id, stepID: plan.steps[1].id, outcome: .skipped,
                                          note: "Coordinator off sick; chased on Monday", evidence: "",
                                          occurredAt: ShellTestSupport.fixedNow.addingTimeInterval(-3600),
                                          by: dee.actor, at: ShellTestSupport.fixedNow)
        app.runner.runUntilIdle()
        app.signIn("Dee", pin: "4321")
        let golden = GoldenFile.directory(besides: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden")
        func check(_ name: String) {
            if let problem = GoldenFile.mismatch(app.screen, named: "\(name)-\(size)", in: golden) {
                Issue.record(Comment(rawValue: problem))
            }
        }
        app.keys(.function(3))
        check("plans-list")
        app.keys(.enter)
        check("plan-detail")
        app.keys(.character("s"))
        check("plan-step")
        // The skipped step: its own symbol and its reason, never ✓.
        app.keys(.character("<"))
        #expect(app.screen.contains("Step 2 of 5"), "\(app.screen)")
        #expect(app.screen.contains("⤼ skipped"), "\(app.screen)")
        #expect(app.screen.contains("[2⤼]"), "\(app.screen)")
        check("plan-step-skipped")
    }

    @Test func monitoringAndTheOwnerAreSetFromTheScreens() throws {
        let app = try Harness()
        try deputyManager(app)
        let dee = try app.store.staff(includingInactive: false).first { $0.name == "Dee Morgan" }!
        let template = try #require(app.state.environment.templates.first { $0.id == "refusal-recording-gaps" })
        let created = try app.store.createPlan(PlanDraft(template: template, serviceID: dee.serviceIDs.first, ownerID: dee.id,
                                                         startDate: ShellTestSupport.fixedNow),
                                               activate: true, by: dee.actor, at: ShellTestSupport.fixedNow)
        app.runner.runUntilIdle()
        app.signIn("Dee", pin: "4321")
        app.keys(.function(3), .enter, .character("w"))
        app.text("Target met for now")
        app.keys(.enter)
        #expect(try app.store.plan(created.id).status == .monitoring)
        #expect(try app.store.plan(created.id).statusChanges.last?.reason == "Target met for now")
        // Amend: a new owner, with the reason on the last page.
        app.keys(.character("e"))
        #expect(app.screen.contains("Dee Morgan"), "the owner is filled in")
        for _ in 0..<9 { app.keys(.tab) }
        app.keys(.control("u"))
        app.text("Tom Reid")
        app.keys(.control("s"))
        #expect(app.screen.contains("Why it changed") || app.screen.contains("Reason for change"), "\(app.screen)")
        app.text("Tom leads the MAR checks now")
        app.keys(.control("s"))
        let tom = try app.store.staff(includingInactive: false).first { $0.name == "Tom Reid" }!
        #expect(try app.store.plan(created.id).draft.ownerID == tom.id)
    }

    @Test func aTeamLeaderCanRecordStepsButNotClose() throws {
        let app = try Harness()
        try deputyManager(app)
        let dee = try app.store.staff(includingInactive: false).first { $0.name == "Dee Morgan" }!
        let template = try #require(app.state.environment.templates.first { $0.id == "refusal-recording-gaps" })
        let created = try app.store.createPlan(PlanDraft(template: template, serviceID: dee.serviceIDs.first, ownerID: dee.id,
                                                         startDate: ShellTestSupport.fixedNow),
                                               activate: true, by: dee.actor, at: ShellTestSupport.fixedNow)
        app.runner.runUntilIdle()
        app.signIn("Tom", pin: "1357")
        app.keys(.function(3), .enter, .character("s"), .character("d"), .enter, .enter, .enter)
        #expect(try app.store.plan(created.id).steps.contains { !$0.entries.isEmpty })
        app.keys(.escape, .character("c"))
        app.text("Done")
        app.keys(.enter)
        #expect(app.screen.contains("may not close plans"), "\(app.screen)")
    }
}
