import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// How a plan stands against its targets, worked out by the target engine: each measure's
/// evaluation, whether it could close (the closure guard: measures, steps and the sign-off
/// review), and red / amber / green for lists.
public struct PlanStanding: Sendable {
    public let evaluations: [MeasureEvaluation]
    public let closure: PlanClosureCheck
    /// The plan's worst measure state (no data when it has no measures).
    public let state: MeasureState
    /// The next step due (soonest) and whether any step is overdue.
    public let nextDue: Date?
    public let overdueSteps: Int

    public init(plan: PlanRecord, today: Date, workingDays: WorkingDays) {
        evaluations = plan.measures.map {
            TargetEngine.evaluate($0.definition, records: $0.records, planStart: plan.draft.startDate, today: today,
                                  workingDays: workingDays)
        }
        closure = ClosureGuard.check(plan, evaluations: evaluations, at: today)
        // The same state and dues the plans list stores.
        let summary = PlanStandingSummary.of(plan, evaluations: evaluations, today: today)
        state = summary.state
        nextDue = summary.nextDue
        overdueSteps = summary.overdueSteps(today: today)
    }

    /// Red, amber or green for the outcome: green once achieved or being sustained, amber while
    /// on track or with no figures yet, red when off track.
    public var rag: RAG { Self.rag(for: state) }

    /// "▲R Off track".
    public var outcomeText: String { Self.outcomeText(state) }

    /// "21/11/2026", "! 2 overdue" or "".
    public var nextDueText: String { Self.nextDueText(nextDue: nextDue, overdue: overdueSteps) }

    static func outcomeText(_ state: MeasureState) -> String { "\(rag(for: state).badge) \(state.title)" }

    static func nextDueText(nextDue: Date?, overdue: Int) -> String {
        if overdue > 0 { return "! \(overdue) overdue" }
        return nextDue.map(UKDateFormat.date) ?? ""
    }
}

extension PlanStandingSummary {
    /// Red, amber or green for the outcome, as `PlanStanding.rag`.
    public var rag: RAG { PlanStanding.rag(for: state) }

    /// "▲R Off track".
    public var outcomeText: String { PlanStanding.outcomeText(state) }

    /// "21/11/2026", "! 2 overdue" or "" on a day.
    public func nextDueText(today: Date) -> String {
        PlanStanding.nextDueText(nextDue: nextDue, overdue: overdueSteps(today: today))
    }
}

extension PlanStanding {
    /// Red, amber or green for one measure's state.
    public static func rag(for state: MeasureState) -> RAG {
        switch state {
        case .achieved, .sustaining: return .green
        case .onTrack, .noData: return .amber
        case .offTrack: return .red
        }
    }

    /// The newest `count` period percentages of a measure, oldest first (the latest entry for a
    /// period wins).
    public static func latestPercents(_ measure: PlanMeasure, count: Int) -> [Double?] {
        var byPeriod: [Date: PeriodResult] = [:]
        for result in measure.results { byPeriod[result.periodStart] = result }
        return byPeriod.keys.sorted().suffix(count).map { byPeriod[$0]?.percent }
    }

    /// The percentage a rule aims for, if it has one.
    public static func percentTarget(_ rule: TargetRule) -> Double? {
        switch rule {
        case .atLeastPercentForConsecutivePeriods(let percent, _), .reachPercentByDeadline(let percent, _): return percent
        default: return nil
        }
    }

    /// A period as people say it (`OutcomeMeasureDefinition.periodName`).
    public static func periodName(_ start: Date, _ measure: OutcomeMeasureDefinition) -> String { measure.periodName(start) }

    /// A figure in words (`OutcomeMeasureDefinition.figure`).
    public static func figure(_ result: PeriodResult, _ measure: OutcomeMeasureDefinition) -> String { measure.figure(result) }
}
