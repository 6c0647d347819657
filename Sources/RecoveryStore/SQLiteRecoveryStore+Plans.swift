import Foundation
import GRDB
import RecoveryModel

/// Recovery plans: created and amended by managers, stepped through by anyone signed in,
/// measured by supervisors and above, and closed only through the closure guard. Every write
/// goes through `WritePath` (role re-read from the staff table, stamped, audited, one
/// transaction); nothing is deleted.
extension SQLiteRecoveryStore {
    public func createPlan(_ draft: PlanDraft, activate: Bool, by actor: Actor, at now: Date) throws(StoreError) -> PlanRecord {
        let id = try WritePath.write(pool, by: actor, needing: .createPlan, at: now) { writer in
            let db = writer.db
            try Self.refuseProblems(of: draft)
            try Self.checkReferences(db, draft: draft, previous: nil)
            try writer.requireScope(of: draft.serviceID) { "create a plan for \($0)" }
            let status: PlanStatus = activate ? .active : .draft
            var columns = try PlanRows.planColumns(draft)
            columns["status"] = status.rawValue
            columns["created_at"] = Timestamp.text(now)
            columns["created_by"] = writer.stamp.actorName
            let planID = try writer.insert(into: .plan, columns)
            for step in draft.steps.sorted(by: { $0.definition.position < $1.definition.position }) {
                try writer.insert(into: .planStep, PlanRows.stepColumns(planID: planID, step))
            }
            for (index, measure) in draft.measures.enumerated() {
                try writer.insert(into: .planMeasure, PlanRows.measureColumns(planID: planID, position: index + 1, measure))
            }
            try writer.insert(into: .planStatusChange, [
                "plan_id": planID, "from_status": nil, "to_status": status.rawValue,
                "reason": activate ? "Created and started" : "Created",
            ])
            try SummaryKeeper.markStale(db, planIDs: [planID])
            return planID
        }
        return try plan(id)
    }

    public func plans(serviceID: Int64?) throws(StoreError) -> [PlanRecord] {
        try read { db in
            if let serviceID {
                return try PlanRows.load(db, where: "service_id = ?", arguments: [serviceID], workingDays: workingDays)
            }
            return try PlanRows.load(db, workingDays: workingDays)
        }
    }

    public func plan(_ planID: Int64) throws(StoreError) -> PlanRecord {
        try read { db in try Self.loadPlan(db, planID, workingDays: workingDays) }
    }

