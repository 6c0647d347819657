import Foundation
import GRDB

/// One registered migration per change to the store's layout. Each one ends by raising
/// `PRAGMA user_version` to its number, which is how a newer store is recognised.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
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
        // Numbered 7: migration 6 ("summaries") is the lead's, arriving in parallel. Until both
        // are merged a store goes from version 5 straight to 7.
        migrator.registerMigration("7 list indexes") { db in
            try ListIndexes.create(db)
            try db.execute(sql: "PRAGMA user_version = 7")
        }
        return migrator
    }
}
