import Foundation
import RecoveryStore
import RecoveryModel

/// Builds the demo's content day by day through the store's public write methods (so every row
/// is checked, stamped and audited as if people had entered it), in batch mode for speed.
///
/// Time runs forwards: each write is made at its own simulated moment, in time order, from a
/// queue of things due (a round's check, an escalation's next step, a plan step falling due).
final class DemoGenerator {
    /// Where a plan is heading.
    enum Course {
        case onTrack, slipping, readyToClose, closed
    }

    struct Pending {
        var time: Date
        var order: Int
        var action: () throws(StoreError) -> Void
    }

    let store: SQLiteRecoveryStore
    let options: DemoOptions
    let templates: [PlanTemplate]
    let workingDays: WorkingDays
    let now: Date
    let firstDay: LondonDay
    let today: LondonDay
    var random: FixtureRandom
    var names: FixtureNameSource

    var cast: FixtureCast!
    var admin: FixturePerson { cast.admin }
    var provider: [Role: FixturePerson] { cast.provider }
    var services: [FixtureService] { cast.services }
    private var queue: [Pending] = []  // latest first, so the next due is last
    private var order = 0

    init(store: SQLiteRecoveryStore, options: DemoOptions, templates: [PlanTemplate], workingDays: WorkingDays, now: Date) {
        self.store = store
        self.options = options
        self.templates = templates
        self.workingDays = workingDays
        self.now = now
        today = LondonDay(now)
        firstDay = today.adding(days: -options.dayCount)
        let root = FixtureRandom(seed: options.seed)
        random = root.derived(1)
        names = FixtureNameSource(random: root.derived(2))
    }

    // MARK: Time

    /// A moment on a London day: `hours` after its midnight.
    func at(_ day: LondonDay, _ hours: Double) -> Date { day.start.addingTimeInterval(hours * 3600) }

    /// Fraction of the way through the demo, 0 at the first day and 1 today.
    func progress(_ day: LondonDay) -> Double {
        Double(firstDay.days(to: day)) / Double(max(1, firstDay.days(to: today)))
    }

    /// Queues `action` for `time`; anything after `now` never happens.
    func schedule(_ time: Date, _ action: @escaping () throws(StoreError) -> Void) {
        guard time <= now else { return }
        order += 1
        let item = Pending(time: time, order: order, action: action)
        var low = 0
        var high = queue.count
        while low < high {
            let mid = (low + high) / 2
            let other = queue[mid]
            if other.time > item.time || (other.time == item.time && other.order > item.order) {
                low = mid + 1
            } else {
                high = mid
            }
        }
        queue.insert(item, at: low)
    }

    func runQueue(until limit: Date) throws(StoreError) {
        while let next = queue.last, next.time <= limit {
            queue.removeLast()
            try next.action()
        }
    }

    // MARK: The whole build

    func run() throws(StoreError) {
        let setUpDay = firstDay.adding(days: -14)
        let setUpTime = at(setUpDay, 9)
        cast = try FixtureCast.setUp(store, names: &names, pin: DemoStore.pin, at: setUpTime)
        try store.markAsDemo(actorName: DemoStore.actorName, at: setUpTime.addingTimeInterval(60))
        try store.withBatch { () throws(StoreError) in
            try cast.addServicesAndStaff(store, count: options.services, staffing: .demo, shiftedProfiles: false, names: &names,
                                         random: &random, dayCount: options.dayCount, from: setUpTime.addingTimeInterval(300))
            try planObservations()
            try planPlans()
            planScenarios()
            var day = firstDay
            while day <= today {
                for service in services { scheduleRounds(service, day) }
                if day.day == 1 || day == firstDay { scheduleMonthlyObservations(day) }
                try runQueue(until: min(day.adding(days: 1).start, now))
                day = day.adding(days: 1)
            }
            try runQueue(until: now)
        }
    }

    // MARK: MAR checks, findings and escalations

    func rates(_ profile: FixtureProfile, _ day: LondonDay) -> FixtureRates {
        FixtureRates.of(profile, progress: progress(day), recent: today.dayNumber - day.dayNumber < FixtureRates.recentDays)
    }

    func personReference(_ demo: FixtureService) -> String { FixtureEvidence.personReference(demo.kind, &random) }

