import Foundation
import GRDB
import RecoveryModel

/// The summary tables' rows, written and read (see `SummarySchema`).
enum SummaryRows {
    // MARK: MAR check days

    static let checkDayColumns = """
        service_id, day, recorded_day, checks, charts, findings, refusals_seen, refusals_complete, refusals_missing,
        late_return_checks, late_entries, clean_checks, rounds_checked, visit_charts, visit_charts_late
        """

    static func insert(_ db: Database, days: [CheckDaySummary]) throws {
        guard !days.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO summary_check_day (\(checkDayColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for row in days {
            try statement.execute(arguments: [
                row.serviceID, row.day, row.recordedDay, row.checks, row.charts, row.findings, row.refusalsSeen,
                row.refusalsComplete, row.refusalsMissing, row.lateReturnChecks, row.lateEntries, row.cleanChecks,
                row.roundsChecked, row.visitCharts, row.visitChartsLate,
            ])
        }
    }

    static func checkDays(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [CheckDaySummary] {
        var result: [CheckDaySummary] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(checkDayColumns) FROM summary_check_day WHERE \(condition)",
                                         arguments: arguments)
        while let row = try cursor.next() {
            var day = CheckDaySummary(serviceID: row[0], day: row[1], recordedDay: row[2])
            day.checks = row[3]
            day.charts = row[4]
            day.findings = row[5]
            day.refusalsSeen = row[6]
            day.refusalsComplete = row[7]
            day.refusalsMissing = row[8]
            day.lateReturnChecks = row[9]
            day.lateEntries = row[10]
            day.cleanChecks = row[11]
            day.roundsChecked = row[12]
            day.visitCharts = row[13]
            day.visitChartsLate = row[14]
            result.append(day)
        }
        return result
    }

    // MARK: Findings

    static func insert(_ db: Database, findings: [FindingDaySummary]) throws {
        guard !findings.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO summary_finding_day (service_id, day, recorded_day, type, staff_id, person_key, count)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for row in findings {
            try statement.execute(arguments: [row.serviceID, row.day, row.recordedDay, row.type.rawValue, row.staffID,
                                              row.personKey, row.count])
        }
    }

    static func findings(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [FindingDaySummary] {
        var result: [FindingDaySummary] = []
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT service_id, day, recorded_day, type, staff_id, person_key, count FROM summary_finding_day WHERE \(condition)
            """, arguments: arguments)
        while let row = try cursor.next() {
            let raw: String = row[3]
            guard let type = FindingType(rawValue: raw) else {
                throw StoreError.unusableStore("A summary of findings names a type this RecoveryDesk does not know (\"\(raw)\"); run recoverydesk verify.")
            }
            result.append(FindingDaySummary(serviceID: row[0], day: row[1], recordedDay: row[2], type: type, staffID: row[4],
                                            personKey: row[5], count: row[6]))
        }
        return result
    }

    // MARK: Late returns

    static func insert(_ db: Database, lateReturns: [LateReturnItem]) throws {
        guard !lateReturns.isEmpty else { return }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO summary_late_return (check_id, finding_number, service_id, day, recorded_day, occurred_at,
                                             first_escalation_id, first_raised_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for item in lateReturns {
            let (checkID, number) = key(item.source)
            try statement.execute(arguments: [checkID, number, item.serviceID, item.day, item.recordedDay,
                                              Timestamp.text(item.occurred), item.firstEscalationID,
                                              item.firstRaised.map(Timestamp.text)])
        }
    }

    /// A late return's key: its check and finding number (0 for charts counted as late).
    static func key(_ source: EscalationSource) -> (Int64, Int) {
        switch source {
        case .finding(let checkID, let number): return (checkID, number)
        case .lateReturn(let checkID): return (checkID, 0)
        case .stepEntry, .observation: return (0, 0)
        }
    }

    static func lateReturns(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [LateReturnItem] {
        var result: [LateReturnItem] = []
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT check_id, finding_number, service_id, day, recorded_day, occurred_at, first_escalation_id, first_raised_at
            FROM summary_late_return WHERE \(condition)
            """, arguments: arguments)
        while let row = try cursor.next() {
            let checkID: Int64 = row[0]
            let number: Int = row[1]
            let occurred = try PlanRows.date(row, "occurred_at", table: "summary_late_return")
            let raised: String? = row[7]
            result.append(LateReturnItem(source: number == 0 ? .lateReturn(checkID: checkID) : .finding(checkID: checkID, number: number),
                                         serviceID: row[2], day: row[3], recordedDay: row[4], occurred: occurred,
                                         firstEscalationID: row[6], firstRaised: raised.flatMap(Timestamp.date)))
        }
        return result
    }

    // MARK: Plans

    static func insert(_ db: Database, closure: PlanClosureVerdict) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO summary_plan_closure (plan_id, service_id, title, closed_at, missing) VALUES (?, ?, ?, ?, ?)
            """, arguments: [closure.planID, closure.serviceID, closure.title, Timestamp.text(closure.closedAt),
                             try PlanRows.json(closure.missing)])
    }

    static func closures(_ db: Database, where condition: String, arguments: StatementArguments) throws -> [PlanClosureVerdict] {
        try Row.fetchAll(db, sql: "SELECT * FROM summary_plan_closure WHERE \(condition) ORDER BY plan_id", arguments: arguments)
            .map { row in
                let id: Int64 = row["plan_id"]
                return PlanClosureVerdict(planID: id, serviceID: row["service_id"], title: row["title"],
                                          closedAt: try PlanRows.date(row, "closed_at", table: "summary_plan_closure"),
                                          missing: try PlanRows.decode([String].self, row["missing"], table: "summary_plan_closure",
                                                                       id: id, column: "missing"))
            }
    }

    static func insert(_ db: Database, planID: Int64, standing: PlanStandingSummary) throws {
        try db.execute(sql: """
            INSERT OR REPLACE INTO summary_plan_standing (plan_id, state, step_dues, worked_out_day) VALUES (?, ?, ?, ?)
            """, arguments: [planID, standing.state.code, try PlanRows.json(standing.stepDues.map(Timestamp.text)),
                             standing.workedOutDay.dayNumber])
    }

    static func standing(_ row: Row, planID: Int64) throws -> PlanStandingSummary? {
        guard let code: String = row["state"], let state = MeasureState(code: code), let day: Int = row["worked_out_day"],
              let dues: String = row["step_dues"] else { return nil }
        let texts = try PlanRows.decode([String].self, dues, table: "summary_plan_standing", id: planID, column: "step_dues")
        return PlanStandingSummary(state: state, stepDues: texts.compactMap(Timestamp.date), workedOutDay: LondonDay(dayNumber: day))
    }
}
