import Foundation
import RecoveryModel
@testable import RecoveryStore
import Testing

/// The closure guard: a plan closes only when every measure is achieved, a step has been
/// recorded as done, and a governance review decided to close on or after the day the targets
/// were met (and after any reopening); by a role that may close plans, with a closing note.
/// Otherwise the refusal says exactly what is missing.
@Suite struct PlanClosureGuardTests {
    @Test func refusedWithTheExactMissingWords() throws {
        let p = try PlanStore()
        var draft = try p.draft("refusal-recording-gaps", starting: londonDay(1, 11, 2026))
        draft.measures[0].name = "Complete refusal records"
        let plan = try p.store.createPlan(draft, activate: true, by: p.deputy.actor, at: londonNoon(1, 11, 2026))
        let measure = plan.measures[0].id
        try p.store.recordMeasurement(measureID: measure, result: PeriodResult(periodStart: londonDay(1, 11, 2026),
                                                                             numerator: 19, denominator: 20),
                                      by: p.supervisor.actor, at: londonNoon(1, 12, 2026))
        try p.store.recordMeasurement(measureID: measure, result: PeriodResult(periodStart: londonDay(1, 12, 2026),
                                                                             numerator: 97, denominator: 100),
                                      by: p.supervisor.actor, at: londonNoon(20, 12, 2026))
        let workingDays = try builtinWorkingDays()
        let refusal = storeRefusal { () throws(StoreError) in
            try p.store.closePlan(plan.id, note: "Looks better", workingDays: workingDays,
                                  by: p.deputy.actor, at: londonNoon(20, 12, 2026))
        }
        #expect(refusal == .invalid(
            "Not closed: Complete refusal records: 95% or more in 2 of the 3 months required; earliest close 31/01/2027. "
                + "No step of this plan has been recorded yet: open the steps (s) and record what was done. "
                + "Once the targets are met (31/01/2027 at the earliest), a governance review must record the decision to close."))
        #expect(try p.store.plan(plan.id).status == .active)
    }

    @Test func lateMARReturnsRefusedUntilTheTargetsAStepAndASignOffReviewAfterThemAreThere() throws {
        let p = try PlanStore()
        let workingDays = try builtinWorkingDays()
        let plan = try p.store.createPlan(try p.draft("late-mar-returns", starting: londonDay(1, 9, 2026)), activate: true,
                                          by: p.deputy.actor, at: londonNoon(1, 9, 2026))
        let today = londonNoon(10, 12, 2026)
        func close(_ note: String, by actor: Actor) -> StoreError? {
            storeRefusal { () throws(StoreError) in
                try p.store.closePlan(plan.id, note: note, workingDays: workingDays, by: actor, at: today)
            }
        }
        func review(_ decision: ReviewDecision, on day: Int, _ month: Int, by actor: Actor? = nil,
                    challenge: String = "") throws(StoreError) -> PlanReview {
            try p.store.recordReview(planID: plan.id, kind: .manager, decision: decision, note: "Looked at the returns log",
                                     challenge: challenge, occurredAt: londonNoon(day, month, 2026),
                                     by: actor ?? p.deputy.actor, at: today)
        }

        // Nothing recorded yet.
        #expect(close("Trying early", by: p.deputy.actor) == .invalid(
            "Not closed: MAR charts returned on time: no results yet; needs 98% or more in each of 3 months running; earliest close 28/02/2027; "
                + "Late charts escalated in time: nothing recorded since 01/09/2026; each must be handled within 1 working day; earliest close 10/12/2026. "
                + "No step of this plan has been recorded yet: open the steps (s) and record what was done. "
                + "Once the targets are met (28/02/2027 at the earliest), a governance review must record the decision to close."))

        // Three past months at or above 98% on time, and the escalation figures for them.
        for (month, onTime) in [(9, 49), (10, 50), (11, 49)] {
            try p.store.recordMeasurement(measureID: plan.measures[0].id,
                                          result: PeriodResult(periodStart: londonDay(1, month, 2026), numerator: onTime, denominator: 50,
                                                               note: "Every chart due that month"),
                                          by: p.supervisor.actor, at: londonNoon(2, month + 1, 2026))
            try p.store.recordMeasurement(measureID: plan.measures[1].id,
                                          result: PeriodResult(periodStart: londonDay(1, month, 2026), numerator: 50 - onTime,
                                                               denominator: max(1, 50 - onTime)),
                                          by: p.supervisor.actor, at: londonNoon(2, month + 1, 2026))
        }

        // The targets are met (November completed the three months), but nothing else is there.
        #expect(close("Sustained", by: p.deputy.actor) == .invalid(
            "No step of this plan has been recorded yet: open the steps (s) and record what was done. "
                + "No governance review has recorded a decision to close since the targets were met on 30/11/2026: record one with r."))

        // A skipped step is not a step done.
        _ = try p.store.recordStepEntry(planID: plan.id, stepID: plan.steps[0].id, outcome: .skipped, note: "Office closed",
                                        evidence: "", occurredAt: londonNoon(1, 12, 2026), by: p.leader.actor, at: today)
        #expect(close("Sustained", by: p.deputy.actor) == .invalid(
            "No step of this plan has been recorded as done, only skipped: open the steps (s) and record what was done. "
                + "No governance review has recorded a decision to close since the targets were met on 30/11/2026: record one with r."))
        _ = try p.store.recordStepEntry(planID: plan.id, stepID: plan.steps[0].id, outcome: .done, note: "",
                                        evidence: "Returns log", occurredAt: londonNoon(2, 12, 2026), by: p.leader.actor, at: today)

        // The exact sentence when the review is all that is missing.
        #expect(close("Sustained", by: p.deputy.actor) == .invalid(
            "No governance review has recorded a decision to close since the targets were met on 30/11/2026: record one with r."))

        // A decision to close held before the targets were met does not count; nor does a review
        // after them that decided something else.
        _ = try review(.close, on: 25, 11)
        _ = try review(.continuePlan, on: 3, 12)
        #expect(close("Sustained", by: p.deputy.actor) == .invalid(
            "No governance review has recorded a decision to close since the targets were met on 30/11/2026 (the one on 25/11/2026 came before that): record one with r."))

        // Only a role that may close plans records the decision to close.
        #expect(storeRefusal { () throws(StoreError) in _ = try review(.close, on: 4, 12, by: p.leader.actor) }
            == .notAllowed(.closePlan, .teamLeader))
        #expect(storeRefusal { () throws(StoreError) in _ = try review(.close, on: 4, 12, by: p.supervisor.actor) }
            == .notAllowed(.closePlan, .fieldSupervisor))
        #expect(close("Sustained", by: p.deputy.actor) != nil)

        // A review on the day the targets were met counts, with its challenge kept.
        let signOff = try review(.close, on: 30, 11, challenge: "Asked to see the two late charts; both were escalated.")

        // Met and signed off, but only a role that may close plans, and only with a note.
        #expect(close("Sustained for three months", by: p.leader.actor) == .notAllowed(.closePlan, .teamLeader))
        #expect(close("Sustained for three months", by: p.supervisor.actor) == .notAllowed(.closePlan, .fieldSupervisor))
        #expect(close("   ", by: p.deputy.actor) == .invalid("Write a closing review note: a plan closes only with a note of the review that closed it."))
        #expect(try p.store.plan(plan.id).status == .active)

        #expect(close("Sustained for three months; checked at the December governance meeting", by: p.deputy.actor) == nil)
        let closed = try p.store.plan(plan.id)
        #expect(closed.status == .closed)
        #expect(closed.reviews.contains(signOff))
        #expect(closed.reviews.first { $0.id == signOff.id }?.challenge == "Asked to see the two late charts; both were escalated.")
        #expect(closed.statusChanges.last == PlanStatusChange(
            from: .active, to: .closed, reason: "Sustained for three months; checked at the December governance meeting",
            at: today, by: "Dee Deputy"))
        #expect(close("Again", by: p.deputy.actor) == .invalid("This plan is already closed."))
        #expect(try p.store.verify().problems == [])
    }

    @Test func aReopenedPlanNeedsAFreshSignOff() throws {
        let p = try PlanStore()
        var draft = try p.draft("late-mar-returns", starting: londonDay(1, 6, 2026))
        draft.measures = [draft.measures[0]]
        let plan = try p.store.createPlan(draft, activate: true, by: p.deputy.actor, at: londonNoon(1, 6, 2026))
        for month in 6...8 {
            try p.store.recordMeasurement(measureID: plan.measures[0].id,
                                          result: PeriodResult(periodStart: londonDay(1, month, 2026), numerator: 50, denominator: 50),
                                          by: p.supervisor.actor, at: londonNoon(2, 9, 2026))
        }
        try p.recordStepAndSignOff(plan, at: londonNoon(2, 9, 2026))
        try p.store.closePlan(plan.id, note: "Three months at 100%", workingDays: .weekendsOnly, by: p.deputy.actor,
                              at: londonNoon(2, 9, 2026))
        try p.store.changePlanStatus(plan.id, to: .reopened, reason: "Two late charts found at the next audit",
                                     by: p.deputy.actor, at: londonNoon(7, 9, 2026))

        let refusal = storeRefusal { () throws(StoreError) in
            try p.store.closePlan(plan.id, note: "Fine again", workingDays: .weekendsOnly, by: p.deputy.actor,
                                  at: londonNoon(9, 9, 2026))
        }
        #expect(refusal == .invalid(
            "No governance review has recorded a decision to close since the plan was reopened on 07/09/2026 (the one on 02/09/2026 came before that): record one with r."))
        _ = try p.store.recordReview(planID: plan.id, kind: .provider, decision: .close, note: "The two late charts were one-offs.",
                                     challenge: "Show me September's log next month.", occurredAt: londonNoon(9, 9, 2026),
                                     by: p.deputy.actor, at: londonNoon(9, 9, 2026))
        try p.store.closePlan(plan.id, note: "Closed again after the provider review", workingDays: .weekendsOnly,
                              by: p.deputy.actor, at: londonNoon(9, 9, 2026))
        #expect(try p.store.plan(plan.id).status == .closed)
    }

    @Test func aDraftIsNotClosedAndAPlanWithNoMeasureCannotClose() throws {
        let p = try PlanStore()
        var draft = try p.draft("late-mar-returns", starting: londonDay(1, 9, 2026))
        let inDraft = try p.store.createPlan(draft, activate: false, by: p.deputy.actor, at: londonNoon(1, 9, 2026))
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.closePlan(inDraft.id, note: "x", workingDays: .weekendsOnly, by: p.deputy.actor, at: londonNoon(1, 9, 2026))
        } == .invalid("A draft plan cannot be closed; make it active first."))
        draft.measures = []
        let noMeasure = try p.store.createPlan(draft, activate: true, by: p.deputy.actor, at: londonNoon(1, 9, 2026))
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.closePlan(noMeasure.id, note: "x", workingDays: .weekendsOnly, by: p.deputy.actor, at: londonNoon(1, 9, 2026))
        } == .invalid("The plan has no outcome measure: add one before it can close. "
            + "No step of this plan has been recorded yet: open the steps (s) and record what was done."))
    }
}
