import Foundation
import GRDB
import RecoveryModel

/// Keeps the summary tables (`SummarySchema`) true to the records, inside the transaction that
/// changes the records. Each refresh works the affected rows out again from the records of one
/// service's day or one check, with the same code the rebuild uses, so a kept summary and a
/// rebuilt one cannot drift apart by construction; `verify` checks that they have not. Plans'
/// standings are only marked stale by writes, and worked out again by the plans list.
enum SummaryKeeper {
    // MARK: MAR checks

    /// After a check of `serviceID` for the round day `day` was logged or corrected.
    static func refreshCheckDay(_ db: Database, serviceID: Int64, day: LondonDay) throws {
        try db.execute(sql: "DELETE FROM summary_check_day WHERE service_id = ? AND day = ?", arguments: [serviceID, day.dayNumber])
        try db.execute(sql: "DELETE FROM summary_finding_day WHERE service_id = ? AND day = ?", arguments: [serviceID, day.dayNumber])
        let checks = try SummaryChecks.checks(db, where: "service_id = ? AND round_date = ?",
                                              arguments: [serviceID, Timestamp.text(day.start)])
        try SummaryRows.insert(db, days: CheckDaySummary.summarise(checks))
        try SummaryRows.insert(db, findings: FindingDaySummary.summarise(checks))
    }

    /// After checks were logged or corrected, or escalations naming them were raised: their
    /// late returns and when each was first escalated.
    static func refreshLateReturns(_ db: Database, checkIDs: [Int64]) throws {
        guard !checkIDs.isEmpty else { return }
        let list = Set(checkIDs).sorted().map(String.init).joined(separator: ", ")
        try db.execute(sql: "DELETE FROM summary_late_return WHERE check_id IN (\(list))")
        let checks = try SummaryChecks.checks(db, where: "id IN (\(list))").filter(EvidenceMeasures.showsLateReturn)
        guard !checks.isEmpty else { return }
        let escalations = try EvidenceRows.escalations(db, answeringChecks: checks.map(\.id))
        try SummaryRows.insert(db, lateReturns: LateReturnItem.items(of: checks, escalationsBySource: escalations.bySource()))
    }

    // MARK: Plans

    /// After a plan closed: the closure guard's verdict at that moment.
    static func recordClosure(_ db: Database, planID: Int64, at moment: Date, workingDays: WorkingDays) throws {
        let plan = try PlanEvidence.loadPlans(db, where: "id = ?", arguments: [planID], workingDays: workingDays)
        guard let plan = plan.first else { return }
        try SummaryRows.insert(db, closure: PlanClosureVerdict.of(plan, closedAt: moment, workingDays: workingDays))
    }

    /// After a plan was reopened: it has no closure verdict while open.
    static func dropClosure(_ db: Database, planID: Int64) throws {
        try db.execute(sql: "DELETE FROM summary_plan_closure WHERE plan_id = ?", arguments: [planID])
    }

    /// The standing of some plans, worked out at `now`.
    static func refreshStandings(_ db: Database, planIDs: [Int64], at now: Date, workingDays: WorkingDays) throws {
        guard !planIDs.isEmpty else { return }
        let list = Set(planIDs).sorted().map(String.init).joined(separator: ", ")
        for plan in try PlanEvidence.loadPlans(db, where: "id IN (\(list))", workingDays: workingDays) {
            try SummaryRows.insert(db, planID: plan.id, standing: PlanStandingSummary.of(plan, today: now, workingDays: workingDays))
        }
    }

    /// After a plan changed: its standing is worked out again when the plans list is next read
    /// (so a write never waits for a plan's evidence).
    static func markStale(_ db: Database, planIDs: [Int64]) throws {
        guard !planIDs.isEmpty else { return }
        let list = Set(planIDs).sorted().map(String.init).joined(separator: ", ")
        try db.execute(sql: "UPDATE summary_plan_standing SET worked_out_day = \(staleDay) WHERE plan_id IN (\(list))")
    }

    /// After evidence of a service changed: the plans it feeds (open plans of that service, and
    /// open provider-wide plans, whose measures are worked out from records) are marked stale.
    static func markStale(_ db: Database, fedBy serviceID: Int64) throws {
        let derived = EvidenceMeasures.derivedSources.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.execute(sql: """
            UPDATE summary_plan_standing SET worked_out_day = \(staleDay) WHERE plan_id IN (
                SELECT id FROM plan WHERE status IN ('active', 'monitoring', 'reopened') AND (service_id = ? OR service_id IS NULL)
                AND id IN (SELECT plan_id FROM plan_measure WHERE active = 1 AND source IN (\(derived))))
            """, arguments: [serviceID])
    }

    /// The `worked_out_day` of a standing that must be worked out again.
    static let staleDay = -1

    // MARK: Rebuilding

    /// Every summary count worked out from the records, service by service (so memory stays
    /// that of one service's checks).
    static func rebuilt(_ db: Database,
                        each: (_ days: [CheckDaySummary], _ findings: [FindingDaySummary], _ lateReturns: [LateReturnItem]) throws -> Void)
        throws {
        for serviceID in try Int64.fetchAll(db, sql: "SELECT id FROM service ORDER BY id") {
            let checks = try SummaryChecks.checks(db, where: "service_id = ?", arguments: [serviceID])
            let escalations = try EvidenceRows.escalations(db, where: """
                id IN (SELECT s.escalation_id FROM escalation_source s JOIN mar_check c ON c.id = s.mar_check_id WHERE c.service_id = ?)
                """, arguments: [serviceID])
            try each(CheckDaySummary.summarise(checks), FindingDaySummary.summarise(checks),
                     LateReturnItem.items(of: checks, escalationsBySource: escalations.bySource()))
        }
    }

    /// The closure verdict of every closed plan, at its last closing.
    static func rebuiltClosures(_ db: Database, workingDays: WorkingDays) throws -> [PlanClosureVerdict] {
        try PlanEvidence.loadPlans(db, where: "status = 'closed'", workingDays: workingDays).compactMap { plan in
            plan.closedAt.map { PlanClosureVerdict.of(plan, closedAt: $0, workingDays: workingDays) }
        }
    }

    /// Empties the summary tables and builds them again from the records: the counts, every
    /// closed plan's verdict (as the guard sees it now) and every plan's standing at `now`.
    static func rebuild(_ db: Database, at now: Date, workingDays: WorkingDays) throws {
        for table in ["summary_check_day", "summary_finding_day", "summary_late_return", "summary_plan_closure",
                      "summary_plan_standing"] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
        try rebuilt(db) { days, findings, lateReturns in
            try SummaryRows.insert(db, days: days)
            try SummaryRows.insert(db, findings: findings)
            try SummaryRows.insert(db, lateReturns: lateReturns)
        }
        for verdict in try rebuiltClosures(db, workingDays: workingDays) { try SummaryRows.insert(db, closure: verdict) }
        try refreshStandings(db, planIDs: try Int64.fetchAll(db, sql: "SELECT id FROM plan"), at: now, workingDays: workingDays)
    }
}
