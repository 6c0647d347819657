import Foundation
import GRDB
import RecoveryModel

/// `recoverydesk verify`'s look at the summaries: the counts rebuilt from the records in memory,
/// service by service, compared row for row with the tables; and a closure verdict for exactly
/// the plans that are closed, at their last closing. (A verdict's words are what the guard said
/// when the plan closed, kept like a record, so they are not worked out again.) Each difference
/// is named in words.
enum SummaryVerifier {
    static func problems(_ db: Database, workingDays: WorkingDays = .weekendsOnly) throws -> [String] {
        var problems: [String] = []
        try SummaryKeeper.rebuilt(db) { days, findings, lateReturns in
            guard let serviceID = days.first?.serviceID ?? findings.first?.serviceID ?? lateReturns.first?.serviceID else { return }
            let scope: StatementArguments = [serviceID]
            problems += compare("summary of MAR checks", stored: try SummaryRows.checkDays(db, where: "service_id = ?", arguments: scope),
                                rebuilt: days, key: { "service \($0.serviceID), round day \(LondonDay(dayNumber: $0.day)) recorded \(LondonDay(dayNumber: $0.recordedDay))" })
            problems += compare("summary of findings", stored: try SummaryRows.findings(db, where: "service_id = ?", arguments: scope),
                                rebuilt: findings, key: { "service \($0.serviceID), round day \(LondonDay(dayNumber: $0.day)), \($0.type.title.lowercased())" })
            problems += compare("summary of late returns", stored: try SummaryRows.lateReturns(db, where: "service_id = ?", arguments: scope),
                                rebuilt: lateReturns, key: { $0.source.reference })
        }
        // Rows for services with no records at all.
        let orphans = try Int.fetchOne(db, sql: """
            SELECT (SELECT COUNT(*) FROM summary_check_day WHERE service_id NOT IN (SELECT service_id FROM mar_check))
                 + (SELECT COUNT(*) FROM summary_finding_day WHERE service_id NOT IN (SELECT service_id FROM mar_check))
            """) ?? 0
        if orphans > 0 { problems.append("the summaries hold \(orphans) row(s) for services with no MAR checks") }
        // Closure verdicts: one per closed plan, at its last closing.
        let closed = try Row.fetchAll(db, sql: """
            SELECT p.id, (SELECT MAX(c.recorded_at) FROM plan_status_change c WHERE c.plan_id = p.id AND c.to_status = 'closed') AS closed_at
            FROM plan p WHERE p.status = 'closed'
            """)
        var verdicts: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT plan_id, closed_at FROM summary_plan_closure") { verdicts[row["plan_id"]] = row["closed_at"] }
        for row in closed {
            let id: Int64 = row["id"]
            guard let at = verdicts.removeValue(forKey: id) else {
                problems.append("closed plan \(id) has no closure verdict in the summaries")
                continue
            }
            if at != row["closed_at"] { problems.append("the closure verdict of plan \(id) is not for its last closing") }
        }
        for id in verdicts.keys.sorted() { problems.append("plan \(id) has a closure verdict but is not closed") }
        return problems
    }

    /// Names the rows that differ between what is stored and what the records say, one line
    /// per key: changed, missing, or not given by the records.
    static func compare<Row: Hashable>(_ what: String, stored: [Row], rebuilt: [Row], key: (Row) -> String) -> [String] {
        guard Set(stored) != Set(rebuilt) || stored.count != rebuilt.count else { return [] }
        var storedByKey: [String: [Row]] = [:]
        for row in stored { storedByKey[key(row), default: []].append(row) }
        var rebuiltByKey: [String: [Row]] = [:]
        for row in rebuilt { rebuiltByKey[key(row), default: []].append(row) }
        var problems: [String] = []
        for name in Set(storedByKey.keys).union(rebuiltByKey.keys).sorted() {
            let had = storedByKey[name] ?? []
            let should = rebuiltByKey[name] ?? []
            if had.isEmpty {
                problems.append("\(what) for \(name) is missing")
            } else if should.isEmpty {
                problems.append("\(what) holds a row for \(name) that the records do not give")
            } else if Set(had) != Set(should) || had.count != should.count {
                problems.append("\(what) for \(name) differs from the records")
            }
        }
        return problems
    }
}
