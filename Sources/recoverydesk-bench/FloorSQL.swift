import Foundation
import RecoveryModel
import RecoveryFixtures
import RecoveryStore

/// The SELECTs `SQLiteRecoveryStore.indicatorEvidence(at:workingDays:)` runs, as SQL text with the
/// same bounds, for timing in the `sqlite3` shell (the floor under our own figure). Kept in step by
/// hand with SQLiteRecoveryStore+Indicators.swift, EvidenceRows.checks/escalations/observations/
/// attachEvidence, PlanRows.loadStored and SQLiteRecoveryStore.loadStaff; the bounds that depend
/// on the data (the earliest plan start, whether a provider-wide plan needs evidence, which
/// services) are taken from the evidence the store returned.
struct FloorSQL {
    var sql: String
    var firstDay: String
    var since: String
    var sinceDate: Date?
    var allServices: Bool

    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    static func make(evidence: IndicatorEvidence, now: Date) -> FloorSQL {
        let today = LondonDay(now)
        let first = quoted(SQLiteRecoveryStore.storedText(IndicatorEvidence.firstDay(today: today).start))
        let closedSince = quoted(SQLiteRecoveryStore.storedText(IndicatorEvidence.closedSince(today: today).start))
        var lines: [String] = []
        lines.append("""
            SELECT s.*, COALESCE((SELECT a.recorded_at FROM audit_log a WHERE a.table_name = 'service' AND a.row_id = s.id \
            ORDER BY a.seq LIMIT 1), s.recorded_at) AS added_at FROM service s WHERE s.active = 1 ORDER BY s.name COLLATE NOCASE, s.id;
            """)
        func checks(_ filter: String) {
            lines.append("SELECT * FROM mar_check WHERE \(filter) ORDER BY occurred_at DESC, id DESC;")
            let chosen = "check_id IN (SELECT id FROM mar_check WHERE \(filter))"
            lines.append("SELECT * FROM mar_finding WHERE active = 1 AND \(chosen) ORDER BY check_id, position, id;")
            lines.append("SELECT * FROM mar_check_amendment WHERE \(chosen) ORDER BY id;")
        }
        checks("round_date >= \(first)")
        lines.append("SELECT * FROM escalation WHERE resolved_at IS NULL OR resolved_at >= \(first) OR raised_at >= \(first) ORDER BY raised_at DESC, id DESC;")
        lines.append("""
            SELECT s.id, s.name, s.role, s.active, EXISTS (SELECT 1 FROM staff_credential c WHERE c.id = s.id) AS has_pin \
            FROM staff s WHERE s.active = 1 ORDER BY s.name COLLATE NOCASE, s.id;
            """)
        // loadStaff asks for each member's services, one query each.
        for member in evidence.staff {
            lines.append("SELECT service_id FROM staff_service WHERE staff_id = \(member.id) AND active = 1 ORDER BY id;")
        }
        // When each member of staff joined (their first audit entry), for the competency history.
        lines.append("SELECT row_id, MIN(seq), recorded_at FROM audit_log WHERE table_name = 'staff' GROUP BY row_id;")
        let assessing = ObservationKind.allCases.filter(\.assessesCompetency).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        lines.append("""
            SELECT * FROM observation WHERE kind IN (\(assessing)) OR follow_up = '\(FollowUp.restricted.rawValue)' \
            OR outcome = '\(CompetencyOutcome.notYetCompetent.rawValue)' ORDER BY occurred_at DESC, id DESC;
            """)
        let plans = """
            status IN ('active', 'monitoring', 'reopened') OR (status = 'closed' AND id IN (SELECT plan_id FROM plan_status_change \
            WHERE to_status = 'closed' AND recorded_at >= \(closedSince)))
            """
        lines.append("SELECT * FROM plan WHERE \(plans) ORDER BY created_at DESC, id DESC;")
        let chosen = "plan_id IN (SELECT id FROM plan WHERE \(plans))"
        lines.append("SELECT * FROM plan_step_entry WHERE \(chosen) ORDER BY occurred_at, id;")
        lines.append("SELECT * FROM plan_step WHERE active = 1 AND \(chosen) ORDER BY position, id;")
        lines.append("SELECT * FROM plan_measure_result WHERE \(chosen) ORDER BY id;")
        lines.append("SELECT * FROM plan_measure WHERE active = 1 AND \(chosen) ORDER BY position, id;")
        lines.append("SELECT * FROM plan_review WHERE \(chosen) ORDER BY occurred_at, id;")
        lines.append("SELECT * FROM plan_status_change WHERE \(chosen) ORDER BY id;")

        // EvidenceRows.attachEvidence: the evidence of the plans with a derived measure, since the
        // earliest start of any plan read.
        let needing = evidence.plans.filter { $0.measures.contains { EvidenceMeasures.isDerived($0.definition.source) } }
        let sinceDate = evidence.plans.map(\.draft.startDate).min()
        var sinceText = ""
        let allServices = needing.contains { $0.draft.serviceID == nil }
        if !needing.isEmpty {
            var checkConditions: [String] = []
            var escalationConditions: [String] = []
            if !allServices {
                let list = Set(needing.compactMap(\.draft.serviceID)).sorted().map(String.init).joined(separator: ", ")
                checkConditions.append("service_id IN (\(list))")
                escalationConditions.append("service_id IN (\(list))")
            }
            if let sinceDate {
                sinceText = SQLiteRecoveryStore.storedText(LondonDay(sinceDate).start)
                checkConditions.append("round_date >= \(quoted(sinceText))")
                escalationConditions.append("raised_at >= \(quoted(sinceText))")
            }
            let checkFilter = checkConditions.isEmpty ? "1" : checkConditions.joined(separator: " AND ")
            checks(checkFilter)
            let escalationFilter = escalationConditions.isEmpty ? "1" : escalationConditions.joined(separator: " AND ")
            lines.append("SELECT * FROM escalation WHERE \(escalationFilter) ORDER BY raised_at DESC, id DESC;")
        }
        return FloorSQL(sql: lines.joined(separator: "\n") + "\n", firstDay: first, since: sinceText,
                        sinceDate: sinceDate.map { LondonDay($0).start }, allServices: allServices)
    }
}