    public func amendPlan(_ planID: Int64, to draft: PlanDraft, reason: String, by actor: Actor,
                          at now: Date) throws(StoreError) {
        try WritePath.write(pool, by: actor, needing: .createPlan, at: now) { writer in
            let db = writer.db
            let current = try Self.loadPlan(db, planID, workingDays: workingDays)
            try writer.requireScope(of: current.draft.serviceID) { "amend a plan for \($0)" }
            if current.status == .closed {
                throw StoreError.invalid("A closed plan cannot be amended. Reopen it first.")
            }
            let isDraft = current.status == .draft
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            if !isDraft && reason.isEmpty {
                throw StoreError.invalid("Give a reason for the amendment: the plan is \(current.status.title.lowercased()), so every change to it is an amendment with a reason.")
            }
            try Self.refuseProblems(of: draft)
            try Self.checkReferences(db, draft: draft, previous: current.draft)
            if draft.serviceID != current.draft.serviceID {
                try writer.requireScope(of: draft.serviceID) { "move a plan to \($0)" }
            }
            let action = isDraft ? "edit" : "amend"
            let why: String? = reason.isEmpty ? nil : reason

            // The plan's own columns.
            guard let planRow = try Row.fetchOne(db, sql: "SELECT * FROM plan WHERE id = ?", arguments: [planID]) else {
                throw StoreError.notFound("There is no plan with id \(planID).")
            }
            let planChanges = PlanRows.changed(try PlanRows.planColumns(draft), from: planRow)
            if !planChanges.isEmpty { try writer.update(.plan, id: planID, set: planChanges, action: action, reason: why) }

            // Steps, matched by position: a matched step keeps its id (and so its entries).
            let stepRows = try Row.fetchAll(db, sql: "SELECT * FROM plan_step WHERE plan_id = ? AND active = 1 ORDER BY position, id",
                                            arguments: [planID])
            var oldSteps: [Int: Row] = [:]
            for row in stepRows where oldSteps[row["position"]] == nil { oldSteps[row["position"]] = row }
            var keptSteps: Set<Int64> = []
            for step in draft.steps.sorted(by: { $0.definition.position < $1.definition.position }) {
                let values = PlanRows.stepColumns(planID: planID, step)
                if let old = oldSteps[step.definition.position] {
                    let id: Int64 = old["id"]
                    keptSteps.insert(id)
                    let changes = PlanRows.changed(values, from: old)
                    if !changes.isEmpty { try writer.update(.planStep, id: id, set: changes, action: action, reason: why) }
                } else {
                    try writer.insert(into: .planStep, values, action: action, reason: why)
                }
            }
            for row in stepRows where !keptSteps.contains(row["id"]) {
                try writer.update(.planStep, id: row["id"], set: ["active": false], action: "retire", reason: why)
            }

            // Measures, matched by name (any case): a matched measure keeps its id and results.
            let measureRows = try Row.fetchAll(db, sql: "SELECT * FROM plan_measure WHERE plan_id = ? AND active = 1 ORDER BY position, id",
                                               arguments: [planID])
            var oldMeasures: [String: Row] = [:]
            for row in measureRows {
                let key = (row["name"] as String).lowercased()
                if oldMeasures[key] == nil { oldMeasures[key] = row }
            }
            var keptMeasures: Set<Int64> = []
            for (index, measure) in draft.measures.enumerated() {
                let values = try PlanRows.measureColumns(planID: planID, position: index + 1, measure)
                let key = measure.name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                if let old = oldMeasures[key] {
                    let id: Int64 = old["id"]
                    keptMeasures.insert(id)
                    let changes = PlanRows.changed(values, from: old)
                    if !changes.isEmpty { try writer.update(.planMeasure, id: id, set: changes, action: action, reason: why) }
                } else {
                    try writer.insert(into: .planMeasure, values, action: action, reason: why)
                }
            }
            for row in measureRows where !keptMeasures.contains(row["id"]) {
                try writer.update(.planMeasure, id: row["id"], set: ["active": false], action: "retire", reason: why)
            }
            try SummaryKeeper.markStale(db, planIDs: [planID])
        }
    }

    public func changePlanStatus(_ planID: Int64, to status: PlanStatus, reason: String, by actor: Actor,
                                 at now: Date) throws(StoreError) {
        try WritePath.write(pool, by: actor, needing: .reviewPlan, at: now) { writer in
            let current = try Self.planStatus(writer.db, planID)
            try writer.requireScope(of: try Self.planService(writer.db, planID)) { "change the status of a plan for \($0)" }
            if let refusal = PlanRules.refusal(from: current, to: status) { throw StoreError.invalid(refusal) }
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            if reason.isEmpty {
                throw StoreError.invalid(status == .reopened
                    ? "Give a reason for reopening the plan."
                    : "Give a reason for moving the plan to \(status.title.lowercased()).")
            }
            try Self.recordStatus(writer, planID: planID, from: current, to: status, reason: reason,
                                  action: status == .reopened ? "reopen" : "change status", workingDays: workingDays)
        }
    }

