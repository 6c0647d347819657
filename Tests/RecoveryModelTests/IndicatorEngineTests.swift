import Foundation
import RecoveryModel
import Testing

/// Hand-built evidence for one service, to put each indicator at and either side of its
/// thresholds. Today is Saturday 21/11/2026, noon in London.
private struct Scene {
    static let today = LondonDay(year: 2026, month: 11, day: 21)!
    static let now = today.start.addingTimeInterval(12 * 3600)
    static let home = Service(id: 1, name: "Ashdown House", kind: .residential)
    static let homecare = Service(id: 2, name: "Brookfield Homecare", kind: .domiciliary)

    var services = [home, homecare]
    var checks: [MARCheck] = []
    var escalations: [Escalation] = []
    var staff: [StaffMember] = []
    var observations: [Observation] = []
    var plans: [PlanRecord] = []
    var staffJoined: [Int64: Date] = [:]
    private var nextID: Int64 = 1

    mutating func id() -> Int64 {
        nextID += 1
        return nextID
    }

    static func day(_ daysBack: Int) -> LondonDay { today.adding(days: -daysBack) }

    /// A check of a round `daysBack` days ago, entered an hour after the round (or 30 hours
    /// after, as a late entry).
    @discardableResult
    mutating func check(_ daysBack: Int, _ round: MARRound = .morning, service: Int64 = 1, charts: Int = 10,
                        refusals: (seen: Int, complete: Int) = (0, 0), lateCharts: Int = 0, findings: [MARFinding] = [],
                        lateEntry: Bool = false) -> MARCheck {
        let day = Self.day(daysBack)
        let draft = MARCheckDraft(serviceID: service, date: day.start, round: round, chartsChecked: charts,
                                  refusalsSeen: refusals.seen, refusalsComplete: refusals.complete,
                                  chartsReturnedLate: lateCharts, findings: findings)
        let end = LateEntryRule.roundEnd(date: day.start, round: round)
        let check = MARCheck(id: id(), draft: draft, checkedBy: "Tom Reid", checkedByID: 99,
                             recordedAt: min(Self.now, end.addingTimeInterval(lateEntry ? 30 * 3600 : 3600)), isLateEntry: lateEntry)
        checks.append(check)
        return check
    }

    /// Every round of the last `days` days checked, clean.
    mutating func everyRound(days: Int, service: Int64 = 1, charts: Int = 10) {
        let rounds = MARRound.expected(for: services.first { $0.id == service }!.kind)
        for daysBack in 1...days { for round in rounds { check(daysBack, round, service: service, charts: charts) } }
    }

    @discardableResult
    mutating func escalation(raised: Date, due: Date, resolved: Date? = nil, category: EscalationCategory = .omission,
                             service: Int64 = 1, checkID: Int64? = nil, about: [EscalationSource]? = nil) -> Escalation {
        let draft = EscalationDraft(serviceID: service, category: category, severity: .moderate, occurredAt: raised,
                                    escalatedToRole: .deputyManager, links: EscalationLinks(marCheckID: checkID),
                                    whatHappened: "A dose was missed.",
                                    sources: about ?? checkID.map { [.lateReturn(checkID: $0)] } ?? [])
        let escalation = Escalation(id: id(), draft: draft, raisedBy: "Tom Reid", raisedAt: raised, dueBy: due,
                                    status: resolved == nil ? .acknowledged : .resolved, resolvedAt: resolved,
                                    handledInTime: resolved.map { $0 <= due })
        escalations.append(escalation)
        return escalation
    }

    mutating func person(_ role: Role, service: Int64 = 1) -> StaffMember {
        let member = StaffMember(id: id(), name: "Person \(nextID)", role: role, serviceIDs: [service])
        staff.append(member)
        return member
    }

    mutating func observe(_ member: StaffMember, daysBack: Int, outcome: CompetencyOutcome = .competent) {
        let draft = ObservationDraft(staffID: member.id, occurredAt: Self.day(daysBack).start.addingTimeInterval(10 * 3600),
                                     kind: .competencyAssessment, checklist: [:], outcome: outcome,
                                     followUp: outcome == .competent ? .none : .restricted)
        observations.append(Observation(id: id(), draft: draft, observedBy: "Sam Field", recordedAt: draft.occurredAt))
    }

