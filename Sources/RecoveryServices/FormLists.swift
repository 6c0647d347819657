import Foundation
import RecoveryModel

/// The services and staff a form offers in its pick lists.
public struct ServicesAndStaff: Sendable, Equatable {
    public var services: [Service]
    public var staff: [StaffMember]

    public init(services: [Service], staff: [StaffMember]) {
        self.services = services
        self.staff = staff
    }
}

extension RecoveryServices {
    /// Every service and member of staff (retired and inactive ones too when `includingInactive`).
    public func servicesAndStaff(includingInactive: Bool) throws(StoreError) -> ServicesAndStaff {
        ServicesAndStaff(services: try store.services(includingInactive: includingInactive),
                         staff: try store.staff(includingInactive: includingInactive))
    }
}