    func scheduleRounds(_ demo: FixtureService, _ day: LondonDay) {
        let rates = rates(demo.profile, day)
        for round in MARRound.expected(for: demo.kind) {
            if random.chance(rates.missRound) { continue }
            let end = LateEntryRule.roundEnd(date: day.start, round: round)
            let late = random.chance(rates.lateEntry)
            let logged = end.addingTimeInterval(late ? Double(random.int(25 * 60...60 * 60)) * 60
                                                     : Double(random.int(10...150)) * 60)
            let draft = makeCheck(demo, day, round, rates)
            let checker = random.pick(demo.checkers)
            let reason: String? = late ? random.pick(FixtureWords.lateEntryReasons) : nil
            schedule(logged) { [unowned self] () throws(StoreError) in
                var draft = draft
                draft.lateEntryReason = reason
                let check = try store.logMARCheck(draft, lateEntryRule: LateEntryRule(), by: checker.actor, at: logged)
                try followUp(check, demo: demo, checker: checker, loggedAt: logged, rates: rates)
            }
        }
    }

    func makeCheck(_ demo: FixtureService, _ day: LondonDay, _ round: MARRound, _ rates: FixtureRates) -> MARCheckDraft {
        let charts: Int
        switch demo.kind {
        case .residential: charts = random.int(18...28)
        case .nursing: charts = random.int(26...38)
        case .domiciliary: charts = random.int(24...44)
        case .supportedLiving: charts = random.int(5...11)
        }
        var refusals = random.weighted([(0, 5.0), (1, 3.0), (2, 1.5), (3, 0.5)])
        var complete = (0..<refusals).filter { _ in !random.chance(rates.refusalIncomplete) }.count
        var findings: [MARFinding] = []
        var lateCharts = 0
        let scenario = scenarioDay(demo, day, round)
        if let late = scenario.lateCharts {
            lateCharts = late
            findings.append(MARFinding(type: .chartReturnedLate, personReference: personReference(demo),
                                       staffID: random.pick(demo.givers).id,
                                       note: "Chart stayed in the person's home past the monthly return.",
                                       actionTaken: "Collected by the team leader.", escalate: true))
        } else if demo.kind == .domiciliary && random.chance(rates.lateReturn) {
            lateCharts = random.weighted([(1, 6.0), (2, 3.0), (3, 1.0)])
            for _ in 0..<lateCharts {
                findings.append(MARFinding(type: .chartReturnedLate, personReference: personReference(demo),
                                           staffID: random.pick(demo.givers).id,
                                           note: FixtureWords.findingWords[.chartReturnedLate]?.0 ?? "",
                                           actionTaken: FixtureWords.findingWords[.chartReturnedLate]?.1 ?? "", escalate: true))
            }
        }
        for type in scenario.recurring {
            findings.append(MARFinding(type: type, personReference: personReference(demo),
                                       staffID: scenario.recurringStaff ?? random.pick(demo.givers).id,
                                       note: FixtureWords.findingWords[type]?.0 ?? "", actionTaken: FixtureWords.findingWords[type]?.1 ?? ""))
        }
        // Planted without random draws, so the rest of the demo is as it would be without them.
        let fixedFixturePerson = demo.kind == .supportedLiving || demo.kind == .domiciliary ? "C.D." : "Rm 3"
        for type in scenario.steadyRecurring {
            findings.append(MARFinding(type: type, personReference: fixedFixturePerson,
                                       staffID: scenario.recurringStaff ?? demo.givers.first?.id,
                                       note: FixtureWords.findingWords[type]?.0 ?? "", actionTaken: FixtureWords.findingWords[type]?.1 ?? ""))
        }
        if scenario.noteSomethingElse {
            findings.append(MARFinding(type: .other, personReference: fixedFixturePerson,
                                       note: "Medicines fridge temperature not written down.", actionTaken: "Recorded and reminded the team."))
        }
        let planted = findings.count
        if random.chance(rates.findings * scenario.findingsFactor) {
            findings += FixtureEvidence.ordinaryFindings(demo, givers: demo.givers[...], day: firstDay.days(to: day), rates: rates,
                                                         refusals: &refusals, &random)
            // Ordinary findings of the planted types become "other" ones (kept, so what follows
            // from them, and the random sequence, stay as they were).
            for index in findings.indices where index >= planted && scenario.excluded.contains(findings[index].type) {
                findings[index].type = .other
            }
            let incompleteFindings = findings.filter { $0.type == .refusalWithoutReason || $0.type == .refusalWithoutAction }.count
            complete = min(complete, refusals - incompleteFindings)
        }
        return MARCheckDraft(serviceID: demo.service.id, date: day.start, round: round, chartsChecked: charts,
                             refusalsSeen: refusals, refusalsComplete: max(0, complete), chartsReturnedLate: min(lateCharts, charts),
                             findings: findings)
    }

