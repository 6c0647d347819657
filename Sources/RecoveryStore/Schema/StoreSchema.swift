import GRDB

/// Version 1 of the layout: the tables, the append-only audit log and the triggers that refuse
/// deletes. Every audited table has `id`, and the stamp columns `recorded_at` (UTC text),
/// `recorded_by_id` and `recorded_by` (the name at the time). Tables of events, added by later
/// issues, also carry `occurred_at`.
enum StoreSchema {
    static let stampColumns = """
        recorded_at TEXT NOT NULL,
        recorded_by_id INTEGER,
        recorded_by TEXT NOT NULL
        """

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE store_info (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);

            CREATE TABLE provider (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                \(stampColumns));

            CREATE TABLE service (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                kind TEXT NOT NULL,
                registered_manager TEXT,
                active INTEGER NOT NULL DEFAULT 1,
                \(stampColumns));
            CREATE UNIQUE INDEX service_active_name ON service(name COLLATE NOCASE) WHERE active = 1;

            CREATE TABLE staff (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1,
                \(stampColumns));
            CREATE UNIQUE INDEX staff_active_name ON staff(name COLLATE NOCASE) WHERE active = 1;

            CREATE TABLE staff_service (
                id INTEGER PRIMARY KEY,
                staff_id INTEGER NOT NULL REFERENCES staff(id),
                service_id INTEGER NOT NULL REFERENCES service(id),
                active INTEGER NOT NULL DEFAULT 1,
                \(stampColumns),
                UNIQUE (staff_id, service_id));

            -- One row per member of staff who has a PIN (id = staff id). salt and hash never reach
            -- the audit log; fingerprint (SHA-256 of salt and hash) is audited instead.
            CREATE TABLE staff_credential (
                id INTEGER PRIMARY KEY REFERENCES staff(id),
                kdf TEXT NOT NULL,
                rounds INTEGER NOT NULL,
                salt BLOB NOT NULL,
                hash BLOB NOT NULL,
                fingerprint TEXT NOT NULL,
                failed_attempts INTEGER NOT NULL DEFAULT 0,
                locked_until TEXT,
                \(stampColumns));

            CREATE TABLE setting (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                value TEXT NOT NULL,
                \(stampColumns));

            CREATE TABLE quality_statement (
                id INTEGER PRIMARY KEY,
                framework TEXT NOT NULL,
                code TEXT NOT NULL,
                key_question TEXT NOT NULL,
                title TEXT NOT NULL,
                position INTEGER NOT NULL,
                active INTEGER NOT NULL DEFAULT 1,
                \(stampColumns),
                UNIQUE (framework, code));

            CREATE TABLE regulation (
                id INTEGER PRIMARY KEY,
                framework TEXT NOT NULL,
                number INTEGER NOT NULL,
                title TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1,
                \(stampColumns),
                UNIQUE (framework, number));

            CREATE TABLE enforcement_type (
                id INTEGER PRIMARY KEY,
                framework TEXT NOT NULL,
                code TEXT NOT NULL,
                title TEXT NOT NULL,
                position INTEGER NOT NULL,
                active INTEGER NOT NULL DEFAULT 1,
                \(stampColumns),
                UNIQUE (framework, code));

            CREATE TABLE mar_code (
                id INTEGER PRIMARY KEY,
                code_set TEXT NOT NULL,
                code TEXT NOT NULL,
                meaning TEXT NOT NULL,
                outcome TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1,
                \(stampColumns));
            CREATE UNIQUE INDEX mar_code_active_code ON mar_code(code COLLATE NOCASE) WHERE active = 1;

            CREATE TABLE audit_log (
                seq INTEGER PRIMARY KEY,
                table_name TEXT NOT NULL,
                row_id INTEGER NOT NULL,
                action TEXT NOT NULL,
                actor_id INTEGER,
                actor_name TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                occurred_at TEXT,
                reason TEXT,
                state TEXT NOT NULL,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL);
            CREATE INDEX audit_log_row ON audit_log(table_name, row_id, seq);

            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: its entries cannot be changed'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'The audit log is append-only: its entries cannot be deleted'); END;
            CREATE TRIGGER store_info_no_delete BEFORE DELETE ON store_info
            BEGIN SELECT RAISE(ABORT, 'Records are never deleted from a RecoveryDesk store'); END;
            """)
        try createDeleteGuards(db, for: AuditedTable.version1)
    }

    /// The `BEFORE DELETE` trigger on each table that refuses deletes (`verify` checks they are
    /// all still there). Each migration makes the guards of the tables it adds.
    static func createDeleteGuards(_ db: Database, for tables: [AuditedTable]) throws {
        for table in tables {
            try db.execute(sql: """
                CREATE TRIGGER \(table.rawValue)_no_delete BEFORE DELETE ON \(table.rawValue)
                BEGIN SELECT RAISE(ABORT, 'Records are never deleted from a RecoveryDesk store; deactivate or retire them instead'); END;
                """)
        }
    }
}
