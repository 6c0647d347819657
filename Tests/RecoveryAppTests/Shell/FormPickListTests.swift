import Foundation
@testable import RecoveryApp
import RecoveryModel
import RecoveryServices
import Testing
import TUI

/// The app's forms: every fixed value is a pick list offering all its choices, a typed prefix
/// chooses, nothing outside the list can be saved, a refused save keeps what was typed, and a
/// second save while the first is with the store is refused. Keys go through the real update
/// function (keymap and `Screen.claims`); tasks are answered without a store.
@Suite struct FormPickListTests {
    typealias Support = ShellTestSupport
    static let now = Support.fixedNow
    static let oak = Service(id: 1, name: "Oak House", kind: .residential)
    static let birch = Service(id: 2, name: "Birch Homecare", kind: .domiciliary)
    static let tom = StaffMember(id: 2, name: "Tom Reid", role: .teamLeader, serviceIDs: [1])
    static let cal = StaffMember(id: 3, name: "Cal Jones", role: .careWorker, serviceIDs: [1])
    static let calToo = StaffMember(id: 4, name: "Cal Jones", role: .seniorCarer, serviceIDs: [2])

    static func labels<T: Titled>(_ type: T.Type) -> [String] { T.allCases.map { $0.title.lowercased() } }

    /// A signed-in state with `screen` open on top, its appear tasks returned.
    static func opened(_ screen: any Screen, size: Size = Size(width: 100, height: 30)) -> (AppState, [AppEffect]) {
        var state = Support.state(size: size)
        let effects = state.open(screen)
        return (state, effects)
    }

    static func press(_ keys: Key..., on state: inout AppState) -> [AppEffect] {
        Support.press(keys, on: &state)
    }

    static func type(_ text: String, on state: inout AppState) -> [AppEffect] {
        Support.press(text.map { Key.character($0) }, on: &state)
    }

    static func marForm(_ state: AppState) throws -> MARCheckFormScreen {
        try #require(state.current as? MARCheckFormScreen)
    }

    static func newMARForm() -> MARCheckFormScreen {
        MARCheckFormScreen(services: [oak, birch], staff: [tom, cal, calToo], serviceID: 1, round: .morning, today: now,
                           lateEntryHours: 24)
    }

    // MARK: MAR check

    @Test func theMARCheckOffersEveryRoundFindingTypeAndPersonAsPickLists() throws {
        var (state, _) = Self.opened(Self.newMARForm())
        var form = try Self.marForm(state)
        #expect(form.paged[field: "service"].choices == ["Oak House", "Birch Homecare"])
        #expect(form.paged[field: "round"].choices == Self.labels(MARRound.self))
        #expect(form.paged[field: "round"].choices.contains("homecare visit"))
        _ = Self.press(.function(7), on: &state)
        form = try Self.marForm(state)
        let finding = form.paged.current
        #expect(form.paged.indicator == "Page 2 of 2: Finding 1 of 1")
        #expect(finding[field: "type"].choices == Self.labels(FindingType.self))
        #expect(finding[field: "staff"].choices == ["not known", "Tom Reid", "Cal Jones (care or support worker)", "Cal Jones (senior carer)"])
        #expect(finding[field: "escalate"].choices == ["no", "yes"])
    }

    @Test func aTypedPrefixChoosesTheHomecareVisitRoundAndItIsSavedAsAVisit() throws {
        var (state, _) = Self.opened(Self.newMARForm())
        // The form opens on the charts; back up to the round and type "h".
        _ = Self.type("6", on: &state)
        _ = Self.press(.backTab, on: &state)
        #expect(try Self.marForm(state).paged.current.focusedName == "round")
        _ = Self.type("h", on: &state)
        #expect(try Self.marForm(state).paged["round"] == "homecare visit")
        // Up and Down choose within the list rather than leave it.
        _ = Self.press(.up, on: &state)
        #expect(try Self.marForm(state).paged["round"] == "night")
        _ = Self.press(.down, on: &state)
        #expect(try Self.marForm(state).paged["round"] == "homecare visit")
        #expect(try Self.marForm(state).paged.current.focusedName == "round")
        let effects = Self.press(.control("s"), on: &state)
        let save = try #require(effects.tasks(MARCheckFormScreen.LogCheck.self).first)
        #expect(save.draft.round == .visit)
        #expect(save.draft.chartsChecked == 6)
        #expect(save.draft.serviceID == 1)
    }

