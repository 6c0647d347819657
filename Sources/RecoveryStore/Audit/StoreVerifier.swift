import Foundation
import GRDB
import RecoveryModel

/// What `verify` checks, in one read snapshot: SQLite's integrity check; that the triggers
/// guarding the audit log and the main tables are still there; the audit chain (numbering,
/// links, every hash recomputed); and every current row of every audited table against the
/// state in its last audit entry, so a change made behind RecoveryDesk's back is named.
enum StoreVerifier {
    static func run(_ db: Database) throws -> VerificationReport {
        var problems: [String] = []

        let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        if integrity != ["ok"] {
            problems.append("SQLite's integrity check failed: \(integrity.first ?? "no answer").")
        }

        let triggers = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        let expected = ["audit_log_no_update", "audit_log_no_delete"] + AuditedTable.allCases.map { "\($0.rawValue)_no_delete" }
        for name in expected where !triggers.contains(name) {
            problems.append("the trigger \(name), which refuses changes that RecoveryDesk never makes, has been removed")
        }

        // The chain, remembering each row's last audited state.
        var lastState: [String: [Int64: String]] = [:]
        var entries = 0
        var previousHash = AuditLog.genesisHash
        var expectedSequence: Int64 = 1
        let known = Set(AuditedTable.allCases.map(\.rawValue))
        let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY seq")
        while let row = try cursor.next() {
            let entry = AuditLog.Entry(row: row)
            entries += 1
            if entry.sequence != expectedSequence {
                problems.append("audit entry \(entry.sequence) comes where entry \(expectedSequence) should be (entries are missing or were added behind RecoveryDesk's back)")
            }
            if entry.previousHash != previousHash {
                problems.append("audit entry \(entry.sequence) does not link to the entry before it (the chain is broken)")
            }
            if entry.hash != entry.expectedHash {
                problems.append("audit entry \(entry.sequence) does not match its hash (it was changed after it was written)")
            }
            if !known.contains(entry.table) {
                problems.append("audit entry \(entry.sequence) names a table RecoveryDesk does not audit (\(entry.table))")
            }
            lastState[entry.table, default: [:]][entry.rowID] = entry.state
            previousHash = entry.hash
            expectedSequence = entry.sequence + 1
        }

        // Every current row against its last audited state.
        var records = 0
        for table in AuditedTable.allCases {
            var audited = lastState[table.rawValue] ?? [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.rawValue) ORDER BY id")
            while let row = try rows.next() {
                records += 1
                let id: Int64 = row["id"]
                guard let state = audited.removeValue(forKey: id) else {
                    problems.append("\(table.rawValue) row \(id) has no audit entry (it was added behind RecoveryDesk's back)")
                    continue
                }
                let current = CanonicalJSON.state(of: row, excluding: table.secretColumns)
                if current != state {
                    let now = CanonicalJSON.columns(of: row, excluding: table.secretColumns)
                    let then = CanonicalJSON.columns(ofState: state) ?? [:]
                    let differing = Set(now.keys).union(then.keys).filter { now[$0] != then[$0] }.sorted()
                    let which = differing.isEmpty ? "its stored values" : differing.joined(separator: ", ")
                    problems.append("\(table.rawValue) row \(id) differs from its last audited state (\(which))")
                }
                if table == .staffCredential {
                    let fingerprint = PINHasher.fingerprint(salt: row["salt"], hash: row["hash"])
                    if fingerprint != row["fingerprint"] as String {
                        problems.append("\(table.rawValue) row \(id) differs from its last audited state (PIN hash)")
                    }
                }
            }
            for id in audited.keys.sorted() {
                problems.append("\(table.rawValue) row \(id) is missing though the audit log records it (it was deleted behind RecoveryDesk's back)")
            }
        }
        problems += try SummaryVerifier.problems(db)
        return VerificationReport(auditEntries: entries, recordsChecked: records, problems: problems)
    }
}
