import Foundation
@testable import RecoveryApp
import RecoveryModel
import RecoveryServices
import RecoveryStore
import Testing
import TUI

/// A plan's trail: built through the store's write path, every record linked to the plan in time
/// order with its source, each line opening its record; `t` from the plans list.
@Suite(.serialized) struct TrailScreenTests {
    typealias Harness = SessionTests.Harness
    static let start = ShellTestSupport.fixedNow

    /// A plan with a status change, a done step, a problem found with its escalation, a result
    /// entered by hand and a review, each a day apart.
    func planWithRecords(_ app: Harness) throws -> PlanRecord {
        let admin = try #require(try app.store.staff(includingInactive: false).first { $0.role == .administrator })
        let dee = try app.store.addStaff(name: "Dee Morgan", role: .deputyManager, serviceIDs: admin.serviceIDs, pin: "4321",
                                         by: admin.actor, at: Self.start)
        let template = try #require(app.state.environment.templates.first { $0.id == "refusal-recording-gaps" })
        let day = { (n: Double) in Self.start.addingTimeInterval(n * 86_400) }
        var plan = try app.store.createPlan(PlanDraft(template: template, serviceID: dee.serviceIDs.first, ownerID: dee.id,
                                                      startDate: Self.start),
                                            activate: true, by: dee.actor, at: Self.start)
        let steps = plan.steps
        _ = try app.store.recordStepEntry(planID: plan.id, stepID: steps[0].id, outcome: .done, note: "Checked every chart",
                                          evidence: "Audit folder, tab 3", occurredAt: day(1), by: dee.actor, at: day(1))
        let problem = try app.store.recordStepEntry(planID: plan.id, stepID: steps[1].id, outcome: .problemFound,
                                                    note: "Two refusals with no reason", evidence: "MAR folder",
                                                    occurredAt: day(2), by: dee.actor, at: day(2))
        _ = try app.store.raiseEscalation(EscalationDraft(serviceID: try #require(dee.serviceIDs.first),
                                                          category: .refusalWithoutFollowUp, severity: .moderate,
                                                          occurredAt: day(2), escalatedToRole: .registeredManager,
                                                          whatHappened: "Refusals left without a reason",
                                                          sources: [.stepEntry(entryID: problem.id)]),
                                          workingDays: app.state.environment.workingDays, by: dee.actor, at: day(2))
        if let measure = plan.measures.first(where: { $0.definition.source.origin.contains("hand") }) ?? plan.measures.first {
            try app.store.recordMeasurement(measureID: measure.id, result: PeriodResult(periodStart: day(3), numerator: 18,
                                                                                          denominator: 20),
                                            by: dee.actor, at: day(3))
        }
        _ = try app.store.recordReview(planID: plan.id, kind: .manager, decision: .continuePlan, note: "Going the right way",
                                       challenge: "Why were two refusals missed?", occurredAt: day(4), by: dee.actor, at: day(4))
        plan = try app.store.plan(plan.id)
        return plan
    }

    @Test func theTrailListsEveryLinkedRecordInTimeOrderWithItsSource() throws {
        let app = try Harness()
        let plan = try planWithRecords(app)
        let services = RecoveryServices(store: app.store, workingDays: app.state.environment.workingDays)
        let trail = try services.planTrail(plan.id, at: Self.start.addingTimeInterval(5 * 86_400))
        let kinds = trail.lines.map(\.kind)
        #expect(kinds.first == .concern)
        #expect(kinds.filter { $0 == .step }.count == 2)
        #expect(kinds.contains(.escalation))
        #expect(kinds.contains(.review))
        #expect(kinds.contains(.status), "the plan's start is a status change")
        #expect(trail.lines.map(\.date) == trail.lines.map(\.date).sorted(), "in time order")
        let escalation = try #require(trail.lines.first { $0.kind == .escalation })
        #expect(escalation.summary.contains("Refusals left without a reason"))
        #expect(escalation.source == "escalation")
        let review = try #require(trail.lines.first { $0.kind == .review })
        #expect(review.summary.contains("Challenge: Why were two refusals missed?"))
        #expect(review.who == "Dee Morgan")
        let step = try #require(trail.lines.first { $0.kind == .step })
        #expect(step.summary.contains("Evidence: Audit folder, tab 3"))
        if !plan.measures.isEmpty {
            let result = try #require(trail.lines.first { $0.kind == .result })
            #expect(result.summary.contains("18"))
            #expect(!result.source.isEmpty)
        }
    }