    /// A plan started `startedDaysBack` days ago, with these steps, measures, reviews and status changes.
    mutating func plan(status: PlanStatus = .active, startedDaysBack: Int = 100, steps: [PlanStep] = [],
                       measures: [PlanMeasure] = [], reviews: [PlanReview] = [], changes: [PlanStatusChange]? = nil,
                       managerWeeks: Int = 4, providerMonths: Int = 3) {
        let start = Self.day(startedDaysBack).start
        let draft = PlanDraft(serviceID: 1, title: "Plan \(nextID + 1)", source: .inspectionFinding,
                              managerReviewWeeks: managerWeeks, providerReviewMonths: providerMonths,
                              measures: measures.map(\.definition), startDate: start)
        let history = changes ?? [PlanStatusChange(from: nil, to: status, reason: "Started", at: start, by: "Amara Okafor")]
        plans.append(PlanRecord(id: id(), draft: draft, status: status, steps: steps, measures: measures, reviews: reviews,
                                statusChanges: history, createdAt: start, createdBy: "Amara Okafor"))
    }

    static func daysBack(to day: LondonDay) -> Int { day.days(to: today) }

    /// An active plan with a medicines-audit measure whose results for September, October and
    /// November 2026 are `scores` percent (of 20 charts audited).
    mutating func auditPlan(scores: [Int]) {
        let results = zip([9, 10, 11], scores).map { month, score in
            PeriodResult(periodStart: LondonDay(year: 2026, month: month, day: 1)!.start, numerator: score / 5, denominator: 20)
        }
        let measure = PlanMeasure(id: id(), definition: OutcomeMeasureDefinition(
            name: "Medicines audit", period: .month, source: .medicinesAudit,
            rules: [.atLeastPercentForConsecutivePeriods(percent: 95, periods: 3)]), results: results)
        plan(startedDaysBack: 120, measures: [measure], reviews: freshReviews())
    }

    /// Reviews of both kinds done recently, so only what a test sets up is overdue.
    func freshReviews() -> [PlanReview] {
        ReviewKind.allCases.map { kind in
            PlanReview(id: 0, kind: kind, decision: .continuePlan, note: "Fine", challenge: "",
                       occurredAt: Self.day(2).start, recordedBy: "Amara Okafor")
        }
    }

    func engine(_ thresholds: IndicatorThresholds = .standard) -> IndicatorEngine {
        IndicatorEngine(evidence: IndicatorEvidence(services: services, checks: checks, escalations: escalations, staff: staff,
                                                    observations: observations, plans: plans, staffJoined: staffJoined),
                        thresholds: thresholds, now: Self.now, workingDays: .weekendsOnly)
    }

    func value(_ id: IndicatorID, service: Int64 = 1) -> IndicatorValue {
        engine().indicators(for: service)![id]!
    }
}

private func finding(_ type: FindingType = .missingSignature, staff: Int64? = nil) -> MARFinding {
    MARFinding(type: type, personReference: "Rm 4", staffID: staff)
}

/// Builds a scene whose indicator value should be `n`.
private typealias Maker = @Sendable (Int) -> Scene

/// One indicator, one figure: the value the engine should find and the state it should give.
struct ThresholdCase: Sendable, CustomTestStringConvertible {
    let id: IndicatorID
    let n: Int
    let value: Double
    let state: IndicatorState
    fileprivate let make: Maker
    var testDescription: String { "\(id.rawValue) = \(IndicatorFormat.number(value, unit: id.definition.unit)) → \(state.title)" }
}

private func cases(_ id: IndicatorID, _ points: [(Int, Double, IndicatorState)], _ make: @escaping Maker) -> [ThresholdCase] {
    points.map { ThresholdCase(id: id, n: $0.0, value: $0.1, state: $0.2, make: make) }
}

