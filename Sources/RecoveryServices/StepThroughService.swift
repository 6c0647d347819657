import Foundation
import RecoveryModel

/// A plan for stepping through its steps, with the active services an escalation about a
/// problem found may be raised at.
public struct StepThroughPlan: Sendable, Equatable {
    public var plan: PlanRecord
    public var services: [Service]

    public init(plan: PlanRecord, services: [Service]) {
        self.plan = plan
        self.services = services
    }
}

extension RecoveryServices {
    /// Plan `id` with the active services.
    public func stepThroughPlan(_ id: Int64) throws(StoreError) -> StepThroughPlan {
        StepThroughPlan(plan: try store.plan(id), services: try store.services(includingInactive: false))
    }
}
