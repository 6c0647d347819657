import Foundation

/// Turns daily evidence (MAR checks and escalations) into the figures of a plan's measures, by
/// source and period (London months, or Monday-started weeks). Pure; the rules in words are in
/// docs/evidence.md. Periods are keyed by the day of the round (MAR checks) or the moment
/// raised / resolved (escalations).
public enum EvidenceMeasures {
    /// The sources worked out from evidence rather than entered by hand.
    public static let derivedSources: Set<MeasureSource> = [
        .refusalRecordsComplete, .chartsReturnedOnTime, .lateReturnsEscalated, .repeatFindings, .repeatFindingTypes,
        .repeatFindingsByStaff, .repeatFindingsByPerson, .escalationsHandledInTime,
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

    /// One event per late return, occurring at the end of its round, handled when the first
    /// escalation that names it was raised. An escalation counts only for the late returns it
    /// was raised about, so one escalated in time never covers another. Oldest first.
    public static func lateReturnEvents(_ checks: [MARCheck], escalations: [Escalation]) -> [HandledEvent] {
        let index = escalations.bySource()
        var events: [HandledEvent] = []
        for check in checks where showsLateReturn(check) {
            let occurred = EvidenceDerivations.roundMoment(check.draft)
            for item in EscalationDue.sources(of: check) where item.isLateReturn {
                events.append(HandledEvent(occurred: occurred, handled: firstRaised(index[item.source]),
                                           note: "\(item.source.reference): a late return"))
            }
        }
        return events.sorted { ($0.occurred, $0.note ?? "") < ($1.occurred, $1.note ?? "") }
    }

    /// When the first of `escalations` was raised, or nil when there is none.
    public static func firstRaised(_ escalations: [Escalation]?) -> Date? {
        escalations?.map(\.raisedAt).min()
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

    /// What a repeat is, for the repeat-finding sources.
    public enum RepeatKind: Sendable {
        /// The same type at the same service again, in the same period or the period before.
        case findingType
        /// The same type naming the same member of staff, within the period.
        case staffMember
        /// The same type about the same person (same service, same person reference), within the period.
        case person
        /// Same person or same staff member (stores made before repeats said what repeats).
        case personOrStaff
    }

    /// The repeat kind a source counts, or nil for a source that is not about repeats.
    public static func repeatKind(_ source: MeasureSource) -> RepeatKind? {
        switch source {
        case .repeatFindings: return .personOrStaff
        case .repeatFindingTypes: return .findingType
        case .repeatFindingsByStaff: return .staffMember
        case .repeatFindingsByPerson: return .person
        default: return nil
        }
    }

    /// Per period with at least one check (a count, 0 when none): findings that repeat an
    /// earlier one in the way `kind` says. Each repeating finding counts once. "Other" findings
    /// are not compared (their type says nothing about what was found). Checks are taken in
    /// round order. Person references match ignoring case, spaces and punctuation.
    public static func repeatFindings(_ checks: [MARCheck], period: MeasurePeriod,
                                      kind: RepeatKind = .personOrStaff) -> [PeriodResult] {
        struct PersonKey: Hashable { let service: Int64; let type: FindingType; let person: String }
        struct StaffKey: Hashable { let type: FindingType; let staff: Int64 }
        struct TypeKey: Hashable { let service: Int64; let type: FindingType }
        var byPeriod: [LondonDay: [MARCheck]] = [:]
        for check in checks {
            byPeriod[period.start(containing: LondonDay(check.draft.date)), default: []].append(check)
        }
        var typesByPeriod: [LondonDay: Set<TypeKey>] = [:]
        for (start, periodChecks) in byPeriod {
            var found: Set<TypeKey> = []
            for check in periodChecks {
                for finding in check.draft.findings where finding.type != .other {
                    found.insert(TypeKey(service: check.draft.serviceID, type: finding.type))
                }
            }
            typesByPeriod[start] = found
        }
        return byPeriod.sorted { $0.key < $1.key }.map { start, periodChecks in
            let ordered = periodChecks.sorted {
                (EvidenceDerivations.roundMoment($0.draft), $0.id) < (EvidenceDerivations.roundMoment($1.draft), $1.id)
            }
            let before = typesByPeriod[period.start(after: start, count: -1)] ?? []
            var people: Set<PersonKey> = []
            var staff: Set<StaffKey> = []
            var types: Set<TypeKey> = []
            var repeats = 0
            var counts: [FindingType: Int] = [:]
            for check in ordered {
                for finding in check.draft.findings where finding.type != .other {
                    let person = EvidenceDerivations.personKey(finding.personReference)
                    let samePerson = !person.isEmpty
                        && !people.insert(PersonKey(service: check.draft.serviceID, type: finding.type, person: person)).inserted
                    let sameStaff = finding.staffID.map { !staff.insert(StaffKey(type: finding.type, staff: $0)).inserted } ?? false
                    let typeKey = TypeKey(service: check.draft.serviceID, type: finding.type)
                    let sameType = !types.insert(typeKey).inserted || before.contains(typeKey)
                    let isRepeat: Bool
                    switch kind {
                    case .findingType: isRepeat = sameType
                    case .staffMember: isRepeat = sameStaff
                    case .person: isRepeat = samePerson
                    case .personOrStaff: isRepeat = samePerson || sameStaff
                    }
                    if isRepeat {
                        repeats += 1
                        counts[finding.type, default: 0] += 1
                    }
                }
            }
            let detail = counts.sorted { $0.key.rawValue < $1.key.rawValue }
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
        case .manualAudit, .medicinesAudit:
            return MeasureRecords()
        case .refusalRecordsComplete:
            return MeasureRecords(results: refusalRecordsComplete(checks, period: period))
        case .chartsReturnedOnTime:
            return MeasureRecords(results: chartsReturnedOnTime(checks, period: period))
        case .repeatFindings, .repeatFindingTypes, .repeatFindingsByStaff, .repeatFindingsByPerson:
            return MeasureRecords(results: repeatFindings(checks, period: period, kind: repeatKind(measure.source) ?? .personOrStaff))
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

    /// The figures the target judges for a measure worked out from records: the records' own,
    /// period by period. A hand-entered figure stands in only for a period the records say
    /// nothing about (e.g. months before checks were logged in RecoveryDesk); where the records
    /// have a figure, the hand-entered one is kept beside it (see `comparisons`), never used
    /// instead and never dropped. Oldest first, hand-entered figures keeping their order.
    public static func merged(manual: [PeriodResult], derived: MeasureRecords, period: MeasurePeriod) -> MeasureRecords {
        let covered = Set(derived.results.map { period.start(containing: LondonDay($0.periodStart)) })
        let kept = manual.filter { !covered.contains(period.start(containing: LondonDay($0.periodStart))) }
        return MeasureRecords(results: kept + derived.results, events: derived.events)
    }

    /// Period by period, where a measure worked out from records also has a figure entered by
    /// hand: both, and whether they disagree by more than the measure's tolerance.
    public static func comparisons(manual: [PeriodResult], derived: [PeriodResult],
                                   measure: OutcomeMeasureDefinition) -> [SourceComparison] {
        let period = measure.period
        var latestManual: [LondonDay: PeriodResult] = [:]
        for result in manual { latestManual[period.start(containing: LondonDay(result.periodStart))] = result }
        var latestDerived: [LondonDay: PeriodResult] = [:]
        for result in derived { latestDerived[period.start(containing: LondonDay(result.periodStart))] = result }
        return latestManual.keys.sorted().compactMap { start in
            guard let records = latestDerived[start], let hand = latestManual[start] else { return nil }
            let gap: Double
            if !measure.isPercentage {
                gap = abs(Double(records.count - hand.count))
            } else if let a = records.percent, let b = hand.percent {
                gap = abs(a - b)
            } else {
                gap = records.denominator == hand.denominator && records.numerator == hand.numerator ? 0 : .infinity
            }
            return SourceComparison(periodStart: start.start, records: records, handEntered: hand,
                                    disagree: gap > measure.toleranceInForce + 1e-9)
        }
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