    public func closePlan(_ planID: Int64, note: String, workingDays: WorkingDays, by actor: Actor,
                          at now: Date) throws(StoreError) {
        try WritePath.write(pool, by: actor, needing: .closePlan, at: now) { writer in
            let plan = try Self.loadPlan(writer.db, planID, workingDays: workingDays)
            try writer.requireScope(of: plan.draft.serviceID) { "close a plan for \($0)" }
            switch plan.status {
            case .closed: throw StoreError.invalid("This plan is already closed.")
            case .draft: throw StoreError.invalid("A draft plan cannot be closed; make it active first.")
            case .active, .monitoring, .reopened: break
            }
            let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
            if note.isEmpty {
                throw StoreError.invalid("Write a closing review note: a plan closes only with a note of the review that closed it.")
            }
            // The closure guard: every measure achieved on the day of closing, a step recorded as
            // done, and a governance review that decided to close since the targets were met.
            let check = ClosureGuard.check(plan, today: now, workingDays: workingDays)
            guard check.canClose else { throw StoreError.invalid(check.refusal) }
            try Self.recordStatus(writer, planID: planID, from: plan.status, to: .closed, reason: note, action: "close",
                                  workingDays: workingDays)
        }
    }

    public func recordStepEntry(planID: Int64, stepID: Int64, outcome: StepOutcome, note: String, evidence: String,
                                occurredAt: Date, by actor: Actor, at now: Date) throws(StoreError) -> StepEntry {
        try WritePath.write(pool, by: actor, needing: .recordStepEntry, at: now) { writer in
            let db = writer.db
            let status = try Self.planStatus(db, planID)
            // A provider-wide plan's steps are carried out at every service, so anyone may record them.
            if let serviceID = try Self.planService(db, planID) {
                try writer.requireScope(of: serviceID) { "record a step of a plan for \($0)" }
            }
            if status == .closed {
                throw StoreError.invalid("This plan is closed, so nothing more is recorded against it. Reopen it first.")
            }
            guard let step = try Row.fetchOne(db, sql: "SELECT plan_id, active, position FROM plan_step WHERE id = ?",
                                              arguments: [stepID]),
                  step["plan_id"] as Int64 == planID else {
                throw StoreError.notFound("Plan \(planID) has no step with id \(stepID).")
            }
            guard step["active"] as Bool else {
                throw StoreError.invalid("Step \(step["position"] as Int) was taken out of the plan by an amendment, so it cannot be recorded.")
            }
            let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
            let evidence = evidence.trimmingCharacters(in: .whitespacesAndNewlines)
            if outcome == .skipped && note.isEmpty {
                throw StoreError.invalid("Say why the step was skipped: a skipped step needs a reason in the note.")
            }
            if occurredAt > now.addingTimeInterval(300) {
                throw StoreError.invalid("A step cannot be recorded as done in the future.")
            }
            let id = try writer.insert(into: .planStepEntry, [
                "plan_id": planID, "step_id": stepID, "outcome": outcome.rawValue, "note": note, "evidence": evidence,
            ], occurredAt: occurredAt)
            try SummaryKeeper.markStale(db, planIDs: [planID])
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM plan_step_entry WHERE id = ?", arguments: [id]) else {
                throw StoreError.storage("The step entry vanished while it was being written.")
            }
            return try PlanRows.stepEntry(row)
        }
    }

    public func recordMeasurement(measureID: Int64, result: PeriodResult, by actor: Actor, at now: Date) throws(StoreError) {
        try WritePath.write(pool, by: actor, needing: .recordMeasurement, at: now) { writer in
            let db = writer.db
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM plan_measure WHERE id = ?", arguments: [measureID]) else {
                throw StoreError.notFound("There is no outcome measure with id \(measureID).")
            }
            let measure = try PlanRows.measureDefinition(row)
            let planID: Int64 = row["plan_id"]
            try writer.requireScope(of: try Self.planService(db, planID)) { "enter a result for a plan for \($0)" }
            guard row["active"] as Bool else {
                throw StoreError.invalid("\(measure.name) was taken out of the plan by an amendment, so no more results are recorded for it.")
            }
            if try Self.planStatus(db, planID) == .closed {
                throw StoreError.invalid("This plan is closed, so no more results are recorded for it. Reopen it first.")
            }
            if let problem = PlanRules.problem(with: result, for: measure) { throw StoreError.invalid(problem) }
            // Stored as the start of its London period (the month, or the Monday-started week).
            let start = measure.period.start(containing: LondonDay(result.periodStart))
            if start > LondonDay(now) {
                throw StoreError.invalid("\(measure.name): the \(measure.period.noun) starting \(start) has not started yet, so it has no result.")
            }
            let note = result.note?.trimmingCharacters(in: .whitespacesAndNewlines)
            try writer.insert(into: .planMeasureResult, [
                "plan_id": planID, "measure_id": measureID, "period_start": Timestamp.text(start.start),
                "numerator": result.numerator, "denominator": result.denominator,
                "note": note?.isEmpty == false ? note : nil,
            ])
            try SummaryKeeper.markStale(db, planIDs: [planID])
        }
    }

    public func recordReview(planID: Int64, kind: ReviewKind, decision: ReviewDecision, note: String, challenge: String,
                             occurredAt: Date, by actor: Actor, at now: Date) throws(StoreError) -> PlanReview {
        // A decision to close is the sign-off the closure guard looks for, so only a role that
        // may close plans can record one.
        try WritePath.write(pool, by: actor, needing: decision == .close ? .closePlan : .reviewPlan, at: now) { writer in
            let db = writer.db
            _ = try Self.planStatus(db, planID)
            try writer.requireScope(of: try Self.planService(db, planID)) { "record a review of a plan for \($0)" }
            let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
            if note.isEmpty { throw StoreError.invalid("Write a note of the review: what was looked at and what was found.") }
            if occurredAt > now.addingTimeInterval(300) {
                throw StoreError.invalid("A review cannot be recorded as held in the future.")
            }
            // A decision to close is recorded here; closing itself goes through the closure guard,
            // which needs such a review held on or after the day the targets were met.
            let id = try writer.insert(into: .planReview, [
                "plan_id": planID, "kind": kind.rawValue, "decision": decision.rawValue, "note": note,
                "challenge": challenge.trimmingCharacters(in: .whitespacesAndNewlines),
            ], occurredAt: occurredAt)
            try SummaryKeeper.markStale(db, planIDs: [planID])
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM plan_review WHERE id = ?", arguments: [id]) else {
                throw StoreError.storage("The review vanished while it was being written.")
            }
            return try PlanRows.review(row)
        }
    }

    // MARK: Helpers

    static func loadPlan(_ db: Database, _ planID: Int64, workingDays: WorkingDays) throws -> PlanRecord {
        guard let plan = try PlanRows.load(db, where: "id = ?", arguments: [planID], workingDays: workingDays).first else {
            throw StoreError.notFound("There is no plan with id \(planID).")
        }
        return plan
    }

    static func planStatus(_ db: Database, _ planID: Int64) throws -> PlanStatus {
        guard let raw = try String.fetchOne(db, sql: "SELECT status FROM plan WHERE id = ?", arguments: [planID]) else {
            throw StoreError.notFound("There is no plan with id \(planID).")
        }
        return PlanStatus(rawValue: raw) ?? .draft
    }

    /// The plan's service (nil for a provider-wide plan).
    static func planService(_ db: Database, _ planID: Int64) throws -> Int64? {
        guard let row = try Row.fetchOne(db, sql: "SELECT service_id FROM plan WHERE id = ?", arguments: [planID]) else {
            throw StoreError.notFound("There is no plan with id \(planID).")
        }
        return row["service_id"]
    }

    static func refuseProblems(of draft: PlanDraft) throws {
        let problems = PlanRules.problems(of: draft)
        if !problems.isEmpty { throw StoreError.invalid(problems.joined(separator: " ")) }
    }

    /// The service and owner a draft names must exist (and be active, when they are new to the plan).
    static func checkReferences(_ db: Database, draft: PlanDraft, previous: PlanDraft?) throws {
        if let serviceID = draft.serviceID, serviceID != previous?.serviceID {
            guard try Bool.fetchOne(db, sql: "SELECT active FROM service WHERE id = ?", arguments: [serviceID]) == true else {
                throw StoreError.notFound("There is no active service with id \(serviceID).")
            }
        }
        if let ownerID = draft.ownerID, ownerID != previous?.ownerID {
            guard try Bool.fetchOne(db, sql: "SELECT active FROM staff WHERE id = ?", arguments: [ownerID]) == true else {
                throw StoreError.notFound("There is no active member of staff with id \(ownerID) to own the plan.")
            }
        }
    }

    /// Sets the plan's status and records the change (who and when are the stamps), both audited;
    /// keeps the plan's closure verdict (made on closing, dropped on reopening) and standing.
    static func recordStatus(_ writer: AuditedWriter, planID: Int64, from: PlanStatus, to: PlanStatus, reason: String,
                             action: String, workingDays: WorkingDays) throws {
        try writer.update(.plan, id: planID, set: ["status": to.rawValue], action: action, reason: reason)
        try writer.insert(into: .planStatusChange, [
            "plan_id": planID, "from_status": from.rawValue, "to_status": to.rawValue, "reason": reason,
        ], action: action, reason: reason)
        let now = writer.stamp.recordedAt
        if to == .closed {
            try SummaryKeeper.recordClosure(writer.db, planID: planID, at: now, workingDays: workingDays)
        } else {
            try SummaryKeeper.dropClosure(writer.db, planID: planID)
        }
        try SummaryKeeper.markStale(writer.db, planIDs: [planID])
    }
}

