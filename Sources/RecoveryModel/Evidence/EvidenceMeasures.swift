import Foundation

/// Turns daily evidence (MAR checks and escalations) into the figures of a plan's measures, by
/// source and period (London months, or Monday-started weeks). Pure; the rules in words are in
/// docs/evidence.md. Periods are keyed by the day of the round (MAR checks) or the moment
/// raised / resolved (escalations).
public enum EvidenceMeasures {
    /// The sources worked out from evidence rather than entered by hand.
    public static let derivedSources: Set<MeasureSource> = [
        .refusalRecordsComplete, .chartsReturnedOnTime, .lateReturnsEscalated, .repeatFindings, .escalationsHandledInTime,
    ]

    public static func isDerived(_ source: MeasureSource) -> Bool { derivedSources.contains(source) }

    // MARK: Refusal records complete

    /// Per period: refusals fully recorded out of refusals seen (summed over the period's
    /// checks). A period whose checks saw no refusals has no result.
    public static func refusalRecordsComplete(_ checks: [MARCheck], period: MeasurePeriod) -> [PeriodResult] {
        var sums: [LondonDay: (complete: Int, seen: Int, checks: Int)] = [:]
        for check in checks {
            let start = period.start(containing: LondonDay(check.draft.date))
            var sum = sums[start] ?? (0, 0, 0)
            sum.complete += check.draft.refusalsComplete
            sum.seen += check.draft.refusalsSeen
            sum.checks += 1
            sums[start] = sum
        }
        return sums.filter { $0.value.seen > 0 }.sorted { $0.key < $1.key }.map { start, sum in
            PeriodResult(periodStart: start.start, numerator: sum.complete, denominator: sum.seen,
                         note: "From \(counted(sum.checks, "MAR check")): \(sum.complete) of \(counted(sum.seen, "refusal")) fully recorded")
        }
    }

    // MARK: Charts returned on time

    /// Per period, homecare visits only (round `.visit`): charts checked less charts returned
    /// late, out of charts checked. A period with no visit checked has no result.
    public static func chartsReturnedOnTime(_ checks: [MARCheck], period: MeasurePeriod) -> [PeriodResult] {
        var sums: [LondonDay: (checked: Int, late: Int)] = [:]
        for check in checks where check.draft.round == .visit {
            let start = period.start(containing: LondonDay(check.draft.date))
            var sum = sums[start] ?? (0, 0)
            sum.checked += check.draft.chartsChecked
            sum.late += min(check.draft.chartsReturnedLate, check.draft.chartsChecked)
            sums[start] = sum
        }
        return sums.filter { $0.value.checked > 0 }.sorted { $0.key < $1.key }.map { start, sum in
            PeriodResult(periodStart: start.start, numerator: sum.checked - sum.late, denominator: sum.checked,
                         note: "\(counted(sum.checked, "chart")) checked on homecare visits, \(sum.late) returned late")
        }
    }

    // MARK: Late returns escalated

    /// True when a check shows a late return: charts returned late, or a "chart returned late" finding.
    public static func showsLateReturn(_ check: MARCheck) -> Bool {
        check.draft.chartsReturnedLate > 0 || check.draft.findings.contains { $0.type == .chartReturnedLate }
    }

    /// One event per check showing a late return, occurring at the end of its round. It is
    /// handled when a late-MAR-return escalation was raised for it: the earliest one linked to
    /// the check, or else the earliest one for the same service that is linked to no MAR check
    /// and was raised on or after the start of the round's day. Oldest first.
    public static func lateReturnEvents(_ checks: [MARCheck], escalations: [Escalation]) -> [HandledEvent] {
        let lateEscalations = escalations.filter { $0.draft.category == .lateMARReturn }
        return checks.filter(showsLateReturn).map { check -> HandledEvent in
            let late = check.draft.chartsReturnedLate
            let what = late > 0 ? "\(counted(late, "chart")) returned late" : "a chart returned late"
            return HandledEvent(occurred: EvidenceDerivations.roundMoment(check.draft),
                                handled: lateReturnEscalated(check, among: lateEscalations),
                                note: "MAR check \(check.id), \(check.draft.round.title.lowercased()) on \(UKDateFormat.date(check.draft.date)): \(what)")
        }.sorted { $0.occurred < $1.occurred }
    }

