import Foundation
import RecoveryModel

/// The store's rules for plans that are not about permissions: which status moves are allowed,
/// what a measure's figure must look like, and the checks on a draft beyond `PlanDraft.problems`.
enum PlanRules {
    /// The moves `changePlanStatus` allows. Closing is only through the closure guard.
    static let moves: [PlanStatus: [PlanStatus]] = [
        .draft: [.active],
        .active: [.monitoring],
        .monitoring: [.active],
        .closed: [.reopened],
        .reopened: [.active, .monitoring],
    ]

    /// Why a plan may not move from `from` to `to`, or nil when it may.
    static func refusal(from: PlanStatus, to: PlanStatus) -> String? {
        if to == .closed {
            return "Plans are closed only through the closure guard (close the plan with a closing note), not by a change of status."
        }
        if from == to { return "The plan is already \(from.title.lowercased())." }
        if moves[from]?.contains(to) == true { return nil }
        let what: String
        switch from {
        case .draft: what = "it can only be made active"
        case .active: what = "it can only move to monitoring, or be closed through the closure guard"
        case .monitoring: what = "it can only move back to active, or be closed through the closure guard"
        case .closed: what = "it can only be reopened"
        case .reopened: what = "it can only move to active or monitoring"
        }
        let state = from == .draft ? "a draft" : from == .monitoring ? "in monitoring" : from.title.lowercased()
        return "This plan is \(state) and cannot be set to \(to.title.lowercased()); \(what)."
    }

    /// What is wrong with a figure for `measure`, or nil.
    static func problem(with result: PeriodResult, for measure: OutcomeMeasureDefinition) -> String? {
        if measure.isPercentage {
            guard result.denominator > 0 else {
                return "\(measure.name) is a percentage: give how many were checked (more than 0)."
            }
            guard (0...result.denominator).contains(result.numerator) else {
                return "\(measure.name): the number that met the standard must be between 0 and \(result.denominator)."
            }
        } else {
            guard result.numerator >= 0 else { return "\(measure.name): a count cannot be below 0." }
            guard result.denominator >= 0 else { return "\(measure.name): the number checked cannot be below 0." }
        }
        return nil
    }

    /// Checks a draft beyond its own `problems`: measure names must differ (amendments match
    /// measures by name).
    static func problems(of draft: PlanDraft) -> [String] {
        var found = draft.problems
        var seen: Set<String> = []
        for measure in draft.measures {
            let name = measure.name.trimmingCharacters(in: .whitespacesAndNewlines)
            if name.isEmpty {
                found.append("Give every outcome measure a name.")
            } else if !seen.insert(name.lowercased()).inserted {
                found.append("Two outcome measures are called \(name); give each its own name.")
            }
        }
        return found
    }

    static func blank(_ text: String) -> Bool { text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}