private let allThresholdCases: [ThresholdCase] = {
    var all: [ThresholdCase] = []
    // Standard thresholds: coverage amber 2 red 6.
    all += cases(.marCoverage, [(1, 1, .green), (2, 2, .amber), (3, 3, .amber), (5, 5, .amber), (6, 6, .red), (7, 7, .red)]) { n in
        var scene = Scene()
        scene.everyRound(days: 14)
        // Take away n checks (and add one from today, which is not yet counted).
        scene.checks.removeFirst(n)
        scene.check(0, .morning)
        return scene
    }
    // 1,000 charts; n findings = n/10 per 100 charts. Amber 0.5, red 2.
    all += cases(.findingRate, [(4, 0.4, .green), (5, 0.5, .amber), (6, 0.6, .amber), (19, 1.9, .amber), (20, 2, .red), (21, 2.1, .red)]) { n in
        var scene = Scene()
        for index in 0..<10 {
            let count = n / 10 + (index < n % 10 ? 1 : 0)
            scene.check(index + 1, charts: 100, findings: Array(repeating: finding(), count: count))
        }
        scene.check(40, charts: 100, findings: Array(repeating: finding(), count: 30))  // outside the 28 days
        return scene
    }
    // 100 refusals seen, n not fully recorded. Amber 5%, red 15%.
    all += cases(.refusalsIncomplete, [(4, 4, .green), (5, 5, .amber), (6, 6, .amber), (14, 14, .amber), (15, 15, .red), (16, 16, .red)]) { n in
        var scene = Scene()
        for index in 0..<10 {
            let missing = n / 10 + (index < n % 10 ? 1 : 0)
            scene.check(index + 1, refusals: (10, 10 - missing))
        }
        return scene
    }
    // n people named 3 times in 30 days, one more named twice. Amber 1, red 2.
    all += cases(.repeatFindings, [(0, 0, .green), (1, 1, .amber), (2, 2, .red), (3, 3, .red)]) { n in
        var scene = Scene()
        for person in 0..<n {
            for time in 0..<3 { scene.check(1 + person * 3 + time, findings: [finding(staff: Int64(500 + person))]) }
        }
        scene.check(20, findings: [finding(staff: 900)])
        scene.check(21, findings: [finding(.unexplainedGap, staff: 900)])
        scene.check(35, findings: [finding(staff: 900)])  // the third is 35 days ago
        return scene
    }
    // n homecare checks with charts back late. Amber 1, red 4.
    all += cases(.lateReturns, [(0, 0, .green), (1, 1, .amber), (3, 3, .amber), (4, 4, .red), (5, 5, .red)]) { n in
        var scene = Scene()
        for index in 0..<n { scene.check(index + 2, .visit, service: 2, lateCharts: 1) }
        scene.check(30, .visit, service: 2, lateCharts: 2)  // outside the 28 days
        return scene
    }
    // n late returns never escalated, one escalated the same day. Amber 1, red 2.
    all += cases(.lateReturnsNotEscalated, [(0, 0, .green), (1, 1, .amber), (2, 2, .red), (3, 3, .red)]) { n in
        var scene = Scene()
        for index in 0..<n { scene.check(index + 4, .visit, service: 2, lateCharts: 1) }
        let handled = scene.check(12, .visit, service: 2, lateCharts: 1)
        scene.escalation(raised: handled.recordedAt, due: handled.recordedAt.addingTimeInterval(86400), category: .lateMARReturn,
                         service: 2, checkID: handled.id)
        return scene
    }
    // n open escalations past due; one open not yet due; one resolved late. Amber 1, red 3.
    all += cases(.escalationsOverdue, [(0, 0, .green), (1, 1, .amber), (2, 2, .amber), (3, 3, .red), (4, 4, .red)]) { n in
        var scene = Scene()
        for index in 0..<n {
            scene.escalation(raised: Scene.day(5 + index).start, due: Scene.day(3 + index).start)
        }
        scene.escalation(raised: Scene.day(1).start, due: Scene.now.addingTimeInterval(3600))
        scene.escalation(raised: Scene.day(9).start, due: Scene.day(8).start, resolved: Scene.day(2).start)
        return scene
    }
    // 100 escalations resolved in the last 28 days, n late. Amber 10%, red 25%.
    all += cases(.escalationsLate, [(9, 9, .green), (10, 10, .amber), (11, 11, .amber), (24, 24, .amber), (25, 25, .red), (26, 26, .red)]) { n in
        var scene = Scene()
        for index in 0..<100 {
            let raised = Scene.day(1 + index % 20).start.addingTimeInterval(9 * 3600)
            let due = raised.addingTimeInterval(3600)
            scene.escalation(raised: raised, due: due, resolved: due.addingTimeInterval(index < n ? 60 : -60))
        }
        return scene
    }
    // n daily steps last done four days ago; one done today. Amber 1, red 3.
    all += cases(.stepsOverdue, [(0, 0, .green), (1, 1, .amber), (2, 2, .amber), (3, 3, .red), (4, 4, .red)]) { n in
        var scene = Scene()
        func step(_ position: Int, lastDone daysBack: Int) -> PlanStep {
            PlanStep(id: Int64(position), definition: PlanStepDefinition(position: position, role: .teamLeader, action: "Check charts",
                                                                          recordedIn: "MAR file", cadence: .daily),
                     firstDue: Scene.day(60).start,
                     entries: [StepEntry(id: 1, outcome: .done, note: "", evidence: "", occurredAt: Scene.day(daysBack).start,
                                         recordedAt: Scene.day(daysBack).start, recordedBy: "Tom Reid")])
        }
        scene.plan(steps: (0..<n).map { step($0 + 1, lastDone: 4) } + [step(9, lastDone: 0)], reviews: scene.freshReviews())
        return scene
    }
    // n plans whose manager review is overdue (one done long ago, every 4 weeks). Amber 1, red 2.
    all += cases(.reviewsOverdue, [(0, 0, .green), (1, 1, .amber), (2, 2, .red), (3, 3, .red)]) { n in
        var scene = Scene()
        for _ in 0..<n {
            let stale = PlanReview(id: 0, kind: .manager, decision: .continuePlan, note: "", challenge: "",
                                   occurredAt: Scene.day(40).start, recordedBy: "Amara Okafor")
            scene.plan(reviews: [stale, scene.freshReviews()[1]])
        }
        scene.plan(reviews: scene.freshReviews())
        scene.plan(status: .closed, reviews: [])  // closed plans are not followed
        return scene
    }
    // n measures failing "95% for 3 months", one meeting it. Amber 1, red 3.
    all += cases(.measuresOffTrack, [(0, 0, .green), (1, 1, .amber), (2, 2, .amber), (3, 3, .red), (4, 4, .red)]) { n in
        var scene = Scene()
        let rule = TargetRule.atLeastPercentForConsecutivePeriods(percent: 95, periods: 3)
        func measure(_ id: Int64, percent: Int) -> PlanMeasure {
            let months = (1...3).map { Scene.today.startOfMonth.adding(months: -$0) }
            return PlanMeasure(id: id, definition: OutcomeMeasureDefinition(name: "Measure \(id)", period: .month, source: .manualAudit, rules: [rule]),
                               results: months.map { PeriodResult(periodStart: $0.start, numerator: percent, denominator: 100) })
        }
        scene.plan(measures: (0..<n).map { measure(Int64($0 + 1), percent: 80) } + [measure(9, percent: 100)],
                   reviews: scene.freshReviews())
        return scene
    }
    // n homecare workers never assessed, one current. Amber 1, red 2.
    all += cases(.staffWithoutCompetency, [(0, 0, .green), (1, 1, .amber), (2, 2, .red), (3, 3, .red)]) { n in
        var scene = Scene()
        for _ in 0..<n { _ = scene.person(.careWorker, service: 2) }
        let current = scene.person(.careWorker, service: 2)
        scene.observe(current, daysBack: 100)
        return scene
    }
    // n checks entered after the limit. Amber 2, red 5.
    all += cases(.lateEntries, [(1, 1, .green), (2, 2, .amber), (3, 3, .amber), (4, 4, .amber), (5, 5, .red), (6, 6, .red)]) { n in
        var scene = Scene()
        for index in 0..<n { scene.check(index + 3, lateEntry: true) }
        scene.check(2)
        return scene
    }
    // No audit results: n finding types found every week over three four-week blocks while the
    // share of clean checks rose (0%, about half, most); stock counts fell away. Amber 1, red 2.
    all += cases(.scoreMasksRecurrence, [(0, 0, .green), (1, 1, .amber), (2, 2, .red), (3, 3, .red)]) { n in
        var scene = Scene()
        let types: [FindingType] = [.missingSignature, .unexplainedGap, .prnWithoutReasonOrOutcome]
        for daysBack in 0..<84 {
            var found = daysBack % 7 == 3 ? types.prefix(n).map { finding($0) } : []
            if daysBack >= 56 || (daysBack >= 28 && daysBack % 2 == 0) { found.append(finding(.stockCountMismatch)) }
            scene.check(daysBack, findings: found)
        }
        return scene
    }
    // Hand-entered medicines audit results 85%, 90%, 95% for September to November; n finding
    // types found three times in each of those months; stock counts falling (6, 3, 1). Amber 1, red 2.
    all += cases(.scoreMasksRecurrence, [(0, 0, .green), (1, 1, .amber), (2, 2, .red), (3, 3, .red)]) { n in
        var scene = Scene()
        scene.auditPlan(scores: [85, 90, 95])
        let types: [FindingType] = [.missingSignature, .unexplainedGap, .prnWithoutReasonOrOutcome]
        for month in [9, 10, 11] {
            for (index, day) in [3, 10, 17].enumerated() {
                var found = types.prefix(n).map { finding($0) }
                let stock = month == 9 ? 2 : (month == 10 ? (index == 0 ? 1 : index == 1 ? 2 : 0) : (index == 0 ? 1 : 0))
                found += Array(repeating: finding(.stockCountMismatch), count: stock)
                scene.check(Scene.daysBack(to: LondonDay(year: 2026, month: month, day: day)!), findings: found)
            }
        }
        return scene
    }
    // n plans closed 30 days ago with nothing achieved; one closed 400 days ago. Amber 1, red 2.
    all += cases(.unsupportedClosures, [(0, 0, .green), (1, 1, .amber), (2, 2, .red), (3, 3, .red)]) { n in
        var scene = Scene()
        let measure = PlanMeasure(id: 1, definition: OutcomeMeasureDefinition(
            name: "Complete refusal records", period: .month, source: .manualAudit,
            rules: [.atLeastPercentForConsecutivePeriods(percent: 95, periods: 3)]), results: [])
        func closed(_ daysBack: Int) -> [PlanStatusChange] {
            [PlanStatusChange(from: nil, to: .active, reason: "Started", at: Scene.day(daysBack + 100).start, by: "A"),
             PlanStatusChange(from: .active, to: .closed, reason: "Closed", at: Scene.day(daysBack).start, by: "A")]
        }
        for _ in 0..<n { scene.plan(status: .closed, startedDaysBack: 130, measures: [measure], changes: closed(30)) }
        scene.plan(status: .closed, startedDaysBack: 500, measures: [measure], changes: closed(400))
        return scene
    }
    return all
}()

