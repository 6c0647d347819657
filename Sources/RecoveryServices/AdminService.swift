import Foundation
import RecoveryModel

/// Everyone on the staff list (leavers too) with every service, so their services can be named.
public struct StaffList: Sendable, Equatable {
    public var staff: [StaffMember]
    public var services: [Service]

    public init(staff: [StaffMember], services: [Service]) {
        self.staff = staff
        self.services = services
    }
}

/// The reference tables plans are linked to, and the store's PIN rule.
public struct ReferenceData: Sendable, Equatable {
    public var statements: [QualityStatement]
    public var regulations: [Regulation]
    public var enforcement: [EnforcementType]
    public var pinPolicy: PINPolicy

    public init(statements: [QualityStatement], regulations: [Regulation], enforcement: [EnforcementType],
                pinPolicy: PINPolicy) {
        self.statements = statements
        self.regulations = regulations
        self.enforcement = enforcement
        self.pinPolicy = pinPolicy
    }
}

/// Administration: the staff list, the reference data and the indicator thresholds, as the
/// administration screens read and change them.
extension RecoveryServices {
    /// Every member of staff (leavers too) and every service (retired ones too).
    public func staffList() throws(StoreError) -> StaffList {
        StaffList(staff: try store.staff(includingInactive: true), services: try store.services(includingInactive: true))
    }

    /// The quality statements, regulations and kinds of enforcement, with the PIN rule.
    public func referenceData() throws(StoreError) -> ReferenceData {
        ReferenceData(statements: try store.qualityStatements(), regulations: try store.regulations(),
                      enforcement: try store.enforcementTypes(), pinPolicy: try store.pinPolicy())
    }

    /// Sets one indicator's thresholds, or (nil) puts back the standard ones (administrators
    /// only; the store refuses anyone else), and returns the thresholds now in force.
    public func setIndicatorThreshold(_ id: IndicatorID, to threshold: IndicatorThreshold?, as actor: Actor?,
                                      at now: Date) throws(StoreError) -> IndicatorThresholds {
        try store.setIndicatorThreshold(id, to: threshold, by: try signedIn(actor), at: now)
        return try store.indicatorThresholds()
    }

    /// Retires a service or brings it back (administrators), and returns every service after.
    public func setServiceActive(_ id: Int64, active: Bool, as actor: Actor?, at now: Date) throws(StoreError) -> [Service] {
        try store.setServiceActive(id, active: active, by: try signedIn(actor), at: now)
        return try store.services(includingInactive: true)
    }

    /// Deactivates someone who has left (administrators), and returns the staff list after.
    public func deactivateStaff(_ id: Int64, as actor: Actor?, at now: Date) throws(StoreError) -> StaffList {
        try store.deactivateStaff(id, by: try signedIn(actor), at: now)
        return try staffList()
    }

    /// Retires a MAR chart code or brings it back (administrators), and returns every code after.
    public func setMARCodeActive(_ id: Int64, active: Bool, as actor: Actor?, at now: Date) throws(StoreError) -> [MARCode] {
        try store.setMARCodeActive(id, active: active, by: try signedIn(actor), at: now)
        return try store.marCodes(includingRetired: true)
    }

    /// Sets up a new store (provider, first service, first administrator) and returns the
    /// administrator, signed in, with the provider.
    public func setUp(_ request: SetUpRequest, at now: Date) throws(StoreError) -> (StaffMember, Provider?) {
        let administrator = try store.setUp(request, at: now)
        return (administrator, try store.provider())
    }
}
