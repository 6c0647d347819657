import Foundation
import GRDB
import RecoveryModel

/// What the indicator engine reads, in one consistent snapshot, and the provider's thresholds.
/// The reads are bounded by the windows the engine looks at (`IndicatorEvidence.firstDay`), so
/// the time they take grows with the number of services, not with years of records.
extension SQLiteRecoveryStore {
    public func indicatorEvidence(at now: Date, workingDays: WorkingDays) throws(StoreError) -> IndicatorEvidence {
        let today = LondonDay(now)
        let first = Timestamp.text(IndicatorEvidence.firstDay(today: today).start)
        let closedSince = Timestamp.text(IndicatorEvidence.closedSince(today: today).start)
        let yearBefore = Timestamp.text(IndicatorEvidence.firstDay(today: today).adding(months: -13).start)
        return try read { db in
            let services = try Row.fetchAll(db, sql: "SELECT \(Self.serviceColumns) FROM service s WHERE s.active = 1 ORDER BY s.name COLLATE NOCASE, s.id")
                .map(Self.service)
            let staff = try Self.loadStaff(db, where: "s.active = 1")
            // Competency at any moment of the history needs the relevant observations since a year
            // before it began, and the latest one before that (which decides when none is later).
            let assessing = ObservationKind.allCases.filter(\.assessesCompetency).map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let relevant = "(kind IN (\(assessing)) OR follow_up = '\(FollowUp.restricted.rawValue)' OR outcome = '\(CompetencyOutcome.notYetCompetent.rawValue)')"
            let observations = try EvidenceRows.observations(db, where: """
                \(relevant) AND (occurred_at >= ? OR id IN (
                    SELECT (SELECT id FROM observation o WHERE o.staff_id = s.staff_id AND \(relevant) AND o.occurred_at < ?
                            ORDER BY o.occurred_at DESC, o.id DESC LIMIT 1)
                    FROM (SELECT DISTINCT staff_id FROM observation) s))
                """, arguments: [yearBefore, yearBefore], checklist: false)
            let plans = try PlanRows.loadStored(db, where: """
                status IN ('active', 'monitoring', 'reopened')
                OR (status = 'closed' AND id IN (SELECT plan_id FROM plan_status_change WHERE to_status = 'closed' AND recorded_at >= ?))
                """, arguments: [closedSince])
            // One read of the checks and escalations serves the indicators' windows and the plans'
            // evidence-derived measures (from the earliest plan's start).
            let from = min(first, plans.map(\.draft.startDate).min().map { Timestamp.text(LondonDay($0).start) } ?? first)
            let checks = try EvidenceRows.checks(db, where: "round_date >= ?", arguments: [from])
            let escalations = try EvidenceRows.escalations(
                db, where: "resolved_at IS NULL OR resolved_at >= ? OR raised_at >= ?", arguments: [from, from])
            let withEvidence = EvidenceRows.attachEvidence(to: plans, checks: checks, escalations: escalations,
                                                           workingDays: workingDays)
            // When each member of staff was added: their first audit entry (SQLite takes the bare
            // column from the row that gives MIN).
            var joined: [Int64: Date] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT row_id, MIN(seq), recorded_at FROM audit_log WHERE table_name = 'staff' GROUP BY row_id
                """) {
                if let at = Timestamp.date(row["recorded_at"]) { joined[row["row_id"]] = at }
            }
            return IndicatorEvidence(services: services, checks: checks, escalations: escalations, staff: staff,
                                     observations: observations, plans: withEvidence, staffJoined: joined)
        }
    }

    public func indicatorThresholds() throws(StoreError) -> IndicatorThresholds {
        try read { db in try Self.thresholds(db) }
    }

    public func setIndicatorThreshold(_ id: IndicatorID, to threshold: IndicatorThreshold?, by actor: Actor,
                                      at now: Date) throws(StoreError) {
        if let threshold, let problem = IndicatorThresholds.problems(threshold).first { throw StoreError.invalid(problem) }
        try WritePath.write(pool, by: actor, needing: .manageReferenceData, at: now) { writer in
            var thresholds = try Self.thresholds(writer.db)
            thresholds.overrides[id] = threshold
            let text = try PlanRows.json(thresholds)
            if let rowID = try Int64.fetchOne(writer.db, sql: "SELECT id FROM setting WHERE key = ?",
                                              arguments: [IndicatorSettings.thresholds]) {
                try writer.update(.setting, id: rowID, set: ["value": text], action: "change")
            } else {
                try writer.insert(into: .setting, ["key": IndicatorSettings.thresholds, "value": text], action: "change")
            }
        }
    }

    static func thresholds(_ db: Database) throws -> IndicatorThresholds {
        guard let text = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?",
                                             arguments: [IndicatorSettings.thresholds]) else { return .standard }
        return try PlanRows.decode(IndicatorThresholds.self, text, table: "setting", id: 0, column: "indicator_thresholds")
    }
}

/// Keys of the `setting` table for indicators.
enum IndicatorSettings {
    /// The provider's thresholds as JSON; absent until an administrator sets one.
    static let thresholds = "indicator_thresholds"
}
