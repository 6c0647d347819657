import Foundation
import GRDB
import RecoveryModel

/// What the indicators are worked out from, in one consistent snapshot, and the provider's
/// thresholds. The reads are bounded by the windows the indicators look at
/// (`IndicatorEvidence.firstDay`), so the time they take grows with the number of services, not
/// with years of records.
extension SQLiteRecoveryStore {
    /// What the app's indicators are worked out from (`IndicatorFigures`): the summaries of the
    /// windows and the history, escalations open or resolved since then, the plans followed
    /// during the history, and the closure verdicts of the look-back. Bounded by the windows and
    /// the number of services, never by years of records.
    /// With `serviceID`, only that service's (a service's page needs no other).
    public func indicatorSummaries(at now: Date, workingDays: WorkingDays,
                                   serviceID: Int64? = nil) throws(StoreError) -> IndicatorSummaries {
        let today = LondonDay(now)
        let firstDay = IndicatorEvidence.firstDay(today: today)
        let first = Timestamp.text(firstDay.start)
        let closedSince = Timestamp.text(IndicatorEvidence.closedSince(today: today).start)
        // A service id is a number: written into the SQL, it scopes every read below.
        let scope = serviceID.map { "service_id = \($0) AND " } ?? ""
        return try read { db in
            var services = try Self.activeServices(db)
            var staff = try Self.loadStaff(db, where: "s.active = 1")
            if let serviceID {
                services = services.filter { $0.id == serviceID }
                staff = staff.filter { $0.serviceIDs.contains(serviceID) }
            }
            let observations = try Self.competencyObservations(db, today: today, staff: serviceID == nil ? nil : staff.map(\.id))
            // Summaries of what was recorded before today; today's own checks are counted from the
            // records up to this moment (a figure "now" leaves out nothing recorded by now, and
            // nothing after it).
            let window: StatementArguments = [firstDay.dayNumber, today.dayNumber]
            var checkDays = try SummaryRows.checkDays(db, where: "\(scope)day >= ? AND recorded_day < ?", arguments: window)
            var findings = try SummaryRows.findings(db, where: "\(scope)day >= ? AND recorded_day < ?", arguments: window)
            var lateReturns = try SummaryRows.lateReturns(db, where: "\(scope)day >= ? AND recorded_day < ?", arguments: window)
            let todays = try SummaryChecks.checks(db, where: "\(scope)logged_at >= ? AND logged_at <= ? AND round_date >= ?",
                                                 arguments: [Timestamp.text(today.start), Timestamp.text(now), first])
            checkDays += CheckDaySummary.summarise(todays)
            findings += FindingDaySummary.summarise(todays)
            lateReturns += LateReturnItem.items(of: todays, escalationsBySource: try EvidenceRows.escalations(
                db, answeringChecks: todays.map(\.id)).bySource())
            var escalations: [EscalationTiming] = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT id, service_id, raised_at, due_by, resolved_at, handled_in_time FROM escalation
                WHERE \(scope)(resolved_at IS NULL OR resolved_at >= ?)
                """, arguments: [first])
            while let row = try cursor.next() {
                let resolved: String? = row[4]
                escalations.append(EscalationTiming(id: row[0], serviceID: row[1],
                                                    raisedAt: try PlanRows.date(row, "raised_at", table: "escalation"),
                                                    dueBy: try PlanRows.date(row, "due_by", table: "escalation"),
                                                    resolvedAt: resolved.flatMap(Timestamp.date), handledInTime: row[5]))
            }
            // Plans followed at some moment of the history (open now, or changed status since it
            // began), and plans closed within the look-back that carry an audit score.
            let historyDay = today.adding(days: -7 * (IndicatorEngine.historyWeeks - 1) - 1)
            let historyStart = Timestamp.text(historyDay.start)
            let plans = try PlanEvidence.loadPlans(db, where: """
                \(scope)service_id IS NOT NULL AND (status IN ('active', 'monitoring', 'reopened')
                OR id IN (SELECT plan_id FROM plan_status_change WHERE recorded_at >= ?)
                OR (status = 'closed' AND id IN (SELECT plan_id FROM summary_plan_closure WHERE closed_at >= ?)
                    AND id IN (SELECT plan_id FROM plan_measure WHERE active = 1 AND source = 'medicines-audit')))
                """, arguments: [historyStart, closedSince], entriesSince: historyDay.start, workingDays: workingDays)
            let closures = try SummaryRows.closures(db, where: "\(scope)closed_at >= ?", arguments: [closedSince])
            var summaries = IndicatorSummaries(services: services, checkDays: checkDays, findings: findings, lateReturns: lateReturns,
                                               escalations: escalations, staff: staff, observations: observations,
                                               staffJoined: try Self.staffJoined(db), plans: plans, closures: closures)
            if serviceID != nil {
                // Named at any service: the same windows, every service.
                summaries.namedInFindings = Set(try Int64.fetchAll(db, sql: """
                    SELECT DISTINCT staff_id FROM summary_finding_day WHERE day >= ? AND recorded_day < ? AND staff_id <> 0
                    UNION
                    SELECT DISTINCT f.staff_id FROM mar_check c JOIN mar_finding f ON f.check_id = c.id AND f.active = 1
                    WHERE c.logged_at >= ? AND c.logged_at <= ? AND c.round_date >= ? AND f.staff_id IS NOT NULL
                    """, arguments: [firstDay.dayNumber, today.dayNumber, Timestamp.text(today.start), Timestamp.text(now), first]))
            }
            return summaries
        }
    }

    /// The indicator evidence record by record, for the records behind a figure (one service's,
    /// or every service's when `serviceID` is nil) and as the tests' reference for the figures:
    /// checks and escalations of the windows and the history, and the plans `indicatorSummaries`
    /// reads, with their measures worked out from the summaries.
    public func indicatorEvidence(at now: Date, workingDays: WorkingDays, serviceID: Int64? = nil) throws(StoreError) -> IndicatorEvidence {
        let today = LondonDay(now)
        let first = Timestamp.text(IndicatorEvidence.firstDay(today: today).start)
        let closedSince = Timestamp.text(IndicatorEvidence.closedSince(today: today).start)
        return try read { db in
            var services = try Self.activeServices(db)
            if let serviceID { services = services.filter { $0.id == serviceID } }
            let scope = serviceID.map { "service_id = \($0) AND " } ?? ""
            let staff = try Self.loadStaff(db, where: "s.active = 1")
            let observations = try Self.competencyObservations(db, today: today, staff: nil)
            let plans = try PlanEvidence.loadPlans(db, where: """
                \(scope)service_id IS NOT NULL AND (status IN ('active', 'monitoring', 'reopened')
                OR (status = 'closed' AND id IN (SELECT plan_id FROM plan_status_change WHERE to_status = 'closed' AND recorded_at >= ?)))
                """, arguments: [closedSince], workingDays: workingDays)
            let checks = try EvidenceRows.checks(db, where: "\(scope)round_date >= ?", arguments: [first])
            let escalations = try EvidenceRows.escalations(
                db, where: "\(scope)(resolved_at IS NULL OR resolved_at >= ? OR raised_at >= ?)", arguments: [first, first])
            return IndicatorEvidence(services: services, checks: checks, escalations: escalations, staff: staff,
                                     observations: observations, plans: plans, staffJoined: try Self.staffJoined(db))
        }
    }

    static func activeServices(_ db: Database) throws -> [Service] {
        try Row.fetchAll(db, sql: "SELECT \(serviceColumns) FROM service s WHERE s.active = 1 ORDER BY s.name COLLATE NOCASE, s.id")
            .map(Self.service)
    }

    /// Competency at any moment of the history needs the relevant observations since a year
    /// before it began, and the latest one before that (which decides when none is later).
    /// `staff`: only theirs (nil: everyone's).
    static func competencyObservations(_ db: Database, today: LondonDay, staff: [Int64]?) throws -> [Observation] {
        let yearBefore = Timestamp.text(IndicatorEvidence.firstDay(today: today).adding(months: -13).start)
        let assessing = ObservationKind.allCases.filter(\.assessesCompetency).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let relevant = "(kind IN (\(assessing)) OR follow_up = '\(FollowUp.restricted.rawValue)' OR outcome = '\(CompetencyOutcome.notYetCompetent.rawValue)')"
        // Two bounded reads joined (an OR would scan every observation ever made).
        let whose = staff.map { "staff_id IN (\($0.map(String.init).joined(separator: ", "))) AND " } ?? ""
        let people = staff.map { "WHERE s.id IN (\($0.map(String.init).joined(separator: ", ")))" } ?? ""
        return try EvidenceRows.observations(db, where: """
            id IN (SELECT id FROM observation WHERE \(whose)occurred_at >= ? AND \(relevant)
                   UNION
                   SELECT (SELECT o.id FROM observation o WHERE o.staff_id = s.id AND \(relevant) AND o.occurred_at < ?
                           ORDER BY o.occurred_at DESC, o.id DESC LIMIT 1) FROM staff s \(people))
            """, arguments: [yearBefore, yearBefore], checklist: false)
    }

    /// When each member of staff was added: their first audit entry (SQLite takes the bare
    /// column from the row that gives MIN).
    static func staffJoined(_ db: Database) throws -> [Int64: Date] {
        var joined: [Int64: Date] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT row_id, MIN(seq), recorded_at FROM audit_log WHERE table_name = 'staff' GROUP BY row_id
            """) {
            if let at = Timestamp.date(row["recorded_at"]) { joined[row["row_id"]] = at }
        }
        return joined
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
