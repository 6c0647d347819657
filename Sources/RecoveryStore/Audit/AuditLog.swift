import Crypto
import Foundation
import GRDB
import RecoveryModel

/// The append-only, hash-chained audit log. Each entry's hash is SHA-256 over its sequence
/// number, table, row id, action, actor, times, reason, the row's full new state (canonical
/// JSON) and the previous entry's hash, so changing or removing any entry breaks the chain.
enum AuditLog {
    /// The "previous hash" of the first entry.
    static let genesisHash = String(repeating: "0", count: 64)

    /// One entry as stored.
    struct Entry {
        var sequence: Int64
        var table: String
        var rowID: Int64
        var action: String
        var actorID: Int64?
        var actorName: String
        var recordedAt: String
        var occurredAt: String?
        var reason: String?
        var state: String
        var previousHash: String
        var hash: String

        init(row: Row) {
            sequence = row["seq"]
            table = row["table_name"]
            rowID = row["row_id"]
            action = row["action"]
            actorID = row["actor_id"]
            actorName = row["actor_name"]
            recordedAt = row["recorded_at"]
            occurredAt = row["occurred_at"]
            reason = row["reason"]
            state = row["state"]
            previousHash = row["previous_hash"]
            hash = row["hash"]
        }

        /// The hash this entry should carry, worked out from its content.
        var expectedHash: String {
            AuditLog.hash(sequence: sequence, table: table, rowID: rowID, action: action, actorID: actorID,
                          actorName: actorName, recordedAt: recordedAt, occurredAt: occurredAt, reason: reason,
                          state: state, previousHash: previousHash)
        }
    }

    static func hash(sequence: Int64, table: String, rowID: Int64, action: String, actorID: Int64?,
                     actorName: String, recordedAt: String, occurredAt: String?, reason: String?,
                     state: String, previousHash: String) -> String {
        let text = CanonicalJSON.array([
            String(sequence), CanonicalJSON.string(table), String(rowID), CanonicalJSON.string(action),
            actorID.map { String($0) } ?? "null", CanonicalJSON.string(actorName), CanonicalJSON.string(recordedAt),
            CanonicalJSON.optional(occurredAt), CanonicalJSON.optional(reason), CanonicalJSON.string(state),
            CanonicalJSON.string(previousHash),
        ])
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Appends an entry for the row's current state. Must run inside the write's transaction.
    static func append(_ db: Database, table: AuditedTable, rowID: Int64, action: String, stamp: WriteStamp,
                       reason: String?) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table.rawValue) WHERE id = ?", arguments: [rowID]) else {
            throw StoreError.storage("The \(table.rawValue) row \(rowID) vanished while it was being written.")
        }
        let state = CanonicalJSON.state(of: row, excluding: table.secretColumns)
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
        let sequence: Int64 = (last?["seq"] as Int64? ?? 0) + 1
        let previous: String = last?["hash"] ?? genesisHash
        let recordedAt = Timestamp.text(stamp.recordedAt)
        let occurredAt = stamp.occurredAt.map(Timestamp.text)
        let hash = hash(sequence: sequence, table: table.rawValue, rowID: rowID, action: action, actorID: stamp.actorID,
                        actorName: stamp.actorName, recordedAt: recordedAt, occurredAt: occurredAt, reason: reason,
                        state: state, previousHash: previous)
        try db.execute(sql: """
            INSERT INTO audit_log (seq, table_name, row_id, action, actor_id, actor_name, recorded_at, occurred_at,
                                   reason, state, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [sequence, table.rawValue, rowID, action, stamp.actorID, stamp.actorName, recordedAt,
                             occurredAt, reason, state, previous, hash])
    }
}