@Suite struct IndicatorEngineTests {
    @Test(arguments: allThresholdCases)
    func eachIndicatorAtAndEitherSideOfItsThresholds(_ point: ThresholdCase) {
        let scene = point.make(point.n)
        let service: Int64 = [.lateReturns, .lateReturnsNotEscalated, .staffWithoutCompetency].contains(point.id) ? 2 : 1
        let value = scene.value(point.id, service: service)
        #expect(value.value.map { ($0 * 10).rounded() / 10 } == point.value, "\(value.basis)")
        #expect(value.state == point.state)
    }

    @Test func everyIndicatorHasThresholdCasesOnBothSidesOfAmberAndRed() {
        for id in IndicatorID.allCases {
            let states = Set(allThresholdCases.filter { $0.id == id }.map(\.state))
            #expect(states == [.green, .amber, .red], "\(id.rawValue)")
        }
    }

    @Test func countsMatchTheRecordsBehindThem() {
        for point in allThresholdCases where point.id.definition.unit == .count && point.n > 0 {
            let scene = point.make(point.n)
            let service: Int64 = [.lateReturns, .lateReturnsNotEscalated, .staffWithoutCompetency].contains(point.id) ? 2 : 1
            let records = scene.engine().records(point.id, serviceID: service)
            #expect(!records.isEmpty, "\(point.testDescription)")
            if [.marCoverage, .lateReturns, .lateReturnsNotEscalated, .escalationsOverdue, .stepsOverdue, .reviewsOverdue,
                .measuresOffTrack, .staffWithoutCompetency, .lateEntries, .unsupportedClosures].contains(point.id) {
                #expect(Double(records.count) == scene.value(point.id, service: service).value, "\(point.testDescription)")
            }
        }
    }

