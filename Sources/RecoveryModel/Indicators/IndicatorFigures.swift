import Foundation

/// The early-warning indicators the app shows, worked out from the summaries
/// (`IndicatorSummaries`): each indicator's value now, its state and its 12-week history, for
/// every service and the provider. The rules are `IndicatorEngine`'s (docs/indicators.md), and
/// the tests hold the two to the same figures; this one adds up day summaries instead of
/// reading records, so its cost does not grow with years of history. Pure.
public struct IndicatorFigures: IndicatorMeasuring, Sendable {
    public let thresholds: IndicatorThresholds
    public let now: Date
    public let workingDays: WorkingDays
    public let services: [Service]
    let byService: [Int64: ServiceSummaries]

    public init(summaries: IndicatorSummaries, thresholds: IndicatorThresholds = .standard, now: Date,
                workingDays: WorkingDays) {
        self.thresholds = thresholds
        self.now = now
        self.workingDays = workingDays
        services = summaries.services
        var byService: [Int64: ServiceSummaries] = [:]
        for service in summaries.services { byService[service.id] = ServiceSummaries(service: service) }
        for row in summaries.checkDays { byService[row.serviceID]?.days.append(row) }
        for row in summaries.findings { byService[row.serviceID]?.findings.append(row) }
        for item in summaries.lateReturns { byService[item.serviceID]?.lateReturns.append(item) }
        for escalation in summaries.escalations { byService[escalation.serviceID]?.escalations.append(escalation) }
        for plan in summaries.plans {
            if let serviceID = plan.draft.serviceID { byService[serviceID]?.evidence.plans.append(plan) }
        }
        for verdict in summaries.closures {
            if let serviceID = verdict.serviceID { byService[serviceID]?.closures.append(verdict) }
        }
        var named: Set<Int64> = summaries.namedInFindings ?? []
        if summaries.namedInFindings == nil {
            for row in summaries.findings { if let id = row.staff { named.insert(id) } }
        }
        for (serviceID, staff) in StaffEvidence.givingMedicines(services: summaries.services, staff: summaries.staff,
                                                                observations: summaries.observations, namedInFindings: named,
                                                                joined: summaries.staffJoined) {
            byService[serviceID]?.evidence.medicineStaff = staff
        }
        for key in byService.keys { byService[key]?.sort() }
        self.byService = byService
    }

    /// Every active service, and the provider's row.
    public func report() -> IndicatorReport { buildReport() }

    /// One service's indicators.
    public func indicators(for serviceID: Int64) -> ServiceIndicators? { buildIndicators(for: serviceID) }

    func measure(_ id: IndicatorID, _ serviceID: Int64, at moment: Date) -> Measure {
        guard let service = byService[serviceID] else { return Measure() }
        if service.service.isBeforeStart(moment) { return Measure(hasData: false) }
        let summary = SummaryContext(service: service, moment: moment, workingDays: workingDays)
        let records = IndicatorContext(service: service.evidence, moment: moment, workingDays: workingDays, staffNames: [:],
                                       withRecords: false)
        switch id {
        case .marCoverage: return summary.coverage()
        case .findingRate: return summary.findingRate()
        case .refusalsIncomplete: return summary.refusalsIncomplete()
        case .repeatFindings: return summary.repeatFindings()
        case .lateReturns: return summary.lateReturns()
        case .lateReturnsNotEscalated: return summary.lateReturnsNotEscalated()
        case .escalationsOverdue: return summary.escalationsOverdue()
        case .escalationsLate: return summary.escalationsLate()
        case .stepsOverdue: return records.stepsOverdue()
        case .reviewsOverdue: return records.reviewsOverdue()
        case .measuresOffTrack: return records.measuresOffTrack()
        case .staffWithoutCompetency: return records.staffWithoutCompetency()
        case .lateEntries: return summary.lateEntries()
        case .scoreMasksRecurrence: return summary.scoreMasksRecurrence(auditScores: records.auditScores())
        case .unsupportedClosures: return summary.unsupportedClosures()
        }
    }
}

/// One service's summaries, sorted by day, with its plans and medicines staff.
struct ServiceSummaries: Sendable {
    let service: Service
    var days: [CheckDaySummary] = []
    var findings: [FindingDaySummary] = []
    var lateReturns: [LateReturnItem] = []
    var escalations: [EscalationTiming] = []
    var closures: [PlanClosureVerdict] = []
    /// Plans and medicines staff (no checks or escalations: those come from the summaries).
    var evidence: ServiceEvidence

