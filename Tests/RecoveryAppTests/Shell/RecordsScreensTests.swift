import Foundation
import PlanLibrary
@testable import RecoveryApp
import RecoveryModel
import RecoveryServices
import Testing
import TUI

/// The records screens as typed tasks: what a key asks for, what the screen looks like once the
/// reply is in, what is handed over rather than read again, a reply for a closed screen dropped,
/// and the escalation page's long account scrolling with the list keys.
@Suite(.serialized) struct RecordsScreensTests {
    typealias Harness = SessionTests.Harness
    typealias Support = ShellTestSupport
    static let now = Support.fixedNow

    /// Escalations raised on the harness's store (the last with a long account).
    func escalations(_ app: Harness, count: Int = 2, long: Bool = false) throws -> (tom: StaffMember, raised: [Escalation]) {
        let tom = try #require(try app.store.staff(includingInactive: false).first { $0.name == "Tom Reid" })
        let service = try app.store.services(includingInactive: false)[0]
        var raised: [Escalation] = []
        for index in 0..<count {
            let words = long && index == count - 1
                ? (1...40).map { "Sentence \($0) of what happened on the round." }.joined(separator: " ")
                : "Dose \(index) missed"
            raised.append(try app.store.raiseEscalation(
                EscalationDraft(serviceID: service.id, category: .omission, severity: .moderate,
                                occurredAt: Self.now.addingTimeInterval(Double(index - 10) * 600), escalatedToRole: .registeredManager,
                                escalatedToName: "", links: EscalationLinks(), whatHappened: words, immediateAction: ""),
                workingDays: .weekendsOnly, by: tom.actor, at: Self.now.addingTimeInterval(Double(index - 10) * 600)))
        }
        return (tom, raised)
    }

