import GRDB

/// Version 3 of the layout: recovery plans. Every table is audited (see `AuditedTable.plans`),
/// carries the stamp columns and refuses deletes. Lists on a plan (regulations, quality
/// statements, risks, warning signs) and a measure's rules are JSON text. Moments are UTC text
/// as everywhere else (`Timestamp`); a period's start is the London day's start, stored the same way.
///
/// Steps and measures are never deleted: an amendment that drops one sets `active = 0`, so its
/// entries and results stay with it.
enum PlanSchema {
    static func create(_ db: Database) throws {
        let stamp = StoreSchema.stampColumns
        try db.execute(sql: """
            CREATE TABLE plan (
                id INTEGER PRIMARY KEY,
                service_id INTEGER REFERENCES service(id),
                title TEXT NOT NULL,
                source TEXT NOT NULL,
                source_reference TEXT NOT NULL DEFAULT '',
                source_date TEXT,
                regulations TEXT NOT NULL DEFAULT '[]',
                quality_statements TEXT NOT NULL DEFAULT '[]',
                baseline TEXT NOT NULL DEFAULT '',
                baseline_figure REAL,
                learning TEXT NOT NULL DEFAULT '',
                risks TEXT NOT NULL DEFAULT '[]',
                warning_signs TEXT NOT NULL DEFAULT '[]',
                escalation_route TEXT NOT NULL DEFAULT '',
                consistency TEXT NOT NULL DEFAULT '',
                manager_review_weeks INTEGER NOT NULL,
                provider_review_months INTEGER NOT NULL,
                owner_id INTEGER REFERENCES staff(id),
                template_id TEXT,
                start_date TEXT NOT NULL,
                status TEXT NOT NULL,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                \(stamp));
            CREATE INDEX plan_service ON plan(service_id);

            CREATE TABLE plan_step (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES plan(id),
                position INTEGER NOT NULL,
                role TEXT NOT NULL,
                action TEXT NOT NULL,
                recorded_in TEXT NOT NULL,
                cadence TEXT NOT NULL,
                first_due TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1,
                \(stamp));
            CREATE INDEX plan_step_plan ON plan_step(plan_id, position);

            CREATE TABLE plan_step_entry (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES plan(id),
                step_id INTEGER NOT NULL REFERENCES plan_step(id),
                outcome TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                evidence TEXT NOT NULL DEFAULT '',
                occurred_at TEXT NOT NULL,
                \(stamp));
            CREATE INDEX plan_step_entry_step ON plan_step_entry(step_id, occurred_at);
            CREATE INDEX plan_step_entry_plan ON plan_step_entry(plan_id);

            CREATE TABLE plan_measure (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES plan(id),
                position INTEGER NOT NULL,
                name TEXT NOT NULL,
                period TEXT NOT NULL,
                source TEXT NOT NULL,
                rules TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1,
                \(stamp));
            CREATE INDEX plan_measure_plan ON plan_measure(plan_id, position);

            -- Results are added, never edited; the newest for a period counts (the engine picks it).
            CREATE TABLE plan_measure_result (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES plan(id),
                measure_id INTEGER NOT NULL REFERENCES plan_measure(id),
                period_start TEXT NOT NULL,
                numerator INTEGER NOT NULL,
                denominator INTEGER NOT NULL,
                note TEXT,
                \(stamp));
            CREATE INDEX plan_measure_result_measure ON plan_measure_result(measure_id, id);
            CREATE INDEX plan_measure_result_plan ON plan_measure_result(plan_id);

            CREATE TABLE plan_review (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES plan(id),
                kind TEXT NOT NULL,
                decision TEXT NOT NULL,
                note TEXT NOT NULL,
                challenge TEXT NOT NULL DEFAULT '',
                occurred_at TEXT NOT NULL,
                \(stamp));
            CREATE INDEX plan_review_plan ON plan_review(plan_id, occurred_at);

            -- Every change of a plan's status: who and when are the stamp columns.
            CREATE TABLE plan_status_change (
                id INTEGER PRIMARY KEY,
                plan_id INTEGER NOT NULL REFERENCES plan(id),
                from_status TEXT,
                to_status TEXT NOT NULL,
                reason TEXT NOT NULL,
                \(stamp));
            CREATE INDEX plan_status_change_plan ON plan_status_change(plan_id, id);
            """)
        try StoreSchema.createDeleteGuards(db, for: AuditedTable.plans)
    }
}
