import Foundation
import GRDB
import RecoveryModel
import RecoveryStore

/// Escalations and observations of a provider-scale store.
extension ScaleGenerator {
    // MARK: Escalations

    static let standalone: [(EscalationCategory, Double, String, String)] = [
        (.deterioration, 3, "Resident more drowsy than usual after the lunchtime round; observations taken.", "NEWS2 score recorded; GP called."),
        (.safeguarding, 1.5, "Unexplained bruising noticed on the forearm during personal care.", "Body map completed; safeguarding lead told."),
        (.complaint, 1.5, "Family unhappy that evening medicines were given an hour late.", "Apologised; the round order reviewed."),
        (.competencyConcern, 1.5, "Carer signed for a dose before giving it.", "Stopped from the round until observed."),
        (.medicationError, 1.5, "Two doses of a weekly tablet given in one week.", "GP advice taken; person monitored."),
        (.other, 1, "Medicines fridge above 8 °C at the morning check.", "Stock moved; pharmacy asked about use."),
    ]

    /// Escalations not tied to a check (deterioration, safeguarding, complaints...), spread over the
    /// years, so the total reaches `options.escalations`.
    func queueStandaloneEscalations() {
        let missing = options.escalations - pending.count
        guard missing > 0 else { return }
        let weights = services.map { scale -> (FixtureService, Double) in
            (scale, scale.profile == .struggling ? 1.6 : scale.profile == .middling ? 1.1 : 0.7)
        }
        for _ in 0..<missing {
            let scale = random.weighted(weights)
            let dayIndex = random.int(0...(dayCount - 1))
            let day = firstDay.adding(days: dayIndex)
            var raised = day.start.addingTimeInterval(Double(random.int(7 * 60...21 * 60)) * 60)
            if raised > now { raised = now.addingTimeInterval(-Double(random.int(1...600)) * 60) }
            let (category, _, what, action) = random.weighted(Self.standalone.map { ($0, $0.1) })
            let givers = scale.givers(on: dayIndex)
            let named = category == .competencyConcern || category == .medicationError ? pick(givers).id : nil
            pending.append(PendingEscalation(
                service: scale, category: category,
                severity: random.weighted([(.low, 3), (.moderate, 4), (.high, 2), (.potentialHarm, 0.5)]),
                occurredAt: raised.addingTimeInterval(-Double(random.int(10...360)) * 60), raisedAt: raised,
                raisedBy: random.chance(0.5) ? random.pick(scale.checkers) : scale.deputy,
                toRole: category == .safeguarding ? .safeguardingLead : .registeredManager,
                toName: category == .safeguarding ? (provider[.safeguardingLead]?.name ?? "") : scale.manager.name,
                staffID: named, whatHappened: what, immediateAction: action))
        }
    }

