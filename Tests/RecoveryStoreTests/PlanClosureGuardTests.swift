import Foundation
import RecoveryModel
@testable import RecoveryStore
import Testing

/// The closure guard: a plan closes only when every measure is achieved, by a role that may
/// close plans, with a closing note; otherwise the refusal says exactly what is missing.
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
        #expect(refusal == .invalid("Not closed: Complete refusal records: 95% or more in 2 of the 3 months required; earliest close 31/01/2027"))
        #expect(try p.store.plan(plan.id).status == .active)
    }

    @Test func lateMARReturnsRefusedThenAllowedOnceThreeMonthsMeetTheTarget() throws {
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

        // Nothing recorded yet.
        #expect(close("Trying early", by: p.deputy.actor) == .invalid(
            "Not closed: MAR charts returned on time: no results yet; needs 98% or more in each of 3 months running; earliest close 28/02/2027; "
                + "Late charts escalated in time: nothing recorded since 01/09/2026; each must be handled within 1 working day; earliest close 10/12/2026"))

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

        // Met, but only a role that may close plans, and only with a note.
        #expect(close("Sustained for three months", by: p.leader.actor) == .notAllowed(.closePlan, .teamLeader))
        #expect(close("Sustained for three months", by: p.supervisor.actor) == .notAllowed(.closePlan, .fieldSupervisor))
        #expect(close("   ", by: p.deputy.actor) == .invalid("Write a closing review note: a plan closes only with a note of the review that closed it."))
        #expect(try p.store.plan(plan.id).status == .active)

        #expect(close("Sustained for three months; checked at the December governance meeting", by: p.deputy.actor) == nil)
        let closed = try p.store.plan(plan.id)
        #expect(closed.status == .closed)
        #expect(closed.statusChanges.last == PlanStatusChange(
            from: .active, to: .closed, reason: "Sustained for three months; checked at the December governance meeting",
            at: today, by: "Dee Deputy"))
        #expect(close("Again", by: p.deputy.actor) == .invalid("This plan is already closed."))
        #expect(try p.store.verify().problems == [])
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
        } == .invalid("Not closed: The plan has no outcome measure: add one before it can close."))
    }
}
