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

/// The answer to `.loadIndicatorRecords`: the indicators of the service (or the whole
/// provider) as they stand now, the records behind one of them, and what is needed to open a
/// record from the list.
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

/// One member of staff's medicines competency with every observation of them, newest first.
public struct StaffCompetency: Hashable, Sendable {
    public var person: StaffMember
    public var status: CompetencyStatus
    public var observations: [Observation]
    public var services: [Service]

    public init(person: StaffMember, status: CompetencyStatus, observations: [Observation], services: [Service]) {
        self.person = person
        self.status = status
        self.observations = observations
        self.services = services
    }
}

extension StoreRequestRunner {
    /// The figures from the store's summaries as they stand at `now`, with the provider's thresholds.
    func indicatorFigures(at now: Date, serviceID: Int64? = nil) throws(StoreError) -> IndicatorFigures {
        IndicatorFigures(summaries: try store.indicatorSummaries(at: now, workingDays: workingDays, serviceID: serviceID),
                         thresholds: try store.indicatorThresholds(), now: now, workingDays: workingDays)
    }

    /// Every active service's indicators and the provider's (with `serviceID`, that service's alone).
    func indicatorReport(at now: Date, serviceID: Int64? = nil) throws(StoreError) -> IndicatorReport {
        try indicatorFigures(at: now, serviceID: serviceID).report()
    }

    /// The records behind one indicator of a service, or of every service for the provider
    /// (`serviceID` nil), with the checks, services and staff needed to open them.
    func indicatorRecords(_ id: IndicatorID, serviceID: Int64?, at now: Date) throws(StoreError) -> IndicatorRecords {
        // The figures from the summaries; the records behind them from the evidence of the windows.
        let figures = try indicatorFigures(at: now, serviceID: serviceID)
        let evidence = try store.indicatorEvidence(at: now, workingDays: workingDays, serviceID: serviceID)
        let engine = IndicatorEngine(evidence: evidence, thresholds: figures.thresholds, now: now, workingDays: workingDays)
        let listed: [Service]
        let indicators: ServiceIndicators
        if let serviceID {
            guard let service = evidence.services.first(where: { $0.id == serviceID }),
                  let found = figures.indicators(for: serviceID) else {
                throw .notFound("That service is not active any more, so it has no indicators.")
            }
            listed = [service]
            indicators = found
        } else {
            listed = evidence.services
            indicators = figures.report().provider
        }
        let lines = listed.flatMap { service in
            engine.records(id, serviceID: service.id).map {
                IndicatorRecordLine(record: $0, serviceID: service.id, serviceName: service.name)
            }
        }.sorted { $0.record.date > $1.record.date }
        var named: Set<Int64> = []
        for line in lines { if case .marCheck(let checkID) = line.record.kind { named.insert(checkID) } }
        let servicesListed = Set(listed.map(\.id))
        let firstDay = LondonDay(now).adding(days: -27)
        let checks = evidence.checks.filter { check in
            named.contains(check.id)
                || (servicesListed.contains(check.draft.serviceID) && LondonDay(check.draft.date) >= firstDay)
        }
        return IndicatorRecords(id: id, indicators: indicators, lines: lines, checks: checks,
                                services: try store.services(includingInactive: false),
                                staff: try store.staff(includingInactive: true))
    }

    /// One member of staff's competency and observations.
    func staffCompetency(_ staffID: Int64, at now: Date) throws(StoreError) -> StaffCompetency {
        guard let person = try store.staff(includingInactive: true).first(where: { $0.id == staffID }) else {
            throw .notFound("That member of staff is not in the store.")
        }
        let observations = try store.observations(staffID: staffID).sorted { $0.draft.occurredAt > $1.draft.occurredAt }
        return StaffCompetency(person: person, status: try store.competency(of: staffID, at: now), observations: observations,
                               services: try store.services(includingInactive: true))
    }
}
