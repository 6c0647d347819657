import GRDB

/// Version 4 of the layout: daily evidence. Every table is audited (see `AuditedTable.evidence`),
/// carries the stamp columns and refuses deletes; records of events carry `occurred_at`.
///
/// - `mar_check`: the current version of each check (`version` counts from 1); `occurred_at` is
///   the end of its round. An amendment updates the row (audited with its reason) and adds a
///   `mar_check_amendment` row holding the replaced version, in words and as JSON.
/// - `mar_finding`: one row per finding, so repeats can be counted in SQL as well as in Swift;
///   an amendment retires the old version's findings (`active = 0`) and adds the new ones.
/// - `observation`: the checklist as JSON (`{"identity-checked": "met", ...}`).
/// - `escalation`: the draft, the due-by, and the lifecycle (each step's moment and who).
/// - The escalation policy is a row of `setting` (`escalation_policy`, JSON), absent until an
///   administrator changes it (`EscalationPolicy.standard` applies until then).
enum EvidenceSchema {
    static func create(_ db: Database) throws {
        let stamp = StoreSchema.stampColumns
        try db.execute(sql: """
            CREATE TABLE mar_check (
                id INTEGER PRIMARY KEY,
                service_id INTEGER NOT NULL REFERENCES service(id),
                round_date TEXT NOT NULL,
                round TEXT NOT NULL,
                charts_checked INTEGER NOT NULL,
                refusals_seen INTEGER NOT NULL DEFAULT 0,
                refusals_complete INTEGER NOT NULL DEFAULT 0,
                charts_returned_late INTEGER NOT NULL DEFAULT 0,
                late_entry INTEGER NOT NULL DEFAULT 0,
                late_entry_hours INTEGER NOT NULL,
                late_entry_reason TEXT,
                version INTEGER NOT NULL DEFAULT 1,
                checked_by_id INTEGER REFERENCES staff(id),
                checked_by TEXT NOT NULL,
                logged_at TEXT NOT NULL,
                occurred_at TEXT NOT NULL,
                \(stamp));
            CREATE INDEX mar_check_service_date ON mar_check(service_id, round_date);
            CREATE INDEX mar_check_date ON mar_check(round_date);

            CREATE TABLE mar_finding (
                id INTEGER PRIMARY KEY,
                check_id INTEGER NOT NULL REFERENCES mar_check(id),
                check_version INTEGER NOT NULL,
                position INTEGER NOT NULL,
                type TEXT NOT NULL,
                person_reference TEXT NOT NULL,
                person_key TEXT NOT NULL,
                staff_id INTEGER REFERENCES staff(id),
                note TEXT NOT NULL DEFAULT '',
                action_taken TEXT NOT NULL DEFAULT '',
                escalate INTEGER NOT NULL DEFAULT 0,
                active INTEGER NOT NULL DEFAULT 1,
                \(stamp));
            CREATE INDEX mar_finding_check ON mar_finding(check_id, active, position);
            CREATE INDEX mar_finding_type ON mar_finding(type, person_key);

            CREATE TABLE mar_check_amendment (
                id INTEGER PRIMARY KEY,
                check_id INTEGER NOT NULL REFERENCES mar_check(id),
                replaced_version INTEGER NOT NULL,
                reason TEXT NOT NULL,
                previous TEXT NOT NULL,
                previous_state TEXT NOT NULL,
                \(stamp));
            CREATE INDEX mar_check_amendment_check ON mar_check_amendment(check_id, id);

            CREATE TABLE observation (
                id INTEGER PRIMARY KEY,
                staff_id INTEGER NOT NULL REFERENCES staff(id),
                kind TEXT NOT NULL,
                checklist TEXT NOT NULL DEFAULT '{}',
                outcome TEXT NOT NULL,
                follow_up TEXT NOT NULL,
                reassess_by TEXT,
                note TEXT NOT NULL DEFAULT '',
                occurred_at TEXT NOT NULL,
                \(stamp));
            CREATE INDEX observation_staff ON observation(staff_id, occurred_at);

            CREATE TABLE escalation (
                id INTEGER PRIMARY KEY,
                service_id INTEGER NOT NULL REFERENCES service(id),
                category TEXT NOT NULL,
                severity TEXT NOT NULL,
                escalated_to_role TEXT NOT NULL,
                escalated_to_name TEXT NOT NULL DEFAULT '',
                plan_id INTEGER REFERENCES plan(id),
                step_id INTEGER REFERENCES plan_step(id),
                mar_check_id INTEGER REFERENCES mar_check(id),
                observation_id INTEGER REFERENCES observation(id),
                staff_id INTEGER REFERENCES staff(id),
                what_happened TEXT NOT NULL,
                immediate_action TEXT NOT NULL DEFAULT '',
                raised_by_id INTEGER REFERENCES staff(id),
                raised_by TEXT NOT NULL,
                raised_at TEXT NOT NULL,
                due_by TEXT NOT NULL,
                working_days_allowed INTEGER NOT NULL,
                status TEXT NOT NULL,
                acknowledged_at TEXT,
                acknowledged_by TEXT,
                responded_at TEXT,
                responded_by TEXT,
                response TEXT NOT NULL DEFAULT '',
                resolved_at TEXT,
                resolved_by TEXT,
                outcome TEXT NOT NULL DEFAULT '',
                handled_in_time INTEGER,
                occurred_at TEXT NOT NULL,
                \(stamp));
            CREATE INDEX escalation_service ON escalation(service_id, status);
            CREATE INDEX escalation_check ON escalation(mar_check_id);
            """)
        try StoreSchema.createDeleteGuards(db, for: AuditedTable.evidence)
    }
}