    @Test func aClosureWithTheTargetsMetButNoSignOffReviewIsUnsupported() {
        // Closed 30 days ago (22/10/2026) after three months at 96% (July to September, so the
        // targets were met on 30/09/2026), with a step done; only the sign-off review differs.
        let closedDay = Scene.day(30)
        let results = (1...3).map { back in
            PeriodResult(periodStart: closedDay.startOfMonth.adding(months: -back).start, numerator: 96, denominator: 100)
        }
        let measure = PlanMeasure(id: 1, definition: OutcomeMeasureDefinition(
            name: "Complete refusal records", period: .month, source: .manualAudit,
            rules: [.atLeastPercentForConsecutivePeriods(percent: 95, periods: 3)]), results: results)
        let step = PlanStep(id: 1, definition: PlanStepDefinition(position: 1, role: .teamLeader, action: "Audit refusals",
                                                                  recordedIn: "Audit file", cadence: .monthly),
                            firstDue: Scene.day(130).start,
                            entries: [StepEntry(id: 1, outcome: .done, note: "", evidence: "Audit file", occurredAt: Scene.day(60).start,
                                                recordedAt: Scene.day(60).start, recordedBy: "Tom Reid")])
        let changes = [PlanStatusChange(from: nil, to: .active, reason: "Started", at: Scene.day(130).start, by: "A"),
                       PlanStatusChange(from: .active, to: .closed, reason: "Closed", at: closedDay.start.addingTimeInterval(15 * 3600), by: "A")]
        func review(_ decision: ReviewDecision, _ day: LondonDay) -> PlanReview {
            PlanReview(id: 1, kind: .provider, decision: decision, note: "Looked at the audits", challenge: "",
                       occurredAt: day.start.addingTimeInterval(14 * 3600), recordedBy: "Nia Provider")
        }
        let cases: [(reviews: [PlanReview], unsupported: Bool, label: String)] = [
            ([], true, "no review at all"),
            ([review(.continuePlan, closedDay)], true, "a review that did not decide to close"),
            ([review(.close, Scene.day(60))], true, "a decision to close before the targets were met"),
            ([review(.close, Scene.day(10))], true, "a decision to close after the plan had closed"),
            ([review(.close, closedDay)], false, "a decision to close on the day, after the targets were met"),
        ]
        for item in cases {
            var scene = Scene()
            scene.plan(status: .closed, startedDaysBack: 130, steps: [step], measures: [measure], reviews: item.reviews,
                       changes: changes)
            #expect(scene.value(.unsupportedClosures).value == (item.unsupported ? 1 : 0), "\(item.label)")
            if item.unsupported {
                let records = scene.engine().records(.unsupportedClosures, serviceID: 1)
                #expect(records.first?.summary.contains("no review deciding to close after the targets were met") == true,
                        "\(item.label): \(records)")
            }
        }
    }

    @Test func aLateReturnOnFridayEscalatedOnMondayIsInTimeButTuesdayIsNot() {
        // Friday 13/11/2026: the next working day is Monday 16/11.
        for (raisedDaysBack, counted) in [(5, false), (4, true)] {
            var scene = Scene()
            let friday = scene.check(8, .visit, service: 2, lateCharts: 1)
            let raised = Scene.day(raisedDaysBack).start.addingTimeInterval(15 * 3600)
            scene.escalation(raised: raised, due: raised.addingTimeInterval(86400), category: .lateMARReturn, service: 2, checkID: friday.id)
            #expect(scene.value(.lateReturnsNotEscalated, service: 2).value == (counted ? 1 : 0))
        }
    }

    @Test func aCareWorkerInACareHomeCountsOnlyWhenTheRecordsShowTheyGiveMedicines() {
        var scene = Scene()
        let worker = scene.person(.careWorker)
        #expect(scene.value(.staffWithoutCompetency).value == 0)
        scene.check(3, findings: [finding(staff: worker.id)])
        #expect(scene.value(.staffWithoutCompetency).value == 1)
        scene.observe(worker, daysBack: 20)
        #expect(scene.value(.staffWithoutCompetency).value == 0)
        scene.observe(worker, daysBack: 10, outcome: .notYetCompetent)
        #expect(scene.value(.staffWithoutCompetency).value == 1)
    }

    @Test func theScoreFallingMeansNoMaskingEvenWhenATypeRecurs() {
        var scene = Scene()
        for daysBack in 28..<84 { scene.check(daysBack) }
        for daysBack in 0..<28 { scene.check(daysBack, findings: daysBack % 7 == 3 ? [finding()] : []) }
        #expect(scene.value(.scoreMasksRecurrence).value == 0)
    }

    @Test func handEnteredAuditResultsWinOverTheCleanCheckRate() {
        // The clean-check rate rises over three blocks while a type recurs...
        var scene = Scene()
        for daysBack in 0..<84 {
            var found = daysBack % 7 == 3 ? [finding()] : []
            if daysBack >= 56 { found.append(finding(.stockCountMismatch)) }
            scene.check(daysBack, findings: found)
        }
        #expect(scene.value(.scoreMasksRecurrence).value == 1)
        // ...but the plan's own audits fell (95%, 90%, 85%): nothing is masked.
        scene.auditPlan(scores: [95, 90, 85])
        #expect(scene.value(.scoreMasksRecurrence).value == 0)
        // Audits flat at 90%: not a rise either.
        var flat = scene
        flat.plans = []
        flat.auditPlan(scores: [90, 90, 90])
        #expect(flat.value(.scoreMasksRecurrence).value == 0)
    }

    @Test func aLateReturnCountsOnlyTheEscalationThatNamesIt() {
        // Two late returns on Friday 13/11/2026 at one branch; one escalation raised on Monday
        // names the first only, so the second is not escalated at all.
        var scene = Scene()
        let first = scene.check(8, .visit, service: 2, lateCharts: 1)
        scene.check(8, .night, service: 2, lateCharts: 1)
        let monday = Scene.day(5).start.addingTimeInterval(10 * 3600)
        scene.escalation(raised: monday, due: monday.addingTimeInterval(86400), category: .lateMARReturn, service: 2, checkID: first.id)
        #expect(scene.value(.lateReturnsNotEscalated, service: 2).value == 1)
        let records = scene.engine().records(.lateReturnsNotEscalated, serviceID: 2)
        #expect(records.count == 1)
        #expect(records.first?.summary.contains("overdue: not escalated") == true, "\(records)")
    }

    @Test func historyHasTwelveWeeksEndingWithTheValueNow() {
        var scene = Scene()
        // Late entries 2, 22 and 70 days ago; each week's figure counts the 28 days to its end,
        // and only what had been entered by then (the one from 70 days ago was typed the next day).
        scene.check(2, lateEntry: true)
        scene.check(22, lateEntry: true)
        scene.check(70, lateEntry: true)
        let value = scene.value(.lateEntries)
        #expect(value.history.count == 12)
        #expect(value.history.last == value.value)
        #expect(value.history == [0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1, 2].map(Double?.some))
    }

    @Test func providerRowAddsServicesUpAndTakesTheWorstState() {
        var scene = Scene()
        scene.check(3, charts: 100, refusals: (10, 10))
        scene.check(3, .visit, service: 2, charts: 100, refusals: (10, 6))
        let report = scene.engine().report()
        #expect(report.services.map(\.name) == ["Ashdown House", "Brookfield Homecare"])
        let provider = report.provider[.refusalsIncomplete]!
        #expect(provider.value == 20)
        #expect(report.services[0][.refusalsIncomplete]?.state == .green)
        #expect(report.services[1][.refusalsIncomplete]?.state == .red)
        #expect(provider.state == .red)
        #expect(report.provider[.findingRate]?.state == .green)
    }

    @Test func aShareOfNothingHasNoDataAndNoState() {
        let scene = Scene()
        let value = scene.value(.refusalsIncomplete)
        #expect(value.value == nil)
        #expect(value.state == .noData)
        #expect(value.text == "–")
    }

    @Test func theProvidersOwnThresholdsReplaceTheStandardOnes() {
        var scene = Scene()
        scene.check(3, lateEntry: true)
        let own = IndicatorThresholds(overrides: [.lateEntries: IndicatorThreshold(amber: 1, red: 1)])
        #expect(scene.engine().indicators(for: 1)?[.lateEntries]?.state == .green)
        #expect(scene.engine(own).indicators(for: 1)?[.lateEntries]?.state == .red)
        #expect(IndicatorThresholds.problems(IndicatorThreshold(amber: 3, red: 2)) == ["The amber threshold cannot be above the red one."])
    }
}