    init(service: Service) {
        self.service = service
        evidence = ServiceEvidence(service: service)
    }

    mutating func sort() {
        days.sort { ($0.day, $0.recordedDay) < ($1.day, $1.recordedDay) }
        findings.sort { $0.day < $1.day }
        lateReturns.sort { $0.day < $1.day }
    }
}

/// One service's summary-based indicators at one moment: counts over the days of each window,
/// taking only what had been recorded by then (a row's recorded day on or before the moment's).
struct SummaryContext {
    let service: ServiceSummaries
    let moment: Date
    let workingDays: WorkingDays
    let today: LondonDay

    init(service: ServiceSummaries, moment: Date, workingDays: WorkingDays) {
        self.service = service
        self.moment = moment
        self.workingDays = workingDays
        today = LondonDay(moment)
    }

    /// The day rows of `first...last` recorded by the end of today.
    func days(from first: LondonDay, to last: LondonDay) -> [CheckDaySummary] {
        service.days.rounds(from: first, to: last, day: \.day).filter { $0.recordedDay <= today.dayNumber }
    }

    /// The day rows of the `days` days ending `offset` days before today, added up.
    func total(_ days: Int, endingDaysBefore offset: Int = 0) -> CheckDaySummary {
        let last = today.adding(days: -offset)
        var total = CheckDaySummary(serviceID: service.service.id, day: 0, recordedDay: 0)
        for row in self.days(from: last.adding(days: 1 - days), to: last) { total.add(row) }
        return total
    }

    func findings(from first: LondonDay, to last: LondonDay) -> ArraySlice<FindingDaySummary> {
        service.findings.rounds(from: first, to: last, day: \.day)
    }

    // MARK: From the MAR check summaries

    func coverage() -> Measure {
        let days = IndicatorID.marCoverage.definition.windowDays
        let rounds = MARRound.expected(for: service.service.kind)
        var checked: [Int: Int] = [:]
        for row in self.days(from: today.adding(days: -days), to: today.adding(days: -1)) {
            checked[row.day, default: 0] |= row.roundsChecked
        }
        var measure = Measure(denominator: 0, counting: ("round(s) without a check", "round(s) expected"))
        let addedDay = service.service.addedAt.map(LondonDay.init)
        for offset in 1...days {
            let day = today.adding(days: -offset)
            let mask = checked[day.dayNumber] ?? 0
            for round in rounds {
                if let addedDay, day <= addedDay,
                   service.service.isBeforeStart(LateEntryRule.roundEnd(date: day.start, round: round)) { continue }
                measure.denominator! += 1
                if mask & round.bit == 0 { measure.numerator += 1 }
            }
        }
        measure.hasData = measure.denominator! > 0
        return measure
    }

    func findingRate() -> Measure {
        let total = total(IndicatorID.findingRate.definition.windowDays)
        var measure = Measure(numerator: Double(total.findings), denominator: Double(total.charts),
                              counting: ("finding(s)", "chart(s) checked"))
        measure.hasData = total.charts > 0
        return measure
    }

    func refusalsIncomplete() -> Measure {
        let total = total(IndicatorID.refusalsIncomplete.definition.windowDays)
        var measure = Measure(numerator: Double(total.refusalsMissing), denominator: Double(total.refusalsSeen),
                              counting: ("refusal(s) not fully recorded", "refusal(s) seen"))
        measure.hasData = total.refusalsSeen > 0
        return measure
    }

    func repeatFindings() -> Measure {
        let days = IndicatorID.repeatFindings.definition.windowDays
        var byStaff: [Int64: Int] = [:]
        for row in findings(from: today.adding(days: 1 - days), to: today) where row.recordedDay <= today.dayNumber {
            if let staff = row.staff { byStaff[staff, default: 0] += row.count }
        }
        let repeating = byStaff.values.filter { $0 >= IndicatorEngine.repeatFindingCount }.count
        return Measure(numerator: Double(repeating),
                       counting: ("staff named in \(IndicatorEngine.repeatFindingCount) or more findings", nil))
    }

