import Foundation
import GRDB
import RecoveryModel

/// The only way rows are written: inside the write path's transaction, every insert and update
/// is stamped with who and when and followed by its audit entry. There is no delete.
struct AuditedWriter {
    let db: Database
    let stamp: WriteStamp
    /// The member of staff making the change, read inside the transaction (nil for changes
    /// RecoveryDesk makes itself); see `requireScope`.
    var acting: ActingStaff? = nil

    /// Inserts a row (with `id` in `values` to choose it) and audits it. Returns the row id.
    /// Event tables pass `occurredAt`, stored in their `occurred_at` column.
    @discardableResult
    func insert(into table: AuditedTable, _ values: [String: (any DatabaseValueConvertible)?],
                occurredAt: Date? = nil, action: String = "add", reason: String? = nil) throws -> Int64 {
        var values = values
        values["recorded_at"] = Timestamp.text(stamp.recordedAt)
        values["recorded_by_id"] = stamp.actorID
        values["recorded_by"] = stamp.actorName
        var stamp = self.stamp
        if let occurredAt {
            values["occurred_at"] = Timestamp.text(occurredAt)
            stamp.occurredAt = occurredAt
        }
        let columns = values.keys.sorted()
        let sql = "INSERT INTO \(table.rawValue) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        try db.execute(sql: sql, arguments: StatementArguments(columns.map { values[$0] ?? nil }))
        let id = db.lastInsertedRowID
        try AuditLog.append(db, table: table, rowID: id, action: action, stamp: stamp, reason: reason)
        return id
    }

    /// Changes columns of one row and audits its full new state. A later correction of an event
    /// record will come through here as an "amend" with a reason; the earlier states stay in the
    /// audit log.
    func update(_ table: AuditedTable, id: Int64, set values: [String: (any DatabaseValueConvertible)?],
                action: String, reason: String? = nil) throws {
        var values = values
        values["recorded_at"] = Timestamp.text(stamp.recordedAt)
        values["recorded_by_id"] = stamp.actorID
        values["recorded_by"] = stamp.actorName
        let columns = values.keys.sorted()
        let sql = "UPDATE \(table.rawValue) SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?"
        try db.execute(sql: sql, arguments: StatementArguments(columns.map { values[$0] ?? nil } + [id]))
        guard db.changesCount == 1 else {
            throw StoreError.notFound("There is no \(table.rawValue.replacingOccurrences(of: "_", with: " ")) with id \(id).")
        }
        try AuditLog.append(db, table: table, rowID: id, action: action, stamp: stamp, reason: reason)
    }
}