    /// When a check's late return was escalated (see `lateReturnEvents`), among escalations of
    /// the late-MAR-return category; nil when it was not.
    public static func lateReturnEscalated(_ check: MARCheck, among lateEscalations: [Escalation]) -> Date? {
        let dayStart = LondonDay(check.draft.date).start
        var linked: Date?
        var sameService: Date?
        for escalation in lateEscalations where escalation.draft.category == .lateMARReturn {
            if escalation.draft.links.marCheckID == check.id {
                linked = min(linked ?? escalation.raisedAt, escalation.raisedAt)
            } else if escalation.draft.links.marCheckID == nil, escalation.draft.serviceID == check.draft.serviceID,
                      escalation.raisedAt >= dayStart {
                sameService = min(sameService ?? escalation.raisedAt, escalation.raisedAt)
            }
        }
        return linked ?? sameService
    }

    /// Per period of the round: late returns escalated within `limit` working days, out of late
    /// returns. Periods with no late return have no result.
    public static func lateReturnsEscalated(_ checks: [MARCheck], escalations: [Escalation], period: MeasurePeriod,
                                            limit: Int = 1, workingDays: WorkingDays) -> [PeriodResult] {
        var sums: [LondonDay: (inTime: Int, total: Int)] = [:]
        for event in lateReturnEvents(checks, escalations: escalations) {
            let start = period.start(containing: LondonDay(event.occurred))
            var sum = sums[start] ?? (0, 0)
            sum.total += 1
            if let handled = event.handled,
               workingDays.isWithin(limit, workingDaysOf: event.occurred, handled: handled) { sum.inTime += 1 }
            sums[start] = sum
        }
        return sums.sorted { $0.key < $1.key }.map { start, sum in
            PeriodResult(periodStart: start.start, numerator: sum.inTime, denominator: sum.total,
                         note: "\(sum.inTime) of \(counted(sum.total, "late return")) escalated within \(counted(limit, "working day"))")
        }
    }

    // MARK: Repeat findings

    /// Per period with at least one check (a count, 0 when none): findings that repeat an
    /// earlier finding of the same period of the same type, either about the same person (same
    /// service, same person reference ignoring case, spaces and punctuation) or naming the same
    /// member of staff. Each repeating finding counts once. "Other" findings are not compared
    /// (their type says nothing about what was found). Checks are taken in round order.
    public static func repeatFindings(_ checks: [MARCheck], period: MeasurePeriod) -> [PeriodResult] {
        struct PersonKey: Hashable { let service: Int64; let type: FindingType; let person: String }
        struct StaffKey: Hashable { let type: FindingType; let staff: Int64 }
        var byPeriod: [LondonDay: [MARCheck]] = [:]
        for check in checks {
            byPeriod[period.start(containing: LondonDay(check.draft.date)), default: []].append(check)
        }
        return byPeriod.sorted { $0.key < $1.key }.map { start, periodChecks in
            let ordered = periodChecks.sorted {
                (EvidenceDerivations.roundMoment($0.draft), $0.id) < (EvidenceDerivations.roundMoment($1.draft), $1.id)
            }
            var people: Set<PersonKey> = []
            var staff: Set<StaffKey> = []
            var repeats = 0
            var types: [FindingType: Int] = [:]
            for check in ordered {
                for finding in check.draft.findings where finding.type != .other {
                    let person = EvidenceDerivations.personKey(finding.personReference)
                    var isRepeat = false
                    if !person.isEmpty {
                        isRepeat = !people.insert(PersonKey(service: check.draft.serviceID, type: finding.type, person: person)).inserted
                    }
                    if let staffID = finding.staffID {
                        if !staff.insert(StaffKey(type: finding.type, staff: staffID)).inserted { isRepeat = true }
                    }
                    if isRepeat {
                        repeats += 1
                        types[finding.type, default: 0] += 1
                    }
                }
            }
            let detail = types.sorted { $0.key.rawValue < $1.key.rawValue }
                .map { "\($0.key.title.lowercased()) \($0.value)" }.joined(separator: ", ")
            let note = "\(counted(repeats, "repeat finding")) in \(counted(ordered.count, "MAR check"))" + (detail.isEmpty ? "" : " (\(detail))")
            return PeriodResult.count(repeats, in: start.start, note: note)
        }
    }

    // MARK: Escalations handled in time

    /// Per period of resolution: escalations resolved by their due-by, out of escalations
    /// resolved. Periods with nothing resolved have no result.
    public static func escalationsHandledInTime(_ escalations: [Escalation], period: MeasurePeriod) -> [PeriodResult] {
        var sums: [LondonDay: (inTime: Int, total: Int)] = [:]
        for escalation in escalations where escalation.status == .resolved {
            guard let resolved = escalation.resolvedAt else { continue }
            let start = period.start(containing: LondonDay(resolved))
            var sum = sums[start] ?? (0, 0)
            sum.total += 1
            if escalation.handledInTime ?? (resolved <= escalation.dueBy) { sum.inTime += 1 }
            sums[start] = sum
        }
        return sums.sorted { $0.key < $1.key }.map { start, sum in
            PeriodResult(periodStart: start.start, numerator: sum.inTime, denominator: sum.total,
                         note: "\(sum.inTime) of \(counted(sum.total, "escalation")) resolved by the due date")
        }
    }

