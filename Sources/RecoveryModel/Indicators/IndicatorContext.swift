import Foundation

/// One service's indicators at one moment. Each function counts one indicator (see
/// `IndicatorID.definition` for what it measures) and, when `withRecords` is set, lists the
/// records behind the count.
struct IndicatorContext {
    let service: ServiceEvidence
    let moment: Date
    let workingDays: WorkingDays
    let staffNames: [Int64: String]
    let withRecords: Bool
    let today: LondonDay

    init(service: ServiceEvidence, moment: Date, workingDays: WorkingDays, staffNames: [Int64: String], withRecords: Bool) {
        self.service = service
        self.moment = moment
        self.workingDays = workingDays
        self.staffNames = staffNames
        self.withRecords = withRecords
        today = LondonDay(moment)
    }

    /// Checks of the `days` days ending today (entered by now).
    func window(_ days: Int, endingDaysBefore offset: Int = 0) -> [MARCheck] {
        let last = today.adding(days: -offset)
        return service.checks(from: last.adding(days: 1 - days), to: last).filter { $0.recordedAt <= moment }
    }

    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    func checkRecord(_ check: MARCheck, _ words: String) -> IndicatorRecord {
        let round = check.draft.round == .visit ? "Homecare visits" : "\(check.draft.round.title) round"
        return IndicatorRecord(kind: .marCheck(check.id), date: EvidenceDerivations.roundMoment(check.draft),
                               summary: "\(UKDateFormat.date(check.draft.date)) \(round): \(words)")
    }

    func findingWords(_ findings: [MARFinding]) -> String {
        findings.map(\.type.title).joined(separator: ", ").lowercased()
    }

    // MARK: Evidence from MAR checks

    /// Only rounds that ended after the service was added are expected: a service added today
    /// has none yet in the window, so no data rather than a gap.
    func coverage() -> Measure {
        let days = IndicatorID.marCoverage.definition.windowDays
        let rounds = MARRound.expected(for: service.service.kind)
        let checked = Set(window(days, endingDaysBefore: 1).map { "\(LondonDay($0.draft.date).dayNumber)-\($0.draft.round.rawValue)" })
        var measure = Measure(denominator: 0, counting: ("round(s) without a check", "round(s) expected"))
        // The day the service was added: only on that day (and before) do round ends need working out.
        let addedDay = service.service.addedAt.map(LondonDay.init)
        for offset in 1...days {
            let day = today.adding(days: -offset)
            for round in rounds {
                if let addedDay, day <= addedDay,
                   service.service.isBeforeStart(LateEntryRule.roundEnd(date: day.start, round: round)) { continue }
                measure.denominator! += 1
                if checked.contains("\(day.dayNumber)-\(round.rawValue)") { continue }
                measure.numerator += 1
                if withRecords {
                    let name = round == .visit ? "Homecare visits" : "\(round.title) round"
                    measure.records.append(IndicatorRecord(kind: .missingRound, date: LateEntryRule.roundEnd(date: day.start, round: round),
                                                           summary: "\(day) \(name): no MAR check logged"))
                }
            }
        }
        measure.hasData = measure.denominator! > 0
        return measure
    }

    func findingRate() -> Measure {
        let checks = window(IndicatorID.findingRate.definition.windowDays)
        var measure = Measure(denominator: 0, counting: ("finding(s)", "chart(s) checked"))
        for check in checks {
            measure.numerator += Double(check.draft.findings.count)
            measure.denominator! += Double(check.draft.chartsChecked)
            if withRecords, !check.draft.findings.isEmpty {
                measure.records.append(checkRecord(check, Self.counted(check.draft.findings.count, "finding") + " (\(findingWords(check.draft.findings)))"))
            }
        }
        measure.hasData = measure.denominator! > 0
        return measure
    }

    func refusalsIncomplete() -> Measure {
        var measure = Measure(denominator: 0, counting: ("refusal(s) not fully recorded", "refusal(s) seen"))
        for check in window(IndicatorID.refusalsIncomplete.definition.windowDays) {
            let missing = max(0, check.draft.refusalsSeen - check.draft.refusalsComplete)
            measure.numerator += Double(missing)
            measure.denominator! += Double(check.draft.refusalsSeen)
            if withRecords, missing > 0 {
                measure.records.append(checkRecord(check, "\(missing) of \(Self.counted(check.draft.refusalsSeen, "refusal")) not fully recorded"))
            }
        }
        measure.hasData = measure.denominator! > 0
        return measure
    }

