import Foundation
import GRDB
import RecoveryModel

/// Recovery plans to and from their rows. Reading loads every plan asked for with its steps,
/// entries, measures, results, reviews and status changes in seven queries, however many plans
/// there are.
enum PlanRows {
    typealias Columns = [String: (any DatabaseValueConvertible)?]

    // MARK: JSON columns

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String, table: String, id: Int64, column: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw StoreError.storage("The \(column.replacingOccurrences(of: "_", with: " ")) of \(table) row \(id) cannot be read.")
        }
    }

    static func date(_ row: Row, _ column: String, table: String) throws -> Date {
        let text: String = row[column]
        guard let date = Timestamp.date(text) else {
            let id: Int64 = row["id"]
            throw StoreError.storage("The \(column.replacingOccurrences(of: "_", with: " ")) of \(table) row \(id) is not a date.")
        }
        return date
    }

    // MARK: Columns from a draft

    static func planColumns(_ draft: PlanDraft) throws -> Columns {
        [
            "service_id": draft.serviceID,
            "title": draft.title.trimmingCharacters(in: .whitespacesAndNewlines),
            "source": draft.source.rawValue,
            "source_reference": draft.sourceReference,
            "source_date": draft.sourceDate.map(Timestamp.text),
            "regulations": try json(draft.regulations),
            "quality_statements": try json(draft.qualityStatements),
            "baseline": draft.baseline,
            "baseline_figure": draft.baselineFigure,
            "learning": draft.learning,
            "risks": try json(draft.risks),
            "warning_signs": try json(draft.warningSigns),
            "escalation_route": draft.escalationRoute,
            "consistency": draft.consistency,
            "manager_review_weeks": draft.managerReviewWeeks,
            "provider_review_months": draft.providerReviewMonths,
            "owner_id": draft.ownerID,
            "template_id": draft.templateID,
            "start_date": Timestamp.text(draft.startDate),
        ]
    }

    static func stepColumns(planID: Int64, _ step: PlanStepDraft) -> Columns {
        [
            "plan_id": planID,
            "position": step.definition.position,
            "role": step.definition.role.rawValue,
            "action": step.definition.action,
            "recorded_in": step.definition.recordedIn,
            "cadence": step.definition.cadence.rawValue,
            "first_due": Timestamp.text(step.firstDue),
            "active": true,
        ]
    }

    static func measureColumns(planID: Int64, position: Int, _ measure: OutcomeMeasureDefinition) throws -> Columns {
        [
            "plan_id": planID,
            "position": position,
            "name": measure.name.trimmingCharacters(in: .whitespacesAndNewlines),
            "period": measure.period.rawValue,
            "source": measure.source.rawValue,
            "rules": try json(measure.rules),
            "active": true,
        ]
    }

    /// The columns of `values` whose stored value in `row` is different.
    static func changed(_ values: Columns, from row: Row) -> Columns {
        values.filter { column, value in
            (row[column] as DatabaseValue) != (value?.databaseValue ?? .null)
        }
    }

    // MARK: Loading

    /// Plans matching `condition` (SQL on `plan`, or every plan), newest first, fully loaded.
    /// Measures whose source is derived from daily evidence get their figures and events from
    /// the summaries of it (`PlanEvidence`); `workingDays` (the store's bank holidays) counts for
    /// the per-period figure of late returns escalated.
    static func load(_ db: Database, where condition: String? = nil, arguments: StatementArguments = [],
                     workingDays: WorkingDays) throws -> [PlanRecord] {
        try PlanEvidence.loadPlans(db, where: condition, arguments: arguments, workingDays: workingDays)
    }

    /// Plans as stored, without evidence. With `entriesSince`, each step keeps only its entries
    /// from that moment on and the latest one before it (all that "is a step overdue at a moment
    /// since then" needs), so a long-running plan's read stays the size of the window.
    static func loadStored(_ db: Database, where condition: String? = nil, arguments: StatementArguments = [],
                           entriesSince: Date? = nil) throws -> [PlanRecord] {
        let filter = condition.map { "WHERE \($0)" } ?? ""
        let planRows = try Row.fetchAll(db, sql: "SELECT * FROM plan \(filter) ORDER BY created_at DESC, id DESC",
                                        arguments: arguments)
        guard !planRows.isEmpty else { return [] }
        let chosen = "plan_id IN (SELECT id FROM plan \(filter))"

        // Escalations raised about step entries (only "problem found" entries are ever named).
        var escalationsByEntry: [Int64: [Int64]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT step_entry_id, escalation_id FROM escalation_source WHERE step_entry_id IN (
                SELECT id FROM plan_step_entry WHERE outcome = 'problem-found' AND \(chosen)) ORDER BY escalation_id
            """, arguments: arguments) {
            escalationsByEntry[row["step_entry_id"], default: []].append(row["escalation_id"])
        }
        var entriesByStep: [Int64: [StepEntry]] = [:]
        var entryFilter = chosen
        var entryArguments = arguments
        if let entriesSince {
            let since = Timestamp.text(entriesSince)
            // Two bounded reads joined, each by the step's (step_id, occurred_at) index.
            entryFilter = """
                id IN (SELECT e.id FROM plan_step s JOIN plan_step_entry e ON e.step_id = s.id
                       WHERE s.\(chosen) AND e.occurred_at >= ?
                       UNION
                       SELECT (SELECT e.id FROM plan_step_entry e WHERE e.step_id = s.id AND e.occurred_at < ?
                               ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1) FROM plan_step s WHERE s.\(chosen))
                """
            entryArguments = arguments + [since, since] + arguments
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM plan_step_entry WHERE \(entryFilter) ORDER BY occurred_at, id",
                                    arguments: entryArguments) {
            var entry = try stepEntry(row)
            entry.escalationIDs = escalationsByEntry[entry.id] ?? []
            entriesByStep[row["step_id"], default: []].append(entry)
        }
        var stepsByPlan: [Int64: [PlanStep]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM plan_step WHERE active = 1 AND \(chosen) ORDER BY position, id",
                                    arguments: arguments) {
            let id: Int64 = row["id"]
            stepsByPlan[row["plan_id"], default: []].append(
                PlanStep(id: id, definition: stepDefinition(row), firstDue: try date(row, "first_due", table: "plan_step"),
                         entries: entriesByStep[id] ?? []))
        }
        var resultsByMeasure: [Int64: [PeriodResult]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM plan_measure_result WHERE \(chosen) ORDER BY id",
                                    arguments: arguments) {
            resultsByMeasure[row["measure_id"], default: []].append(try periodResult(row))
        }
        var measuresByPlan: [Int64: [PlanMeasure]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM plan_measure WHERE active = 1 AND \(chosen) ORDER BY position, id",
                                    arguments: arguments) {
            let id: Int64 = row["id"]
            measuresByPlan[row["plan_id"], default: []].append(
                PlanMeasure(id: id, definition: try measureDefinition(row), results: resultsByMeasure[id] ?? []))
        }
        var reviewsByPlan: [Int64: [PlanReview]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM plan_review WHERE \(chosen) ORDER BY occurred_at, id",
                                    arguments: arguments) {
            reviewsByPlan[row["plan_id"], default: []].append(try review(row))
        }
        var changesByPlan: [Int64: [PlanStatusChange]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM plan_status_change WHERE \(chosen) ORDER BY id",
                                    arguments: arguments) {
            changesByPlan[row["plan_id"], default: []].append(try statusChange(row))
        }

        return try planRows.map { row in
            let id: Int64 = row["id"]
            let steps = stepsByPlan[id] ?? []
            let measures = measuresByPlan[id] ?? []
            let draft = try draft(row, steps: steps, measures: measures)
            return PlanRecord(id: id, draft: draft, status: PlanStatus(rawValue: row["status"]) ?? .draft, steps: steps,
                              measures: measures, reviews: reviewsByPlan[id] ?? [], statusChanges: changesByPlan[id] ?? [],
                              createdAt: try date(row, "created_at", table: "plan"), createdBy: row["created_by"])
        }
    }

    static func draft(_ row: Row, steps: [PlanStep], measures: [PlanMeasure]) throws -> PlanDraft {
        let id: Int64 = row["id"]
        func list<T: Decodable>(_ column: String, _ type: T.Type) throws -> T {
            try decode(type, row[column], table: "plan", id: id, column: column)
        }
        let sourceDate: String? = row["source_date"]
        return PlanDraft(
            serviceID: row["service_id"], title: row["title"],
            source: PlanSource(rawValue: row["source"]) ?? .inspectionFinding,
            sourceReference: row["source_reference"], sourceDate: sourceDate.flatMap(Timestamp.date),
            regulations: try list("regulations", [Int].self),
            qualityStatements: try list("quality_statements", [String].self),
            baseline: row["baseline"], baselineFigure: row["baseline_figure"], learning: row["learning"],
            risks: try list("risks", [String].self), warningSigns: try list("warning_signs", [String].self),
            escalationRoute: row["escalation_route"], consistency: row["consistency"],
            managerReviewWeeks: row["manager_review_weeks"], providerReviewMonths: row["provider_review_months"],
            ownerID: row["owner_id"],
            steps: steps.map { PlanStepDraft(definition: $0.definition, firstDue: $0.firstDue) },
            measures: measures.map(\.definition), templateID: row["template_id"],
            startDate: try date(row, "start_date", table: "plan"))
    }

    static func stepDefinition(_ row: Row) -> PlanStepDefinition {
        PlanStepDefinition(position: row["position"], role: Role(rawValue: row["role"]) ?? .careWorker,
                           action: row["action"], recordedIn: row["recorded_in"],
                           cadence: Cadence(rawValue: row["cadence"]) ?? .once)
    }

    static func stepEntry(_ row: Row) throws -> StepEntry {
        StepEntry(id: row["id"], outcome: StepOutcome(rawValue: row["outcome"]) ?? .done, note: row["note"],
                  evidence: row["evidence"], occurredAt: try date(row, "occurred_at", table: "plan_step_entry"),
                  recordedAt: try date(row, "recorded_at", table: "plan_step_entry"), recordedBy: row["recorded_by"])
    }

    static func measureDefinition(_ row: Row) throws -> OutcomeMeasureDefinition {
        OutcomeMeasureDefinition(name: row["name"], period: MeasurePeriod(rawValue: row["period"]) ?? .month,
                                 source: MeasureSource(rawValue: row["source"]) ?? .manualAudit,
                                 rules: try decode([TargetRule].self, row["rules"], table: "plan_measure", id: row["id"], column: "rules"))
    }

    static func periodResult(_ row: Row) throws -> PeriodResult {
        PeriodResult(periodStart: try date(row, "period_start", table: "plan_measure_result"), numerator: row["numerator"],
                     denominator: row["denominator"], note: row["note"])
    }

    static func review(_ row: Row) throws -> PlanReview {
        PlanReview(id: row["id"], kind: ReviewKind(rawValue: row["kind"]) ?? .manager,
                   decision: ReviewDecision(rawValue: row["decision"]) ?? .continuePlan, note: row["note"],
                   challenge: row["challenge"], occurredAt: try date(row, "occurred_at", table: "plan_review"),
                   recordedBy: row["recorded_by"])
    }

    static func statusChange(_ row: Row) throws -> PlanStatusChange {
        let from: String? = row["from_status"]
        return PlanStatusChange(from: from.flatMap(PlanStatus.init(rawValue:)),
                                to: PlanStatus(rawValue: row["to_status"]) ?? .draft, reason: row["reason"],
                                at: try date(row, "recorded_at", table: "plan_status_change"), by: row["recorded_by"])
    }
}
