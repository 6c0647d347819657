import Foundation
import RecoveryModel

/// One MAR check with the escalations that name it, and every service and member of staff to
/// name them.
public struct MARCheckDetail: Sendable, Equatable {
    public var check: MARCheck
    public var escalations: [Escalation]
    public var services: [Service]
    public var staff: [StaffMember]

    public init(check: MARCheck, escalations: [Escalation], services: [Service], staff: [StaffMember]) {
        self.check = check
        self.escalations = escalations
        self.services = services
        self.staff = staff
    }
}

extension RecoveryServices {
    /// One check as its page shows it.
    public func marCheckDetail(_ id: Int64) throws(StoreError) -> MARCheckDetail {
        MARCheckDetail(check: try store.marCheck(id), escalations: try escalations(answeringCheck: id),
                       services: try store.services(includingInactive: true), staff: try store.staff(includingInactive: true))
    }

    /// The escalations that name a check (a finding of it, or its late charts).
    public func escalations(answeringCheck id: Int64) throws(StoreError) -> [Escalation] {
        try store.escalationsAnswering(checkIDs: [id], stepEntryIDs: [])
    }

    /// One service's checks of the last `days` days to `now`, for its coverage.
    public func recentMARChecks(serviceID: Int64, days: Int, at now: Date) throws(StoreError) -> [MARCheck] {
        try store.marChecks(serviceID: serviceID, from: LondonDay(now).adding(days: -days).start, to: now)
    }
}
