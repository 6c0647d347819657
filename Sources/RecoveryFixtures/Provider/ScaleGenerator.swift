import Foundation
import GRDB
import RecoveryModel
import RecoveryStore

/// Makes the rows of a provider-scale store (see `ProviderScaleBuilder`). The provider, services
/// and staff go through the audited write path (`FixtureCast`, as in the demo); everything else
/// through the store's `BulkLoad`, in time order within each table so ids grow with time as they
/// would in use, with the same draws as the demo where the two make the same thing
/// (`FixtureRates`, `FixtureEvidence`).
final class ScaleGenerator {
    /// An escalation waiting to be written (its lifecycle is decided when it is).
    struct PendingEscalation {
        var service: FixtureService
        var category: EscalationCategory
        var severity: EscalationSeverity
        var occurredAt: Date
        var raisedAt: Date
        var raisedBy: FixturePerson
        var toRole: Role
        var toName: String
        var planID: Int64?
        var stepID: Int64?
        var checkID: Int64?
        var staffID: Int64?
        var whatHappened: String
        var immediateAction: String
    }

    let store: SQLiteRecoveryStore
    let options: ProviderScaleOptions
    let templates: [PlanTemplate]
    let workingDays: WorkingDays
    let now: Date
    let today: LondonDay
    let firstDay: LondonDay
    let dayCount: Int
    var random: FixtureRandom
    var names: FixtureNameSource
    let policy = EscalationPolicy.standard

    var cast: FixtureCast!
    var admin: FixturePerson { cast.admin }
    var provider: [Role: FixturePerson] { cast.provider }
    var services: [FixtureService] { cast.services }
    var pending: [PendingEscalation] = []
    /// Findings per check are scaled by this so the total comes out near `options.findings`.
    var findingScale = 1.0

    init(store: SQLiteRecoveryStore, options: ProviderScaleOptions, templates: [PlanTemplate], workingDays: WorkingDays) {
        self.store = store
        self.options = options
        self.templates = templates
        self.workingDays = workingDays
        now = options.now
        today = LondonDay(options.now)
        firstDay = today.adding(days: -options.dayCount)
        dayCount = firstDay.days(to: today) + 1
        let root = FixtureRandom(seed: options.seed)
        random = root.derived(11)
        names = FixtureNameSource(random: root.derived(12))
    }

    // MARK: The whole build

    func run() throws(StoreError) {
        let setUpDay = firstDay.adding(days: -14)
        let setUpTime = setUpDay.start.addingTimeInterval(9 * 3600)
        cast = try FixtureCast.setUp(store, names: &names, pin: ProviderScaleBuilder.pin, at: setUpTime)
        try store.withBatch { () throws(StoreError) in
            try cast.addServicesAndStaff(store, count: options.services, staffing: .provider, shiftedProfiles: true, names: &names,
                                         random: &random, dayCount: dayCount, from: setUpTime.addingTimeInterval(300))
        }
        try store.bulkLoad(reason: ProviderScaleBuilder.auditReason, at: now) { load in
            try load.transaction { try insertChecks(load) }
            try load.transaction { try insertObservations(load) }
            try load.transaction { try insertPlans(load) }
            try load.transaction {
                try insertEscalations(load)
                try load.linkEscalationSources()
                try load.setStoreInfo(ProviderScaleBuilder.infoKey, options.shape)
            }
        }
    }

    /// The checks logged each day: a care home's four rounds; a homecare branch checks the
    /// charts of its four care runs (morning, lunch, tea and bed visits), each logged as `visit`.
    func rounds(_ team: FixtureService) -> [MARRound] {
        team.kind == .domiciliary ? Array(repeating: .visit, count: 4) : MARRound.careHomeRounds
    }

    /// Fraction of the way through the years of records, 0 on the first day and 1 today.
    func progress(_ day: Int) -> Double { Double(day) / Double(max(1, dayCount - 1)) }

    // MARK: MAR checks and findings

    func rates(_ profile: FixtureProfile, day: Int) -> FixtureRates {
        FixtureRates.of(profile, progress: progress(day), recent: dayCount - 1 - day < FixtureRates.recentDays)
    }

    /// Sets `findingScale` so the expected number of findings is `options.findings`.
    func calibrateFindings() {
        var expected = 0.0
        var lateFindings = 0.0
        for day in 0..<dayCount {
            for scale in services {
                let rates = rates(scale.profile, day: day)
                let checks = Double(rounds(scale).count) * (1 - rates.missRound)
                expected += checks * rates.findings
                if scale.kind == .domiciliary { lateFindings += checks * rates.lateReturn * 1.5 }
            }
        }
        findingScale = max(0, Double(options.findings) - lateFindings) / max(1, expected)
    }


    func personReference(_ scale: FixtureService) -> String { FixtureEvidence.personReference(scale.kind, &random) }

    func pick(_ people: ArraySlice<FixturePerson>) -> FixturePerson {
        people[people.startIndex + Int(random.next() % UInt64(people.count))]
    }

