import Foundation
import RecoveryModel

/// The plans list: every plan with its stored standing, and every service (retired ones too)
/// to name them.
public struct PlanList: Sendable, Equatable {
    public var plans: [PlanListRow]
    public var services: [Service]

    public init(plans: [PlanListRow], services: [Service]) {
        self.plans = plans
        self.services = services
    }
}

/// One plan with every service and member of staff (retired and former ones too), to name its
/// service and owner.
public struct PlanDetail: Sendable, Equatable {
    public var plan: PlanRecord
    public var services: [Service]
    public var staff: [StaffMember]

    public init(plan: PlanRecord, services: [Service], staff: [StaffMember]) {
        self.plan = plan
        self.services = services
        self.staff = staff
    }
}

extension RecoveryServices {
    /// Every plan of every service as the list shows them at `now`.
    public func planList(at now: Date) throws(StoreError) -> PlanList {
        PlanList(plans: try store.planList(serviceID: nil, at: now), services: try store.services(includingInactive: true))
    }

    /// One plan as its page shows it.
    public func planDetail(_ id: Int64) throws(StoreError) -> PlanDetail {
        PlanDetail(plan: try store.plan(id), services: try store.services(includingInactive: true),
                   staff: try store.staff(includingInactive: true))
    }
}