    /// Escalations a check calls for: one per finding marked to escalate, and one per check with
    /// late charts (raised in time, late, or not at all).
    func followUp(_ check: MARCheck, demo: FixtureService, checker: FixturePerson, loggedAt: Date, rates: FixtureRates) throws(StoreError) {
        let roundEnd = LateEntryRule.roundEnd(date: check.draft.date, round: check.draft.round)
        for finding in check.draft.findings where finding.needsEscalation && finding.type != .chartReturnedLate {
            let draft = EscalationDraft(serviceID: demo.service.id, category: FixtureEvidence.category(for: finding.type),
                                        severity: random.weighted([(.low, 4), (.moderate, 4), (.high, 1.5), (.potentialHarm, 0.3)]),
                                        occurredAt: roundEnd, escalatedToRole: .deputyManager, escalatedToName: demo.deputy.name,
                                        links: EscalationLinks(marCheckID: check.id, staffID: finding.staffID),
                                        whatHappened: "\(finding.type.title) for \(finding.personReference): \(finding.note)",
                                        immediateAction: finding.actionTaken,
                                        sources: finding.number.map { [.finding(checkID: check.id, number: $0)] } ?? [])
            raise(draft, demo: demo, by: checker, at: loggedAt.addingTimeInterval(Double(random.int(5...25)) * 60), rates: rates)
        }
        if check.draft.chartsReturnedLate > 0 {
            var raisedAt = loggedAt.addingTimeInterval(Double(random.int(10...50)) * 60)
            if let escalated = scenarioDay(demo, LondonDay(check.draft.date), check.draft.round).lateEscalated {
                if !escalated { return }
            } else if random.chance(rates.lateReturnNotEscalated) {
                if random.chance(0.5) { return }
                let day = workingDays.adding(random.int(2...3), workingDaysTo: LondonDay(loggedAt))
                raisedAt = at(day, Double(random.int(9...16)))
            }
            let draft = EscalationDraft(serviceID: demo.service.id, category: .lateMARReturn, severity: .moderate,
                                        occurredAt: roundEnd, escalatedToRole: .registeredManager, escalatedToName: demo.manager.name,
                                        links: EscalationLinks(marCheckID: check.id),
                                        whatHappened: "\(check.draft.chartsReturnedLate) MAR \(check.draft.chartsReturnedLate == 1 ? "chart" : "charts") returned to the office late.",
                                        immediateAction: "Carers contacted to bring charts in.",
                                        sources: EscalationDue.of(check).filter(\.isLateReturn).map(\.source))
            raise(draft, demo: demo, by: checker, at: raisedAt, rates: rates)
        }
    }

    /// Raises an escalation at `time` and plans how it is handled: mostly in time, some late,
    /// a few never.
    func raise(_ draft: EscalationDraft, demo: FixtureService, by person: FixturePerson, at time: Date, rates: FixtureRates) {
        schedule(time) { [unowned self] () throws(StoreError) in
            let escalation = try store.raiseEscalation(draft, workingDays: workingDays, by: person.actor, at: time)
            for step in FixtureEvidence.handling(raised: time, due: escalation.dueBy, team: demo, rates: rates, now: now,
                                                 workingDays: workingDays, &random) {
                advance(escalation.id, step.status, step.by, step.at, step.note)
            }
        }
    }

    func advance(_ id: Int64, _ status: EscalationStatus, _ person: FixturePerson, _ time: Date, _ note: String) {
        schedule(time) { [unowned self] () throws(StoreError) in
            _ = try store.advanceEscalation(id, to: status, note: note, by: person.actor, at: time)
        }
    }

    // MARK: Observations