    func repeatFindings() -> Measure {
        let checks = window(IndicatorID.repeatFindings.definition.windowDays)
        var byStaff: [Int64: Int] = [:]
        for check in checks {
            for finding in check.draft.findings { if let staffID = finding.staffID { byStaff[staffID, default: 0] += 1 } }
        }
        let repeating = Set(byStaff.filter { $0.value >= IndicatorEngine.repeatFindingCount }.keys)
        var measure = Measure(numerator: Double(repeating.count), counting: ("staff named in \(IndicatorEngine.repeatFindingCount) or more findings", nil))
        if withRecords {
            for check in checks {
                let named = check.draft.findings.filter { $0.staffID.map(repeating.contains) ?? false }
                guard !named.isEmpty else { continue }
                let words = named.map { finding in
                    let name = finding.staffID.flatMap { staffNames[$0] } ?? "staff"
                    return "\(finding.type.title.lowercased()) by \(name) (\(byStaff[finding.staffID ?? 0] ?? 0) in 30 days)"
                }
                measure.records.append(checkRecord(check, words.joined(separator: "; ")))
            }
        }
        return measure
    }

    func lateReturns() -> Measure {
        let late = window(IndicatorID.lateReturns.definition.windowDays).filter(EvidenceMeasures.showsLateReturn)
        var measure = Measure(numerator: Double(late.count), counting: ("check(s) showing a late return", nil))
        if withRecords {
            measure.records = late.map { check in
                checkRecord(check, check.draft.chartsReturnedLate > 0
                            ? Self.counted(check.draft.chartsReturnedLate, "chart") + " returned late" : "a chart returned late")
            }
        }
        return measure
    }

    func lateReturnsNotEscalated() -> Measure {
        var measure = Measure(counting: ("late return(s) not escalated within a working day", nil))
        for check in window(IndicatorID.lateReturnsNotEscalated.definition.windowDays) where EvidenceMeasures.showsLateReturn(check) {
            // The round ends on its own day; the words are built only for the records.
            let deadline = workingDays.deadline(EscalationDue.standardWorkingDays, workingDaysAfter: LondonDay(check.draft.date))
            for item in EscalationDue.sources(of: check) where item.isLateReturn {
                let timeliness = EscalationTimeliness.of(deadline: deadline, answeredBy: service.escalationsBySource[item.source] ?? [],
                                                         at: moment)
                switch timeliness {
                case .inTime, .awaiting: continue
                case .late, .overdue: break
                }
                measure.numerator += 1
                guard withRecords, let due = EscalationDue.of(check).first(where: { $0.source == item.source }) else { continue }
                let what = due.summary.split(separator: "·").last.map { String($0).trimmingCharacters(in: .whitespaces) } ?? "late return"
                measure.records.append(checkRecord(check, "\(what): \(timeliness.words)"))
            }
        }
        return measure
    }

    func lateEntries() -> Measure {
        let late = window(IndicatorID.lateEntries.definition.windowDays).filter(\.isLateEntry)
        var measure = Measure(numerator: Double(late.count), counting: ("check(s) entered late", nil))
        if withRecords {
            measure.records = late.map { check in
                checkRecord(check, "entered \(UKDateFormat.dateTime(check.recordedAt)) by \(check.checkedBy)")
            }
        }
        return measure
    }

    /// One period of the audit score: its days and the score in it.
    struct ScorePeriod {
        let first: LondonDay
        let last: LondonDay
        let score: Double
        let source: String
    }

    /// The last three consecutive periods of hand-entered audit results on the service's plans
    /// (the medicines-audit measure with the newest figure), or nil when there are not three.
    func auditScores() -> [ScorePeriod]? {
        var best: (latest: LondonDay, periods: [ScorePeriod])?
        for plan in service.plans where plan.status(at: moment) != .draft {
            for measure in plan.measures where measure.definition.source == .medicinesAudit {
                let period = measure.definition.period
                var latest: [LondonDay: PeriodResult] = [:]
                for result in measure.results where result.periodStart <= moment {
                    latest[period.start(containing: LondonDay(result.periodStart))] = result
                }
                guard let newest = latest.keys.max() else { continue }
                let starts = [period.start(after: newest, count: -2), period.start(after: newest, count: -1), newest]
                let scores = starts.compactMap { start in latest[start]?.percent }
                guard scores.count == 3 else { continue }
                let periods = zip(starts, scores).map { start, score in
                    ScorePeriod(first: start, last: min(period.end(ofPeriodStarting: start), today), score: score,
                                source: "audit results on \(plan.draft.title)")
                }
                if best == nil || newest > best!.latest { best = (newest, periods) }
            }
        }
        return best?.periods
    }

