import Foundation
import GRDB
import RecoveryModel

/// One registered migration per change to the store's layout. Each one ends by raising
/// `PRAGMA user_version` to its number, which is how a newer store is recognised.
enum StoreMigrations {
    /// The migrations; `workingDays` (the bank holidays in force) serve the summaries' first build.
    static func migrator(workingDays: WorkingDays = .weekendsOnly) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1 schema") { db in
            try db.execute(sql: "PRAGMA application_id = \(StoreFormat.applicationID)")
            try StoreSchema.create(db)
            try db.execute(sql: "INSERT INTO store_info (key, value) VALUES ('product', 'RecoveryDesk store'), ('created_at', ?)",
                           arguments: [Timestamp.text(Date())])
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        migrator.registerMigration("2 reference data") { db in
            try ReferenceSeed.seed(AuditedWriter(db: db, stamp: WriteStamp(actorName: ReferenceSeed.actorName, recordedAt: Date())))
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        migrator.registerMigration("3 recovery plans") { db in
            try PlanSchema.create(db)
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        migrator.registerMigration("4 daily evidence") { db in
            try EvidenceSchema.create(db)
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        migrator.registerMigration("5 evidence chain") { db in
            try EvidenceChainSchema.create(db)
            try db.execute(sql: "PRAGMA user_version = 5")
        }
        migrator.registerMigration("6 summaries") { db in
            try SummarySchema.create(db)
            try SummaryKeeper.rebuild(db, at: Date(), workingDays: workingDays)
            try db.execute(sql: "PRAGMA user_version = 6")
        }
        migrator.registerMigration("7 list indexes") { db in
            try ListIndexes.create(db)
            try db.execute(sql: "PRAGMA user_version = 7")
        }
        return migrator
    }
}
