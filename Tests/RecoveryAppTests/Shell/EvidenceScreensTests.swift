import Foundation
import RecoveryApp
import RecoveryModel
import RecoveryStore
import TestSupport
import Testing
import TUI

/// The daily evidence screens on a real store: snapshots of each list and form (with validation
/// messages showing) at 80x24 and 120x40, and a problem found at a plan step opening an escalation.
@Suite(.serialized) struct EvidenceScreensTests {
    typealias Harness = SessionTests.Harness
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]
    static let now = ShellTestSupport.fixedNow

    func golden(_ app: Harness, _ name: String, _ size: Size) {
        let folder = GoldenFile.directory(besides: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden")
        if let problem = GoldenFile.mismatch(app.screen, named: "\(name)-\(size)", in: folder) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// A store with a supervisor, a check with a finding, an observation and an escalation.
    func evidence(_ app: Harness) throws {
        let people = try app.store.staff(includingInactive: false)
        let admin = people.first { $0.role == .administrator }!
        let tom = people.first { $0.name == "Tom Reid" }!
        let service = try app.store.services(includingInactive: false)[0]
        let fay = try app.store.addStaff(name: "Fay Ward", role: .fieldSupervisor, serviceIDs: [service.id], pin: "2222",
                                         by: admin.actor, at: Self.now)
        let yesterday = Self.now.addingTimeInterval(-86_400)
        _ = try app.store.logMARCheck(MARCheckDraft(serviceID: service.id, date: yesterday, round: .morning, chartsChecked: 8),
                                      lateEntryRule: LateEntryRule(), by: tom.actor, at: yesterday.addingTimeInterval(11 * 3600))
        _ = try app.store.logMARCheck(MARCheckDraft(serviceID: service.id, date: Self.now, round: .morning, chartsChecked: 7,
                                                    refusalsSeen: 2, refusalsComplete: 1,
                                                    findings: [MARFinding(type: .refusalWithoutReason, personReference: "Rm 4",
                                                                          staffID: tom.id, note: "No reason written")]),
                                      lateEntryRule: LateEntryRule(), by: tom.actor, at: Self.now)
        _ = try app.store.recordObservation(ObservationDraft(staffID: tom.id, occurredAt: Self.now.addingTimeInterval(-3600),
                                                             kind: .medicinesRound, checklist: [.identityChecked: .met],
                                                             outcome: .competent, followUp: .none),
                                            by: fay.actor, at: Self.now)
        _ = try app.store.raiseEscalation(EscalationDraft(serviceID: service.id, category: .refusalWithoutFollowUp,
                                                          severity: .moderate, occurredAt: Self.now.addingTimeInterval(-7200),
                                                          escalatedToRole: .registeredManager,
                                                          whatHappened: "Refusal in Rm 4 with no reason recorded"),
                                          workingDays: app.state.environment.workingDays, by: tom.actor, at: Self.now)
    }

    @Test(arguments: sizes) func listsAndFormsWithTheirMessages(size: Size) throws {
        // Set up three days ago: the coverage grid shows the days before as not due.
        let app = try Harness(size: size, setUpAt: Self.now.addingTimeInterval(-3 * 86_400))
        try evidence(app)
        app.runner.runUntilIdle()
        app.signIn("Fay", pin: "2222")
        app.keys(.function(4))
        golden(app, "mar-checks", size)
        app.keys(.character("c"))
        golden(app, "mar-coverage", size)
        app.keys(.escape, .character("a"), .control("s"))
        #expect(app.screen.contains("! Enter a whole number"))
        golden(app, "mar-check-form-refused", size)
        app.keys(.function(7))
        golden(app, "mar-check-finding", size)
        app.keys(.escape, .character("y"), .function(5))
        golden(app, "competency", size)
        // The person is a pick list starting on the selected row; Home goes back to "(choose a person)".
        app.keys(.character("a"), .home, .control("s"))
        #expect(app.screen.contains("! Choose the member"))
        golden(app, "observation-form-refused", size)
        app.keys(.escape, .character("y"), .function(6))
        golden(app, "escalations", size)
        app.keys(.enter)
        golden(app, "escalation-detail", size)
        // Down to "When it happened" (the fields above it are pick lists) and write nonsense.
        app.keys(.escape, .character("a"), .tab, .tab, .tab, .tab, .control("u"))
        app.text("nonsense")
        app.keys(.control("s"))
        golden(app, "escalation-form-refused", size)
    }

    @Test func aProblemFoundAtAPlanStepOpensAPrefilledEscalation() throws {
        let app = try Harness()
        let admin = try app.store.staff(includingInactive: false).first { $0.role == .administrator }!
        let dee = try app.store.addStaff(name: "Dee Morgan", role: .deputyManager, serviceIDs: admin.serviceIDs, pin: "4321",
                                         by: admin.actor, at: Self.now)
        let template = try #require(app.state.environment.templates.first { $0.id == "refusal-recording-gaps" })
        let service = try app.store.services(includingInactive: false)[0]
        let plan = try app.store.createPlan(PlanDraft(template: template, serviceID: service.id, ownerID: dee.id,
                                                      startDate: Self.now), activate: true, by: dee.actor, at: Self.now)
        app.runner.runUntilIdle()
        app.signIn("Dee", pin: "4321")
        app.keys(.function(3), .enter, .character("s"), .character("e"))
        app.text("Two refusals with no reason")
        app.keys(.control("s"))
        #expect(app.state.current.id == "raise-escalation", "\(app.screen)")
        // What was typed for the problem is carried into "What happened", and About names the entry.
        #expect(app.screen.contains("Two refusals with no reason"), "\(app.screen)")
        #expect(app.screen.contains("problem found"), "\(app.screen)")
        app.keys(.control("s"))
        let raised = try app.store.escalations(openOnly: true, serviceID: nil, at: Self.now)
        #expect(raised.count == 1)
        let entry = try #require(try app.store.plan(plan.id).steps.flatMap(\.entries).first { $0.outcome == .problemFound })
        #expect(raised.first?.draft.sources == [.stepEntry(entryID: entry.id)])
        #expect(raised.first?.draft.whatHappened.hasPrefix("Two refusals with no reason") == true)
        #expect(try app.store.plan(plan.id).steps.flatMap(\.entries).first { $0.id == entry.id }?.escalationIDs == raised.map(\.id))
        // Back on step 1, the entry shows its escalation and Enter opens it.
        app.keys(.character("<"))
        #expect(app.screen.contains("escalated E-\(raised[0].id)"), "\(app.screen)")
        app.keys(.enter)
        #expect(app.state.current.id == EscalationDetailScreen.screenID, "\(app.screen)")
        #expect(app.screen.contains("About: plan step entry \(entry.id)"), "\(app.screen)")
        #expect(raised.first?.draft.links.planID == plan.id)
        #expect(raised.first?.draft.links.stepID == plan.steps.sorted { $0.definition.position < $1.definition.position }[0].id)
    }

    /// A correction that adds a finding to escalate opens the escalation about it, exactly as a
    /// new check does; the finding reads "escalated" only once the escalation is saved.
    @Test func aCorrectedChecksNewFindingOpensItsEscalationAndShowsTheLinkOnceSaved() throws {
        let app = try Harness()
        let tom = try #require(try app.store.staff(includingInactive: false).first { $0.name == "Tom Reid" })
        let service = try app.store.services(includingInactive: false)[0]
        let check = try app.store.logMARCheck(MARCheckDraft(serviceID: service.id, date: Self.now, round: .morning, chartsChecked: 9),
                                              lateEntryRule: LateEntryRule(), by: tom.actor, at: Self.now)
        app.runner.runUntilIdle()
        app.signIn("Tom", pin: "1357")
        app.keys(.function(4), .enter)
        #expect(app.state.current.id == MARCheckDetailScreen.screenID, "\(app.screen)")
        #expect(app.screen.contains("No findings: a clean check."), "\(app.screen)")
        // Correct it: why, then a stock count finding marked to escalate.
        app.keys(.character("e"), .tab, .tab, .tab, .tab)
        app.text("Stock count was missed")
        app.keys(.function(7))
        app.text("s")
        #expect(app.screen.contains("stock count does not match"), "\(app.screen)")
        app.keys(.tab)
        app.text("Rm 2")
        app.keys(.tab, .tab, .tab, .tab)
        app.text("y")
        app.keys(.control("s"))
        #expect(app.state.current.id == EscalationFormScreen.screenID, "\(app.screen)")
        #expect(app.screen.contains("Stock count does not match (Rm 2)"), "\(app.screen)")
        let form = try #require(app.state.current as? EscalationFormScreen)
        #expect(form.chosenSources == [.finding(checkID: check.id, number: 1)])
        // Leaving without saving: the finding is not escalated.
        app.keys(.escape, .character("y"))
        #expect(app.state.current.id == MARCheckDetailScreen.screenID, "\(app.screen)")
        #expect(app.screen.contains("not escalated (due by"), "\(app.screen)")
        // Enter on it raises the escalation about it; once saved the check shows the link.
        app.keys(.enter)
        #expect(app.state.current.id == EscalationFormScreen.screenID, "\(app.screen)")
        app.keys(.control("s"))
        let raised = try #require(try app.store.escalations(openOnly: true, serviceID: nil, at: Self.now).first)
        #expect(raised.draft.sources == [.finding(checkID: check.id, number: 1)])
        #expect(app.state.current.id == MARCheckDetailScreen.screenID, "\(app.screen)")
        #expect(app.screen.contains("escalated E-\(raised.id) on"), "\(app.screen)")
        #expect(app.screen.contains("handled in time"), "\(app.screen)")
        app.keys(.enter)
        #expect(app.state.current.id == EscalationDetailScreen.screenID, "\(app.screen)")
        #expect(app.screen.contains("About: MAR check \(check.id), finding 1"), "\(app.screen)")
    }
}