    @Test func aFindingsStaffMemberIsPickedByNameAndSavedByTheirNumber() throws {
        var (state, _) = Self.opened(Self.newMARForm())
        _ = Self.type("5", on: &state)
        _ = Self.press(.function(7), on: &state)
        _ = Self.type("r", on: &state)
        #expect(try Self.marForm(state).paged.current["type"] == "refusal without a reason")
        _ = Self.press(.tab, on: &state)
        _ = Self.type("Rm 4", on: &state)
        _ = Self.press(.tab, on: &state)
        // "c" twice: the second Cal Jones (the senior carer at Birch).
        _ = Self.type("cc", on: &state)
        _ = Self.press(.down, on: &state)
        #expect(try Self.marForm(state).paged.current["staff"] == "Cal Jones (senior carer)")
        _ = Self.press(.tab, .tab, .tab, on: &state)
        _ = Self.type("y", on: &state)
        let effects = Self.press(.control("s"), on: &state)
        let save = try #require(effects.tasks(MARCheckFormScreen.LogCheck.self).first)
        #expect(save.draft.findings.count == 1)
        #expect(save.draft.findings[0].type == .refusalWithoutReason)
        #expect(save.draft.findings[0].staffID == 4)
        #expect(save.draft.findings[0].escalate)
        #expect(save.draft.findings[0].personReference == "Rm 4")
    }

    @Test func aValueOutsideAPickListIsNeverTaken() throws {
        var form = Self.newMARForm().paged
        form["round"] = "visit"
        #expect(form["round"] == "morning", "\"visit\" is not a label of the list; the choice stays")
        form["round"] = "Homecare Visit"
        #expect(form["round"] == "homecare visit")
        form["service"] = "Nowhere"
        #expect(form["service"] == "Oak House")
    }

    @Test func aSecondSaveWhileTheFirstIsWithTheStoreIsRefusedAndARefusalKeepsEverything() throws {
        var (state, _) = Self.opened(Self.newMARForm())
        _ = Self.type("8", on: &state)
        let first = Self.press(.control("s"), on: &state)
        let save = try #require(first.tasks(MARCheckFormScreen.LogCheck.self).first)
        #expect(try Self.marForm(state).saving)
        let second = Self.press(.control("s"), on: &state)
        #expect(second.tasks(MARCheckFormScreen.LogCheck.self).isEmpty)
        #expect(state.status?.text == FormCommands.savingMessage)
        // The store refuses: the form stays with what was typed, and may be saved again.
        _ = state.update(.taskFinished(save.answer(refusal: .invalid("Care workers may not log MAR chart checks."),
                                                   generation: state.currentGeneration)))
        let form = try Self.marForm(state)
        #expect(!form.saving)
        #expect(form.paged["charts"] == "8")
        #expect(state.status?.text == "Not saved: Care workers may not log MAR chart checks.")
        #expect(Self.press(.control("s"), on: &state).tasks(MARCheckFormScreen.LogCheck.self).count == 1)
    }

    @Test func theRecheckQuestionIsAskedAndYSavesARecheck() throws {
        var (state, _) = Self.opened(Self.newMARForm())
        _ = Self.type("8", on: &state)
        let save = try #require(Self.press(.control("s"), on: &state).tasks(MARCheckFormScreen.LogCheck.self).first)
        _ = state.update(.taskFinished(save.answer(.recheckQuestion("Morning was checked at 09:00; save this one as a re-check?"),
                                                   generation: state.currentGeneration)))
        #expect(try Self.marForm(state).recheckQuestion != nil)
        let again = try #require(Self.type("y", on: &state).tasks(MARCheckFormScreen.LogCheck.self).first)
        #expect(again.recheck)
        #expect(again.draft == save.draft)
    }

