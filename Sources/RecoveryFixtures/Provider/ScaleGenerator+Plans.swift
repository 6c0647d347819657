import Foundation
import GRDB
import RecoveryModel
import RecoveryStore

/// Plans of a provider-scale store: about ten a service over the years from the built-in
/// templates, most closed in the past, one or two a service active (started in the last months),
/// a few provider-wide; each with its steps recorded at their cadence, results for the measures
/// entered by hand, reviews and status changes.
extension ScaleGenerator {
    enum Course {
        /// Closed with every measure achieved.
        case closedSupported
        /// Closed although a measure was not achieved (the unsupported-closure indicator's work).
        case closedUnsupported
        case onTrack
        /// Active with steps and reviews going undone and figures below target.
        case slipping
    }

    struct PlanSpec {
        var service: FixtureService?
        var template: PlanTemplate
        var start: LondonDay
        /// The day it closed, for a closed plan.
        var closed: LondonDay?
        var course: Course
        /// Active plans that are being monitored now; closed plans that went through monitoring.
        var monitoring: Bool
        /// Closed, reopened, closed again.
        var reopened: Bool
    }

    static let templatesByKind: [Service.Kind: [String]] = [
        .residential: ["refusal-recording-gaps", "inconsistent-mar-recording", "independence-step-down-residential",
                       "administering-without-competency", "care-plans-without-outcome-checks"],
        .nursing: ["medication-errors-not-escalated", "deterioration-not-escalated", "medicines-competency-concerns",
                   "inconsistent-mar-recording", "care-plans-without-outcome-checks"],
        .domiciliary: ["late-mar-returns", "independence-self-administration-homecare", "medicines-competency-concerns",
                       "communication-complaints", "administering-without-competency"],
        .supportedLiving: ["independence-fewer-prompts-supported-living", "communication-complaints",
                           "training-without-safer-escalation", "refusal-recording-gaps", "care-plans-without-outcome-checks"],
    ]
    static let providerWide = ["audit-scores-without-less-recurrence", "weak-audit-challenge", "training-without-safer-escalation"]

    func template(_ id: String) -> PlanTemplate? { templates.first { $0.id == id } ?? templates.first }

    func planSpecs() -> [PlanSpec] {
        guard !templates.isEmpty else { return [] }
        var specs: [PlanSpec] = []
        let providerCount = min(6, max(0, options.plans - services.count))
        let perService = options.plans - providerCount
        for scale in services {
            let count = perService / services.count + (scale.index < perService % services.count ? 1 : 0)
            let active = min(count, scale.profile == .strong ? 1 : scale.profile == .struggling ? 2 : (random.chance(0.5) ? 1 : 2))
            let closed = count - active
            let ids = Self.templatesByKind[scale.kind] ?? []
            let span = max(1, dayCount - 180)
            for index in 0..<closed {
                guard let template = template(ids[(scale.index + index) % ids.count]) else { continue }
                let start = 5 + index * span / max(1, closed) + random.int(0...20)
                let close = min(start + random.int(120...300), dayCount - 15)
                let unsupported = random.chance(scale.profile == .strong ? 0.04 : 0.12)
                specs.append(PlanSpec(service: scale, template: template, start: firstDay.adding(days: start),
                                      closed: firstDay.adding(days: close), course: unsupported ? .closedUnsupported : .closedSupported,
                                      monitoring: random.chance(0.35), reopened: random.chance(0.04)))
            }
            for index in 0..<active {
                guard let template = template(ids[(scale.index + closed + index) % ids.count]) else { continue }
                let slipping = scale.profile == .struggling || (scale.profile == .middling && index == 1)
                specs.append(PlanSpec(service: scale, template: template, start: today.adding(days: -random.int(20...200)), closed: nil,
                                      course: slipping ? .slipping : .onTrack, monitoring: !slipping && random.chance(0.25),
                                      reopened: false))
            }
        }
        for index in 0..<providerCount {
            guard let template = template(Self.providerWide[index % Self.providerWide.count]) else { continue }
            let isActive = index == providerCount - 1
            let start = isActive ? today.adding(days: -random.int(90...140)) : firstDay.adding(days: 30 + index * (dayCount - 400) / max(1, providerCount - 1))
            specs.append(PlanSpec(service: nil, template: template, start: start,
                                  closed: isActive ? nil : start.adding(days: random.int(150...300)),
                                  course: isActive ? .onTrack : .closedSupported, monitoring: false, reopened: false))
        }
        return specs.sorted { ($0.start, $0.service?.index ?? -1) < ($1.start, $1.service?.index ?? -1) }
    }

