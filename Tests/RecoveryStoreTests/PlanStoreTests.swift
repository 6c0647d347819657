import Foundation
import GRDB
import RecoveryModel
@testable import RecoveryStore
import Testing

/// Recovery plans in the store: creating from a built-in template, who may do what, step
/// entries, results, amendments and status moves, and the audit trail behind them.
@Suite struct PlanStoreTests {
    @Test func deputyCreatesFromTheLateMARReturnsTemplate() throws {
        let p = try PlanStore()
        let draft = try p.draft("late-mar-returns", starting: londonDay(1, 9, 2026))
        #expect(draft.problems.isEmpty)
        let plan = try p.store.createPlan(draft, activate: true, by: p.deputy.actor, at: londonNoon(2, 9, 2026))

        #expect(plan.status == .active)
        #expect(plan.draft == draft)
        #expect(plan.steps.map(\.definition.position) == [1, 2, 3, 4, 5])
        #expect(plan.steps.map(\.definition) == draft.steps.map(\.definition))
        #expect(plan.measures.map(\.definition) == draft.measures)
        #expect(plan.createdBy == "Dee Deputy")
        #expect(plan.createdAt == londonNoon(2, 9, 2026))
        #expect(plan.statusChanges == [PlanStatusChange(from: nil, to: .active, reason: "Created and started",
                                                        at: londonNoon(2, 9, 2026), by: "Dee Deputy")])
        #expect(try p.store.plan(plan.id) == plan)

        let asDraft = try p.store.createPlan(draft, activate: false, by: p.deputy.actor, at: londonNoon(3, 9, 2026))
        #expect(asDraft.status == .draft)
        #expect(asDraft.statusChanges.map(\.reason) == ["Created"])
        #expect(try p.store.verify().problems == [])
    }

    @Test func aDraftWithProblemsIsRefusedWithThemAll() throws {
        let p = try PlanStore()
        var draft = try p.draft("late-mar-returns", starting: londonDay(1, 9, 2026))
        draft.title = "  "
        draft.steps.removeLast()
        #expect(storeRefusal { () throws(StoreError) in
            _ = try p.store.createPlan(draft, activate: true, by: p.deputy.actor, at: londonNoon(2, 9, 2026))
        } == .invalid("Give the plan a title. A plan has exactly five steps; this one has 4."))
        #expect(try p.store.plans(serviceID: nil).isEmpty)
    }

    @Test func aTeamLeaderCannotCreateReviewOrCloseButCanRecordASteps() throws {
        let p = try PlanStore()
        let draft = try p.draft("late-mar-returns", starting: londonDay(1, 9, 2026))
        let now = londonNoon(2, 9, 2026)
        #expect(storeRefusal { () throws(StoreError) in
            _ = try p.store.createPlan(draft, activate: true, by: p.leader.actor, at: now)
        } == .notAllowed(.createPlan, .teamLeader))
        let plan = try p.store.createPlan(draft, activate: true, by: p.deputy.actor, at: now)
        #expect(storeRefusal { () throws(StoreError) in
            _ = try p.store.recordReview(planID: plan.id, kind: .manager, decision: .continuePlan, note: "Fine",
                                         challenge: "", occurredAt: now, by: p.leader.actor, at: now)
        } == .notAllowed(.reviewPlan, .teamLeader))
        // A decision to close is the closure's sign-off: it needs a role that may close plans.
        #expect(storeRefusal { () throws(StoreError) in
            _ = try p.store.recordReview(planID: plan.id, kind: .manager, decision: .close, note: "Fine",
                                         challenge: "", occurredAt: now, by: p.leader.actor, at: now)
        } == .notAllowed(.closePlan, .teamLeader))
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.closePlan(plan.id, note: "Done", workingDays: .weekendsOnly, by: p.leader.actor, at: now)
        } == .notAllowed(.closePlan, .teamLeader))
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.changePlanStatus(plan.id, to: .monitoring, reason: "Met", by: p.leader.actor, at: now)
        } == .notAllowed(.reviewPlan, .teamLeader))
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.amendPlan(plan.id, to: draft, reason: "x", by: p.leader.actor, at: now)
        } == .notAllowed(.createPlan, .teamLeader))
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.recordMeasurement(measureID: plan.measures[0].id,
                                          result: PeriodResult(periodStart: now, numerator: 1, denominator: 1),
                                          by: p.leader.actor, at: now)
        } == .notAllowed(.recordMeasurement, .teamLeader))
        #expect(StoreError.notAllowed(.createPlan, .teamLeader).description
            == "A team leader may not create plans; that needs: deputy manager, registered manager, quality lead, nominated individual.")

        let entry = try p.store.recordStepEntry(planID: plan.id, stepID: plan.steps[0].id, outcome: .done,
                                                note: "Three charts late, all logged", evidence: "MAR return log, week 36",
                                                occurredAt: londonNoon(2, 9, 2026).addingTimeInterval(-3600),
                                                by: p.leader.actor, at: now)
        #expect(entry.outcome == .done)
        #expect(entry.recordedBy == "Tina Leader")
        #expect(entry.recordedAt == now)
        let stored = try p.store.plan(plan.id)
        #expect(stored.steps[0].entries == [entry])
        #expect(stored.steps[0].lastDone == entry.occurredAt)
        // Weekly: next due seven days after it was done.
        #expect(stored.steps[0].nextDue == londonDay(9, 9, 2026))
    }

    @Test func stepEntryRules() throws {
        let p = try PlanStore()
        let now = londonNoon(2, 9, 2026)
        let plan = try p.store.createPlan(try p.draft("late-mar-returns", starting: londonDay(1, 9, 2026)), activate: true,
                                          by: p.deputy.actor, at: now)
        let other = try p.store.createPlan(try p.draft("refusal-recording-gaps", starting: londonDay(1, 9, 2026)),
                                           activate: true, by: p.deputy.actor, at: now)
        #expect(storeRefusal { () throws(StoreError) in
            _ = try p.store.recordStepEntry(planID: plan.id, stepID: plan.steps[1].id, outcome: .skipped, note: "  ",
                                            evidence: "", occurredAt: now, by: p.leader.actor, at: now)
        } == .invalid("Say why the step was skipped: a skipped step needs a reason in the note."))
        #expect(storeRefusal { () throws(StoreError) in
            _ = try p.store.recordStepEntry(planID: plan.id, stepID: other.steps[0].id, outcome: .done, note: "",
                                            evidence: "", occurredAt: now, by: p.leader.actor, at: now)
        } == .notFound("Plan \(plan.id) has no step with id \(other.steps[0].id)."))
        let skipped = try p.store.recordStepEntry(planID: plan.id, stepID: plan.steps[1].id, outcome: .skipped,
                                                  note: "Coordinator off sick; picked up Monday", evidence: "",
                                                  occurredAt: now, by: p.leader.actor, at: now)
        #expect(skipped.outcome == .skipped)
        let problem = try p.store.recordStepEntry(planID: plan.id, stepID: plan.steps[2].id, outcome: .problemFound,
                                                  note: "Omission of warfarin found a week late", evidence: "Chart 14",
                                                  occurredAt: now, by: p.deputy.actor, at: now)
        #expect(problem.outcome == .problemFound)
    }

    @Test func measurementsAreAddedAndTheNewestForAPeriodCounts() throws {
        let p = try PlanStore()
        let now = londonNoon(20, 11, 2026)
        let plan = try p.store.createPlan(try p.draft("late-mar-returns", starting: londonDay(1, 9, 2026)), activate: true,
                                          by: p.deputy.actor, at: londonNoon(1, 9, 2026))
        let onTime = plan.measures[0]
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.recordMeasurement(measureID: onTime.id, result: PeriodResult(periodStart: londonDay(1, 9, 2026),
                                                                                    numerator: 0, denominator: 0),
                                          by: p.supervisor.actor, at: now)
        } == .invalid("MAR charts returned on time is a percentage: give how many were checked (more than 0)."))
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.recordMeasurement(measureID: onTime.id, result: PeriodResult(periodStart: londonDay(1, 9, 2026),
                                                                                    numerator: 51, denominator: 50),
                                          by: p.supervisor.actor, at: now)
        } == .invalid("MAR charts returned on time: the number that met the standard must be between 0 and 50."))
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.recordMeasurement(measureID: onTime.id, result: PeriodResult(periodStart: londonDay(1, 12, 2026),
                                                                                    numerator: 1, denominator: 1),
                                          by: p.supervisor.actor, at: now)
        } == .invalid("MAR charts returned on time: the month starting 01/12/2026 has not started yet, so it has no result."))

        // A mid-month date is stored as its month; a second figure for September is added, not edited.
        try p.store.recordMeasurement(measureID: onTime.id, result: PeriodResult(periodStart: londonNoon(15, 9, 2026),
                                                                                numerator: 45, denominator: 50,
                                                                                note: "All charts, both rounds"),
                                      by: p.supervisor.actor, at: now)
        try p.store.recordMeasurement(measureID: onTime.id, result: PeriodResult(periodStart: londonDay(1, 9, 2026),
                                                                                numerator: 49, denominator: 50),
                                      by: p.supervisor.actor, at: now)
        let results = try p.store.plan(plan.id).measures[0].results
        #expect(results == [PeriodResult(periodStart: londonDay(1, 9, 2026), numerator: 45, denominator: 50, note: "All charts, both rounds"),
                            PeriodResult(periodStart: londonDay(1, 9, 2026), numerator: 49, denominator: 50)])
        let evaluation = TargetEngine.evaluate(onTime.definition, records: MeasureRecords(results: results),
                                               planStart: londonDay(1, 9, 2026), today: now, workingDays: .weekendsOnly)
        #expect(evaluation.state == .sustaining(met: 1, of: 3))
        #expect(try p.store.verify().problems == [])
    }

    @Test func statusMovesAndReopeningNeedAReason() throws {
        let p = try PlanStore()
        let now = londonNoon(2, 9, 2026)
        let plan = try p.store.createPlan(try p.draft("late-mar-returns", starting: londonDay(1, 9, 2026)), activate: false,
                                          by: p.deputy.actor, at: now)
        func move(_ status: PlanStatus, _ reason: String) -> StoreError? {
            storeRefusal { () throws(StoreError) in
                try p.store.changePlanStatus(plan.id, to: status, reason: reason, by: p.deputy.actor, at: now)
            }
        }
        #expect(move(.monitoring, "Met") == .invalid("This plan is a draft and cannot be set to monitoring; it can only be made active."))
        #expect(move(.closed, "Done") == .invalid("Plans are closed only through the closure guard (close the plan with a closing note), not by a change of status."))
        #expect(move(.active, " ") == .invalid("Give a reason for moving the plan to active."))
        #expect(move(.active, "Agreed at the governance meeting") == nil)
        #expect(move(.active, "Again") == .invalid("The plan is already active."))
        #expect(move(.reopened, "x") == .invalid("This plan is active and cannot be set to reopened; it can only move to monitoring, or be closed through the closure guard."))
        #expect(move(.monitoring, "Target met for three months") == nil)
        #expect(move(.active, "Slipped in October") == nil)
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.closePlan(plan.id + 99, note: "x", workingDays: .weekendsOnly, by: p.deputy.actor, at: now)
        } == .notFound("There is no plan with id \(plan.id + 99)."))

        // Close a plan whose measures are met, then reopening needs a reason.
        var draft = try p.draft("late-mar-returns", starting: londonDay(1, 6, 2026))
        draft.measures = [draft.measures[0]]
        let met = try p.store.createPlan(draft, activate: true, by: p.deputy.actor, at: londonNoon(1, 6, 2026))
        for month in 6...8 {
            try p.store.recordMeasurement(measureID: met.measures[0].id,
                                          result: PeriodResult(periodStart: londonDay(1, month, 2026), numerator: 50, denominator: 50),
                                          by: p.supervisor.actor, at: londonNoon(2, 9, 2026))
        }
        try p.recordStepAndSignOff(met, at: londonNoon(2, 9, 2026))
        try p.store.closePlan(met.id, note: "Three months at 100%", workingDays: .weekendsOnly, by: p.deputy.actor,
                              at: londonNoon(2, 9, 2026))
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.changePlanStatus(met.id, to: .reopened, reason: "", by: p.deputy.actor, at: londonNoon(3, 9, 2026))
        } == .invalid("Give a reason for reopening the plan."))
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.changePlanStatus(met.id, to: .active, reason: "Back on", by: p.deputy.actor, at: londonNoon(3, 9, 2026))
        } == .invalid("This plan is closed and cannot be set to active; it can only be reopened."))
        try p.store.changePlanStatus(met.id, to: .reopened, reason: "Two late charts found in September",
                                     by: p.deputy.actor, at: londonNoon(3, 9, 2026))
        try p.store.changePlanStatus(met.id, to: .active, reason: "Weekly checks resume", by: p.deputy.actor,
                                     at: londonNoon(3, 9, 2026))
        let reopened = try p.store.plan(met.id)
        #expect(reopened.status == .active)
        #expect(reopened.statusChanges.map(\.to) == [.active, .closed, .reopened, .active])
        #expect(reopened.statusChanges.map(\.from) == [nil, .active, .closed, .reopened])
        #expect(reopened.statusChanges[2].reason == "Two late charts found in September")
        #expect(try p.store.verify().problems == [])
    }

    @Test func amendingNeedsAReasonOnceActiveAndKeepsWhatWasRecorded() throws {
        let p = try PlanStore()
        let now = londonNoon(20, 11, 2026)
        let original = try p.draft("late-mar-returns", starting: londonDay(1, 9, 2026))
        let draftPlan = try p.store.createPlan(original, activate: false, by: p.deputy.actor, at: now)
        var edited = original
        edited.title = "Late MAR returns, Oak House rounds"
        // A draft is edited without a reason.
        try p.store.amendPlan(draftPlan.id, to: edited, reason: "", by: p.deputy.actor, at: now)
        #expect(try p.store.plan(draftPlan.id).draft.title == "Late MAR returns, Oak House rounds")

        let plan = try p.store.createPlan(original, activate: true, by: p.deputy.actor, at: now)
        let entry = try p.store.recordStepEntry(planID: plan.id, stepID: plan.steps[1].id, outcome: .done, note: "Chased",
                                                evidence: "Log", occurredAt: now, by: p.leader.actor, at: now)
        try p.store.recordMeasurement(measureID: plan.measures[0].id,
                                      result: PeriodResult(periodStart: londonDay(1, 10, 2026), numerator: 40, denominator: 50),
                                      by: p.supervisor.actor, at: now)
        var amended = original
        amended.steps[1].definition.action = "Phone the worker the same day and note why the chart was late."
        amended.steps[1].definition.cadence = .daily
        amended.measures = [original.measures[0],
                            OutcomeMeasureDefinition(name: "High-risk charts checked within a week", period: .month,
                                                     source: .manualAudit,
                                                     rules: [.atLeastPercentForConsecutivePeriods(percent: 100, periods: 2)])]
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.amendPlan(plan.id, to: amended, reason: "  ", by: p.deputy.actor, at: now)
        } == .invalid("Give a reason for the amendment: the plan is active, so every change to it is an amendment with a reason."))
        try p.store.amendPlan(plan.id, to: amended, reason: "Daily chasing agreed after two weeks of slippage",
                              by: p.deputy.actor, at: now)
        let after = try p.store.plan(plan.id)
        #expect(after.draft == amended)
        #expect(after.steps[1].id == plan.steps[1].id)
        #expect(after.steps[1].entries == [entry])
        #expect(after.measures.map(\.definition.name) == ["MAR charts returned on time", "High-risk charts checked within a week"])
        #expect(after.measures[0].id == plan.measures[0].id)
        #expect(after.measures[0].results.count == 1)
        // The dropped measure stays stored, out of the plan.
        let retired = try p.store.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT active FROM plan_measure WHERE id = ?", arguments: [plan.measures[1].id])
        }
        #expect(retired?["active"] == false)
        let reasons = try p.store.pool.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT reason FROM audit_log WHERE action IN ('amend', 'retire') AND reason IS NOT NULL")
        }
        #expect(reasons == ["Daily chasing agreed after two weeks of slippage"])

        // Closed plans are not amended.
        var closable = original
        closable.measures = [original.measures[0]]
        let closed = try p.store.createPlan(closable, activate: true, by: p.deputy.actor, at: londonNoon(1, 9, 2026))
        for month in 9...11 {
            try p.store.recordMeasurement(measureID: closed.measures[0].id,
                                          result: PeriodResult(periodStart: londonDay(1, month, 2026), numerator: 50, denominator: 50),
                                          by: p.supervisor.actor, at: londonNoon(2, 12, 2026))
        }
        try p.recordStepAndSignOff(closed, at: londonNoon(2, 12, 2026))
        try p.store.closePlan(closed.id, note: "Sustained", workingDays: .weekendsOnly, by: p.deputy.actor, at: londonNoon(2, 12, 2026))
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.amendPlan(closed.id, to: amended, reason: "More", by: p.deputy.actor, at: londonNoon(2, 12, 2026))
        } == .invalid("A closed plan cannot be amended. Reopen it first."))
        #expect(storeRefusal { () throws(StoreError) in
            _ = try p.store.recordStepEntry(planID: closed.id, stepID: closed.steps[0].id, outcome: .done, note: "", evidence: "",
                                            occurredAt: londonNoon(2, 12, 2026), by: p.leader.actor, at: londonNoon(2, 12, 2026))
        } == .invalid("This plan is closed, so nothing more is recorded against it. Reopen it first."))
        #expect(storeRefusal { () throws(StoreError) in
            try p.store.recordMeasurement(measureID: closed.measures[0].id,
                                          result: PeriodResult(periodStart: londonDay(1, 12, 2026), numerator: 1, denominator: 1),
                                          by: p.supervisor.actor, at: londonNoon(2, 12, 2026))
        } == .invalid("This plan is closed, so no more results are recorded for it. Reopen it first."))
        #expect(try p.store.verify().problems == [])
    }

    @Test func aReviewDecidingToCloseDoesNotCloseThePlan() throws {
        let p = try PlanStore()
        let now = londonNoon(2, 9, 2026)
        let plan = try p.store.createPlan(try p.draft("late-mar-returns", starting: londonDay(1, 9, 2026)), activate: true,
                                          by: p.deputy.actor, at: now)
        #expect(storeRefusal { () throws(StoreError) in
            _ = try p.store.recordReview(planID: plan.id, kind: .manager, decision: .close, note: " ", challenge: "",
                                         occurredAt: now, by: p.deputy.actor, at: now)
        } == .invalid("Write a note of the review: what was looked at and what was found."))
        let review = try p.store.recordReview(planID: plan.id, kind: .provider, decision: .close,
                                              note: "Figures look sustained", challenge: "Is the sample big enough?",
                                              occurredAt: now.addingTimeInterval(-600), by: p.deputy.actor, at: now)
        #expect(review.decision == .close)
        #expect(review.recordedBy == "Dee Deputy")
        let after = try p.store.plan(plan.id)
        #expect(after.status == .active)
        #expect(after.reviews == [review])
    }

    @Test func plansFilterByServiceNewestFirst() throws {
        let p = try PlanStore()
        let elm = try p.store.addService(name: "Elm Court", kind: .domiciliary, registeredManager: nil, by: p.setUp.admin.actor,
                                         at: SetUpStore.start)
        let first = try p.store.createPlan(try p.draft("late-mar-returns", starting: londonDay(1, 9, 2026)), activate: true,
                                           by: p.deputy.actor, at: londonNoon(1, 9, 2026))
        // Plans for another service and for the whole provider are made by a quality lead, who works across the provider.
        let lead = try p.setUp.add("Quinn Quality", .qualityLead)
        var elsewhere = try p.draft("refusal-recording-gaps", starting: londonDay(1, 9, 2026))
        elsewhere.serviceID = elm.id
        let second = try p.store.createPlan(elsewhere, activate: true, by: lead.actor, at: londonNoon(2, 9, 2026))
        var wide = try p.draft("weak-audit-challenge", starting: londonDay(1, 9, 2026))
        wide.serviceID = nil
        let third = try p.store.createPlan(wide, activate: false, by: lead.actor, at: londonNoon(3, 9, 2026))

        #expect(try p.store.plans(serviceID: nil).map(\.id) == [third.id, second.id, first.id])
        #expect(try p.store.plans(serviceID: p.serviceID).map(\.id) == [first.id])
        #expect(try p.store.plans(serviceID: elm.id).map(\.id) == [second.id])
        #expect(try p.store.plans(serviceID: 999).isEmpty)
        #expect(try p.store.plans(serviceID: nil)[1] == p.store.plan(second.id))
        #expect(storeRefusal { () throws(StoreError) in _ = try p.store.plan(999) } == .notFound("There is no plan with id 999."))
    }

    @Test func verifyPassesAndNamesATamperedPlanRow() throws {
        let p = try PlanStore()
        let now = londonNoon(2, 9, 2026)
        let plan = try p.store.createPlan(try p.draft("late-mar-returns", starting: londonDay(1, 9, 2026)), activate: true,
                                          by: p.deputy.actor, at: now)
        _ = try p.store.recordStepEntry(planID: plan.id, stepID: plan.steps[0].id, outcome: .done, note: "", evidence: "",
                                        occurredAt: now, by: p.leader.actor, at: now)
        try p.store.recordMeasurement(measureID: plan.measures[0].id,
                                      result: PeriodResult(periodStart: now, numerator: 1, denominator: 2),
                                      by: p.supervisor.actor, at: now)
        #expect(try p.store.verify().problems == [])

        try p.setUp.raw("UPDATE plan SET title = 'Nothing to see' WHERE id = \(plan.id)")
        try p.setUp.raw("UPDATE plan_measure_result SET numerator = 2 WHERE measure_id = \(plan.measures[0].id)")
        let problems = try p.store.verify().problems
        #expect(problems.contains("plan row \(plan.id) differs from its last audited state (title)"))
        #expect(problems.contains { $0.hasPrefix("plan_measure_result row ") && $0.hasSuffix("differs from its last audited state (numerator)") })
        #expect(throws: (any Error).self) { try p.setUp.raw("DELETE FROM plan_step_entry") }
    }

    @Test func aStoreOneVersionNewerThanThisOneIsRefused() throws {
        #expect(StoreFormat.version >= 3, "the plan tables arrived with version 3")
        let p = try PlanStore()
        let newer = StoreFormat.version + 1
        try p.setUp.raw("PRAGMA user_version = \(newer)")
        #expect(refusal(opening: p.setUp.url) == "This store was written by a newer RecoveryDesk (store version \(newer)); this copy understands up to version \(StoreFormat.version). Update RecoveryDesk to open it.")
    }
}

