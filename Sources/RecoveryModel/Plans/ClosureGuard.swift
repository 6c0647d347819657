import Foundation

/// One thing a plan still needs before it may close.
public enum ClosureGap: Hashable, Sendable {
    /// The plan has no outcome measure.
    case noMeasure
    /// An outcome measure not achieved: its name, state and the target engine's words.
    case measure(name: String, state: MeasureState, why: String)
    /// No step has ever been recorded as done (done, or done with a problem found); `skipped`
    /// counts the entries that only skipped a step.
    case noStepDone(skipped: Int)
    /// The targets are not met yet, so no review can sign the plan off yet; `earliest` is the
    /// earliest day they could be met, when the engine can tell.
    case signOffAwaitsTargets(earliest: LondonDay?)
    /// No governance review has recorded a decision to close on or after `since`: the day the
    /// targets were met, or the day the plan was last reopened when that is later (`reopened`).
    /// `earlier` is the day of the latest decision to close held before then, if any.
    case noSignOff(since: LondonDay, reopened: Bool, earlier: LondonDay?)

    /// The gap as a line for the plan screen's "Not ready to close" list.
    public var line: String {
        switch self {
        case .noMeasure:
            return "The plan has no outcome measure: add one before it can close."
        case .measure(let name, _, let why):
            return "\(name): \(why)"
        case .noStepDone(let skipped):
            return skipped == 0
                ? "No step of this plan has been recorded yet: open the steps (s) and record what was done."
                : "No step of this plan has been recorded as done, only skipped: open the steps (s) and record what was done."
        case .signOffAwaitsTargets(let earliest):
            let when = earliest.map { " (\($0) at the earliest)" } ?? ""
            return "Once the targets are met\(when), a governance review must record the decision to close."
        case .noSignOff(let since, let reopened, let earlier):
            let from = reopened ? "the plan was reopened on \(since)" : "the targets were met on \(since)"
            let before = earlier.map { " (the one on \($0) came before that)" } ?? ""
            return "No governance review has recorded a decision to close since \(from)\(before): record one with r."
        }
    }

    /// A few words for lists of closed plans, e.g. "no review deciding to close after the targets were met".
    public var short: String {
        switch self {
        case .noMeasure: return "no outcome measure"
        case .measure(let name, let state, _): return "\(name): \(state.title.lowercased())"
        case .noStepDone: return "no step recorded as done"
        case .signOffAwaitsTargets, .noSignOff: return "no review deciding to close after the targets were met"
        }
    }
}

/// Whether a plan may close, all told: its measures (the target engine's `ClosureCheck`), at
/// least one step recorded as done, and a governance review that decided to close, held on or
/// after the day the targets were met (and after the plan was last reopened). See
/// docs/targets.md, "The closure guard".
public struct PlanClosureCheck: Hashable, Sendable {
    /// The measures alone.
    public let measures: ClosureCheck
    /// What is missing, measures first; empty when the plan may close.
    public let gaps: [ClosureGap]
    /// The London day the targets were met (the latest of the measures' days), when they are.
    public let targetsMet: LondonDay?
    /// The review that signs the closure off (the latest that qualifies), if there is one.
    public let signOff: PlanReview?

    public var canClose: Bool { gaps.isEmpty }

    /// The refusal in plain sentences: "Not closed: <measure>: <why>; <measure>: <why>." for the
    /// measures, then one sentence for each other gap, e.g. "No governance review has recorded a
    /// decision to close since the targets were met on 31/01/2027: record one with r."
    public var refusal: String {
        var sentences: [String] = []
        let unmet = gaps.compactMap { gap -> String? in
            if case .measure = gap { return gap.line }
            return nil
        }
        if !unmet.isEmpty { sentences.append("Not closed: " + unmet.joined(separator: "; ") + ".") }
        for gap in gaps {
            if case .measure = gap { continue }
            sentences.append(gap.line)
        }
        return sentences.joined(separator: " ")
    }
}

/// The closure guard's rule, pure so that the store (which enforces it), the plan screen (which
/// lists what is missing) and the unsupported-closure indicator (which judges past closures)
/// cannot disagree.
public enum ClosureGuard {
    /// Checks `plan` as it stood at `moment`, given its measures' evaluations on that day. Step
    /// entries, reviews and reopenings count only when they happened on or before `moment`'s
    /// London day. A review may record a decision to close only by a role allowed to close plans
    /// (the store refuses it otherwise), so every such review counts here.
    public static func check(_ plan: PlanRecord, evaluations: [MeasureEvaluation], at moment: Date) -> PlanClosureCheck {
        let day = LondonDay(moment)
        let measures = TargetEngine.closure(of: evaluations)
        var gaps: [ClosureGap] = []
        if evaluations.isEmpty {
            gaps.append(.noMeasure)
        } else {
            for evaluation in evaluations where !evaluation.isAchieved {
                gaps.append(.measure(name: evaluation.measure.name, state: evaluation.state, why: evaluation.why))
            }
        }

        let entries = plan.steps.flatMap(\.entries).filter { LondonDay($0.occurredAt) <= day }
        if !entries.contains(where: { $0.outcome != .skipped }) {
            gaps.append(.noStepDone(skipped: entries.count))
        }

        let closeDecisions = plan.reviews
            .filter { $0.decision == .close && LondonDay($0.occurredAt) <= day }
            .sorted { ($0.occurredAt, $0.id) < ($1.occurredAt, $1.id) }
        var targetsMet: LondonDay?
        var signOff: PlanReview?
        if measures.canClose, let met = measures.earliestCloseDay, met > day {
            // Achieved on a figure for a period still running: met only once it ends.
            gaps.append(.signOffAwaitsTargets(earliest: met))
        } else if measures.canClose {
            let met = measures.earliestCloseDay ?? LondonDay(plan.draft.startDate)
            targetsMet = met
            let reopened = plan.statusChanges.last { $0.to == .reopened && $0.at <= moment }.map { LondonDay($0.at) }
            let since = max(met, reopened ?? met)
            signOff = closeDecisions.last { LondonDay($0.occurredAt) >= since }
            if signOff == nil {
                let earlier = closeDecisions.last.map { LondonDay($0.occurredAt) }
                gaps.append(.noSignOff(since: since, reopened: reopened.map { $0 > met } ?? false, earlier: earlier))
            }
        } else if !evaluations.isEmpty {
            gaps.append(.signOffAwaitsTargets(earliest: measures.earliestCloseDay))
        }
        return PlanClosureCheck(measures: measures, gaps: gaps, targetsMet: targetsMet, signOff: signOff)
    }

    /// Checks `plan` on `today`, evaluating its measures with the target engine.
    public static func check(_ plan: PlanRecord, today: Date, workingDays: WorkingDays) -> PlanClosureCheck {
        let evaluations = plan.measures.map {
            TargetEngine.evaluate($0.definition, records: $0.records, planStart: plan.draft.startDate, today: today,
                                  workingDays: workingDays)
        }
        return check(plan, evaluations: evaluations, at: today)
    }
}