    // MARK: Escalation

    static func escalationForm(_ state: AppState) throws -> EscalationFormScreen {
        try #require(state.current as? EscalationFormScreen)
    }

    @Test func theEscalationOffersItsCategoriesSeveritiesAndRolesAndTheAboutListOnceRead() throws {
        var (state, appear) = Self.opened(EscalationFormScreen(services: [Self.oak, Self.birch], serviceID: 1, now: Self.now))
        let load = try #require(appear.tasks(EscalationFormScreen.LoadAbout.self).first)
        #expect(load.serviceID == 1)
        var form = try Self.escalationForm(state).form
        #expect(form[field: "category"].choices == Self.labels(EscalationCategory.self))
        #expect(form[field: "severity"].choices == Self.labels(EscalationSeverity.self))
        #expect(form[field: "role"].choices == Self.labels(Role.self))
        #expect(form["role"] == "registered manager")
        let due = EscalationDue(source: .finding(checkID: 7, number: 1), serviceID: 1, occurred: Self.now,
                                summary: "21/11/2026 morning · Missing signature (Rm 2)",
                                whatHappened: "Missing signature for Rm 2.", category: .omission)
        _ = state.update(.taskFinished(load.answer([due], generation: state.currentGeneration)))
        form = try Self.escalationForm(state).form
        #expect(form[field: "about"].choices == [EscalationFormScreen.noneLabel, due.summary])
        // Down on About chooses the finding and carries its words and category in.
        _ = Self.press(.tab, on: &state)
        #expect(try Self.escalationForm(state).form.focusedName == "about")
        _ = Self.press(.down, on: &state)
        form = try Self.escalationForm(state).form
        #expect(form["what-happened"] == "Missing signature for Rm 2.")
        #expect(form["category"] == FormChoices.label(EscalationCategory.omission))
        // Choosing another service reads its About list.
        _ = Self.press(.backTab, on: &state)
        let reload = Self.press(.down, on: &state)
        #expect(reload.tasks(EscalationFormScreen.LoadAbout.self).map(\.serviceID) == [2])
    }

    @Test func anEscalationIsSavedWithThePickedValuesAndASecondSaveWaits() throws {
        var (state, appear) = Self.opened(EscalationFormScreen(services: [Self.oak], serviceID: 1, now: Self.now))
        let load = try #require(appear.tasks(EscalationFormScreen.LoadAbout.self).first)
        _ = state.update(.taskFinished(load.answer([], generation: state.currentGeneration)))
        _ = Self.press(.tab, .tab, .tab, on: &state)  // severity
        _ = Self.type("h", on: &state)
        _ = Self.press(.tab, .tab, on: &state)  // role
        _ = Self.type("safe", on: &state)
        #expect(try Self.escalationForm(state).form["role"] == "safeguarding lead")
        _ = Self.press(.tab, .tab, on: &state)
        _ = Self.type("Fell in the lounge", on: &state)
        let effects = Self.press(.control("s"), on: &state)
        let raise = try #require(effects.tasks(EscalationFormScreen.Raise.self).first)
        #expect(raise.draft.severity == .high)
        #expect(raise.draft.escalatedToRole == .safeguardingLead)
        #expect(raise.draft.whatHappened == "Fell in the lounge")
        #expect(Self.press(.control("s"), on: &state).tasks(EscalationFormScreen.Raise.self).isEmpty)
        #expect(state.status?.text == FormCommands.savingMessage)
        _ = state.update(.taskFinished(raise.answer(refusal: .outsideScope("You work at Birch."), generation: state.currentGeneration)))
        #expect(try Self.escalationForm(state).form["what-happened"] == "Fell in the lounge")
        #expect(try !Self.escalationForm(state).saving)
    }

    // MARK: Record forms

