import Foundation
import RecoveryModel

/// A plan with its chronology (`PlanTrail`).
public struct PlanTrailRecords: Sendable, Equatable {
    public var plan: PlanRecord
    public var lines: [TrailLine]

    public init(plan: PlanRecord, lines: [TrailLine]) {
        self.plan = plan
        self.lines = lines
    }
}

extension RecoveryServices {
    /// A plan's trail: the plan, and the escalations that answer its step entries or name the
    /// plan itself, in one chronology.
    public func planTrail(_ planID: Int64, at now: Date) throws(StoreError) -> PlanTrailRecords {
        let plan = try store.plan(planID)
        let entryIDs = plan.steps.flatMap { $0.entries.map(\.id) }
        var escalations = try store.escalationsAnswering(checkIDs: [], stepEntryIDs: entryIDs)
        let named = try store.escalations(openOnly: false, serviceID: plan.draft.serviceID, at: now)
            .filter { $0.draft.links.planID == planID }
        let known = Set(escalations.map(\.id))
        escalations += named.filter { !known.contains($0.id) }
        return PlanTrailRecords(plan: plan, lines: PlanTrail.lines(plan: plan, escalations: escalations, now: now))
    }
}

extension RecoveryServices {
    /// An escalation's trail, with the MAR checks its sources name.
    public func escalationTrail(_ escalationID: Int64) throws(StoreError) -> [TrailLine] {
        let escalation = try store.escalation(escalationID)
        var checks: [MARCheck] = []
        for checkID in Set(escalation.draft.sources.compactMap(\.checkID)) { checks.append(try store.marCheck(checkID)) }
        // The plans of its service hold the step entries it may answer.
        let answersSteps = escalation.draft.sources.contains { if case .stepEntry = $0 { return true } else { return false } }
        let plans = answersSteps ? try store.plans(serviceID: escalation.draft.serviceID) : []
        return EscalationTrail.lines(escalation: escalation, checks: checks, plans: plans)
    }
}