/// History starts when the service does: nothing before a service was added (or a member of
/// staff joined) is counted, and those weeks are no data, never a colour.
@Suite struct HistoryStartTests {
    /// Ashdown House added at `moment`.
    private func scene(addedAt moment: Date) -> Scene {
        var scene = Scene()
        scene.services[0].addedAt = moment
        return scene
    }

    @Test func aServiceAddedTodayShowsNoRedOnAnyIndicator() {
        var scene = scene(addedAt: Scene.now.addingTimeInterval(-3 * 3600))
        // Its first check, today; its team leader is not yet assessed (that is a finding, so amber, not red).
        scene.check(0)
        _ = scene.person(.teamLeader)
        let indicators = scene.engine().indicators(for: 1)!
        for id in IndicatorID.allCases {
            #expect(indicators[id]?.state != .red, "\(id.rawValue): \(indicators[id]?.basis ?? "")")
        }
        let coverage = indicators[.marCoverage]!
        #expect(coverage.value == nil)
        #expect(coverage.state == .noData)
        #expect(coverage.basis == "nothing to judge by yet")
        // Every earlier week of every indicator is no data.
        for id in IndicatorID.allCases {
            #expect(indicators[id]!.history.dropLast().allSatisfy { $0 == nil }, "\(id.rawValue)")
        }
        // The same service treated as always there shows the 56 missing rounds in red.
        #expect(Scene().value(.marCoverage).state == .red)
        #expect(Scene().value(.marCoverage).value == 56)
    }

