import Foundation
import GRDB
import RecoveryModel

/// Version 5 of the layout: the evidence chain. `escalation_source` holds what each escalation
/// answers, one row per source (a finding of a MAR check by its number, a check's charts
/// returned late, a plan step entry, an observation), written in the same transaction as the
/// escalation and never changed. Whether a finding was escalated is read from these rows.
///
/// Existing escalations get their sources from the links they already had: one linked to a MAR
/// check answers that check's late returns (a late-MAR-return escalation) or its other findings
/// that needed escalating; one linked to a plan step answers the latest "problem found" entry of
/// that step made before it was raised; one linked to an observation answers it.
enum EvidenceChainSchema {
    static let actorName = "RecoveryDesk (store upgrade to version 5)"

    static func create(_ db: Database) throws {
        let stamp = StoreSchema.stampColumns
        try db.execute(sql: """
            CREATE TABLE escalation_source (
                id INTEGER PRIMARY KEY,
                escalation_id INTEGER NOT NULL REFERENCES escalation(id),
                kind TEXT NOT NULL,
                mar_check_id INTEGER REFERENCES mar_check(id),
                finding_number INTEGER,
                step_entry_id INTEGER REFERENCES plan_step_entry(id),
                observation_id INTEGER REFERENCES observation(id),
                \(stamp));
            CREATE INDEX escalation_source_escalation ON escalation_source(escalation_id);
            CREATE INDEX escalation_source_check ON escalation_source(mar_check_id, finding_number);
            CREATE INDEX escalation_source_step_entry ON escalation_source(step_entry_id);
            CREATE INDEX mar_check_round ON mar_check(service_id, round_date, round);
            """)
        try StoreSchema.createDeleteGuards(db, for: [.escalationSource])
        try backfill(AuditedWriter(db: db, stamp: WriteStamp(actorName: actorName, recordedAt: Date())))
    }

    /// Sources for escalations raised before version 5, from their old links.
    static func backfill(_ writer: AuditedWriter) throws {
        let db = writer.db
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, category, mar_check_id, step_id, observation_id, raised_at FROM escalation ORDER BY id
            """)
        for row in rows {
            let escalationID: Int64 = row["id"]
            var sources: [EscalationSource] = []
            if let checkID: Int64 = row["mar_check_id"] {
                let check = try EvidenceRows.check(db, checkID)
                let due = EscalationDue.of(check)
                let late = (row["category"] as String) == EscalationCategory.lateMARReturn.rawValue
                sources += due.filter { $0.isLateReturn == late }.map(\.source)
            }
            if let stepID: Int64 = row["step_id"],
               let entryID = try Int64.fetchOne(db, sql: """
                   SELECT id FROM plan_step_entry WHERE step_id = ? AND outcome = 'problem-found' AND occurred_at <= ?
                   ORDER BY occurred_at DESC, id DESC LIMIT 1
                   """, arguments: [stepID, row["raised_at"] as String]) {
                sources.append(.stepEntry(entryID: entryID))
            }
            if let observationID: Int64 = row["observation_id"] { sources.append(.observation(observationID: observationID)) }
            for source in sources {
                try writer.insert(into: .escalationSource, EvidenceRows.sourceColumns(escalationID: escalationID, source),
                                  action: "link")
            }
        }
    }
}