    func observe(_ person: FixturePerson, _ demo: FixtureService, _ kind: ObservationKind, _ outcome: CompetencyOutcome,
                 _ followUp: FollowUp, day: LondonDay, reassessBy: LondonDay? = nil, note: String) {
        let time = at(day, Double(random.int(8...19)) + 0.25)
        let by = FixtureEvidence.observer(demo, provider: provider, &random)
        let draft = ObservationDraft(staffID: person.id, occurredAt: time, kind: kind, checklist: FixtureEvidence.checklist(outcome, &random),
                                     outcome: outcome, followUp: followUp, reassessBy: reassessBy.map { at($0, 12) }, note: note)
        let recorded = time.addingTimeInterval(Double(random.int(20...240)) * 60)
        schedule(recorded) { [unowned self] () throws(StoreError) in
            _ = try store.recordObservation(draft, by: by.actor, at: recorded)
        }
    }

    /// Every member of staff who gives medicines is assessed once (a few never are), some need
    /// a second look, a few are restricted, some are due or past their yearly renewal.
    enum Track {
        case never, expired, borderline, restricted, normal
    }

    /// Which competency story each member of staff who gives medicines follows.
    var tracks: [Int64: Track] = [:]

    func planObservations() throws(StoreError) {
        let span = firstDay.days(to: today)
        // Strong services keep everyone current; each middling one has one person out of date;
        // struggling ones have a mix of every story.
        for demo in services {
            for person in demo.givers {
                let roll = random.unit()
                tracks[person.id] = demo.profile != .struggling ? .normal
                    : roll < 0.08 ? .never : roll < 0.14 ? .expired : roll < 0.24 ? .borderline : roll < 0.30 ? .restricted : .normal
            }
            if demo.profile == .middling, let person = demo.givers.last(where: { $0.id != demo.repeatOffender?.id }) {
                tracks[person.id] = .expired
            }
        }
        // Every story is told somewhere, whatever the seed.
        let candidates = services.filter { $0.profile == .struggling }.flatMap { demo in
            demo.givers.filter { $0.id != demo.repeatOffender?.id }
        }
        for track in [Track.never, .expired, .restricted] where !tracks.values.contains(track) {
            if let person = candidates.first(where: { tracks[$0.id] == .normal }) { tracks[person.id] = track }
        }
        for demo in services {
            for person in demo.givers {
                let first = firstDay.adding(days: random.int(0...max(1, min(span - 2, span * 2 / 3))))
                switch tracks[person.id] ?? .normal {
                case .never:
                    continue
                case .expired:
                    // Assessed competent with an early reassessment that never happened.
                    let assessed = firstDay.adding(days: random.int(0...max(1, span / 2)))
                    let by = assessed.adding(days: random.int(14...max(14, min(45, span / 3))))
                    observe(person, demo, .competencyAssessment, .competent, .reassess, day: assessed, reassessBy: by,
                            note: "Competent; reassess early after the new MAR system.")
                case .borderline:
                    observe(person, demo, .competencyAssessment, .borderline, .supervisedPractice, day: first,
                            note: "Hesitant with PRN protocols; supervised practice for two weeks.")
                    if random.chance(0.75) {
                        observe(person, demo, .competencyReassessment, .competent, .none, day: first.adding(days: random.int(14...28)),
                                note: "Now confident; competent.")
                    }
                case .restricted:
                    observe(person, demo, .competencyAssessment, .notYetCompetent, .restricted, day: first,
                            note: "Did not check identity or record at the time; restricted until reassessed.")
                    if random.chance(0.5) {
                        observe(person, demo, .competencyReassessment, .competent, .none, day: first.adding(days: random.int(28...56)),
                                note: "Reassessed after training; competent.")
                    }
                case .normal:
                    observe(person, demo, .competencyAssessment, .competent, .none, day: first, note: "Safe, calm round; competent.")
                    var next = first.adding(days: random.int(330...358))
                    while next < today {
                        if demo.profile == .struggling && random.chance(0.12) { break }  // renewal missed: expires
                        observe(person, demo, .competencyReassessment, .competent, .none, day: next, note: "Yearly reassessment; competent.")
                        next = next.adding(days: random.int(330...358))
                    }
                }
            }
            // The name that keeps coming up is eventually stopped from giving medicines.
            if let offender = demo.repeatOffender, demo.profile == .struggling {
                tracks[offender.id] = .restricted
                let day = firstDay.adding(days: max(1, span * 2 / 3))
                observe(offender, demo, .spotCheck, .notYetCompetent, .restricted, day: day,
                        note: "Third unsigned dose this month; restricted from medicines until reassessed.")
            }
        }
    }