    func insertChecks(_ load: BulkLoad) throws {
        calibrateFindings()
        var checks = try load.inserter("mar_check", columns: [
            "service_id", "round_date", "round", "charts_checked", "refusals_seen", "refusals_complete",
            "charts_returned_late", "late_entry", "late_entry_hours", "late_entry_reason", "version",
            "checked_by_id", "checked_by", "logged_at", "occurred_at",
        ])
        var findings = try load.inserter("mar_finding", columns: [
            "check_id", "check_version", "position", "type", "person_reference", "person_key", "staff_id", "note",
            "action_taken", "escalate", "active",
        ])
        let lateEntryHours = LateEntryRule().hours
        for dayIndex in 0..<dayCount {
            let day = ScaleDay(firstDay.adding(days: dayIndex))
            for scale in services {
                let rates = rates(scale.profile, day: dayIndex)
                for round in rounds(scale) {
                    if random.chance(rates.missRound) { continue }
                    let end = day.roundEnds[round]!
                    let late = random.chance(rates.lateEntry)
                    let logged = end.addingTimeInterval(late ? Double(random.int(25 * 60...60 * 60)) * 60
                                                             : Double(random.int(10...150)) * 60)
                    guard logged <= now else { continue }
                    let checker = random.pick(scale.checkers)
                    let charts: Int
                    switch scale.kind {
                    case .residential: charts = random.int(18...28)
                    case .nursing: charts = random.int(26...38)
                    case .domiciliary: charts = random.int(10...22)
                    case .supportedLiving: charts = random.int(5...11)
                    }
                    var refusals = random.weighted([(0, 5.0), (1, 3.0), (2, 1.5), (3, 0.5)])
                    var complete = (0..<refusals).filter { _ in !random.chance(rates.refusalIncomplete) }.count
                    var made: [MARFinding] = []
                    var lateCharts = 0
                    let givers = scale.givers(on: dayIndex)
                    if scale.kind == .domiciliary && random.chance(rates.lateReturn) {
                        lateCharts = min(charts, random.weighted([(1, 6.0), (2, 3.0), (3, 1.0)]))
                        let words = FixtureWords.findingWords[.chartReturnedLate]!
                        for _ in 0..<lateCharts {
                            made.append(MARFinding(type: .chartReturnedLate, personReference: personReference(scale),
                                                   staffID: pick(givers).id, note: words.0, actionTaken: words.1,
                                                   escalate: true))
                        }
                    }
                    if random.chance(min(0.95, rates.findings * findingScale / 1.35)) {  // 1.35 findings a check with any
                        made += FixtureEvidence.ordinaryFindings(scale, givers: givers, day: dayIndex, rates: rates,
                                                                 refusals: &refusals, &random)
                        let incomplete = made.filter { $0.type == .refusalWithoutReason || $0.type == .refusalWithoutAction }.count
                        complete = max(0, min(complete, refusals - incomplete))
                    }
                    let reason: String? = late ? random.pick(FixtureWords.lateEntryReasons) : nil
                    let stamp = ScaleStamp(logged, checker)
                    let checkID = try checks.run([
                        scale.service.id, day.startText, round.rawValue, charts, refusals, complete, lateCharts, late,
                        lateEntryHours, reason, 1, checker.id, checker.name, stamp.at, ScaleTime.text(end),
                    ], stamp: stamp)
                    for (index, finding) in made.enumerated() {
                        try findings.run([
                            checkID, 1, index + 1, finding.type.rawValue, finding.personReference,
                            EvidenceDerivations.personKey(finding.personReference), finding.staffID, finding.note,
                            finding.actionTaken, finding.escalate, true,
                        ], stamp: stamp)
                    }
                    queueEscalations(checkID: checkID, findings: made, lateCharts: lateCharts, scale: scale, checker: checker,
                                     roundEnd: end, logged: logged, rates: rates)
                }
            }
        }
    }

    /// One escalation per finding marked to escalate, and one per check with late charts (raised in
    /// time, late, or not at all).
    func queueEscalations(checkID: Int64, findings: [MARFinding], lateCharts: Int, scale: FixtureService, checker: FixturePerson,
                          roundEnd: Date, logged: Date, rates: FixtureRates) {
        for finding in findings where finding.escalate && finding.type != .chartReturnedLate {
            pending.append(PendingEscalation(
                service: scale, category: FixtureEvidence.category(for: finding.type),
                severity: random.weighted([(.low, 4), (.moderate, 4), (.high, 1.5), (.potentialHarm, 0.3)]),
                occurredAt: roundEnd, raisedAt: logged.addingTimeInterval(Double(random.int(5...25)) * 60), raisedBy: checker,
                toRole: .deputyManager, toName: scale.deputy.name, checkID: checkID, staffID: finding.staffID,
                whatHappened: "\(finding.type.title) for \(finding.personReference): \(finding.note)",
                immediateAction: finding.actionTaken))
        }
        guard lateCharts > 0 else { return }
        var raisedAt = logged.addingTimeInterval(Double(random.int(10...50)) * 60)
        if random.chance(rates.lateReturnNotEscalated) {
            if random.chance(0.5) { return }
            let day = workingDays.adding(random.int(2...3), workingDaysTo: LondonDay(logged))
            raisedAt = day.start.addingTimeInterval(Double(random.int(9...16)) * 3600)
        }
        pending.append(PendingEscalation(
            service: scale, category: .lateMARReturn, severity: .moderate, occurredAt: roundEnd, raisedAt: raisedAt,
            raisedBy: checker, toRole: .registeredManager, toName: scale.manager.name, checkID: checkID,
            whatHappened: "\(lateCharts) MAR \(lateCharts == 1 ? "chart" : "charts") returned to the office late.",
            immediateAction: "Carers contacted to bring charts in."))
    }
}
