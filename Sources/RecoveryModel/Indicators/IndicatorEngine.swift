import Foundation

/// Works out the early-warning indicators from the evidence: for each service, each indicator's
/// value now, its state against the provider's thresholds, its value at the end of each of the
/// last 12 weeks, and the records behind it. Pure; the rules in words are in docs/indicators.md.
///
/// The provider's row adds the services' figures together (percentages from the pooled counts)
/// and takes the worst service state, so one red service shows red for the provider.
public struct IndicatorEngine: Sendable {
    /// Findings naming the same member of staff within 30 days that count as a repeat pattern.
    public static let repeatFindingCount = 3
    /// Weeks of history for the trend.
    public static let historyWeeks = 12

    public let thresholds: IndicatorThresholds
    public let now: Date
    public let workingDays: WorkingDays
    let services: [Service]
    let byService: [Int64: ServiceEvidence]
    let staffNames: [Int64: String]

    public init(evidence: IndicatorEvidence, thresholds: IndicatorThresholds = .standard, now: Date,
                workingDays: WorkingDays) {
        self.thresholds = thresholds
        self.now = now
        self.workingDays = workingDays
        services = evidence.services
        staffNames = Dictionary(evidence.staff.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var byService: [Int64: ServiceEvidence] = [:]
        for service in evidence.services { byService[service.id] = ServiceEvidence(service: service) }
        for check in evidence.checks { byService[check.draft.serviceID]?.checks.append(check) }
        for escalation in evidence.escalations { byService[escalation.draft.serviceID]?.escalations.append(escalation) }
        for plan in evidence.plans {
            if let serviceID = plan.draft.serviceID { byService[serviceID]?.plans.append(plan) }
        }
        var observations: [Int64: [Observation]] = [:]
        for observation in evidence.observations { observations[observation.draft.staffID, default: []].append(observation) }
        var named: Set<Int64> = []
        for check in evidence.checks { for finding in check.draft.findings { if let id = finding.staffID { named.insert(id) } } }
        for member in evidence.staff where member.active {
            let recorded = named.contains(member.id) || observations[member.id] != nil
            for serviceID in member.serviceIDs {
                guard let kind = byService[serviceID]?.service.kind,
                      member.role.givesMedicines(in: kind) || recorded && member.role != .administrator else { continue }
                byService[serviceID]?.medicineStaff.append(StaffEvidence(member: member, observations: observations[member.id] ?? [],
                                                                         joined: evidence.staffJoined[member.id]))
            }
        }
        for key in byService.keys {
            byService[key]?.prepare(workingDays: workingDays)
        }
        self.byService = byService
    }

    // MARK: Reports

    /// Every active service, and the provider's row.
    public func report() -> IndicatorReport {
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
    public func indicators(for serviceID: Int64) -> ServiceIndicators? {
        guard let service = services.first(where: { $0.id == serviceID }) else { return nil }
        return indicators(serviceID: serviceID, name: service.name, measures: series(serviceID, at: moments))
    }

    /// The records behind an indicator's value now for a service, newest first.
    public func records(_ id: IndicatorID, serviceID: Int64) -> [IndicatorRecord] {
        measure(id, serviceID, at: now, withRecords: true).records.sorted { $0.date > $1.date }
    }

    // MARK: Moments

    /// The end of each of the last 12 weeks, oldest first; the last one is now.
    var moments: [Date] {
        let today = LondonDay(now)
        return (0..<Self.historyWeeks).map { index in
            let weeksBack = Self.historyWeeks - 1 - index
            if weeksBack == 0 { return now }
            return today.adding(days: -7 * weeksBack + 1).start.addingTimeInterval(-1)
        }
    }

    /// Every indicator of a service at each of `moments`.
    func series(_ serviceID: Int64, at moments: [Date]) -> [IndicatorID: [Measure]] {
        var measures: [IndicatorID: [Measure]] = [:]
        for id in IndicatorID.allCases { measures[id] = moments.map { measure(id, serviceID, at: $0, withRecords: false) } }
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

    // MARK: One figure

    func measure(_ id: IndicatorID, _ serviceID: Int64, at moment: Date, withRecords: Bool) -> Measure {
        guard let service = byService[serviceID] else { return Measure() }
        // Before the service was added there is nothing to judge: no data, never a colour.
        if service.service.isBeforeStart(moment) { return Measure(hasData: false) }
        let context = IndicatorContext(service: service, moment: moment, workingDays: workingDays, staffNames: staffNames,
                                       withRecords: withRecords)
        switch id {
        case .marCoverage: return context.coverage()
        case .findingRate: return context.findingRate()
        case .refusalsIncomplete: return context.refusalsIncomplete()
        case .repeatFindings: return context.repeatFindings()
        case .lateReturns: return context.lateReturns()
        case .lateReturnsNotEscalated: return context.lateReturnsNotEscalated()
        case .escalationsOverdue: return context.escalationsOverdue()
        case .escalationsLate: return context.escalationsLate()
        case .stepsOverdue: return context.stepsOverdue()
        case .reviewsOverdue: return context.reviewsOverdue()
        case .measuresOffTrack: return context.measuresOffTrack()
        case .staffWithoutCompetency: return context.staffWithoutCompetency()
        case .lateEntries: return context.lateEntries()
        case .scoreMasksRecurrence: return context.scoreMasksRecurrence()
        case .unsupportedClosures: return context.unsupportedClosures()
        }
    }
}

/// A figure as counted: so many (out of so many, for a share or a rate), with the records
/// behind it when asked for.
struct Measure: Sendable {
    var numerator: Double = 0
    var denominator: Double?
    /// What the numerator and the denominator count, for the basis sentence; "(s)" marks the
    /// plural ending: "round(s) without a check".
    var counting: (String, String?) = ("", nil)
    var records: [IndicatorRecord] = []
    /// False when nothing could be judged (a share of nothing).
    var hasData = true

    func value(_ unit: IndicatorUnit) -> Double? {
        guard hasData else { return nil }
        switch unit {
        case .count: return numerator
        case .percent, .perHundredCharts:
            guard let denominator, denominator > 0 else { return nil }
            return numerator / denominator * 100
        }
    }

    func basis(_ id: IndicatorID) -> String {
        guard hasData else { return "nothing to judge by yet" }
        func words(_ count: Int, _ phrase: String) -> String {
            "\(count) " + phrase.replacingOccurrences(of: "(s)", with: count == 1 ? "" : "s")
        }
        var text = words(Int(numerator), counting.0)
        if let denominator, let whole = counting.1 { text += " out of " + words(Int(denominator), whole) }
        return text
    }

    /// The services' figures added together.
    static func pooled(_ measures: [Measure]) -> Measure {
        var pooled = Measure()
        pooled.counting = measures.first?.counting ?? ("", nil)
        pooled.hasData = measures.contains { $0.hasData && ($0.denominator ?? 1) > 0 }
        for measure in measures where measure.hasData {
            pooled.numerator += measure.numerator
            if let denominator = measure.denominator { pooled.denominator = (pooled.denominator ?? 0) + denominator }
        }
        return pooled
    }
}