    @Test func aServiceAddedMidWindowExpectsOnlyTheRoundsThatEndedAfterIt() {
        // Added at 14:30 five days ago: that day's teatime and night rounds, then four whole days.
        var scene = scene(addedAt: Scene.day(5).start.addingTimeInterval(14.5 * 3600))
        #expect(scene.value(.marCoverage).value == 18)
        #expect(scene.value(.marCoverage).basis == "18 rounds without a check out of 18 rounds expected")
        scene.everyRound(days: 4)
        scene.check(5, .teatime)
        #expect(scene.value(.marCoverage).value == 1)
        scene.check(5, .night)
        #expect(scene.value(.marCoverage).value == 0)
        #expect(scene.value(.marCoverage).state == .green)
        // The morning and lunchtime rounds of that day, before it was added, are not listed as missing.
        scene.checks.removeAll { LondonDay($0.draft.date) == Scene.day(2) && $0.draft.round == .lunchtime }
        let records = scene.engine().records(.marCoverage, serviceID: 1)
        #expect(records.map(\.summary) == ["\(Scene.day(2)) Lunchtime round: no MAR check logged"])
    }

    @Test func weeksBeforeTheServiceWasAddedAreNoDataInTheHistory() {
        // Added 20 days ago: the week ends 21, 28, ... days ago are before it; 14 and 7 days ago and now are after.
        var scene = scene(addedAt: Scene.day(20).start.addingTimeInterval(14.5 * 3600))
        scene.check(2, lateEntry: true)
        for id in IndicatorID.allCases {
            let history = scene.value(id).history
            #expect(history.prefix(9).allSatisfy { $0 == nil }, "\(id.rawValue): \(history)")
        }
        #expect(scene.value(.lateEntries).history.suffix(3) == [0, 0, 1])
        // Coverage in the week ending 14 days ago counts only the rounds since it was added
        // (that day's teatime and night, then the five days to the 14 days ago).
        #expect(scene.value(.marCoverage).history[9] == Double(5 * 4 + 2))
    }

    @Test func aMemberOfStaffCountsOnlyFromWhenTheyJoined() {
        var scene = Scene()
        let leader = scene.person(.teamLeader)
        scene.staffJoined[leader.id] = Scene.day(10).start
        let value = scene.value(.staffWithoutCompetency)
        #expect(value.value == 1)
        #expect(value.history.suffix(3) == [0, 1, 1])
    }
}