    func insertPlans(_ load: BulkLoad) throws {
        var entries = try load.inserter("plan_step_entry", columns: [
            "plan_id", "step_id", "outcome", "note", "evidence", "occurred_at",
        ])
        var results = try load.inserter("plan_measure_result", columns: [
            "plan_id", "measure_id", "period_start", "numerator", "denominator", "note",
        ])
        var reviews = try load.inserter("plan_review", columns: [
            "plan_id", "kind", "decision", "note", "challenge", "occurred_at",
        ])
        var changes = try load.inserter("plan_status_change", columns: ["plan_id", "from_status", "to_status", "reason"])
        var steps = try load.inserter("plan_step", columns: [
            "plan_id", "position", "role", "action", "recorded_in", "cadence", "first_due", "active",
        ])
        var measures = try load.inserter("plan_measure", columns: [
            "plan_id", "position", "name", "period", "source", "rules", "active",
        ])
        var rulesText: [String: String] = [:]
        for spec in planSpecs() {
            let scale = spec.service
            let owner = scale?.manager ?? provider[.qualityLead] ?? admin
            let closer = provider[.nominatedIndividual] ?? owner
            let recorder = provider[.qualityLead] ?? owner
            let created = spec.start.start.addingTimeInterval(10 * 3600)
            guard created <= now else { continue }
            var draft = PlanDraft(template: spec.template, serviceID: scale?.service.id, ownerID: owner.id, startDate: spec.start.start)
            draft.sourceReference = "\(spec.template.source == .warningNotice ? "WN" : "RN")-\(spec.start.year)-\(100 + random.int(0...899))"
            draft.sourceDate = spec.start.adding(days: -random.int(10...30)).start
            let end = spec.closed ?? today
            let endMoment = spec.closed.map { $0.start.addingTimeInterval(16 * 3600) } ?? now

            // Status changes: created and started; monitoring; closed (and reopened); each with its moment.
            var history: [(PlanStatus?, PlanStatus, String, Date, FixturePerson)] = [(nil, .active, "Created and started", created, owner)]
            if let closed = spec.closed {
                let closing = closed.start.addingTimeInterval(15 * 3600)
                let supported = spec.course == .closedSupported
                let note = supported ? "Closed at the provider review: every measure achieved and sustained."
                    : "Closed at the provider review; the manager reports practice has improved."
                var from = PlanStatus.active
                if spec.monitoring && !spec.reopened {
                    let moved = closed.adding(days: -random.int(30...80)).start.addingTimeInterval(11 * 3600)
                    if moved > created {
                        history.append((.active, .monitoring, "Every measure met; sustaining before closing.", moved, owner))
                        from = .monitoring
                    }
                }
                if spec.reopened, closed.adding(days: 60) < today.adding(days: -15) {
                    let first = closed.adding(days: -40).start.addingTimeInterval(15 * 3600)
                    if first > (history.last?.3 ?? created) {
                        history.append((from, .closed, note, first, closer))
                        history.append((.closed, .reopened, "The same gaps were found again at the next audit.",
                                        closed.adding(days: -20).start.addingTimeInterval(9 * 3600), owner))
                        from = .reopened
                    }
                }
                history.append((from, .closed, note, closing, closer))
            } else if spec.monitoring {
                history.append((.active, .monitoring, "Every measure met; sustaining before closing.",
                                today.adding(days: -random.int(5...30)).start.addingTimeInterval(11 * 3600), owner))
            }
            let last = history[history.count - 1]
            var columns = try BulkLoad.planColumns(draft)
            columns["status"] = last.1.rawValue
            columns["created_at"] = ScaleTime.text(created)
            columns["created_by"] = owner.name
            let stamp = ScaleStamp(last.3, last.4)
            columns["recorded_at"] = stamp.at
            columns["recorded_by_id"] = stamp.byID
            columns["recorded_by"] = stamp.by
            let planID = try load.insert(into: "plan", columns)
            let createdStamp = ScaleStamp(created, owner)
            for change in history {
                try changes.run([planID, change.0?.rawValue, change.1.rawValue, change.2], stamp: ScaleStamp(change.3, change.4))
            }

            // Steps, and their entries at their cadence until the plan closed (or now).
            for step in draft.steps.sorted(by: { $0.definition.position < $1.definition.position }) {
                let definition = step.definition
                let stepID = try steps.run([
                    planID, definition.position, definition.role.rawValue, definition.action, definition.recordedIn,
                    definition.cadence.rawValue, ScaleTime.text(step.firstDue), true,
                ], stamp: createdStamp)
                let stop: LondonDay? = spec.course == .slipping && definition.position % 2 == 1
                    ? today.adding(days: -random.int(12...35)) : nil
                let person = cast.stepPerson(definition.role, scale)
                var due = LondonDay(step.firstDue)
                while due <= end {
                    if let stop, due >= stop { break }
                    let day = random.chance(0.06) ? due.adding(days: 1) : due
                    let occurred = day.start.addingTimeInterval((Double(random.int(9...16)) + 0.5) * 3600)
                    let recorded = occurred.addingTimeInterval(Double(random.int(5...90)) * 60)
                    guard recorded <= min(now, endMoment) else { break }
                    let (outcome, note) = FixtureEvidence.stepOutcome(slipping: spec.course == .slipping, &random)
                    try entries.run([planID, stepID, outcome.rawValue, note, outcome == .done ? definition.recordedIn : "",
                                     ScaleTime.text(occurred)], stamp: ScaleStamp(recorded, person))
                    if outcome == .problemFound, let scale {
                        pending.append(PendingEscalation(
                            service: scale, category: .other, severity: .moderate, occurredAt: occurred,
                            raisedAt: recorded.addingTimeInterval(600), raisedBy: person, toRole: .registeredManager,
                            toName: scale.manager.name, planID: planID, stepID: stepID,
                            whatHappened: "Step \(definition.position) of \"\(draft.title)\" found a problem.",
                            immediateAction: "Raised with the registered manager."))
                    }
                    guard let next = StepSchedule.nextDue(cadence: definition.cadence, firstDue: step.firstDue, lastRecorded: occurred) else { break }
                    due = LondonDay(next)
                }
            }

            // Measures, with figures for those entered by hand.
            for (index, measure) in draft.measures.enumerated() {
                let key = "\(spec.template.id)#\(index)"
                let rules: String
                if let text = rulesText[key] { rules = text } else {
                    rules = try BulkLoad.json(measure.rules)
                    rulesText[key] = rules
                }
                let measureID = try measures.run([
                    planID, index + 1, measure.name.trimmingCharacters(in: .whitespacesAndNewlines), measure.period.rawValue,
                    measure.source.rawValue, rules, true,
                ], stamp: createdStamp)
                guard measure.source.isEnteredByHand else { continue }
                let periods = FixtureEvidence.periods(measure.period, from: spec.start, before: end)
                for (number, period) in periods.enumerated() {
                    let at = measure.period.end(ofPeriodStarting: period).adding(days: 3).start.addingTimeInterval(10 * 3600)
                    guard at <= now else { break }
                    let result = figure(measure, course: spec.course, index: number, count: periods.count)
                    try results.run([planID, measureID, ScaleTime.text(period.start), result.numerator, result.denominator,
                                     result.note], stamp: ScaleStamp(max(at, created), recorder))
                }
            }

            // Reviews: the manager's every few weeks, the provider's every few months; a slipping
            // plan's stop two cycles ago; a closed plan's last provider review decides to close.
            let weeks = max(1, draft.managerReviewWeeks)
            let missedFrom = spec.course == .slipping ? today.adding(days: -weeks * 7 * 2 - 3) : nil
            var day = spec.start.adding(days: weeks * 7)
            var number = 1
            while day < end {
                if let missedFrom, day >= missedFrom { break }
                let time = day.start.addingTimeInterval(15 * 3600)
                let decision: ReviewDecision = spec.course == .slipping ? (number % 3 == 0 ? .escalateToProvider : .strengthenOversight)
                    : (number > 4 ? .reduceOversight : .continuePlan)
                try reviews.run([planID, ReviewKind.manager.rawValue, decision.rawValue,
                                 spec.course == .slipping ? "Steps missed and figures below target; daily huddle added."
                                     : "Steps done on time; figures improving.", "", ScaleTime.text(time)],
                                stamp: ScaleStamp(time.addingTimeInterval(1800), owner))
                day = day.adding(days: weeks * 7)
                number += 1
            }
            var providerDay = spec.start.adding(months: max(1, draft.providerReviewMonths))
            while providerDay < end {
                let time = providerDay.start.addingTimeInterval(11 * 3600)
                try reviews.run([planID, ReviewKind.provider.rawValue,
                                 (spec.course == .slipping ? ReviewDecision.strengthenOversight : .continuePlan).rawValue,
                                 "Provider review of the evidence trail.",
                                 spec.course == .slipping ? "Why are steps 1 and 3 not being done? Show me the rota." : "",
                                 ScaleTime.text(time)], stamp: ScaleStamp(time.addingTimeInterval(3600), closer))
                providerDay = providerDay.adding(months: max(1, draft.providerReviewMonths))
            }
            if let closed = spec.closed {
                let time = closed.start.addingTimeInterval(14 * 3600)
                try reviews.run([planID, ReviewKind.provider.rawValue, ReviewDecision.close.rawValue,
                                 "Closing review: the figures and the step records looked at together.",
                                 "Asked for two audits to be re-checked independently.", ScaleTime.text(time)],
                                stamp: ScaleStamp(time.addingTimeInterval(1800), closer))
            }
        }
    }

