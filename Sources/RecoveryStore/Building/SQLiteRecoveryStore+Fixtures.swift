import Foundation
import GRDB
import RecoveryModel

/// What the fixtures module (`RecoveryFixtures`: the demo and the provider-scale stores) and the
/// bench need from the store beyond `RecoveryDataStore`, each given `package` access on purpose
/// rather than opening the store's internals. None of it is for the app. See also `BulkLoad`
/// and `withBatch`.
extension SQLiteRecoveryStore {
    /// True when the store was made by the demo generator (fictional data; every PIN 1234).
    public func isDemo() throws(StoreError) -> Bool {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Settings.demo]) == "true"
        }
    }

    /// Marks the store as a demo, through the audited write path, as `actorName`.
    package func markAsDemo(actorName: String, at now: Date) throws(StoreError) {
        _ = try WritePath.writeAsSystem(pool, actorName: actorName, at: now) { writer in
            try writer.insert(into: .setting, ["key": Settings.demo, "value": "true"], action: "change")
        }
    }

    /// Records a plan as closed on the provider's previous system and brought in closed: the
    /// status change is audited, but the closure guard is not asked (that system had none).
    package func recordClosedElsewhere(planID: Int64, reason: String, by actor: Actor, at now: Date) throws(StoreError) {
        try WritePath.write(pool, by: actor, needing: .closePlan, at: now) { writer in
            try Self.recordStatus(writer, planID: planID, from: .active, to: .closed, reason: reason, action: "close",
                                  workingDays: workingDays)
        }
    }

    /// Copies the write-ahead log into the main file and closes the store, so the file alone
    /// holds everything (before a built store is moved into place).
    package func checkpointAndClose() throws(StoreError) {
        try StoreFailure.catching {
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            try pool.close()
        }
        let wal = url.path + "-wal"
        let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? NSNumber)?.intValue ?? 0
        if size > 0 { throw StoreError.storage("The store could not be finished: its write-ahead log was not emptied.") }
    }

    /// A `store_info` value (set by `BulkLoad.setStoreInfo`), nil when there is none.
    package func storeInfo(_ key: String) throws(StoreError) -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = ?", arguments: [key]) }
    }

    /// The store version this build writes (a fixture's shape names it, so a store made by an
    /// older layout is rebuilt).
    package static var formatVersion: Int { StoreFormat.version }

    /// A moment as the store writes it (UTC text, `2026-11-21T09:30:00.000Z`): for rows written by
    /// `BulkLoad` and for reproducing the store's own SQL by hand (the bench's sqlite3 floor).
    package static func storedText(_ date: Date) -> String { Timestamp.text(date) }

    /// Opens an existing store whose every connection hands `trace` each statement it runs, with
    /// its arguments written in: the bench times the indicator read's own SELECTs in the sqlite3
    /// shell this way, so its floor is always the statements the read runs, whatever they become.
    package static func open(at url: URL, tracing trace: @escaping @Sendable (String) -> Void) throws(StoreError) -> SQLiteRecoveryStore {
        let pool = try StoreOpener.open(at: url, createIfMissing: false, trace: trace)
        return SQLiteRecoveryStore(pool: pool, url: url.standardizedFileURL)
    }

    /// How many rows the store holds, as at `now` (for open and overdue escalations).
    package func rowCounts(at now: Date) throws(StoreError) -> StoreRowCounts {
        let nowText = Timestamp.text(now)
        return try read { db in
            func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
                try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
            }
            var counts = StoreRowCounts()
            counts.services = try count("SELECT COUNT(*) FROM service")
            counts.staff = try count("SELECT COUNT(*) FROM staff")
            counts.users = try count("SELECT COUNT(*) FROM staff_credential")
            counts.marChecks = try count("SELECT COUNT(*) FROM mar_check")
            counts.findings = try count("SELECT COUNT(*) FROM mar_finding")
            counts.observations = try count("SELECT COUNT(*) FROM observation")
            counts.escalations = try count("SELECT COUNT(*) FROM escalation")
            counts.escalationsOpen = try count("SELECT COUNT(*) FROM escalation WHERE status <> 'resolved'")
            counts.escalationsOverdue = try count("SELECT COUNT(*) FROM escalation WHERE status <> 'resolved' AND due_by < ?", [nowText])
            counts.plans = try count("SELECT COUNT(*) FROM plan")
            for row in try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM plan GROUP BY status") {
                counts.plansByStatus[row["status"]] = row["n"]
            }
            counts.stepEntries = try count("SELECT COUNT(*) FROM plan_step_entry")
            counts.measureResults = try count("SELECT COUNT(*) FROM plan_measure_result")
            counts.reviews = try count("SELECT COUNT(*) FROM plan_review")
            counts.statusChanges = try count("SELECT COUNT(*) FROM plan_status_change")
            counts.auditEntries = try count("SELECT COUNT(*) FROM audit_log")
            return counts
        }
    }
}

/// Row counts of a store (`rowCounts(at:)`), for the fixtures' summaries.
package struct StoreRowCounts: Hashable, Sendable {
    package var services = 0
    package var staff = 0
    /// Staff who can sign in.
    package var users = 0
    package var marChecks = 0
    package var findings = 0
    package var observations = 0
    package var escalations = 0
    package var escalationsOpen = 0
    package var escalationsOverdue = 0
    package var plans = 0
    /// Plans by status ("active": 7, ...).
    package var plansByStatus: [String: Int] = [:]
    package var stepEntries = 0
    package var measureResults = 0
    package var reviews = 0
    package var statusChanges = 0
    package var auditEntries = 0
}
