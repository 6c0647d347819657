import Crypto
import Foundation
import GRDB
import RecoveryModel

/// The fast path for filling a new store with years of records (the provider-scale fixtures in
/// `RecoveryFixtures`): prepared `INSERT`s in a few large transactions instead of one audited
/// write per record, then one audit entry for every row added, chained exactly as
/// `AuditLog.append` chains them, so `verify` passes on the result.
///
/// `package` on purpose: the fixtures module and the bench use it; the app never does. Only for
/// a new file that nobody else has open (commits are not synced while it runs). The rows must be
/// written as the write path would write them (stamps, UTC text moments, London day starts).
package struct BulkLoad {
    package let db: Database

    /// A prepared `INSERT` into `table` of `columns` followed by the three stamp columns.
    package func inserter(_ table: String, columns: [String]) throws -> BulkInsert {
        try BulkInsert(db, table: table, columns: columns)
    }

    /// Runs `body` in one transaction.
    package func transaction(_ body: () throws -> Void) throws {
        try db.inTransaction {
            try body()
            return .commit
        }
    }

    /// Inserts one row from named columns (the plan rows, whose columns come from `PlanRows`).
    @discardableResult
    package func insert(into table: String, _ columns: [String: (any DatabaseValueConvertible)?]) throws -> Int64 {
        let names = columns.keys.sorted()
        try db.execute(sql: "INSERT INTO \(table) (\(names.joined(separator: ", "))) VALUES (\(names.map { _ in "?" }.joined(separator: ", ")))",
                       arguments: StatementArguments(names.map { columns[$0] ?? nil }))
        return db.lastInsertedRowID
    }

    /// The escalation sources of escalations written in bulk, from their links to MAR checks
    /// (as `EvidenceChainSchema.backfill` gives an upgraded store, in two statements): a
    /// late-MAR-return escalation answers its check's late returns, any other its check's
    /// findings that needed escalating. Stamped as the write path stamps them: by whoever raised
    /// the escalation, when they raised it.
    package func linkEscalationSources() throws {
        let needs = "(f.escalate = 1 OR f.type IN ('chart-returned-late', 'refusal-without-action'))"
        try db.execute(sql: """
            INSERT INTO escalation_source (escalation_id, kind, mar_check_id, finding_number, recorded_at, recorded_by_id, recorded_by)
            SELECT e.id, 'finding', f.check_id, f.position, e.raised_at, e.raised_by_id, e.raised_by
            FROM escalation e JOIN mar_finding f ON f.check_id = e.mar_check_id AND f.active = 1
            WHERE \(needs) AND (f.type = 'chart-returned-late') = (e.category = 'late-mar-return');
            INSERT INTO escalation_source (escalation_id, kind, mar_check_id, recorded_at, recorded_by_id, recorded_by)
            SELECT e.id, 'late-return', c.id, e.raised_at, e.raised_by_id, e.raised_by
            FROM escalation e JOIN mar_check c ON c.id = e.mar_check_id
            WHERE e.category = 'late-mar-return' AND c.charts_returned_late > 0 AND NOT EXISTS (
                SELECT 1 FROM mar_finding f WHERE f.check_id = c.id AND f.active = 1 AND f.type = 'chart-returned-late');
            """)
    }

    /// Sets a `store_info` value (not audited: it describes the file, like the store version).
    package func setStoreInfo(_ key: String, _ value: String) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO store_info (key, value) VALUES (?, ?)", arguments: [key, value])
    }

    /// The plan's columns as `createPlan` writes them (without status and stamps).
    package static func planColumns(_ draft: PlanDraft) throws -> [String: (any DatabaseValueConvertible)?] {
        try PlanRows.planColumns(draft)
    }

    /// JSON as the store keeps it in a text column (sorted keys): measure rules, checklists.
    package static func json<T: Encodable>(_ value: T) throws -> String { try PlanRows.json(value) }
}