    /// One period's figure for a measure entered by hand: climbing towards the target, met at the
    /// end of a supported closure, short of it for an unsupported one or a slipping plan.
    func figure(_ measure: OutcomeMeasureDefinition, course: Course, index: Int, count: Int) -> PeriodResult {
        var target = 95.0
        var percent = false
        var baseline = 10.0
        var reduction = 50.0
        var held = 3
        for rule in measure.rules {
            switch rule {
            case .atLeastPercentForConsecutivePeriods(let value, let periods):
                target = value
                held = periods
                percent = true
            case .reachPercentByDeadline(let value, _):
                target = value
                percent = true
            case .reductionFromBaseline(let value, let base, _):
                baseline = base
                reduction = value
            case .zeroOccurrencesForMonths(let months):
                held = months
            case .everyEventWithinWorkingDays:
                break
            }
        }
        let sample = 20
        let note: String? = "Sample of \(sample) records."
        let fromEnd = count - 1 - index
        func percentResult(_ value: Double) -> PeriodResult {
            PeriodResult(periodStart: Date(), numerator: max(0, min(sample, Int((value / 100 * Double(sample)).rounded(.up)))),
                         denominator: sample, note: note)
        }
        let limit = baseline * (1 - reduction / 100)
        switch course {
        case .closedSupported:
            if percent { return fromEnd < held + 1 ? percentResult(100) : percentResult(min(target - 1, target - 15 + Double(index) * 4)) }
            return .count(fromEnd < held + 1 ? 0 : max(Int(limit.rounded(.down)), Int(baseline) - index), in: Date(), note: note)
        case .closedUnsupported:
            if percent { return percentResult(fromEnd < 2 ? target - 8 : target - 15 + Double(min(index, 3)) * 3) }
            return .count(random.int(1...3) + (fromEnd < 2 ? Int(limit) : Int(baseline * 0.8)), in: Date(), note: note)
        case .onTrack:
            if percent { return percentResult(min(100, target - 14 + Double(index) * 6 + Double(random.int(0...3)))) }
            return .count(max(0, Int(baseline) - index * max(1, Int((baseline - limit) / 3))), in: Date(), note: note)
        case .slipping:
            if percent { return percentResult(target - 12 + Double(random.int(-4...6))) }
            return .count(Int(baseline * 0.8) + random.int(0...2), in: Date(), note: note)
        }
    }
}