    /// Spot checks, MAR recording checks and refusal discussions through each month.
    func scheduleMonthlyObservations(_ day: LondonDay) {
        for demo in services {
            for _ in 0..<random.int(1...3) {
                let when = day.adding(days: random.int(0...27))
                guard when <= today else { continue }
                let kind: ObservationKind = random.pick([.spotCheck, .marRecordingCheck, .refusalDiscussion, .medicinesRound])
                let outcome: CompetencyOutcome = random.weighted([(.competent, 8), (.borderline, 1.5)])
                if kind == .medicinesRound && outcome != .competent { continue }
                // Only those on the ordinary track, so the other stories stay as told.
                let ordinary = demo.givers.filter { tracks[$0.id] == .normal }
                guard !ordinary.isEmpty else { continue }
                let person = random.pick(ordinary)
                observe(person, demo, kind, outcome, outcome == .competent ? .none : .supervisedPractice, day: when,
                        note: outcome == .competent ? "No concerns." : "Prompted twice on recording; supervised practice.")
            }
        }
    }

    // MARK: Plans

    static let templatesByKind: [Service.Kind: [String]] = [
        .residential: ["refusal-recording-gaps", "inconsistent-mar-recording", "independence-step-down-residential"],
        .nursing: ["medication-errors-not-escalated", "deterioration-not-escalated", "medicines-competency-concerns"],
        .domiciliary: ["late-mar-returns", "independence-self-administration-homecare", "medicines-competency-concerns"],
        .supportedLiving: ["independence-fewer-prompts-supported-living", "communication-complaints", "training-without-safer-escalation"],
    ]

    func template(_ id: String, avoiding used: Set<String> = []) -> PlanTemplate? {
        templates.first { $0.id == id } ?? templates.first { !used.contains($0.id) } ?? templates.first
    }

    /// A template whose measures are all entered by hand, so the demo controls whether it is met.
    func manualTemplate(preferring id: String, avoiding: Set<String>) -> PlanTemplate? {
        let manual = templates.filter { $0.measures.allSatisfy { $0.source.isEnteredByHand } && !$0.measures.isEmpty }
        return manual.first { $0.id == id && !avoiding.contains($0.id) } ?? manual.first { !avoiding.contains($0.id) }
    }

    func planPlans() throws(StoreError) {
        guard !templates.isEmpty else { return }
        var perKind: [Service.Kind: Int] = [:]
        for demo in services {
            let ordinal = perKind[demo.kind, default: 0]
            perKind[demo.kind] = ordinal + 1
            let ids = Self.templatesByKind[demo.kind] ?? []
            for slot in 0..<2 where !ids.isEmpty {
                guard let template = template(ids[(ordinal * 2 + slot) % ids.count]) else { continue }
                let course: Course = demo.profile == .struggling || (demo.profile == .middling && slot == 1) ? .slipping : .onTrack
                let created = at(firstDay.adding(days: random.int(1...5)), 10 + Double(slot))
                startPlan(template, demo: demo, course: course, created: created, start: LondonDay(created))
            }
        }
        // One plan whose every measure has been met: moved to monitoring, ready to close.
        let readyService = services.first { $0.profile == .strong } ?? services[0]
        if let ready = manualTemplate(preferring: "administering-without-competency", avoiding: []) {
            let created = at(firstDay.adding(days: 2), 15)
            startPlan(ready, demo: readyService, course: .readyToClose, created: created,
                      start: min(today.startOfMonth.adding(months: -5), LondonDay(created)))
            // One provider-wide plan already closed through the closure guard.
            if let closed = manualTemplate(preferring: "weak-audit-challenge", avoiding: [ready.id]) {
                startPlan(closed, demo: nil, course: .closed, created: at(firstDay.adding(days: 1), 11),
                          start: firstDay.adding(days: -150))
            }
        }
        // A provider-wide draft being written now.
        if let draft = template("audit-scores-without-less-recurrence"), let lead = provider[.qualityLead] {
            let time = max(at(firstDay, 12), now.addingTimeInterval(-3 * 86400))
            schedule(time) { [unowned self] () throws(StoreError) in
                let plan = PlanDraft(template: draft, serviceID: nil, ownerID: lead.id, startDate: LondonDay(time).adding(days: 7).start)
                _ = try store.createPlan(plan, activate: false, by: lead.actor, at: time)
            }
        }
    }

