import Foundation
import GRDB
import RecoveryModel

/// The newest record's moment, for checking the computer's clock (`ClockCheck`), and the count
/// of changes, for knowing when what a screen shows is out of date.
extension SQLiteRecoveryStore {
    /// How many of the audit log's last entries are read. The last entry alone would do while
    /// the clock is right, but one entry written while it is behind would then hide the newer
    /// ones; a window of recent entries still costs one short walk down the primary key.
    static let newestRecordWindow = 1000

    /// Entries stamped by the store's own housekeeping (a migration seeding reference data) have
    /// an actor name starting with this. They are left out: they say when the file was made or
    /// upgraded, not when anyone recorded anything.
    static let housekeepingActorPrefix = "RecoveryDesk ("

    public func newestRecordTime() throws(StoreError) -> Date? {
        let text = try read { db in
            try String.fetchOne(db, sql: """
                SELECT MAX(recorded_at) FROM (SELECT recorded_at, actor_name FROM audit_log ORDER BY seq DESC LIMIT ?)
                WHERE substr(actor_name, 1, ?) <> ?
                """, arguments: [Self.newestRecordWindow, Self.housekeepingActorPrefix.count, Self.housekeepingActorPrefix])
        }
        return text.flatMap(Timestamp.date)
    }

    public func changeCount() throws(StoreError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM audit_log") ?? 0 }
    }
}
