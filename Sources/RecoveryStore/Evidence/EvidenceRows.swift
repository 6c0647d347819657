import Foundation
import GRDB
import RecoveryModel

/// Daily evidence to and from its rows. Checks load with their current findings and their
/// amendments in three queries, however many checks there are.
enum EvidenceRows {
    typealias Columns = [String: (any DatabaseValueConvertible)?]

    // MARK: MAR checks

    static func checkColumns(_ draft: MARCheckDraft) -> Columns {
        [
            "service_id": draft.serviceID,
            "round_date": Timestamp.text(LondonDay(draft.date).start),
            "round": draft.round.rawValue,
            "charts_checked": draft.chartsChecked,
            "refusals_seen": draft.refusalsSeen,
            "refusals_complete": draft.refusalsComplete,
            "charts_returned_late": draft.chartsReturnedLate,
            "late_entry_reason": draft.lateEntryReason,
        ]
    }

    static func findingColumns(checkID: Int64, version: Int, position: Int, _ finding: MARFinding) -> Columns {
        [
            "check_id": checkID,
            "check_version": version,
            "position": position,
            "type": finding.type.rawValue,
            "person_reference": finding.personReference,
            "person_key": EvidenceDerivations.personKey(finding.personReference),
            "staff_id": finding.staffID,
            "note": finding.note,
            "action_taken": finding.actionTaken,
            "escalate": finding.escalate,
            "active": true,
        ]
    }

