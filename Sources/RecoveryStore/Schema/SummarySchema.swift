import Foundation
import GRDB
import RecoveryModel

/// Version 6 of the layout: summaries. Counts the indicators and the plans' measures need, kept
/// beside the records they come from and updated in the same transaction (`SummaryKeeper`), so
/// no figure re-reads years of records. They are not records themselves: nothing in them is
/// audited, `recoverydesk verify` rebuilds them from the records and names any difference, and
/// the migration builds them for an existing store.
///
/// - `summary_check_day`: per service, round day and recorded day (London day numbers), the MAR
///   checks counted (`CheckDaySummary`).
/// - `summary_finding_day`: per service, round day, recorded day, type, staff member (0: none)
///   and person key, how many findings (`FindingDaySummary`).
/// - `summary_late_return`: one row per late return a check shows, with the first escalation
///   naming it (`LateReturnItem`).
/// - `summary_plan_closure`: for each closed plan, what the closure guard found missing when
///   it closed (`PlanClosureVerdict`); removed when the plan is reopened.
/// - `summary_plan_standing`: each plan's standing for the plans list (`PlanStandingSummary`),
///   worked out when the plan or its service's evidence changes, and again on the first
///   list of a new day.
enum SummarySchema {
    static let actorName = "RecoveryDesk (store upgrade to version 6)"

    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE summary_check_day (
                service_id INTEGER NOT NULL,
                day INTEGER NOT NULL,
                recorded_day INTEGER NOT NULL,
                checks INTEGER NOT NULL,
                charts INTEGER NOT NULL,
                findings INTEGER NOT NULL,
                refusals_seen INTEGER NOT NULL,
                refusals_complete INTEGER NOT NULL,
                refusals_missing INTEGER NOT NULL,
                late_return_checks INTEGER NOT NULL,
                late_entries INTEGER NOT NULL,
                clean_checks INTEGER NOT NULL,
                rounds_checked INTEGER NOT NULL,
                visit_charts INTEGER NOT NULL,
                visit_charts_late INTEGER NOT NULL,
                PRIMARY KEY (service_id, day, recorded_day)) WITHOUT ROWID;
            CREATE INDEX summary_check_day_day ON summary_check_day(day);

            CREATE TABLE summary_finding_day (
                service_id INTEGER NOT NULL,
                day INTEGER NOT NULL,
                recorded_day INTEGER NOT NULL,
                type TEXT NOT NULL,
                staff_id INTEGER NOT NULL,
                person_key TEXT NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (service_id, day, recorded_day, type, staff_id, person_key)) WITHOUT ROWID;
            CREATE INDEX summary_finding_day_day ON summary_finding_day(day);

            CREATE TABLE summary_late_return (
                check_id INTEGER NOT NULL,
                finding_number INTEGER NOT NULL,
                service_id INTEGER NOT NULL,
                day INTEGER NOT NULL,
                recorded_day INTEGER NOT NULL,
                occurred_at TEXT NOT NULL,
                first_escalation_id INTEGER,
                first_raised_at TEXT,
                PRIMARY KEY (check_id, finding_number)) WITHOUT ROWID;
            CREATE INDEX summary_late_return_day ON summary_late_return(day);
            CREATE INDEX summary_late_return_service ON summary_late_return(service_id, day);

            CREATE TABLE summary_plan_closure (
                plan_id INTEGER PRIMARY KEY,
                service_id INTEGER,
                title TEXT NOT NULL,
                closed_at TEXT NOT NULL,
                missing TEXT NOT NULL);
            CREATE INDEX summary_plan_closure_closed ON summary_plan_closure(closed_at);

            CREATE TABLE summary_plan_standing (
                plan_id INTEGER PRIMARY KEY,
                state TEXT,
                step_dues TEXT NOT NULL,
                worked_out_day INTEGER NOT NULL);

            CREATE INDEX escalation_resolved ON escalation(resolved_at);
            CREATE INDEX mar_check_logged ON mar_check(logged_at);
            CREATE INDEX observation_occurred ON observation(occurred_at);
            CREATE INDEX plan_status_change_recorded ON plan_status_change(recorded_at);
            """)
    }
}