extension SQLiteRecoveryStore {
    /// The plans list: plan rows and their stored standing. Standings marked stale by a write
    /// (to the plan, or to evidence feeding it), and those of open plans worked out on an
    /// earlier day, are worked out again first: the first list of a day costs the open plans'
    /// evidence once, a list after a MAR check the plans of that service, and any other list
    /// reads rows only.
    public func planList(serviceID: Int64?, at now: Date) throws(StoreError) -> [PlanListRow] {
        let today = LondonDay(now).dayNumber
        let stale = try read { db in
            try Int64.fetchAll(db, sql: """
                SELECT p.id FROM plan p LEFT JOIN summary_plan_standing s ON s.plan_id = p.id
                WHERE s.plan_id IS NULL OR s.worked_out_day = ?
                   OR (p.status IN ('active', 'monitoring', 'reopened') AND s.worked_out_day < ?)
                """, arguments: [SummaryKeeper.staleDay, today])
        }
        if !stale.isEmpty {
            try StoreFailure.catching {
                try pool.write { db in try SummaryKeeper.refreshStandings(db, planIDs: stale, at: now, workingDays: workingDays) }
            }
        }
        return try read { db in
            var condition = ""
            var arguments: StatementArguments = []
            if let serviceID {
                condition = "WHERE p.service_id = ?"
                arguments = [serviceID]
            }
            return try Row.fetchAll(db, sql: """
                SELECT p.id, p.title, p.service_id, p.status, p.quality_statements, p.regulations,
                       s.state, s.step_dues, s.worked_out_day
                FROM plan p LEFT JOIN summary_plan_standing s ON s.plan_id = p.id \(condition)
                ORDER BY p.created_at DESC, p.id DESC
                """, arguments: arguments).map { row in
                let id: Int64 = row["id"]
                let status: String = row["status"]
                return PlanListRow(id: id, title: row["title"], serviceID: row["service_id"],
                                   status: PlanStatus(rawValue: status) ?? .draft,
                                   qualityStatements: try PlanRows.decode([String].self, row["quality_statements"], table: "plan",
                                                                          id: id, column: "quality_statements"),
                                   regulations: try PlanRows.decode([Int].self, row["regulations"], table: "plan", id: id,
                                                                    column: "regulations"),
                                   standing: try SummaryRows.standing(row, planID: id))
            }
        }
    }
}
