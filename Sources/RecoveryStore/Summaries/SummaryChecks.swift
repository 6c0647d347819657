import Foundation
import GRDB
import RecoveryModel

/// MAR checks read with only what the summaries count: the check's own columns and its current
/// findings (no amendments, no re-check question), so keeping a summary costs a write two small
/// queries.
enum SummaryChecks {
    static func checks(_ db: Database, where condition: String, arguments: StatementArguments = []) throws -> [MARCheck] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM mar_check WHERE \(condition)", arguments: arguments)
        guard !rows.isEmpty else { return [] }
        var findings: [Int64: [MARFinding]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT * FROM mar_finding WHERE active = 1 AND check_id IN (SELECT id FROM mar_check WHERE \(condition))
            ORDER BY check_id, position, id
            """, arguments: arguments) {
            findings[row["check_id"], default: []].append(EvidenceRows.finding(row))
        }
        return try rows.map { row in
            let id: Int64 = row["id"]
            return MARCheck(id: id, draft: try EvidenceRows.draft(row, findings: findings[id] ?? []), checkedBy: row["checked_by"],
                            checkedByID: row["checked_by_id"], recordedAt: try PlanRows.date(row, "logged_at", table: "mar_check"),
                            isLateEntry: row["late_entry"], amendments: [])
        }
    }
}