    func startPlan(_ template: PlanTemplate, demo: FixtureService?, course: Course, created: Date, start: LondonDay) {
        let owner = demo?.manager ?? provider[.qualityLead] ?? admin
        let creator = demo?.manager ?? provider[.qualityLead] ?? admin
        schedule(created) { [unowned self] () throws(StoreError) in
            var draft = PlanDraft(template: template, serviceID: demo?.service.id, ownerID: owner.id, startDate: start.start)
            draft.sourceReference = "\(template.source == .warningNotice ? "WN" : "RN")-\(start.year)-\(100 + random.int(0...899))"
            draft.sourceDate = start.adding(days: -random.int(10...30)).start
            if course != .closed {
                draft.steps = draft.steps.map { PlanStepDraft(definition: $0.definition, firstDue: LondonDay(created).start) }
            }
            let plan = try store.createPlan(draft, activate: true, by: creator.actor, at: created)
            try run(plan, template: template, demo: demo, course: course, created: created)
        }
    }

    func run(_ plan: PlanRecord, template: PlanTemplate, demo: FixtureService?, course: Course, created: Date) throws(StoreError) {
        let recorder = provider[.qualityLead] ?? demo?.manager ?? admin
        let start = LondonDay(plan.draft.startDate)
        switch course {
        case .closed:
            // Figures from the months before RecoveryDesk, typed in from the audit file, then closed.
            var minute = 5.0
            for measure in plan.measures {
                for (index, period) in FixtureEvidence.periods(measure.definition.period, from: start, before: LondonDay(created)).enumerated() {
                    let result = figure(measure.definition, course: .closed, index: index, periodStart: period, planStart: start,
                                        lastPeriod: LondonDay(created))
                    try store.recordMeasurement(measureID: measure.id, result: result, by: recorder.actor,
                                                at: created.addingTimeInterval(minute * 60))
                    minute += 2
                }
            }
            for step in plan.steps {
                _ = try store.recordStepEntry(planID: plan.id, stepID: step.id, outcome: .done, note: "Done before the plan moved into RecoveryDesk.",
                                              evidence: "Paper plan, page \(step.definition.position)",
                                              occurredAt: created.addingTimeInterval(-Double(random.int(10...60)) * 86400),
                                              by: recorder.actor, at: created.addingTimeInterval(minute * 60))
                minute += 2
            }
            let closer = provider[.nominatedIndividual] ?? recorder
            let closing = created.addingTimeInterval(3 * 86400)
            schedule(closing) { [unowned self] () throws(StoreError) in
                _ = try store.recordReview(planID: plan.id, kind: .provider, decision: .close,
                                           note: "Audits now name owners and check impact; the target has held for months.",
                                           challenge: "Asked for two audits to be re-checked independently; both held up.",
                                           occurredAt: closing.addingTimeInterval(-3600), by: closer.actor, at: closing.addingTimeInterval(-1800))
                try store.closePlan(plan.id, note: "Closed at the provider review: every measure achieved and sustained.",
                                    workingDays: workingDays, by: closer.actor, at: closing)
            }
            return
        case .readyToClose:
            var minute = 5.0
            for measure in plan.measures {
                let all = FixtureEvidence.periods(measure.definition.period, from: start, before: today)
                for (index, period) in all.enumerated() {
                    let end = measure.definition.period.end(ofPeriodStarting: period)
                    var when = at(end.adding(days: 3), 10)
                    if when < created { when = created.addingTimeInterval(minute * 60); minute += 2 }
                    if when > now { when = max(now.addingTimeInterval(-3600), at(end, 12)) }
                    let result = figure(measure.definition, course: .readyToClose, index: index, periodStart: period, planStart: start,
                                        lastPeriod: all.last ?? period)
                    schedule(when) { [unowned self] () throws(StoreError) in
                        try store.recordMeasurement(measureID: measure.id, result: result, by: recorder.actor, at: when)
                    }
                }
            }
            if let demo {
                let moved = max(created.addingTimeInterval(86400), now.addingTimeInterval(-12 * 86400))
                schedule(moved) { [unowned self] () throws(StoreError) in
                    try store.changePlanStatus(plan.id, to: .monitoring, reason: "Every measure met; sustaining before closing.",
                                               by: demo.manager.actor, at: moved)
                }
                let review = max(moved.addingTimeInterval(3600), now.addingTimeInterval(-86400))
                schedule(review) { [unowned self] () throws(StoreError) in
                    _ = try store.recordReview(planID: plan.id, kind: .manager, decision: .close,
                                               note: "Both measures met for three months running; recommend closing at the provider review.",
                                               challenge: "", occurredAt: review.addingTimeInterval(-1800), by: demo.manager.actor, at: review)
                }
            }
        case .onTrack, .slipping:
            for measure in plan.measures where measure.definition.source.isEnteredByHand {
                scheduleMeasurement(plan, measure, course: course, index: 0, period: start, planStart: start, by: recorder)
            }
        }
        for step in plan.steps {
            let stop: LondonDay? = course == .slipping && step.definition.position % 2 == 1
                ? today.adding(days: -random.int(12...35)) : nil
            scheduleStep(plan, step, due: LondonDay(step.firstDue), demo: demo, course: course, stop: stop)
        }
        scheduleReviews(plan, demo: demo, course: course, start: LondonDay(created))
    }