    /// Checks matching `condition` (SQL on `mar_check`, or all), newest round first.
    static func checks(_ db: Database, where condition: String? = nil,
                       arguments: StatementArguments = []) throws -> [MARCheck] {
        let filter = condition.map { "WHERE \($0)" } ?? ""
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM mar_check \(filter) ORDER BY occurred_at DESC, id DESC",
                                    arguments: arguments)
        guard !rows.isEmpty else { return [] }
        let chosen = "check_id IN (SELECT id FROM mar_check \(filter))"
        var findings: [Int64: [MARFinding]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM mar_finding WHERE active = 1 AND \(chosen) ORDER BY check_id, position, id",
                                    arguments: arguments) {
            findings[row["check_id"], default: []].append(finding(row))
        }
        var amendments: [Int64: [Amendment]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM mar_check_amendment WHERE \(chosen) ORDER BY id",
                                    arguments: arguments) {
            amendments[row["check_id"], default: []].append(
                Amendment(reason: row["reason"], by: row["recorded_by"],
                          at: try PlanRows.date(row, "recorded_at", table: "mar_check_amendment"), previous: row["previous"]))
        }
        // A re-check is any check after the first of its service, day and round. Reads by date and
        // service hold every check of each round they hold, so the first is among them; for a
        // small read (one check) the store is asked whether an earlier one exists.
        struct RoundKey: Hashable { let service: Int64; let day: String; let round: String }
        var firstOfRound: [RoundKey: Int64] = [:]
        for row in rows {
            let key = RoundKey(service: row["service_id"], day: row["round_date"], round: row["round"])
            let id: Int64 = row["id"]
            firstOfRound[key] = min(firstOfRound[key] ?? id, id)
        }
        var rechecks: Set<Int64> = []
        for row in rows {
            let key = RoundKey(service: row["service_id"], day: row["round_date"], round: row["round"])
            let id: Int64 = row["id"]
            if firstOfRound[key] != id { rechecks.insert(id) }
        }
        if rows.count <= 50 {
            for (key, id) in firstOfRound where try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM mar_check WHERE service_id = ? AND round_date = ? AND round = ? AND id < ?)
                """, arguments: [key.service, key.day, key.round, id]) == true {
                rechecks.insert(id)
            }
        }
        return try rows.map { row in
            let id: Int64 = row["id"]
            var check = MARCheck(id: id, draft: try draft(row, findings: findings[id] ?? []), checkedBy: row["checked_by"],
                                 checkedByID: row["checked_by_id"], recordedAt: try PlanRows.date(row, "logged_at", table: "mar_check"),
                                 isLateEntry: row["late_entry"], amendments: amendments[id] ?? [])
            check.isRecheck = rechecks.contains(id)
            return check
        }
    }

    static func check(_ db: Database, _ id: Int64) throws -> MARCheck {
        guard let check = try checks(db, where: "id = ?", arguments: [id]).first else {
            throw StoreError.notFound("There is no MAR check with id \(id).")
        }
        return check
    }

    static func draft(_ row: Row, findings: [MARFinding]) throws -> MARCheckDraft {
        MARCheckDraft(serviceID: row["service_id"], date: try PlanRows.date(row, "round_date", table: "mar_check"),
                      round: MARRound(rawValue: row["round"]) ?? .morning, chartsChecked: row["charts_checked"],
                      refusalsSeen: row["refusals_seen"], refusalsComplete: row["refusals_complete"],
                      chartsReturnedLate: row["charts_returned_late"], findings: findings,
                      lateEntryReason: row["late_entry_reason"])
    }

    static func finding(_ row: Row) -> MARFinding {
        MARFinding(type: FindingType(rawValue: row["type"]) ?? .other, personReference: row["person_reference"],
                   staffID: row["staff_id"], note: row["note"], actionTaken: row["action_taken"], escalate: row["escalate"],
                   number: row["position"])
    }

    /// A draft as JSON, kept beside an amendment (dates as UTC text, like every moment stored).
    static func json(_ draft: MARCheckDraft) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.text(date))
        }
        return String(decoding: try encoder.encode(draft), as: UTF8.self)
    }

    // MARK: Observations

    static func observationColumns(_ draft: ObservationDraft) -> Columns {
        let checklist = Dictionary(uniqueKeysWithValues: draft.checklist.map { ($0.key.rawValue, $0.value.rawValue) })
        return [
            "staff_id": draft.staffID,
            "kind": draft.kind.rawValue,
            "checklist": (try? PlanRows.json(checklist)) ?? "{}",
            "outcome": draft.outcome.rawValue,
            "follow_up": draft.followUp.rawValue,
            "reassess_by": draft.reassessBy.map { Timestamp.text(LondonDay($0).start) },
            "note": draft.note,
        ]
    }

    /// Observations matching `condition`, newest first; without `checklist` their checklists are
    /// left empty (competency does not need them, and reading them is most of the cost).
    static func observations(_ db: Database, where condition: String? = nil, arguments: StatementArguments = [],
                             checklist: Bool = true) throws -> [Observation] {
        let filter = condition.map { "WHERE \($0)" } ?? ""
        return try Row.fetchAll(db, sql: "SELECT * FROM observation \(filter) ORDER BY occurred_at DESC, id DESC",
                                arguments: arguments).map { try observation($0, checklist: checklist) }
    }

    static func observation(_ row: Row) throws -> Observation { try observation(row, checklist: true) }

    static func observation(_ row: Row, checklist withChecklist: Bool) throws -> Observation {
        let id: Int64 = row["id"]
        var checklist: [ChecklistItem: ChecklistAnswer] = [:]
        if withChecklist {
            let raw = try PlanRows.decode([String: String].self, row["checklist"], table: "observation", id: id, column: "checklist")
            for (key, value) in raw {
                if let item = ChecklistItem(rawValue: key), let answer = ChecklistAnswer(rawValue: value) { checklist[item] = answer }
            }
        }
        let reassess: String? = row["reassess_by"]
        let draft = ObservationDraft(staffID: row["staff_id"], occurredAt: try PlanRows.date(row, "occurred_at", table: "observation"),
                                     kind: ObservationKind(rawValue: row["kind"]) ?? .spotCheck, checklist: checklist,
                                     outcome: CompetencyOutcome(rawValue: row["outcome"]) ?? .notYetCompetent,
                                     followUp: FollowUp(rawValue: row["follow_up"]) ?? .none,
                                     reassessBy: reassess.flatMap(Timestamp.date), note: row["note"])
        return Observation(id: id, draft: draft, observedBy: row["recorded_by"],
                           recordedAt: try PlanRows.date(row, "recorded_at", table: "observation"))
    }

    // MARK: Escalations

    static func escalationColumns(_ draft: EscalationDraft) -> Columns {
        [
            "service_id": draft.serviceID,
            "category": draft.category.rawValue,
            "severity": draft.severity.rawValue,
            "escalated_to_role": draft.escalatedToRole.rawValue,
            "escalated_to_name": draft.escalatedToName.trimmingCharacters(in: .whitespacesAndNewlines),
            "plan_id": draft.links.planID,
            "step_id": draft.links.stepID,
            "mar_check_id": draft.links.marCheckID,
            "observation_id": draft.links.observationID,
            "staff_id": draft.links.staffID,
            "what_happened": draft.whatHappened.trimmingCharacters(in: .whitespacesAndNewlines),
            "immediate_action": draft.immediateAction.trimmingCharacters(in: .whitespacesAndNewlines),
        ]
    }

    static func escalations(_ db: Database, where condition: String? = nil,
                            arguments: StatementArguments = []) throws -> [Escalation] {
        let filter = condition.map { "WHERE \($0)" } ?? ""
        var list = try Row.fetchAll(db, sql: "SELECT * FROM escalation \(filter) ORDER BY raised_at DESC, id DESC",
                                    arguments: arguments).map(escalation)
        guard !list.isEmpty else { return list }
        var sources: [Int64: [EscalationSource]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT * FROM escalation_source WHERE escalation_id IN (SELECT id FROM escalation \(filter)) ORDER BY id
            """, arguments: arguments) {
            if let source = source(row) { sources[row["escalation_id"], default: []].append(source) }
        }
        for index in list.indices { list[index].draft.sources = sources[list[index].id] ?? [] }
        return list
    }

    // MARK: What escalations answer

    static func sourceColumns(escalationID: Int64, _ source: EscalationSource) -> Columns {
        var columns: Columns = ["escalation_id": escalationID, "kind": source.kind]
        switch source {
        case .finding(let checkID, let number):
            columns["mar_check_id"] = checkID
            columns["finding_number"] = number
        case .lateReturn(let checkID):
            columns["mar_check_id"] = checkID
        case .stepEntry(let entryID):
            columns["step_entry_id"] = entryID
        case .observation(let observationID):
            columns["observation_id"] = observationID
        }
        return columns
    }

    static func source(_ row: Row) -> EscalationSource? {
        switch row["kind"] as String {
        case "finding":
            guard let checkID: Int64 = row["mar_check_id"], let number: Int = row["finding_number"] else { return nil }
            return .finding(checkID: checkID, number: number)
        case "late-return":
            return (row["mar_check_id"] as Int64?).map { .lateReturn(checkID: $0) }
        case "step-entry":
            return (row["step_entry_id"] as Int64?).map { .stepEntry(entryID: $0) }
        case "observation":
            return (row["observation_id"] as Int64?).map { .observation(observationID: $0) }
        default:
            return nil
        }
    }

    /// Escalations naming any of the checks `checkIDs` or step entries `entryIDs`.
    static func escalations(_ db: Database, answeringChecks checkIDs: [Int64], stepEntries entryIDs: [Int64] = []) throws -> [Escalation] {
        guard !checkIDs.isEmpty || !entryIDs.isEmpty else { return [] }
        let checks = checkIDs.map(String.init).joined(separator: ", ")
        let entries = entryIDs.map(String.init).joined(separator: ", ")
        var parts: [String] = []
        if !checkIDs.isEmpty { parts.append("mar_check_id IN (\(checks))") }
        if !entryIDs.isEmpty { parts.append("step_entry_id IN (\(entries))") }
        return try escalations(db, where: "id IN (SELECT escalation_id FROM escalation_source WHERE \(parts.joined(separator: " OR ")))")
    }

    static func escalation(_ db: Database, _ id: Int64) throws -> Escalation {
        guard let found = try escalations(db, where: "id = ?", arguments: [id]).first else {
            throw StoreError.notFound("There is no escalation with id \(id).")
        }
        return found
    }

    static func escalation(_ row: Row) throws -> Escalation {
        func moment(_ column: String) throws -> Date? {
            guard (row[column] as String?) != nil else { return nil }
            return try PlanRows.date(row, column, table: "escalation")
        }
        let links = EscalationLinks(planID: row["plan_id"], stepID: row["step_id"], marCheckID: row["mar_check_id"],
                                    observationID: row["observation_id"], staffID: row["staff_id"])
        let draft = EscalationDraft(serviceID: row["service_id"],
                                    category: EscalationCategory(rawValue: row["category"]) ?? .other,
                                    severity: EscalationSeverity(rawValue: row["severity"]) ?? .moderate,
                                    occurredAt: try PlanRows.date(row, "occurred_at", table: "escalation"),
                                    escalatedToRole: Role(rawValue: row["escalated_to_role"]) ?? .registeredManager,
                                    escalatedToName: row["escalated_to_name"], links: links,
                                    whatHappened: row["what_happened"], immediateAction: row["immediate_action"])
        return Escalation(id: row["id"], draft: draft, raisedBy: row["raised_by"],
                          raisedAt: try PlanRows.date(row, "raised_at", table: "escalation"),
                          dueBy: try PlanRows.date(row, "due_by", table: "escalation"),
                          status: EscalationStatus(rawValue: row["status"]) ?? .open,
                          acknowledgedAt: try moment("acknowledged_at"), respondedAt: try moment("responded_at"),
                          response: row["response"], resolvedAt: try moment("resolved_at"), outcome: row["outcome"],
                          handledInTime: row["handled_in_time"])
    }

    // MARK: The escalation policy

    static func policyJSON(_ policy: EscalationPolicy) throws -> String {
        let byCategory = Dictionary(uniqueKeysWithValues: policy.byCategory.map { ($0.key.rawValue, $0.value) })
        let bySeverity = Dictionary(uniqueKeysWithValues: policy.bySeverity.map { ($0.key.rawValue, $0.value) })
        return try PlanRows.json(["by_category": byCategory, "by_severity": bySeverity])
    }

    static func policy(_ db: Database) throws -> EscalationPolicy {
        guard let text = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?",
                                             arguments: [EvidenceSettings.escalationPolicy]) else {
            return .standard
        }
        guard let raw = try? JSONDecoder().decode([String: [String: Int]].self, from: Data(text.utf8)) else {
            throw StoreError.storage("The stored escalation policy cannot be read.")
        }
        var byCategory: [EscalationCategory: Int] = [:]
        for (key, value) in raw["by_category"] ?? [:] {
            if let category = EscalationCategory(rawValue: key) { byCategory[category] = value }
        }
        var bySeverity: [EscalationSeverity: Int] = [:]
        for (key, value) in raw["by_severity"] ?? [:] {
            if let severity = EscalationSeverity(rawValue: key) { bySeverity[severity] = value }
        }
        return EscalationPolicy(byCategory: byCategory, bySeverity: bySeverity)
    }
}

/// Keys of the `setting` table added with daily evidence.
enum EvidenceSettings {
    /// The escalation policy as JSON; absent until an administrator changes it.
    static let escalationPolicy = "escalation_policy"
}
