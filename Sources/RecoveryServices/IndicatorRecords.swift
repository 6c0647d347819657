import Foundation
import RecoveryModel

/// A record behind an indicator, with the service it belongs to (the provider's page lists the
/// records of every service).
public struct IndicatorRecordLine: Hashable, Sendable {
    public var record: IndicatorRecord
    public var serviceID: Int64
    public var serviceName: String

    public init(record: IndicatorRecord, serviceID: Int64, serviceName: String) {
        self.record = record
        self.serviceID = serviceID
        self.serviceName = serviceName
    }
}

/// The indicators of a service (or the whole provider) as they stand now, the records behind
/// one of them, and what is needed to open a record from the list.
public struct IndicatorRecords: Hashable, Sendable {
    public var id: IndicatorID
    /// The service's indicators, or the provider's (`serviceID` nil).
    public var indicators: ServiceIndicators
    /// Newest first.
    public var lines: [IndicatorRecordLine]
    /// The checks the records name, and the last 28 days of checks of the services listed (for
    /// the coverage of a round with no check).
    public var checks: [MARCheck]
    /// Active services.
    public var services: [Service]
    /// Every member of staff, for names.
    public var staff: [StaffMember]

    public init(id: IndicatorID, indicators: ServiceIndicators, lines: [IndicatorRecordLine], checks: [MARCheck],
                services: [Service], staff: [StaffMember]) {
        self.id = id
        self.indicators = indicators
        self.lines = lines
        self.checks = checks
        self.services = services
        self.staff = staff
    }

    /// This indicator's value.
    public var value: IndicatorValue? { indicators[id] }
}