/// The plan tables refuse deletes like every audited table. (The general test in AuditTests
/// runs on a fresh store, where the plan tables are empty and a delete touches no row, so these
/// are tried here with a row in every one.)
@Suite struct PlanTablesRefuseDeleteTests {
    @Test func everyPlanTableRefusesDelete() throws {
        let p = try PlanStore()
        let now = londonNoon(2, 9, 2026)
        let plan = try p.store.createPlan(try p.draft("late-mar-returns", starting: londonDay(1, 9, 2026)), activate: true,
                                          by: p.deputy.actor, at: now)
        _ = try p.store.recordStepEntry(planID: plan.id, stepID: plan.steps[0].id, outcome: .done, note: "", evidence: "",
                                        occurredAt: now, by: p.leader.actor, at: now)
        try p.store.recordMeasurement(measureID: plan.measures[0].id,
                                      result: PeriodResult(periodStart: now, numerator: 1, denominator: 2),
                                      by: p.supervisor.actor, at: now)
        _ = try p.store.recordReview(planID: plan.id, kind: .manager, decision: .continuePlan, note: "On track", challenge: "",
                                     occurredAt: now, by: p.deputy.actor, at: now)
        for table in AuditedTable.plans {
            do {
                try p.setUp.raw("DELETE FROM \(table.rawValue)")
                Issue.record("DELETE on \(table.rawValue) was allowed")
            } catch let error as DatabaseError {
                #expect(error.message == "Records are never deleted from a RecoveryDesk store; deactivate or retire them instead")
            }
        }
        #expect(try p.store.verify().problems == [])
    }
}