/// One prepared `INSERT` of a bulk load, run with `setUncheckedArguments`.
package struct BulkInsert {
    let db: Database
    let statement: Statement
    package private(set) var count = 0

    init(_ db: Database, table: String, columns: [String]) throws {
        self.db = db
        let all = columns + ["recorded_at", "recorded_by_id", "recorded_by"]
        statement = try db.makeStatement(sql: """
            INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(all.map { _ in "?" }.joined(separator: ", ")))
            """)
    }

    /// Inserts one row: `values` for the columns given, then the stamp (UTC text, who's id and
    /// name). Returns the row's id.
    @discardableResult
    package mutating func run(_ values: [(any DatabaseValueConvertible)?], recordedAt: String, byID: Int64?,
                              by: String) throws -> Int64 {
        statement.setUncheckedArguments(StatementArguments(values + [recordedAt, byID, by]))
        try statement.execute()
        count += 1
        return db.lastInsertedRowID
    }
}

extension SQLiteRecoveryStore {
    /// Fills the store by the fast path (`BulkLoad`): `body` inserts rows in its own
    /// transactions; then, in one more, every row it added to an audited table gets its audit
    /// entry (table by table, in id order, stamped with the row's own stamps and `occurred_at`,
    /// action `add`, the reason naming the bulk load), continuing the hash chain; and the
    /// summaries are built from the records as they stand at `now` (`SummaryKeeper.rebuild`).
    package func bulkLoad(reason: String, at now: Date, _ body: (BulkLoad) throws -> Void) throws(StoreError) {
        try StoreFailure.catching {
            try pool.writeWithoutTransaction { db in
                // A new file nobody else has open: no sync per commit while it is filled, and a
                // larger page cache for the indexes. Put back before the store is handed over.
                try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA cache_size = -65536")
                var before: [AuditedTable: Int64] = [:]
                for table in AuditedTable.allCases {
                    before[table] = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM \(table.rawValue)") ?? 0
                }
                try body(BulkLoad(db: db))
                try db.inTransaction {
                    var chain = try BulkAuditChain(db)
                    for table in AuditedTable.allCases {
                        try chain.auditRows(of: table, after: before[table] ?? 0, reason: reason)
                    }
                    try SummaryKeeper.rebuild(db, at: now, workingDays: workingDays)
                    return .commit
                }
                try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA cache_size = -2000")
            }
        }
    }
}

/// The audit chain continued in memory: the next sequence number and the last hash, so each
/// entry costs a hash and an insert rather than a read of the log's last row.
struct BulkAuditChain {
    let db: Database
    var sequence: Int64
    var previousHash: String
    let insert: Statement

    init(_ db: Database) throws {
        self.db = db
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        sequence = last?["seq"] ?? 0
        previousHash = last?["hash"] ?? AuditLog.genesisHash
        insert = try db.makeStatement(sql: """
            INSERT INTO audit_log (seq, table_name, row_id, action, actor_id, actor_name, recorded_at, occurred_at,
                                   reason, state, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }

    /// One `add` entry for each row of `table` with an id above `after`.
    mutating func auditRows(of table: AuditedTable, after: Int64, reason: String) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.rawValue) WHERE id > ? ORDER BY id", arguments: [after])
        let secret = table.secretColumns
        while let row = try rows.next() {
            let state = CanonicalJSON.state(of: row, excluding: secret)
            let rowID: Int64 = row["id"]
            let actorID: Int64? = row["recorded_by_id"]
            let actorName: String = row["recorded_by"]
            let recordedAt: String = row["recorded_at"]
            let occurredAt: String? = row.hasColumn("occurred_at") ? row["occurred_at"] : nil
            sequence += 1
            let hash = AuditLog.hash(sequence: sequence, table: table.rawValue, rowID: rowID, action: "add", actorID: actorID,
                                     actorName: actorName, recordedAt: recordedAt, occurredAt: occurredAt, reason: reason,
                                     state: state, previousHash: previousHash)
            insert.setUncheckedArguments([sequence, table.rawValue, rowID, "add", actorID, actorName, recordedAt, occurredAt,
                                          reason, state, previousHash, hash])
            try insert.execute()
            previousHash = hash
        }
    }
}