    static func recordForm(_ state: AppState) throws -> RecordFormScreen {
        try #require(state.current as? RecordFormScreen)
    }

    @Test func theObservationOffersEveryOutcomeAndFollowUpAndCannotBeSavedWithoutAPerson() throws {
        var (state, _) = Self.opened(EvidenceForms.observation(staff: [Self.tom, Self.cal], now: Self.now))
        var form = try Self.recordForm(state).form
        #expect(form[field: "kind"].choices == Self.labels(ObservationKind.self))
        #expect(form[field: "outcome"].choices == Self.labels(CompetencyOutcome.self))
        #expect(form[field: "follow-up"].choices == Self.labels(FollowUp.self))
        for item in ChecklistItem.allCases {
            #expect(form[field: EvidenceForms.checklistField(item)].choices == Self.labels(ChecklistAnswer.self))
        }
        #expect(form[field: "staff"].choices == [EvidenceForms.choosePerson, "Tom Reid", "Cal Jones"])
        let refused = Self.press(.control("s"), on: &state)
        #expect(refused.tasks(RecordFormScreen.Save.self).isEmpty)
        #expect(state.status?.text.contains("Choose the member of staff observed") == true)
        _ = Self.type("c", on: &state)
        // Every follow-up can be seen: the focused list says how to open it all.
        _ = Self.press(.end, on: &state)
        form = try Self.recordForm(state).form
        #expect(form["staff"] == "Cal Jones")
    }

    @Test func anObservationPicksItsOutcomeAndFollowUpByPrefix() throws {
        var (state, _) = Self.opened(EvidenceForms.observation(staff: [Self.tom, Self.cal], selected: 3, now: Self.now))
        #expect(try Self.recordForm(state).form["staff"] == "Cal Jones")
        // To the outcome: past staff, when, kind and the checklist.
        for _ in 0..<(3 + ChecklistItem.allCases.count) { _ = Self.press(.tab, on: &state) }
        _ = Self.type("n", on: &state)
        _ = Self.press(.tab, on: &state)
        _ = Self.type("r", on: &state)
        let form = try Self.recordForm(state).form
        #expect(form["outcome"] == "not yet competent")
        #expect(form["follow-up"] == "restricted from giving medicines")
        // The whole list of follow-ups opens with Enter when they do not fit beside the field.
        if !form.choicesFitBeside(form.focus) {
            _ = Self.press(.enter, on: &state)
            #expect(try Self.recordForm(state).form.openList != nil)
            _ = Self.press(.escape, on: &state)
            #expect(try Self.recordForm(state).form.openList == nil)
            #expect(state.current is RecordFormScreen, "Esc closes the list, not the form")
        }
        let save = try #require(Self.press(.control("s"), on: &state).tasks(RecordFormScreen.Save.self).first)
        let write = try #require(save.write as? EvidenceForms.RecordObservation)
        #expect(write.draft.staffID == 3)
        #expect(write.draft.outcome == .notYetCompetent)
        #expect(write.draft.followUp == .restricted)
    }

    @Test func aReviewDecisionIsPickedSoStrengthenIsTakenAsStrengthenOversight() throws {
        let plan = PlanRecord.sample
        var (state, _) = Self.opened(PlanForms.review(plan: plan))
        var form = try Self.recordForm(state).form
        #expect(form[field: "decision"].choices == Self.labels(ReviewDecision.self))
        #expect(form[field: "kind"].choices == Self.labels(ReviewKind.self))
        _ = Self.press(.tab, on: &state)
        _ = Self.type("strengthen", on: &state)
        form = try Self.recordForm(state).form
        #expect(form["decision"] == "strengthen oversight")
        _ = Self.press(.tab, on: &state)
        _ = Self.type("More spot checks", on: &state)
        let save = try #require(Self.press(.control("s"), on: &state).tasks(RecordFormScreen.Save.self).first)
        let write = try #require(save.write as? PlanForms.RecordReview)
        #expect(write.decision == .strengthenOversight)
        #expect(write.kind == .manager)
        // A refusal keeps it all; a second save meanwhile waits.
        #expect(Self.press(.control("s"), on: &state).tasks(RecordFormScreen.Save.self).isEmpty)
        _ = state.update(.taskFinished(save.answer(refusal: .invalid("No."), generation: state.currentGeneration)))
        #expect(try Self.recordForm(state).form["note"] == "More spot checks")
        #expect(try Self.recordForm(state).form["decision"] == "strengthen oversight")
    }