    func insertEscalations(_ load: BulkLoad) throws {
        pending = pending.filter { $0.raisedAt <= now }
        queueStandaloneEscalations()
        pending.sort { $0.raisedAt < $1.raisedAt }
        var rows = try load.inserter("escalation", columns: [
            "service_id", "category", "severity", "escalated_to_role", "escalated_to_name", "plan_id", "step_id",
            "mar_check_id", "observation_id", "staff_id", "what_happened", "immediate_action", "raised_by_id", "raised_by",
            "raised_at", "due_by", "working_days_allowed", "status", "acknowledged_at", "acknowledged_by", "responded_at",
            "responded_by", "response", "resolved_at", "resolved_by", "outcome", "handled_in_time", "occurred_at",
        ])
        for item in pending {
            let scale = item.service
            let allowed = policy.workingDays(category: item.category, severity: item.severity)
            let due = policy.dueBy(category: item.category, severity: item.severity, raisedAt: item.raisedAt, workingDays: workingDays)
            let rates = rates(scale.profile, day: firstDay.days(to: LondonDay(item.raisedAt)))
            // The handling, as in the demo; steps still to come are left out.
            let steps = FixtureEvidence.handling(raised: item.raisedAt, due: due, team: scale, rates: rates, now: now, neverWithinDays: 120,
                                                 workingDays: workingDays, &random).filter { $0.at <= now }
            var values: [String: (any DatabaseValueConvertible)?] = [:]
            var status = EscalationStatus.open
            var last = (item.raisedAt, item.raisedBy)
            for step in steps {
                let text = ScaleTime.text(step.at)
                switch step.status {
                case .acknowledged:
                    values["acknowledged_at"] = text
                    values["acknowledged_by"] = step.by.name
                case .responded:
                    values["responded_at"] = text
                    values["responded_by"] = step.by.name
                    values["response"] = step.note
                case .resolved:
                    values["resolved_at"] = text
                    values["resolved_by"] = step.by.name
                    values["outcome"] = step.note
                    values["handled_in_time"] = step.at <= due
                case .open:
                    break
                }
                status = step.status
                last = (step.at, step.by)
            }
            func value(_ key: String) -> (any DatabaseValueConvertible)? { values[key] ?? nil }
            try rows.run([
                scale.service.id, item.category.rawValue, item.severity.rawValue, item.toRole.rawValue, item.toName,
                item.planID, item.stepID, item.checkID, nil, item.staffID, item.whatHappened, item.immediateAction,
                item.raisedBy.id, item.raisedBy.name, ScaleTime.text(item.raisedAt), ScaleTime.text(due), allowed,
                status.rawValue, value("acknowledged_at"), value("acknowledged_by"), value("responded_at"),
                value("responded_by"), values["response"] as? String ?? "", value("resolved_at"), value("resolved_by"),
                values["outcome"] as? String ?? "", value("handled_in_time"), ScaleTime.text(item.occurredAt),
            ], stamp: ScaleStamp(last.0, last.1))
        }
    }

    // MARK: Observations

    struct PendingObservation {
        var staffID: Int64
        var occurredAt: Date
        var kind: ObservationKind
        var outcome: CompetencyOutcome
        var followUp: FollowUp
        var reassessBy: LondonDay?
        var note: String
        var observer: FixturePerson
        var recordedAt: Date
    }

    func observation(_ person: FixturePerson, _ scale: FixtureService, _ kind: ObservationKind, _ outcome: CompetencyOutcome,
                     _ followUp: FollowUp, day: Int, reassessBy: LondonDay? = nil, note: String) -> PendingObservation? {
        guard day < dayCount else { return nil }
        let occurred = firstDay.adding(days: day).start.addingTimeInterval(Double(random.int(8 * 4...19 * 4)) * 900)
        let recorded = occurred.addingTimeInterval(Double(random.int(20...240)) * 60)
        guard recorded <= now else { return nil }
        return PendingObservation(staffID: person.id, occurredAt: occurred, kind: kind, outcome: outcome, followUp: followUp,
                                  reassessBy: reassessBy, note: note, observer: FixtureEvidence.observer(scale, provider: provider, &random), recordedAt: recorded)
    }

