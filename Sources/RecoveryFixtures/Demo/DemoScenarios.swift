import Foundation
import RecoveryModel
import RecoveryStore

/// Patterns planted in the demo's last weeks so that every early-warning indicator is green in
/// one service, amber in another and red in a third, whatever the random rolls did:
///
/// - the first middling service (a homecare branch in the standard mix): one late MAR return not
///   escalated; one finding type (missing signatures) found every week while its other
///   findings stop, so its audit score rises while the same problem recurs;
/// - the second middling service (supported living): five late returns, two never escalated;
///   two finding types recurring the same way; an escalation left open past its due-by; two of
///   three recent escalations resolved late; and a plan closed on the provider's old system
///   without its results;
/// - the first struggling service: two plans closed on the old system without their results,
///   two escalations left open, and five resolved lately, one of them late.
extension DemoGenerator {
    /// What is planted on one round of one day.
    struct ScenarioDay {
        /// Charts returned late on this check, when planted.
        var lateCharts: Int?
        /// Whether the planted late return gets its escalation in time (nil: not planted).
        var lateEscalated: Bool?
        /// Finding types added to this check (naming `recurringStaff` when set).
        var recurring: [FindingType] = []
        var recurringStaff: Int64?
        /// Multiplies the chance of ordinary findings.
        var findingsFactor = 1.0
        /// Finding types turned into "other" among the ordinary findings (after they are drawn,
        /// so the random sequence is the same as without the scenario).
        var excluded: Set<FindingType> = []
        /// Adds an "other" finding to the check.
        var noteSomethingElse = false
        /// Finding types added to this check without random draws (earlier weeks of the pattern).
        var steadyRecurring: [FindingType] = []
    }

    /// The middling services, in order: the scenarios' first and second.
    var middling: [FixtureService] { services.filter { $0.profile == .middling } }

    func scenarioDay(_ demo: FixtureService, _ day: LondonDay, _ round: MARRound) -> ScenarioDay {
        var scenario = ScenarioDay()
        let daysBack = day.days(to: today)
        guard let index = middling.firstIndex(where: { $0 === demo }), index < 2 else { return scenario }
        let first = round == MARRound.expected(for: demo.kind).first
        // The audit score (the share of clean checks) rises over three four-week blocks while
        // the same types turn up once every week throughout: eight to twelve weeks ago every
        // check also notes something else, four to eight weeks ago ordinary findings come twice
        // as often, and lately there are none. Ordinary findings of the planted types are noted
        // as other findings, so each block has exactly four of them.
        if daysBack < 84 {
            if daysBack < 28 { scenario.findingsFactor = 0 } else if daysBack < 56 { scenario.findingsFactor = 2 }
            let types: [FindingType] = index == 0 ? [.missingSignature] : [.missingSignature, .prnWithoutReasonOrOutcome]
            scenario.excluded = Set(types)
            scenario.noteSomethingElse = daysBack >= 56
            if first && daysBack % 7 == 3 {
                if daysBack < 28 { scenario.recurring = types } else { scenario.steadyRecurring = types }
                // In the second, the same name is on them every time.
                if index == 1 { scenario.recurringStaff = demo.repeatOffender?.id }
            }
        }
        if first {
            if index == 0 && daysBack == 10 {
                scenario.lateCharts = 1
                scenario.lateEscalated = false
            }
            if index == 1 && [3, 8, 13, 18, 23].contains(daysBack) {
                scenario.lateCharts = 1
                scenario.lateEscalated = daysBack != 8 && daysBack != 18
            }
        }
        return scenario
    }