    func isPercent(_ measure: OutcomeMeasureDefinition) -> Bool {
        measure.rules.contains {
            switch $0 {
            case .atLeastPercentForConsecutivePeriods, .reachPercentByDeadline: return true
            default: return false
            }
        }
    }

    /// One period's figure for a measure entered by hand.
    func figure(_ measure: OutcomeMeasureDefinition, course: Course, index: Int, periodStart: LondonDay, planStart: LondonDay,
                lastPeriod: LondonDay) -> PeriodResult {
        var target = 95.0
        var baseline = 10.0
        var reduction = 50.0
        for rule in measure.rules {
            switch rule {
            case .atLeastPercentForConsecutivePeriods(let percent, _), .reachPercentByDeadline(let percent, _): target = percent
            case .reductionFromBaseline(let percent, let base, _):
                baseline = base
                reduction = percent
            default: break
            }
        }
        let sample = 20
        let note = "Sample of \(sample) records."
        switch course {
        case .closed, .readyToClose:
            // Met in every period (the early ones of a closed plan were the climb).
            if isPercent(measure) { return PeriodResult(periodStart: periodStart.start, numerator: sample, denominator: sample, note: note) }
            return .count(0, in: periodStart.start, note: "None found.")
        case .onTrack:
            if isPercent(measure) {
                let value = min(100, target - 14 + Double(index) * 6 + Double(random.int(0...3)))
                return PeriodResult(periodStart: periodStart.start, numerator: Int((value / 100 * Double(sample)).rounded(.down)),
                                    denominator: sample, note: note)
            }
            let limit = baseline * (1 - reduction / 100)
            let count = measure.rules.contains { if case .reductionFromBaseline = $0 { return true } else { return false } }
                ? max(0, Int(baseline) - index * max(1, Int((baseline - limit) / 3)))
                : max(0, 3 - index)
            return .count(count, in: periodStart.start, note: note)
        case .slipping:
            if isPercent(measure) {
                let value = target - 12 + Double(random.int(-4...6))
                return PeriodResult(periodStart: periodStart.start, numerator: Int((value / 100 * Double(sample)).rounded(.down)),
                                    denominator: sample, note: note)
            }
            let count = measure.rules.contains { if case .reductionFromBaseline = $0 { return true } else { return false } }
                ? Int(baseline * 0.8) + random.int(0...2) : random.int(1...3)
            return .count(count, in: periodStart.start, note: note)
        }
    }

    func scheduleMeasurement(_ plan: PlanRecord, _ measure: PlanMeasure, course: Course, index: Int, period: LondonDay,
                             planStart: LondonDay, by person: FixturePerson) {
        let end = measure.definition.period.end(ofPeriodStarting: period)
        let when = at(end.adding(days: random.int(2...6)), 11)
        schedule(when) { [unowned self] () throws(StoreError) in
            let result = figure(measure.definition, course: course, index: index, periodStart: period, planStart: planStart,
                                lastPeriod: period)
            try store.recordMeasurement(measureID: measure.id, result: result, by: person.actor, at: when)
            scheduleMeasurement(plan, measure, course: course, index: index + 1,
                                period: measure.definition.period.start(after: period), planStart: planStart, by: person)
        }
    }