    /// The share of clean MAR checks in three four-week blocks ending today, or nil when a
    /// block has no check.
    func cleanCheckScores() -> [ScorePeriod]? {
        var periods: [ScorePeriod] = []
        for block in (0..<3).reversed() {
            let last = today.adding(days: -28 * block)
            let first = last.adding(days: -27)
            var total = 0
            var clean = 0
            // Counted over the slice itself: no copy of the checks.
            for check in service.checks(from: first, to: last) where check.recordedAt <= moment {
                total += 1
                if check.draft.findings.isEmpty { clean += 1 }
            }
            guard total > 0 else { return nil }
            periods.append(ScorePeriod(first: first, last: last, score: Double(clean) / Double(total) * 100,
                                       source: "clean MAR checks"))
        }
        return periods
    }

    func scoreMasksRecurrence() -> Measure {
        var measure = Measure(counting: ("finding type(s) not falling while the audit score rose", nil))
        guard let periods = auditScores() ?? cleanCheckScores() else {
            measure.hasData = false
            return measure
        }
        let scores = periods.map(\.score)
        // Rose over the three periods: never down, and up overall.
        guard scores[1] >= scores[0], scores[2] >= scores[1], scores[2] > scores[0] else { return measure }
        let counts = periods.map { period -> [FindingType: Int] in
            var counts: [FindingType: Int] = [:]
            for check in service.checks(from: period.first, to: period.last) where check.recordedAt <= moment {
                for finding in check.draft.findings where finding.type != .other { counts[finding.type, default: 0] += 1 }
            }
            return counts
        }
        // Did not fall: found in every period, and at least as often in the last as in the first.
        let recurring = Set(counts[2].keys).filter { type in
            counts.allSatisfy { ($0[type] ?? 0) > 0 } && (counts[2][type] ?? 0) >= (counts[0][type] ?? 0)
        }
        measure.numerator = Double(recurring.count)
        if withRecords, !recurring.isEmpty {
            let rose = "\(periods[0].source) \(scores.map { IndicatorFormat.number($0, unit: .percent) }.joined(separator: " → "))"
            for check in service.checks(from: periods[2].first, to: periods[2].last) where check.recordedAt <= moment {
                let found = check.draft.findings.filter { recurring.contains($0.type) }
                guard !found.isEmpty else { continue }
                let per = Set(found.map(\.type)).sorted { $0.rawValue < $1.rawValue }
                    .map { type in "\(type.title.lowercased()) \(counts.map { String($0[type] ?? 0) }.joined(separator: ", "))" }
                    .joined(separator: "; ")
                measure.records.append(checkRecord(check, "\(findingWords(found)) again (per period: \(per)); \(rose)"))
            }
        }
        return measure
    }

    // MARK: Escalations

    func escalationsOverdue() -> Measure {
        let overdue = service.escalations.filter { escalation in
            escalation.raisedAt <= moment && escalation.dueBy < moment
                && (escalation.resolvedAt.map { $0 > moment } ?? true)
        }
        var measure = Measure(numerator: Double(overdue.count), counting: ("escalation(s) past their due-by", nil))
        if withRecords {
            measure.records = overdue.map { escalation in
                IndicatorRecord(kind: .escalation(escalation.id), date: escalation.dueBy,
                                summary: "\(escalation.draft.category.title), \(escalation.draft.severity.title.lowercased()): due \(UKDateFormat.dateTime(escalation.dueBy)), \(escalation.draft.whatHappened)")
            }
        }
        return measure
    }

    func escalationsLate() -> Measure {
        let first = today.adding(days: 1 - IndicatorID.escalationsLate.definition.windowDays)
        let resolved = service.escalations.filter { escalation in
            guard let at = escalation.resolvedAt else { return false }
            return at <= moment && LondonDay(at) >= first
        }
        let late = resolved.filter { !($0.handledInTime ?? ($0.resolvedAt! <= $0.dueBy)) }
        var measure = Measure(numerator: Double(late.count), denominator: Double(resolved.count),
                              counting: ("resolved late", "escalation(s) resolved"))
        measure.hasData = !resolved.isEmpty
        if withRecords {
            measure.records = late.map { escalation in
                IndicatorRecord(kind: .escalation(escalation.id), date: escalation.resolvedAt ?? escalation.dueBy,
                                summary: "\(escalation.draft.category.title): due \(UKDateFormat.dateTime(escalation.dueBy)), resolved \(UKDateFormat.dateTime(escalation.resolvedAt ?? escalation.dueBy))")
            }
        }
        return measure
    }

