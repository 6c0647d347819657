import Foundation

/// The summaries of one service's evidence (or every service's, for a provider-wide plan) over
/// the periods a plan needs: what the plan's measures worked out from records are counted from
/// (`EvidenceMeasures.records(for:summary:escalations:workingDays:)`), without reading a check.
public struct EvidenceSummary: Sendable {
    public var days: [CheckDaySummary]
    public var findings: [FindingDaySummary]
    public var lateReturns: [LateReturnItem]
    /// The checks themselves, only for a measure whose rule needs them in round order (the old
    /// "same person or same staff member" repeats); empty otherwise.
    public var checks: [MARCheck]

    public init(days: [CheckDaySummary] = [], findings: [FindingDaySummary] = [], lateReturns: [LateReturnItem] = [],
                checks: [MARCheck] = []) {
        self.days = days
        self.findings = findings
        self.lateReturns = lateReturns
        self.checks = checks
    }
}

extension EvidenceMeasures {
    /// Everything the evidence says for one measure, counted from the summaries: the same
    /// figures, notes and events as `records(for:checks:escalations:workingDays:)`, which stays
    /// as the rules' reference.
    public static func records(for measure: OutcomeMeasureDefinition, summary: EvidenceSummary, escalations: [Escalation],
                               workingDays: WorkingDays) -> MeasureRecords {
        let period = measure.period
        switch measure.source {
        case .manualAudit, .medicinesAudit:
            return MeasureRecords()
        case .refusalRecordsComplete:
            let sums = periodTotals(summary.days, period: period)
            return MeasureRecords(results: sums.filter { $0.value.refusalsSeen > 0 }.sorted { $0.key < $1.key }.map { start, sum in
                PeriodResult(periodStart: start.start, numerator: sum.refusalsComplete, denominator: sum.refusalsSeen,
                             note: "From \(counted(sum.checks, "MAR check")): \(sum.refusalsComplete) of \(counted(sum.refusalsSeen, "refusal")) fully recorded")
            })
        case .chartsReturnedOnTime:
            let sums = periodTotals(summary.days, period: period)
            return MeasureRecords(results: sums.filter { $0.value.visitCharts > 0 }.sorted { $0.key < $1.key }.map { start, sum in
                PeriodResult(periodStart: start.start, numerator: sum.visitCharts - sum.visitChartsLate, denominator: sum.visitCharts,
                             note: "\(counted(sum.visitCharts, "chart")) checked on homecare visits, \(sum.visitChartsLate) returned late")
            })
        case .repeatFindings, .repeatFindingTypes, .repeatFindingsByStaff, .repeatFindingsByPerson:
            let kind = repeatKind(measure.source) ?? .personOrStaff
            // Same person or same staff member depends on the order of the findings: counted from the checks.
            if kind == .personOrStaff { return MeasureRecords(results: repeatFindings(summary.checks, period: period, kind: kind)) }
            return MeasureRecords(results: repeatFindings(summary, period: period, kind: kind))
        case .lateReturnsEscalated:
            let limit = eventLimit(measure) ?? 1
            let events = lateReturnEvents(summary.lateReturns)
            var sums: [LondonDay: (inTime: Int, total: Int)] = [:]
            for event in events {
                let start = period.start(containing: LondonDay(event.occurred))
                var sum = sums[start] ?? (0, 0)
                sum.total += 1
                if let handled = event.handled, workingDays.isWithin(limit, workingDaysOf: event.occurred, handled: handled) {
                    sum.inTime += 1
                }
                sums[start] = sum
            }
            let results = sums.sorted { $0.key < $1.key }.map { start, sum in
                PeriodResult(periodStart: start.start, numerator: sum.inTime, denominator: sum.total,
                             note: "\(sum.inTime) of \(counted(sum.total, "late return")) escalated within \(counted(limit, "working day"))")
            }
            return MeasureRecords(results: withQuietPeriods(results, measure: measure, days: summary.days,
                                                            note: "No late MAR return to escalate"),
                                  events: events)
        case .escalationsHandledInTime:
            let results = escalationsHandledInTime(escalations, period: period)
            return MeasureRecords(results: withQuietPeriods(results, measure: measure, days: summary.days,
                                                            note: "No escalation resolved"),
                                  events: escalationEvents(escalations))
        }
    }

    /// One event per late return, as `lateReturnEvents(_:escalations:)` makes them.
    static func lateReturnEvents(_ items: [LateReturnItem]) -> [HandledEvent] {
        items.map { HandledEvent(occurred: $0.occurred, handled: $0.firstRaised, note: "\($0.source.reference): a late return") }
            .sorted { ($0.occurred, $0.note ?? "") < ($1.occurred, $1.note ?? "") }
    }