    /// Each giver's competency story (first assessment after joining, yearly renewals with some
    /// missed, a few borderline or restricted), then routine observations (spot checks, MAR
    /// recording checks, refusal discussions, observed rounds) until there are `options.observations`.
    func makeObservations() -> [PendingObservation] {
        var made: [PendingObservation] = []
        func add(_ item: PendingObservation?) { if let item { made.append(item) } }
        // The provider's medicines lead gives medicines too, in every service.
        let providerGivers = provider.values.filter { $0.role == .medicinesLead }.sorted { $0.id < $1.id }
        for scale in services {
            for person in scale.givers + (scale.index == 0 ? providerGivers : []) {
                let roll = random.unit()
                let first = person.joined + random.int(3...40)
                if roll < 0.02 { continue }  // never assessed
                var next: Int
                if roll < 0.14 {
                    add(observation(person, scale, .competencyAssessment, .borderline, .supervisedPractice, day: first,
                                    note: "Hesitant with PRN protocols; supervised practice for two weeks."))
                    next = first + random.int(14...28)
                    if random.chance(0.8) {
                        add(observation(person, scale, .competencyReassessment, .competent, .none, day: next, note: "Now confident; competent."))
                    }
                } else if roll < 0.18 {
                    add(observation(person, scale, .competencyAssessment, .notYetCompetent, .restricted, day: first,
                                    note: "Did not check identity or record at the time; restricted until reassessed."))
                    next = first + random.int(28...56)
                    if random.chance(0.6) {
                        add(observation(person, scale, .competencyReassessment, .competent, .none, day: next,
                                        note: "Reassessed after training; competent."))
                    }
                } else if roll < 0.22 {
                    next = first
                    let by = firstDay.adding(days: first + random.int(20...60))
                    add(observation(person, scale, .competencyAssessment, .competent, .reassess, day: first, reassessBy: by,
                                    note: "Competent; reassess early after the new MAR system."))
                } else {
                    next = first
                    add(observation(person, scale, .competencyAssessment, .competent, .none, day: first, note: "Safe, calm round; competent."))
                }
                // Yearly renewals; one in ten late, caught up some weeks or months later.
                next += random.int(330...358)
                while next < dayCount {
                    if random.chance(0.10) { next += random.int(20...120) }
                    add(observation(person, scale, .competencyReassessment, .competent, .none, day: next, note: "Yearly reassessment; competent."))
                    next += random.int(330...358)
                }
            }
            if let offender = scale.repeatOffender, scale.profile == .struggling {
                add(observation(offender, scale, .spotCheck, .notYetCompetent, .restricted, day: max(offender.joined + 30, dayCount * 2 / 3),
                                note: "Third unsigned dose this month; restricted from medicines until reassessed."))
            }
        }
        let everyone = services.flatMap { scale in scale.givers.map { (scale, $0) } }
        while made.count < options.observations && !everyone.isEmpty {
            let (scale, person) = everyone[Int(random.next() % UInt64(everyone.count))]
            let day = random.int(min(dayCount - 1, person.joined + 7)...(dayCount - 1))
            let kind: ObservationKind = random.pick([.spotCheck, .marRecordingCheck, .refusalDiscussion, .medicinesRound])
            let outcome: CompetencyOutcome = kind == .medicinesRound ? .competent : random.weighted([(.competent, 8), (.borderline, 1.5)])
            add(observation(person, scale, kind, outcome, outcome == .competent ? .none : .supervisedPractice, day: day,
                            note: outcome == .competent ? "No concerns." : "Prompted twice on recording; supervised practice."))
        }
        return made.sorted { ($0.recordedAt, $0.staffID) < ($1.recordedAt, $1.staffID) }
    }

    /// The checklist as the store keeps it: JSON with sorted keys (`FixtureEvidence.checklist`).
    func checklist(_ outcome: CompetencyOutcome, cache: inout [String: String]) throws -> String {
        let pairs = FixtureEvidence.checklist(outcome, &random).map { ($0.key.rawValue, $0.value.rawValue) }.sorted { $0.0 < $1.0 }
        let key = pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
        if let text = cache[key] { return text }
        let text = try BulkLoad.json(Dictionary(uniqueKeysWithValues: pairs))
        cache[key] = text
        return text
    }

    func insertObservations(_ load: BulkLoad) throws {
        var rows = try load.inserter("observation", columns: [
            "staff_id", "kind", "checklist", "outcome", "follow_up", "reassess_by", "note", "occurred_at",
        ])
        var cache: [String: String] = [:]
        for item in makeObservations() {
            try rows.run([
                item.staffID, item.kind.rawValue, try checklist(item.outcome, cache: &cache), item.outcome.rawValue,
                item.followUp.rawValue, item.reassessBy.map { ScaleTime.text($0.start) }, item.note, ScaleTime.text(item.occurredAt),
            ], stamp: ScaleStamp(item.recordedAt, item.observer))
        }
    }
}