    @Test func escalationDetailIsHandedItsEscalationAcknowledgesOnceAndDropsALateReply() throws {
        let app = try Harness()
        let (tom, raised) = try escalations(app)
        let services = try app.store.services(includingInactive: true)
        var state = Support.state()
        _ = Support.press([.function(6)], on: &state)
        let opened = state.open(EscalationDetailScreen(escalation: raised[0], services: services))
        #expect(opened.isEmpty, "handed the escalation and the service names, it reads nothing")
        #expect(AppView.render(state).text.contains("E-\(raised[0].id) · Omission"))

        // a: one acknowledgement; a second a while it is saving is refused, nothing lost.
        let first = Support.press([.character("a")], on: &state).tasks(EscalationDetailScreen.Advance.self)
        #expect(first == [EscalationDetailScreen.Advance(id: raised[0].id, status: .acknowledged, note: "")])
        #expect(Support.press([.character("a")], on: &state).tasks(EscalationDetailScreen.Advance.self).isEmpty)
        #expect(state.status?.text == "Saving…; wait for it.")

        // The reply puts the escalation as it now stands into the page, with nothing read again.
        let acknowledged = try app.store.advanceEscalation(raised[0].id, to: .acknowledged, note: "", by: tom.actor, at: Self.now)
        let effects = state.update(.taskFinished(first[0].answer(acknowledged, generation: state.currentGeneration)))
        #expect(effects.tasks(EscalationDetailScreen.LoadEscalation.self).isEmpty)
        let detail = try #require(state.current as? EscalationDetailScreen)
        #expect(detail.escalation?.status == .acknowledged)
        #expect(!detail.saving)
        #expect(state.status?.text == "Escalation acknowledged.")
        #expect(AppView.render(state).text.contains("Acknowledged 21/11/2026 09:30"))

        // A refused acknowledgement says why and lets the user try again.
        _ = Support.press([.character("a")], on: &state)
        _ = state.update(.taskFinished(first[0].answer(refusal: .invalid("It is acknowledged already."), generation: state.currentGeneration)))
        #expect(state.status?.text == "It is acknowledged already.")
        #expect((state.current as? EscalationDetailScreen)?.saving == false)

        // A reply for a page that has since closed goes nowhere.
        let generation = state.currentGeneration
        let reading = EscalationDetailScreen.LoadEscalation(id: raised[1].id)
        _ = Support.press([.escape], on: &state)
        #expect(state.current is EscalationsScreen)
        #expect(state.update(.taskFinished(reading.answer(EscalationDetail(escalation: raised[1], services: services),
                                                          generation: generation))).isEmpty)
        #expect(state.current is EscalationsScreen)
    }

    @Test func escalationDetailOpenedByIdReadsItself() throws {
        var state = Support.state()
        let effects = state.open(EscalationDetailScreen(escalationID: 42))
        #expect(effects.tasks(EscalationDetailScreen.LoadEscalation.self) == [EscalationDetailScreen.LoadEscalation(id: 42)])
        #expect(AppView.render(state).text.contains("Loading…"))
        #expect(Support.press([.character("a")], on: &state).tasks(EscalationDetailScreen.Advance.self).isEmpty,
                "nothing to acknowledge until it is read")
    }

    @Test func aLongEscalationScrollsWithTheListKeys() throws {
        let app = try Harness(size: Size(width: 80, height: 24))
        let (_, raised) = try escalations(app, count: 1, long: true)
        app.signIn("Tom", pin: "1357")
        app.keys(.function(6), .enter)
        let detail = try #require(app.state.current as? EscalationDetailScreen)
        #expect(detail.escalation == raised[0], "handed over by the list")
        #expect(app.screen.contains("E-\(raised[0].id) ·"), "\(app.screen)")
        #expect(!app.screen.contains("Status: Open"), "the end of a long account is below the screen:\n\(app.screen)")
        #expect(app.screen.contains("1–"), "the position shows:\n\(app.screen)")

        app.keys(.end)
        #expect(app.screen.contains("Status: Open"), "\(app.screen)")
        #expect(!app.screen.contains("E-\(raised[0].id) ·"))
        // Up after End moves at once (the offset never runs past the last page).
        let atEnd = app.screen
        app.keys(.up)
        #expect(app.screen != atEnd)
        app.keys(.home)
        #expect(app.screen.contains("E-\(raised[0].id) ·"))
        app.keys(.pageDown)
        #expect(!app.screen.contains("E-\(raised[0].id) ·"), "\(app.screen)")
        // Down past the end stays on the last page; one Up shows one line more at the top.
        for _ in 0..<40 { app.keys(.down) }
        #expect(app.screen == atEnd)
    }

    @Test func thePlansListHandsThePlanPageItsTitle() throws {
        let app = try Harness()
        let admin = try #require(try app.store.staff(includingInactive: false).first { $0.role == .administrator })
        let deputy = try app.store.addStaff(name: "Dee Morgan", role: .deputyManager, serviceIDs: admin.serviceIDs, pin: "4321",
                                            by: admin.actor, at: Self.now)
        let template = try #require(try PlanTemplateLibrary.builtin().first)
        let plan = try app.store.createPlan(PlanDraft(template: template, serviceID: admin.serviceIDs.first, ownerID: deputy.id, startDate: Self.now),
                                            activate: true, by: deputy.actor, at: Self.now)
        var state = Support.state()
        let asked = Support.press([.function(3)], on: &state).tasks(PlansScreen.LoadPlans.self)
        #expect(asked.count == 1)
        let list = RecoveryServices(store: app.store)
        _ = state.update(.taskFinished(asked[0].answer(try list.planList(at: Self.now), generation: state.currentGeneration)))
        #expect(AppView.render(state).text.contains(String(template.title.prefix(20))))

        let opening = Support.press([.enter], on: &state)
        #expect(opening.tasks(PlanDetailScreen.LoadPlan.self) == [PlanDetailScreen.LoadPlan(id: plan.id)])
        #expect(state.current.title == plan.draft.title, "the list's title shows while the plan is read")
        let generation = state.currentGeneration
        _ = state.update(.taskFinished(PlanDetailScreen.LoadPlan(id: plan.id).answer(try list.planDetail(plan.id), generation: generation)))
        #expect(AppView.render(state).text.contains("Not ready to close"))
        // Only the keys that act on an active plan are named.
        let hints = try #require(state.current.keyHints).compactMap { $0.text(keymap: state.keymap, scopes: state.activeScopes) }
        #expect(hints.contains("w monitor") && hints.contains("c close") && !hints.contains("o reopen") && !hints.contains("g start"))
        #expect(hints.contains("Down scroll"))
    }

    @Test func theObservationFormWaitsForEveryoneThenOpensWithTheSelectedPerson() throws {
        let app = try Harness()
        let people = try app.store.staff(includingInactive: false)
        var state = Support.state()
        let pages = Support.press([.function(5)], on: &state).tasks(ObservationsScreen.LoadPage.self)
        let competency = try app.store.competencyPage(CompetencyQuery(search: ""), pages[0].page, at: Self.now)
        _ = state.update(.taskFinished(pages[0].answer(competency, generation: state.currentGeneration)))
        let asked = Support.press([.character("a")], on: &state).tasks(ObservationsScreen.LoadFormStaff.self)
        #expect(asked == [ObservationsScreen.LoadFormStaff(selected: competency.rows[0].person.id)])
        #expect(state.current is ObservationsScreen, "the form opens once the staff are read")
        _ = state.update(.taskFinished(asked[0].answer(people, generation: state.currentGeneration)))
        #expect(state.current.id == "record-observation")
        #expect(AppView.render(state).text.contains(competency.rows[0].person.name))
    }

    @Test func coverageReadsOnlyTheServicesItWasNotHanded() throws {
        let oak = Service(id: 1, name: "Oak House", kind: .residential)
        let elm = Service(id: 2, name: "Elm Court", kind: .residential)
        var state = Support.state()
        #expect(state.open(CoverageScreen(checks: [], services: [oak, elm], serviceID: 1, covering: [1])).isEmpty)
        let next = Support.press([.character("v")], on: &state).tasks(CoverageScreen.LoadChecks.self)
        #expect(next == [CoverageScreen.LoadChecks(serviceID: 2)])
        _ = state.update(.taskFinished(next[0].answer([], generation: state.currentGeneration)))
        #expect((state.current as? CoverageScreen)?.covered == [1, 2])
        #expect(Support.press([.character("v")], on: &state).tasks(CoverageScreen.LoadChecks.self).isEmpty)
        #expect(AppView.render(state).text.contains("Oak House (Residential"))
        #expect((state.current as? CoverageScreen)?.refresh(context: state.screenContext)
                    .tasks(CoverageScreen.LoadChecks.self) == [CoverageScreen.LoadChecks(serviceID: 1, afresh: true)])
    }

    @Test func marCheckDetailHandedTheCheckReadsOnlyWhatItLacks() throws {
        let app = try Harness()
        let tom = try #require(try app.store.staff(includingInactive: false).first { $0.name == "Tom Reid" })
        let services = try app.store.services(includingInactive: true)
        let check = try app.store.logMARCheck(MARCheckDraft(serviceID: services[0].id, date: LondonDay(Self.now).start,
                                                            round: .morning, chartsChecked: 12),
                                              lateEntryRule: LateEntryRule(), by: tom.actor, at: Self.now)
        let context = Support.state().screenContext
        let fromList = MARCheckDetailScreen(check: check, services: services, staff: [])
        #expect(fromList.appear(context: context).tasks(MARCheckDetailScreen.LoadLinks.self) == [MARCheckDetailScreen.LoadLinks(id: check.id)])
        #expect(fromList.appear(context: context).tasks(MARCheckDetailScreen.LoadStaff.self).count == 1)
        #expect(MARCheckDetailScreen(check: check, services: services, staff: [tom]).appear(context: context)
                    .tasks(MARCheckDetailScreen.LoadStaff.self).isEmpty)
        #expect(MARCheckDetailScreen(checkID: check.id).appear(context: context).tasks(MARCheckDetailScreen.LoadCheck.self)
                == [MARCheckDetailScreen.LoadCheck(id: check.id)])
        #expect(fromList.refresh(context: context).tasks(MARCheckDetailScreen.LoadCheck.self).count == 1)
    }

    @Test func rebindingAnEscalationKeyChangesItsHintAndTheWordsOnScreen() throws {
        var keymap = DefaultKeymap.keymap
        try keymap.rebind(EscalationsScreen.add, to: [.character("x")])
        var state = Support.state()
        state.keymap = keymap
        _ = Support.press([.function(6)], on: &state)
        let text = AppView.render(state).text
        #expect(text.contains("x raise"), "\(text)")
        #expect(text.contains("Press x to raise one."), "\(text)")
    }
}