    /// The day rows added up per period (by the round's day).
    static func periodTotals(_ days: [CheckDaySummary], period: MeasurePeriod) -> [LondonDay: CheckDaySummary] {
        var sums: [LondonDay: CheckDaySummary] = [:]
        for row in days {
            let start = period.start(containing: LondonDay(dayNumber: row.day))
            sums[start, default: CheckDaySummary(serviceID: row.serviceID, day: start.dayNumber, recordedDay: 0)].add(row)
        }
        return sums
    }

    /// Repeats counted from grouped findings (every kind but `.personOrStaff`): within a group
    /// (same type and staff member, or same service, type and person) every finding after the
    /// first repeats; a type found at a service in the period before repeats from its first.
    static func repeatFindings(_ summary: EvidenceSummary, period: MeasurePeriod, kind: RepeatKind) -> [PeriodResult] {
        struct Group: Hashable { let service: Int64; let type: FindingType; let staff: Int64; let person: String }
        struct TypeKey: Hashable { let service: Int64; let type: FindingType }
        let checks = periodTotals(summary.days, period: period)
        var groups: [LondonDay: [Group: Int]] = [:]
        var types: [LondonDay: [TypeKey: Int]] = [:]
        for row in summary.findings where row.type != .other {
            let start = period.start(containing: LondonDay(dayNumber: row.day))
            types[start, default: [:]][TypeKey(service: row.serviceID, type: row.type), default: 0] += row.count
            switch kind {
            case .staffMember:
                guard row.staffID != 0 else { continue }
                groups[start, default: [:]][Group(service: 0, type: row.type, staff: row.staffID, person: ""), default: 0] += row.count
            case .person:
                guard !row.personKey.isEmpty else { continue }
                groups[start, default: [:]][Group(service: row.serviceID, type: row.type, staff: 0, person: row.personKey),
                                            default: 0] += row.count
            case .findingType, .personOrStaff:
                continue
            }
        }
        return checks.sorted { $0.key < $1.key }.map { start, total in
            var counts: [FindingType: Int] = [:]
            if kind == .findingType {
                let before = types[period.start(after: start, count: -1)] ?? [:]
                for (key, count) in types[start] ?? [:] {
                    let repeats = before[key] != nil ? count : count - 1
                    if repeats > 0 { counts[key.type, default: 0] += repeats }
                }
            } else {
                for (group, count) in groups[start] ?? [:] where count > 1 { counts[group.type, default: 0] += count - 1 }
            }
            let repeats = counts.values.reduce(0, +)
            let detail = counts.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.key.title.lowercased()) \($0.value)" }.joined(separator: ", ")
            let note = "\(counted(repeats, "repeat finding")) in \(counted(total.checks, "MAR check"))" + (detail.isEmpty ? "" : " (\(detail))")
            return PeriodResult.count(repeats, in: start.start, note: note)
        }
    }

    /// As `withQuietPeriods(_:measure:checks:note:)`, counting checks from the day rows.
    static func withQuietPeriods(_ results: [PeriodResult], measure: OutcomeMeasureDefinition, days: [CheckDaySummary],
                                 note: String) -> [PeriodResult] {
        guard !hasPercentageRule(measure) else { return results }
        let period = measure.period
        let covered = Set(results.map { period.start(containing: LondonDay($0.periodStart)) })
        let quiet = periodTotals(days, period: period).filter { !covered.contains($0.key) && $0.value.checks > 0 }
            .map { start, sum in
                PeriodResult(periodStart: start.start, numerator: 0, denominator: 0,
                             note: "\(note) (\(counted(sum.checks, "MAR check")) logged)")
            }
        return (results + quiet).sorted { $0.periodStart < $1.periodStart }
    }

    /// A plan's measures filled from the summaries of its service's evidence (every service's
    /// for a provider-wide plan), merged with figures entered by hand, as `merged` and
    /// `comparisons` say.
    public static func attach(to plan: PlanRecord, summary: EvidenceSummary, escalations: [Escalation],
                              workingDays: WorkingDays) -> PlanRecord {
        guard plan.measures.contains(where: { isDerived($0.definition.source) }) else { return plan }
        var plan = plan
        plan.measures = plan.measures.map { measure in
            guard isDerived(measure.definition.source) else { return measure }
            let derived = records(for: measure.definition, summary: summary, escalations: escalations, workingDays: workingDays)
            let merged = merged(manual: measure.results, derived: derived, period: measure.definition.period)
            var measure = measure
            measure.comparisons = comparisons(manual: measure.results, derived: derived.results, measure: measure.definition)
            measure.results = merged.results
            measure.events = merged.events
            return measure
        }
        return plan
    }
}