    func scheduleStep(_ plan: PlanRecord, _ step: PlanStep, due: LondonDay, demo: FixtureService?, course: Course, stop: LondonDay?) {
        if let stop, due >= stop { return }
        let day = random.chance(0.06) ? due.adding(days: 1) : due
        let occurred = at(day, Double(random.int(9...16)) + 0.5)
        let recorded = occurred.addingTimeInterval(Double(random.int(5...90)) * 60)
        let person = cast.stepPerson(step.definition.role, demo)
        schedule(recorded) { [unowned self] () throws(StoreError) in
            let (outcome, note) = FixtureEvidence.stepOutcome(slipping: course == .slipping, &random)
            _ = try store.recordStepEntry(planID: plan.id, stepID: step.id, outcome: outcome, note: note,
                                          evidence: outcome == .done ? step.definition.recordedIn : "", occurredAt: occurred,
                                          by: person.actor, at: recorded)
            if outcome == .problemFound, let demo {
                let draft = EscalationDraft(serviceID: demo.service.id, category: .other, severity: .moderate, occurredAt: occurred,
                                            escalatedToRole: .registeredManager, escalatedToName: demo.manager.name,
                                            links: EscalationLinks(planID: plan.id, stepID: step.id),
                                            whatHappened: "Step \(step.definition.position) of \"\(plan.draft.title)\" found a problem.",
                                            immediateAction: "Raised with the registered manager.")
                raise(draft, demo: demo, by: person, at: recorded.addingTimeInterval(600), rates: rates(demo.profile, LondonDay(recorded)))
            }
            if let next = StepSchedule.nextDue(cadence: step.definition.cadence, firstDue: step.firstDue, lastRecorded: occurred) {
                scheduleStep(plan, step, due: LondonDay(next), demo: demo, course: course, stop: stop)
            }
        }
    }

    func scheduleReviews(_ plan: PlanRecord, demo: FixtureService?, course: Course, start: LondonDay) {
        guard let demo else { return }
        let weeks = plan.draft.managerReviewWeeks
        let missedFrom = course == .slipping ? today.adding(days: -weeks * 7 * 2 - 3) : nil
        var day = start.adding(days: weeks * 7)
        var number = 1
        while day <= today {
            if let missedFrom, day >= missedFrom { break }
            let time = at(day, 15)
            let n = number
            schedule(time) { [unowned self] () throws(StoreError) in
                let decision: ReviewDecision = course == .slipping ? (n % 3 == 0 ? .escalateToProvider : .strengthenOversight)
                    : (n > 4 ? .reduceOversight : .continuePlan)
                _ = try store.recordReview(planID: plan.id, kind: .manager, decision: decision,
                                           note: course == .slipping ? "Steps missed and figures below target; daily huddle added."
                                               : "Steps done on time; figures improving.",
                                           challenge: "", occurredAt: time, by: demo.manager.actor, at: time.addingTimeInterval(1800))
            }
            day = day.adding(days: weeks * 7)
            number += 1
        }
        guard let ni = provider[.nominatedIndividual] else { return }
        var providerDay = start.adding(months: plan.draft.providerReviewMonths)
        while providerDay <= today {
            let time = at(providerDay, 11)
            schedule(time) { [unowned self] () throws(StoreError) in
                _ = try store.recordReview(planID: plan.id, kind: .provider, decision: course == .slipping ? .strengthenOversight : .continuePlan,
                                           note: "Provider review of the evidence trail.",
                                           challenge: course == .slipping ? "Why are step 1 and step 3 not being done? Show me the rota." : "",
                                           occurredAt: time, by: ni.actor, at: time.addingTimeInterval(3600))
            }
            providerDay = providerDay.adding(months: plan.draft.providerReviewMonths)
        }
    }

    // MARK: Summary

    func summary() throws(StoreError) -> DemoSummary {
        let counts = try store.rowCounts(at: now)
        return DemoSummary(
            providerName: FixtureNames.provider, firstDay: firstDay.start, lastDay: today.start, services: counts.services,
            staff: counts.staff, users: counts.users, marChecks: counts.marChecks, findings: counts.findings,
            observations: counts.observations, escalations: counts.escalations, escalationsOpen: counts.escalationsOpen,
            escalationsOverdue: counts.escalationsOverdue, plans: counts.plans, plansByStatus: counts.plansByStatus,
            stepEntries: counts.stepEntries, measurements: counts.measureResults, reviews: counts.reviews,
            auditEntries: counts.auditEntries)
    }
}