    // MARK: Plans

    var followedPlans: [PlanRecord] { service.plans.filter { PlanRecord.isFollowed($0.status(at: moment)) } }

    func stepsOverdue() -> Measure {
        var measure = Measure(counting: ("plan step(s) overdue", nil))
        for plan in followedPlans {
            for step in plan.steps {
                let last = step.entries.filter { $0.occurredAt <= moment }.map(\.occurredAt).max()
                let due = StepSchedule.nextDue(cadence: step.definition.cadence, firstDue: step.firstDue, lastRecorded: last)
                guard StepSchedule.isOverdue(nextDue: due, today: moment), let due else { continue }
                measure.numerator += 1
                if withRecords {
                    measure.records.append(IndicatorRecord(kind: .plan(plan.id), date: due,
                                                           summary: "\(plan.draft.title): step \(step.definition.position) (\(step.definition.role.title.lowercased())) due \(UKDateFormat.date(due))"))
                }
            }
        }
        return measure
    }

    func reviewsOverdue() -> Measure {
        var measure = Measure(counting: ("governance review(s) overdue", nil))
        for plan in followedPlans {
            for kind in ReviewKind.allCases {
                let last = plan.reviews.filter { $0.kind == kind && $0.occurredAt <= moment }.map(\.occurredAt).max()
                let due = ReviewSchedule.nextDue(kind: kind, plan: plan, last: last)
                guard LondonDay(due) < today else { continue }
                measure.numerator += 1
                if withRecords {
                    measure.records.append(IndicatorRecord(kind: .plan(plan.id), date: due,
                                                           summary: "\(plan.draft.title): \(kind.title.lowercased()) due \(UKDateFormat.date(due))"))
                }
            }
        }
        return measure
    }

    func measuresOffTrack() -> Measure {
        var measure = Measure(counting: ("outcome measure(s) off track", nil))
        for plan in followedPlans {
            for planMeasure in plan.measures {
                let evaluation = TargetEngine.evaluate(planMeasure.definition, records: planMeasure.records(at: moment),
                                                       planStart: plan.draft.startDate, today: moment, workingDays: workingDays)
                guard evaluation.state == .offTrack else { continue }
                measure.numerator += 1
                if withRecords {
                    measure.records.append(IndicatorRecord(kind: .plan(plan.id), date: plan.draft.startDate,
                                                           summary: "\(plan.draft.title): \(planMeasure.definition.name) — \(evaluation.why)"))
                }
            }
        }
        return measure
    }

    func unsupportedClosures() -> Measure {
        let first = today.adding(days: -IndicatorID.unsupportedClosures.definition.windowDays)
        var measure = Measure(counting: ("closed plan(s) without results or sign-off", nil))
        for plan in service.plans {
            guard let closure = service.closures[plan.id], closure.closed <= moment, LondonDay(closure.closed) > first,
                  plan.status(at: moment) == .closed, !closure.missing.isEmpty else { continue }
            measure.numerator += 1
            if withRecords {
                measure.records.append(IndicatorRecord(kind: .plan(plan.id), date: closure.closed,
                                                       summary: "\(plan.draft.title): closed \(UKDateFormat.date(closure.closed)) with \(closure.missing.joined(separator: "; "))"))
            }
        }
        return measure
    }

    // MARK: Staff

    func staffWithoutCompetency() -> Measure {
        var measure = Measure(counting: ("staff without a current competency", nil))
        for staff in service.medicineStaff where staff.joined.map({ $0 <= moment }) ?? true {
            let status = CompetencyRules.status(observations: staff.observations, at: moment)
            guard !status.isCurrent else { continue }
            measure.numerator += 1
            if withRecords {
                measure.records.append(IndicatorRecord(kind: .staff(staff.member.id), date: moment,
                                                       summary: "\(staff.member.name) (\(staff.member.role.title.lowercased())): \(status.title.lowercased())"))
            }
        }
        return measure
    }
}
