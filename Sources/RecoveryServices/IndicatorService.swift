import Foundation
import RecoveryModel

extension RecoveryServices {
    /// The figures from the store's summaries as they stand at `now`, with the provider's thresholds.
    public func indicatorFigures(at now: Date, serviceID: Int64? = nil) throws(StoreError) -> IndicatorFigures {
        IndicatorFigures(summaries: try store.indicatorSummaries(at: now, workingDays: workingDays, serviceID: serviceID),
                         thresholds: try store.indicatorThresholds(), now: now, workingDays: workingDays)
    }

    /// Every active service's indicators and the provider's (with `serviceID`, that service's
    /// alone): what the dashboard, the service page and `recoverydesk indicators` show.
    public func indicatorReport(at now: Date, serviceID: Int64? = nil) throws(StoreError) -> IndicatorReport {
        try indicatorFigures(at: now, serviceID: serviceID).report()
    }

    /// The records behind one indicator of a service, or of every service for the provider
    /// (`serviceID` nil), with the checks, services and staff needed to open them.
    public func indicatorRecords(_ id: IndicatorID, serviceID: Int64?, at now: Date) throws(StoreError) -> IndicatorRecords {
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
}