    func lateReturns() -> Measure {
        let total = total(IndicatorID.lateReturns.definition.windowDays)
        return Measure(numerator: Double(total.lateReturnChecks), counting: ("check(s) showing a late return", nil))
    }

    func lateReturnsNotEscalated() -> Measure {
        let days = IndicatorID.lateReturnsNotEscalated.definition.windowDays
        var measure = Measure(counting: ("late return(s) not escalated within a working day", nil))
        for item in service.lateReturns.rounds(from: today.adding(days: 1 - days), to: today, day: \.day)
        where item.recordedDay <= today.dayNumber {
            let deadline = workingDays.deadline(EscalationDue.standardWorkingDays, workingDaysAfter: LondonDay(dayNumber: item.day))
            if let raised = item.firstRaised, raised <= moment {
                if LondonDay(raised) > deadline { measure.numerator += 1 }
            } else if today > deadline {
                measure.numerator += 1
            }
        }
        return measure
    }

    func lateEntries() -> Measure {
        let total = total(IndicatorID.lateEntries.definition.windowDays)
        return Measure(numerator: Double(total.lateEntries), counting: ("check(s) entered late", nil))
    }

    /// The share of clean MAR checks in three four-week blocks ending today, or nil when a
    /// block has no check.
    func cleanCheckScores() -> [IndicatorContext.ScorePeriod]? {
        var periods: [IndicatorContext.ScorePeriod] = []
        for block in (0..<3).reversed() {
            let last = today.adding(days: -28 * block)
            let first = last.adding(days: -27)
            var total = CheckDaySummary(serviceID: service.service.id, day: 0, recordedDay: 0)
            for row in days(from: first, to: last) { total.add(row) }
            guard total.checks > 0 else { return nil }
            periods.append(IndicatorContext.ScorePeriod(first: first, last: last,
                                                        score: Double(total.cleanChecks) / Double(total.checks) * 100,
                                                        source: "clean MAR checks"))
        }
        return periods
    }

    func scoreMasksRecurrence(auditScores: [IndicatorContext.ScorePeriod]?) -> Measure {
        var measure = Measure(counting: ("finding type(s) not falling while the audit score rose", nil))
        guard let periods = auditScores ?? cleanCheckScores() else {
            measure.hasData = false
            return measure
        }
        let scores = periods.map(\.score)
        guard scores[1] >= scores[0], scores[2] >= scores[1], scores[2] > scores[0] else { return measure }
        let counts = periods.map { period -> [FindingType: Int] in
            var counts: [FindingType: Int] = [:]
            for row in findings(from: period.first, to: period.last)
            where row.recordedDay <= today.dayNumber && row.type != .other {
                counts[row.type, default: 0] += row.count
            }
            return counts
        }
        let recurring = counts[2].keys.filter { type in
            counts.allSatisfy { ($0[type] ?? 0) > 0 } && (counts[2][type] ?? 0) >= (counts[0][type] ?? 0)
        }
        measure.numerator = Double(recurring.count)
        return measure
    }

    // MARK: Escalations

    func escalationsOverdue() -> Measure {
        let overdue = service.escalations.filter { escalation in
            escalation.raisedAt <= moment && escalation.dueBy < moment && (escalation.resolvedAt.map { $0 > moment } ?? true)
        }
        return Measure(numerator: Double(overdue.count), counting: ("escalation(s) past their due-by", nil))
    }

    func escalationsLate() -> Measure {
        let first = today.adding(days: 1 - IndicatorID.escalationsLate.definition.windowDays)
        var resolved = 0
        var late = 0
        for escalation in service.escalations {
            guard let at = escalation.resolvedAt, at <= moment, LondonDay(at) >= first else { continue }
            resolved += 1
            if escalation.resolvedInTime == false { late += 1 }
        }
        var measure = Measure(numerator: Double(late), denominator: Double(resolved),
                              counting: ("resolved late", "escalation(s) resolved"))
        measure.hasData = resolved > 0
        return measure
    }

    // MARK: Plans

    func unsupportedClosures() -> Measure {
        let first = today.adding(days: -IndicatorID.unsupportedClosures.definition.windowDays)
        var measure = Measure(counting: ("closed plan(s) without results or sign-off", nil))
        for verdict in service.closures
        where verdict.closedAt <= moment && LondonDay(verdict.closedAt) > first && !verdict.missing.isEmpty {
            measure.numerator += 1
        }
        return measure
    }
}
