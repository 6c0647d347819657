import Foundation

/// What turns figures into a report: something that counts one indicator of one service at one
/// moment. The provider's row adds the services' figures together (percentages from the pooled
/// counts) and takes the worst service state, so one red service shows red for the provider.
/// Both `IndicatorFigures` (from the summaries, what the app shows) and `IndicatorEngine`
/// (record by record, the reference and the records behind a figure) build their reports here.
protocol IndicatorMeasuring {
    var services: [Service] { get }
    var thresholds: IndicatorThresholds { get }
    var now: Date { get }
    /// One indicator of one service at one moment, without the records behind it.
    func measure(_ id: IndicatorID, _ serviceID: Int64, at moment: Date) -> Measure
}

extension IndicatorMeasuring {
    /// Every active service, and the provider's row.
    func buildReport() -> IndicatorReport {
        let moments = self.moments
        let rows = services.map { service -> (ServiceIndicators, [IndicatorID: [Measure]]) in
            let measures = series(service.id, at: moments)
            return (indicators(serviceID: service.id, name: service.name, measures: measures), measures)
        }
        let providerValues = IndicatorID.allCases.map { id -> IndicatorValue in
            let pooled = moments.indices.map { index in
                Measure.pooled(rows.compactMap { $0.1[id]?[index] })
            }
            let worst = IndicatorState.worst(rows.compactMap { $0.0[id]?.state })
            return value(id, measures: pooled, state: worst)
        }
        return IndicatorReport(asOf: now, provider: ServiceIndicators(serviceID: nil, name: "Whole provider", values: providerValues),
                               services: rows.map(\.0))
    }

    /// One service's indicators.
    func buildIndicators(for serviceID: Int64) -> ServiceIndicators? {
        guard let service = services.first(where: { $0.id == serviceID }) else { return nil }
        return indicators(serviceID: serviceID, name: service.name, measures: series(serviceID, at: moments))
    }

    /// The end of each of the last 12 weeks, oldest first; the last one is now.
    var moments: [Date] {
        let today = LondonDay(now)
        return (0..<IndicatorEngine.historyWeeks).map { index in
            let weeksBack = IndicatorEngine.historyWeeks - 1 - index
            if weeksBack == 0 { return now }
            return today.adding(days: -7 * weeksBack + 1).start.addingTimeInterval(-1)
        }
    }

    /// Every indicator of a service at each of `moments`.
    func series(_ serviceID: Int64, at moments: [Date]) -> [IndicatorID: [Measure]] {
        var measures: [IndicatorID: [Measure]] = [:]
        for id in IndicatorID.allCases { measures[id] = moments.map { measure(id, serviceID, at: $0) } }
        return measures
    }

    func indicators(serviceID: Int64, name: String, measures: [IndicatorID: [Measure]]) -> ServiceIndicators {
        ServiceIndicators(serviceID: serviceID, name: name, values: IndicatorID.allCases.map { id in
            let series = measures[id] ?? []
            return value(id, measures: series, state: thresholds[id].state(of: series.last?.value(id.definition.unit)))
        })
    }

    func value(_ id: IndicatorID, measures: [Measure], state: IndicatorState) -> IndicatorValue {
        let unit = id.definition.unit
        return IndicatorValue(id: id, value: measures.last?.value(unit), state: state, threshold: thresholds[id],
                              history: measures.map { $0.value(unit) }, basis: measures.last?.basis(id) ?? "")
    }
}