    // MARK: Plan form

    @Test func thePlanFormPicksItsSourceRolesAndCadencesAndItsServiceAndOwnerOnceRead() throws {
        let draft = PlanRecord.sample.draft
        var (state, appear) = Self.opened(PlanFormScreen(draft: draft, planID: nil, status: nil))
        let load = try #require(appear.tasks(PlanFormScreen.LoadChoices.self).first)
        var form = try #require(state.current as? PlanFormScreen)
        #expect(form.paged[field: "source"].choices == Self.labels(PlanSource.self))
        let step = try #require(form.paged.forms(in: PlanFormScreen.stepGroup).first)
        #expect(step[field: "role"].choices == Self.labels(Role.self))
        #expect(step[field: "cadence"].choices == Self.labels(Cadence.self))
        let retired = StaffMember(id: 9, name: "Old Hand", role: .deputyManager, active: false)
        _ = state.update(.taskFinished(load.answer(ServicesAndStaff(services: [Self.oak, Self.birch], staff: [Self.tom, retired]),
                                                   generation: state.currentGeneration)))
        form = try #require(state.current as? PlanFormScreen)
        #expect(form.paged[field: "service"].choices == [PlanFormScreen.providerWide, "Oak House", "Birch Homecare"])
        #expect(form.paged[field: "owner"].choices == [PlanFormScreen.nobody, "Tom Reid"])
    }
}

extension PlanRecord {
    /// A plan of five steps and no measures, for forms that only need its shape.
    static var sample: PlanRecord {
        let draft = PlanDraft(serviceID: 1, title: "MAR gaps", source: .requirementNotice, ownerID: 2,
                              steps: (1...5).map { position in
                                  PlanStepDraft(definition: PlanStepDefinition(position: position, role: .teamLeader,
                                                                               action: "Check charts", recordedIn: "MAR audit",
                                                                               cadence: .weekly),
                                                firstDue: ShellTestSupport.fixedNow)
                              }, startDate: ShellTestSupport.fixedNow)
        return PlanRecord(id: 1, draft: draft, status: .active, steps: [], measures: [], reviews: [], statusChanges: [],
                          createdAt: ShellTestSupport.fixedNow, createdBy: "Amara Okafor")
    }
}

/// The step-through reads its plan as a typed task and opens the step entry form.
@Suite struct StepThroughTaskTests {
    @Test func theStepThroughReadsItsPlanAndAKeyOpensTheStepEntry() throws {
        var state = ShellTestSupport.state(size: Size(width: 100, height: 30))
        let appear = state.open(StepThroughScreen(planID: 1))
        let load = try #require(appear.tasks(StepThroughScreen.LoadPlan.self).first)
        #expect(load.planID == 1)
        var plan = PlanRecord.sample
        plan.steps = plan.draft.steps.enumerated().map { index, step in
            PlanStep(id: Int64(index + 10), definition: step.definition, firstDue: step.firstDue, entries: [])
        }
        _ = state.update(.taskFinished(load.answer(StepThroughPlan(plan: plan, services: [FormPickListTests.oak]),
                                                   generation: state.currentGeneration)))
        #expect((state.current as? StepThroughScreen)?.plan == plan)
        _ = ShellTestSupport.press([.character(">")], on: &state)
        #expect((state.current as? StepThroughScreen)?.index == 1)
        _ = ShellTestSupport.press([.character("e")], on: &state)
        let form = try #require(state.current as? RecordFormScreen)
        #expect(form.id == "step-entry")
        #expect(form.form.contains("note"))
    }
}