    @Test func tFromThePlansListOpensTheTrailAndEnterOpensEachRecord() throws {
        let app = try Harness()
        _ = try planWithRecords(app)
        app.runner.runUntilIdle()
        app.signIn("Dee", pin: "4321")
        app.keys(.function(3), .character("t"))
        #expect(app.state.current is TrailScreen, "\(app.screen)")
        #expect(app.screen.contains("Trail: "))
        #expect(app.screen.contains("Concern"))
        #expect(app.screen.contains("Escalation"))
        let trail = try #require(app.state.current as? TrailScreen)
        // Each line opens its record: the escalation's page, the steps, the plan.
        for (index, line) in trail.lines.enumerated() {
            app.keys(.home)
            for _ in 0..<index { app.keys(.down) }
            app.keys(.enter)
            switch line.opens {
            case .escalation: #expect(app.state.current is EscalationDetailScreen, "\(line.summary)")
            case .steps: #expect(app.state.current is StepThroughScreen, "\(line.summary)")
            case .plan: #expect(app.state.current is PlanDetailScreen, "\(line.summary)")
            case .marCheck: #expect(app.state.current is MARCheckDetailScreen, "\(line.summary)")
            }
            app.keys(.escape)
            #expect(app.state.current is TrailScreen)
        }
        // From the plan's own page, t opens it too.
        app.keys(.escape, .enter, .character("t"))
        #expect(app.state.current is TrailScreen)

        // An escalation's trail: what it answers (the step entry), its raising, and the plan.
        let escalationLine = try #require(trail.lines.firstIndex { $0.kind == .escalation })
        app.keys(.home)
        for _ in 0..<escalationLine { app.keys(.down) }
        app.keys(.enter, .character("t"))
        let own = try #require(app.state.current as? TrailScreen, "\(app.screen)")
        #expect(own.subject != .plan(0))
        #expect(own.lines.contains { $0.kind == .escalation && $0.summary.contains("Refusals left without a reason") })
        #expect(own.lines.contains { $0.kind == .step }, "the step entry it answers")
        #expect(own.lines.map(\.date) == own.lines.map(\.date).sorted())
        #expect(own.title.hasPrefix("Trail: escalation of"))
    }

    @Test func anEscalationsTrailFollowsItFromTheFindingToItsResolution() throws {
        let app = try Harness()
        let tom = try #require(try app.store.staff(includingInactive: false).first { $0.name == "Tom Reid" })
        let admin = tom
        let serviceID = try #require(tom.serviceIDs.first)
        let day = { (n: Double) in Self.start.addingTimeInterval(n * 86_400) }
        let check = try app.store.logMARCheck(MARCheckDraft(serviceID: serviceID, date: day(0), round: .morning, chartsChecked: 12,
                                                            findings: [MARFinding(type: .missingSignature, personReference: "AB 4",
                                                                                  note: "No signature at 08:00", escalate: true)]),
                                              lateEntryRule: LateEntryRule(hours: 48), by: admin.actor, at: day(0))
        let raised = try app.store.raiseEscalation(EscalationDraft(serviceID: serviceID, category: .omission, severity: .moderate,
                                                                   occurredAt: day(0), escalatedToRole: .registeredManager,
                                                                   whatHappened: "Gap on the MAR",
                                                                   sources: [.finding(checkID: check.id, number: 1)]),
                                                   workingDays: app.state.environment.workingDays, by: admin.actor, at: day(0))
        _ = try app.store.advanceEscalation(raised.id, to: .acknowledged, note: "", by: admin.actor, at: day(0.5))
        _ = try app.store.advanceEscalation(raised.id, to: .responded, note: "Spoke to the night staff", by: admin.actor,
                                            at: day(0.75))
        _ = try app.store.advanceEscalation(raised.id, to: .resolved, note: "Dose confirmed given; staff member spoken to",
                                            by: admin.actor, at: day(1))
        let services = RecoveryServices(store: app.store, workingDays: app.state.environment.workingDays)
        let lines = try services.escalationTrail(raised.id)
        #expect(lines.map(\.kind) == [.check, .escalation, .status, .status, .outcome], "\(lines.map(\.summary))")
        #expect(lines[0].summary.contains("finding 1") && lines[0].summary.contains("No signature at 08:00"))
        #expect(lines[0].opens == .marCheck(check.id))
        #expect(lines[3].summary == "Response: Spoke to the night staff")
        #expect(lines[4].summary.contains("Dose confirmed given"))
    }
}
