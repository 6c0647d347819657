import Foundation

/// Works out the early-warning indicators record by record from the evidence: for each service,
/// each indicator's value now, its state against the provider's thresholds, its value at the
/// end of each of the last 12 weeks, and the records behind it. Pure; the rules in words are in
/// docs/indicators.md.
///
/// The app's figures come from the summaries (`IndicatorFigures`), which must agree with this
/// engine: the tests hold them to it. The app uses this engine for the records behind one
/// indicator, over one service's (or the provider's) evidence of the windows.
public struct IndicatorEngine: IndicatorMeasuring, Sendable {
    /// Findings naming the same member of staff within 30 days that count as a repeat pattern.
    public static let repeatFindingCount = 3
    /// Weeks of history for the trend.
    public static let historyWeeks = 12

    public let thresholds: IndicatorThresholds
    public let now: Date
    public let workingDays: WorkingDays
    public let services: [Service]
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
        var named: Set<Int64> = []
        for check in evidence.checks { for finding in check.draft.findings { if let id = finding.staffID { named.insert(id) } } }
        for (serviceID, staff) in StaffEvidence.givingMedicines(services: evidence.services, staff: evidence.staff,
                                                                observations: evidence.observations, namedInFindings: named,
                                                                joined: evidence.staffJoined) {
            byService[serviceID]?.medicineStaff = staff
        }
        for key in byService.keys {
            byService[key]?.prepare(workingDays: workingDays)
        }
        self.byService = byService
    }

    /// Every active service, and the provider's row.
    public func report() -> IndicatorReport { buildReport() }

    /// One service's indicators.
    public func indicators(for serviceID: Int64) -> ServiceIndicators? { buildIndicators(for: serviceID) }

    /// The records behind an indicator's value now for a service, newest first.
    public func records(_ id: IndicatorID, serviceID: Int64) -> [IndicatorRecord] {
        measure(id, serviceID, at: now, withRecords: true).records.sorted { $0.date > $1.date }
    }

    // MARK: One figure

    func measure(_ id: IndicatorID, _ serviceID: Int64, at moment: Date) -> Measure {
        measure(id, serviceID, at: moment, withRecords: false)
    }

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