    /// One event per escalation: raised, and handled when resolved (nil while still open). For
    /// a measure with a "within N working days" rule. Oldest first.
    public static func escalationEvents(_ escalations: [Escalation]) -> [HandledEvent] {
        escalations.map {
            HandledEvent(occurred: $0.raisedAt, handled: $0.status == .resolved ? $0.resolvedAt : nil,
                         note: "Escalation \($0.id): \($0.draft.category.title.lowercased()), \($0.draft.severity.title.lowercased())")
        }.sorted { $0.occurred < $1.occurred }
    }

    // MARK: A measure's records

    /// Everything the evidence says for one measure (empty for a manual-audit measure).
    ///
    /// Percentages and counts come as above. Measures with events (late returns escalated,
    /// escalations handled in time) also get their events. When such a measure has no
    /// percentage rule, a period in which MAR checks were logged but nothing needed handling
    /// gets a "none to handle" figure (0 of 0), so a "within N working days" rule reads "none to
    /// handle" rather than "nothing recorded". With a percentage rule it does not: 0 of 0 is
    /// not a percentage.
    public static func records(for measure: OutcomeMeasureDefinition, checks: [MARCheck], escalations: [Escalation],
                               workingDays: WorkingDays) -> MeasureRecords {
        let period = measure.period
        switch measure.source {
        case .manualAudit:
            return MeasureRecords()
        case .refusalRecordsComplete:
            return MeasureRecords(results: refusalRecordsComplete(checks, period: period))
        case .chartsReturnedOnTime:
            return MeasureRecords(results: chartsReturnedOnTime(checks, period: period))
        case .repeatFindings:
            return MeasureRecords(results: repeatFindings(checks, period: period))
        case .lateReturnsEscalated:
            let limit = eventLimit(measure) ?? 1
            let results = lateReturnsEscalated(checks, escalations: escalations, period: period, limit: limit,
                                               workingDays: workingDays)
            return MeasureRecords(results: withQuietPeriods(results, measure: measure, checks: checks,
                                                            note: "No late MAR return to escalate"),
                                  events: lateReturnEvents(checks, escalations: escalations))
        case .escalationsHandledInTime:
            let results = escalationsHandledInTime(escalations, period: period)
            return MeasureRecords(results: withQuietPeriods(results, measure: measure, checks: checks,
                                                            note: "No escalation resolved"),
                                  events: escalationEvents(escalations))
        }
    }

    /// Evidence figures combined with figures entered by hand: a period with a figure from the
    /// evidence takes it; a hand-entered figure counts only for a period the evidence says
    /// nothing about (e.g. months before checks were logged in RecoveryDesk). Oldest first,
    /// hand-entered figures keeping their order.
    public static func merged(manual: [PeriodResult], derived: MeasureRecords, period: MeasurePeriod) -> MeasureRecords {
        let covered = Set(derived.results.map { period.start(containing: LondonDay($0.periodStart)) })
        let kept = manual.filter { !covered.contains(period.start(containing: LondonDay($0.periodStart))) }
        return MeasureRecords(results: kept + derived.results, events: derived.events)
    }

    // MARK: Helpers

    static func eventLimit(_ measure: OutcomeMeasureDefinition) -> Int? {
        for rule in measure.rules {
            if case .everyEventWithinWorkingDays(let days, _) = rule { return days }
        }
        return nil
    }

    static func hasPercentageRule(_ measure: OutcomeMeasureDefinition) -> Bool {
        measure.rules.contains {
            switch $0 {
            case .atLeastPercentForConsecutivePeriods, .reachPercentByDeadline: return true
            default: return false
            }
        }
    }

    static func withQuietPeriods(_ results: [PeriodResult], measure: OutcomeMeasureDefinition, checks: [MARCheck],
                                 note: String) -> [PeriodResult] {
        guard !hasPercentageRule(measure) else { return results }
        let period = measure.period
        var counts: [LondonDay: Int] = [:]
        for check in checks { counts[period.start(containing: LondonDay(check.draft.date)), default: 0] += 1 }
        let covered = Set(results.map { period.start(containing: LondonDay($0.periodStart)) })
        let quiet = counts.filter { !covered.contains($0.key) }.map { start, count in
            PeriodResult(periodStart: start.start, numerator: 0, denominator: 0,
                         note: "\(note) (\(counted(count, "MAR check")) logged)")
        }
        return (results + quiet).sorted { $0.periodStart < $1.periodStart }
    }

    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