    /// The planted escalation left open past its due-by, and the plans closed without results.
    func planScenarios() {
        if middling.count >= 2 {
            let demo = middling[1]
            let raised = at(today.adding(days: -6), 11)
            let draft = EscalationDraft(serviceID: demo.service.id, category: .refusalWithoutFollowUp, severity: .moderate,
                                        occurredAt: raised.addingTimeInterval(-3600), escalatedToRole: .registeredManager,
                                        escalatedToName: demo.manager.name,
                                        whatHappened: "Evening medicines refused three days running; GP not yet told.",
                                        immediateAction: "Offered again later; recorded on the chart.")
            schedule(raised) { [unowned self] () throws(StoreError) in
                let escalation = try store.raiseEscalation(draft, workingDays: workingDays, by: demo.deputy.actor, at: raised)
                advance(escalation.id, .acknowledged, demo.manager, raised.addingTimeInterval(7200), "")
            }
            importClosedPlan(demo, count: 1)
            for daysBack in [24, 17, 11] { plantEscalation(demo, daysBack: daysBack, resolvedLate: daysBack != 24) }
        }
        if let struggling = services.first(where: { $0.profile == .struggling }) {
            importClosedPlan(struggling, count: 2)
            // Two escalations nobody has resolved, and five resolved lately, one of them late.
            for daysBack in [9, 4] { plantEscalation(struggling, daysBack: daysBack, resolvedLate: nil) }
            for daysBack in [25, 20, 16, 12, 7] { plantEscalation(struggling, daysBack: daysBack, resolvedLate: daysBack == 16) }
        }
    }

    /// An escalation about a missed dose `daysBack` days ago: left open (nil), or resolved in
    /// time or late.
    func plantEscalation(_ demo: FixtureService, daysBack: Int, resolvedLate: Bool?) {
        let raised = at(today.adding(days: -daysBack), 10)
        let draft = EscalationDraft(serviceID: demo.service.id, category: .omission, severity: .moderate,
                                    occurredAt: raised.addingTimeInterval(-1800), escalatedToRole: .deputyManager,
                                    escalatedToName: demo.deputy.name,
                                    whatHappened: "Lunchtime dose not given and no code on the chart.",
                                    immediateAction: "Checked the person was well; pharmacist asked about the next dose.")
        schedule(raised) { [unowned self] () throws(StoreError) in
            let escalation = try store.raiseEscalation(draft, workingDays: workingDays, by: demo.deputy.actor, at: raised)
            advance(escalation.id, .acknowledged, demo.deputy, raised.addingTimeInterval(1800), "")
            guard let resolvedLate else { return }
            let resolved = resolvedLate ? at(workingDays.adding(2, workingDaysTo: LondonDay(escalation.dueBy)), 15)
                : raised.addingTimeInterval(3 * 3600)
            advance(escalation.id, .responded, demo.deputy, raised.addingTimeInterval(3600), "Checked with the GP; no harm.")
            advance(escalation.id, .resolved, demo.manager, resolved, "Learning shared at handover.")
        }
    }

    /// Plans closed on the provider's previous system and brought in closed, with no results
    /// behind them: the closure guard never saw them.
    func importClosedPlan(_ demo: FixtureService, count: Int) {
        let candidates = templates.filter { template in !template.measures.isEmpty }
        for number in 0..<count where !candidates.isEmpty {
            let template = candidates[(number * 5 + Int(demo.service.id) * 3) % candidates.count]
            let created = max(at(firstDay, 9), at(today.adding(days: -200 + number * 20), 9))
            let closed = at(today.adding(days: -60 - number * 25), 16)
            let owner = demo.manager!
            schedule(created) { [unowned self] () throws(StoreError) in
                var draft = PlanDraft(template: template, serviceID: demo.service.id, ownerID: owner.id,
                                      startDate: LondonDay(created).start)
                draft.title = "\(template.title) (old system)"
                draft.sourceReference = "Imported from the previous quality system"
                let plan = try store.createPlan(draft, activate: true, by: owner.actor, at: created)
                schedule(closed) { [unowned self] () throws(StoreError) in
                    try store.recordClosedElsewhere(planID: plan.id, reason: "Closed on the previous system; brought in as closed.",
                                                    by: owner.actor, at: closed)
                }
            }
        }
    }
}
