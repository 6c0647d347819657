import Foundation
import GRDB
import RecoveryModel

/// Makes the rows of a provider-scale store (see `ProviderScaleBuilder`). The provider, services
/// and staff go through the audited write path; everything else through `ScaleInsert`, in time
/// order within each table so ids grow with time as they would in use.
final class ScaleGenerator {
    enum Profile { case strong, middling, struggling }

    final class ScaleService {
        let service: Service
        let index: Int
        let profile: Profile
        var manager: ScalePerson!
        var deputy: ScalePerson!
        /// Who logs the MAR checks.
        var checkers: [ScalePerson] = []
        /// Who gives medicines, by the day they joined (so they are observed and named in findings).
        var givers: [ScalePerson] = []
        var supervisor: ScalePerson?
        /// The name that keeps coming up in findings (middling and struggling services).
        var repeatOffender: ScalePerson?

        init(service: Service, index: Int, profile: Profile) {
            self.service = service
            self.index = index
            self.profile = profile
        }

        var kind: Service.Kind { service.kind }
        var everyone: [ScalePerson] {
            var list: [ScalePerson] = [manager, deputy]
            list.append(contentsOf: checkers)
            list.append(contentsOf: givers)
            if let supervisor { list.append(supervisor) }
            return list
        }

        /// The checks logged each day: a care home's four rounds; a homecare branch checks the
        /// charts of its four care runs (morning, lunch, tea and bed visits), each logged as `visit`.
        var rounds: [MARRound] { kind == .domiciliary ? Array(repeating: .visit, count: 4) : MARRound.careHomeRounds }

        /// Givers who had joined by `day` (a day index).
        func givers(on day: Int) -> ArraySlice<ScalePerson> {
            var low = 0
            var high = givers.count
            while low < high {
                let middle = (low + high) / 2
                if givers[middle].joined > day { high = middle } else { low = middle + 1 }
            }
            return givers[..<max(1, low)]
        }
    }

    /// An escalation waiting to be written (its lifecycle is decided when it is).
    struct PendingEscalation {
        var service: ScaleService
        var category: EscalationCategory
        var severity: EscalationSeverity
        var occurredAt: Date
        var raisedAt: Date
        var raisedBy: ScalePerson
        var toRole: Role
        var toName: String
        var planID: Int64?
        var stepID: Int64?
        var checkID: Int64?
        var staffID: Int64?
        var whatHappened: String
        var immediateAction: String
    }

    struct Rates {
        var missRound: Double
        /// Mean findings per check (before calibration to the target count).
        var findings: Double
        var refusalIncomplete: Double
        var offender: Double
        var lateEntry: Double
        var escalationLate: Double
        var escalationNever: Double
        var lateReturn: Double
        var lateReturnNotEscalated: Double
    }

    let store: SQLiteRecoveryStore
    let options: ProviderScaleOptions
    let templates: [PlanTemplate]
    let workingDays: WorkingDays
    let now: Date
    let today: LondonDay
    let firstDay: LondonDay
    let dayCount: Int
    var random: DemoRandom
    var names: DemoNameSource
    let policy = EscalationPolicy.standard

    var admin: ScalePerson!
    var provider: [Role: ScalePerson] = [:]
    var services: [ScaleService] = []
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
        firstDay = today.adding(days: -(options.years * 365 + options.years / 4))
        dayCount = firstDay.days(to: today) + 1
        let root = DemoRandom(seed: options.seed)
        random = root.derived(11)
        names = DemoNameSource(random: root.derived(12))
    }

    // MARK: The whole build

    func run() throws(StoreError) {
        let setUpDay = firstDay.adding(days: -14)
        let setUpTime = setUpDay.start.addingTimeInterval(9 * 3600)
        let adminName = names.next(featuredFirst: true)
        let member = try store.setUp(SetUpRequest(providerName: DemoNames.provider,
                                                  serviceName: DemoNames.service(0, kind: kind(0)), serviceKind: kind(0),
                                                  administratorName: adminName, pin: ProviderScaleBuilder.pin), at: setUpTime)
        admin = ScalePerson(id: member.id, name: member.name, role: .administrator)
        try store.withBatch { () throws(StoreError) in try addServicesAndStaff(from: setUpTime.addingTimeInterval(300)) }
        try StoreFailure.catching {
            try store.pool.writeWithoutTransaction { db in
                // A new file nobody else has open: no sync per commit while it is filled, and a
                // larger page cache for the indexes. Put back before the store is handed over.
                try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA cache_size = -65536")
                try db.inTransaction {
                    try insertChecks(db)
                    return .commit
                }
                try db.inTransaction {
                    try insertObservations(db)
                    return .commit
                }
                try db.inTransaction {
                    try insertPlans(db)
                    return .commit
                }
                try db.inTransaction {
                    try insertEscalations(db)
                    try EvidenceChainSchema.linkBulkEscalations(db, actorName: "RecoveryDesk (provider-scale build)")
                    try db.execute(sql: "INSERT INTO store_info (key, value) VALUES (?, ?)",
                                   arguments: [ProviderScaleBuilder.infoKey, options.shape])
                    return .commit
                }
                try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA cache_size = -2000")
            }
        }
    }

    func kind(_ index: Int) -> Service.Kind {
        [Service.Kind.residential, .nursing, .domiciliary, .supportedLiving][index % 4]
    }

    func profile(_ index: Int) -> Profile {
        let pattern: [Profile] = [.struggling, .strong, .middling, .middling, .strong, .struggling, .middling, .strong]
        // Shifted every four services so that each kind has services of every profile.
        return pattern[(index + index / 4) % pattern.count]
    }

    /// Fraction of the way through the years of records, 0 on the first day and 1 today.
    func progress(_ day: Int) -> Double { Double(day) / Double(max(1, dayCount - 1)) }

    // MARK: Services and staff (audited)

    func addServicesAndStaff(from start: Date) throws(StoreError) {
        var time = start
        func tick() -> Date {
            time = time.addingTimeInterval(30)
            return time
        }
        var all = try store.services(includingInactive: false)
        for index in 1..<options.services {
            all.append(try store.addService(name: DemoNames.service(index, kind: kind(index)), kind: kind(index),
                                            registeredManager: nil, by: admin.actor, at: tick()))
        }
        all.sort { $0.id < $1.id }
        services = all.enumerated().map { ScaleService(service: $0.element, index: $0.offset, profile: profile($0.offset)) }
        let everyService = all.map(\.id)

        func add(_ role: Role, _ serviceIDs: [Int64], featured: Bool = false) throws(StoreError) -> ScalePerson {
            let member = try store.addStaff(name: names.next(featuredFirst: featured), role: role, serviceIDs: serviceIDs,
                                            pin: nil, by: admin.actor, at: tick())
            return ScalePerson(id: member.id, name: member.name, role: role)
        }
        for role in [Role.nominatedIndividual, .providerOperationsLead, .qualityLead, .safeguardingLead, .medicinesLead] {
            provider[role] = try add(role, everyService, featured: true)
        }
        for scale in services {
            let id = [scale.service.id]
            scale.manager = try add(.registeredManager, id)
            scale.deputy = try add(.deputyManager, id)
            var givers: [ScalePerson] = []
            // Everyone whose role gives medicines needs a current competency, so all of them are
            // observed; care coordinators and the field supervisor do not give medicines.
            switch scale.kind {
            case .residential, .nursing:
                for _ in 0..<3 { scale.checkers.append(try add(.teamLeader, id)) }
                scale.checkers.append(try add(.shiftLeader, id))
                givers = scale.checkers
                for _ in 0..<(scale.kind == .nursing ? 6 : 4) { givers.append(try add(.seniorCarer, id)) }
                for _ in 0..<(scale.kind == .nursing ? 14 : 10) { givers.append(try add(.careWorker, id)) }
            case .domiciliary:
                for _ in 0..<3 { scale.checkers.append(try add(.careCoordinator, id)) }
                scale.supervisor = try add(.fieldSupervisor, id)
                for _ in 0..<2 { givers.append(try add(.seniorCarer, id)) }
                for _ in 0..<17 { givers.append(try add(.careWorker, id)) }
            case .supportedLiving:
                for _ in 0..<2 { scale.checkers.append(try add(.teamLeader, id)) }
                givers = scale.checkers
                for _ in 0..<3 { givers.append(try add(.keyWorker, id)) }
                for _ in 0..<7 { givers.append(try add(.careWorker, id)) }
            }
            // Most were there from the start; the rest joined over the years.
            let checkerIDs = Set(scale.checkers.map(\.id))
            for index in givers.indices where !checkerIDs.contains(givers[index].id) {
                givers[index].joined = random.chance(0.65) ? 0 : random.int(30...(dayCount - 30))
            }
            for index in givers.indices where checkerIDs.contains(givers[index].id) { givers[index].joined = 0 }
            scale.givers = givers.sorted { ($0.joined, $0.id) < ($1.joined, $1.id) }
            if scale.profile != .strong {
                scale.repeatOffender = scale.givers.last { $0.role == .careWorker || $0.role == .seniorCarer || $0.role == .keyWorker }
            }
        }
    }

    // MARK: MAR checks and findings

    func rates(_ profile: Profile, day: Int) -> Rates {
        let f = progress(day)
        let recent = dayCount - 1 - day < 14
        switch profile {
        case .strong:
            return Rates(missRound: 0.004, findings: 0.05, refusalIncomplete: 0.03, offender: 0, lateEntry: 0.004,
                         escalationLate: 0.03, escalationNever: 0, lateReturn: 0.04, lateReturnNotEscalated: 0.02)
        case .middling:
            return Rates(missRound: recent ? 0.04 : 0.02 - 0.01 * f, findings: 0.30 - 0.12 * f,
                         refusalIncomplete: 0.15 - 0.08 * f, offender: f < 0.5 ? 0.3 : 0.08, lateEntry: 0.015,
                         escalationLate: 0.10, escalationNever: 0.01, lateReturn: 0.18 - 0.08 * f, lateReturnNotEscalated: 0.10)
        case .struggling:
            return Rates(missRound: recent ? 0.15 : 0.015 + 0.03 * f, findings: 0.30 + 0.9 * f,
                         refusalIncomplete: 0.12 + 0.2 * f, offender: 0.45, lateEntry: 0.035, escalationLate: 0.22,
                         escalationNever: 0.04, lateReturn: 0.28 + 0.1 * f, lateReturnNotEscalated: 0.25)
        }
    }

    /// Sets `findingScale` so the expected number of findings is `options.findings`.
    func calibrateFindings() {
        var expected = 0.0
        var lateFindings = 0.0
        for day in 0..<dayCount {
            for scale in services {
                let rates = rates(scale.profile, day: day)
                let checks = Double(scale.rounds.count) * (1 - rates.missRound)
                expected += checks * rates.findings
                if scale.kind == .domiciliary { lateFindings += checks * rates.lateReturn * 1.5 }
            }
        }
        findingScale = max(0, Double(options.findings) - lateFindings) / max(1, expected)
    }


    func personReference(_ scale: ScaleService) -> String {
        switch scale.kind {
        case .residential, .nursing: return "Rm \(random.int(1...(scale.kind == .nursing ? 48 : 36)))"
        case .domiciliary, .supportedLiving:
            let letters = Array("ABCDEFGHJKLMNPRSTW")
            return "\(random.pick(letters)).\(random.pick(letters))."
        }
    }

    func pick(_ people: ArraySlice<ScalePerson>) -> ScalePerson {
        people[people.startIndex + Int(random.next() % UInt64(people.count))]
    }

    func category(for type: FindingType) -> EscalationCategory {
        switch type {
        case .missingSignature, .unexplainedGap: return .omission
        case .refusalWithoutReason, .refusalWithoutAction: return .refusalWithoutFollowUp
        case .prnWithoutReasonOrOutcome, .stockCountMismatch: return .medicationError
        case .chartReturnedLate: return .lateMARReturn
        default: return .other
        }
    }

    func insertChecks(_ db: Database) throws {
        calibrateFindings()
        var checks = try ScaleInsert(db, table: "mar_check", columns: [
            "service_id", "round_date", "round", "charts_checked", "refusals_seen", "refusals_complete",
            "charts_returned_late", "late_entry", "late_entry_hours", "late_entry_reason", "version",
            "checked_by_id", "checked_by", "logged_at", "occurred_at",
        ])
        var findings = try ScaleInsert(db, table: "mar_finding", columns: [
            "check_id", "check_version", "position", "type", "person_reference", "person_key", "staff_id", "note",
            "action_taken", "escalate", "active",
        ])
        let lateEntryHours = LateEntryRule().hours
        for dayIndex in 0..<dayCount {
            let day = ScaleDay(firstDay.adding(days: dayIndex))
            for scale in services {
                let rates = rates(scale.profile, day: dayIndex)
                for round in scale.rounds {
                    if random.chance(rates.missRound) { continue }
                    let end = day.roundEnds[round]!
                    let late = random.chance(rates.lateEntry)
                    let logged = end.addingTimeInterval(late ? Double(random.int(25 * 60...60 * 60)) * 60
                                                             : Double(random.int(10...150)) * 60)
                    guard logged <= now else { continue }
                    let checker = random.pick(scale.checkers)
                    let charts: Int
                    switch scale.kind {
                    case .residential: charts = random.int(18...30)
                    case .nursing: charts = random.int(26...44)
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
                        let words = DemoWords.findingWords[.chartReturnedLate]!
                        for _ in 0..<lateCharts {
                            made.append(MARFinding(type: .chartReturnedLate, personReference: personReference(scale),
                                                   staffID: pick(givers).id, note: words.0, actionTaken: words.1,
                                                   escalate: true))
                        }
                    }
                    if random.chance(min(0.95, rates.findings * findingScale / 1.35)) {
                        let count = random.weighted([(1, 0.70), (2, 0.25), (3, 0.05)])
                        for _ in 0..<count {
                            let type = random.weighted(DemoWords.findingTypes)
                            var staff: ScalePerson? = random.chance(0.85) ? pick(givers) : nil
                            if let offender = scale.repeatOffender, offender.joined <= dayIndex, random.chance(rates.offender) {
                                staff = offender
                            }
                            let escalate: Bool
                            switch type {
                            case .refusalWithoutAction, .stockCountMismatch: escalate = true
                            case .unexplainedGap: escalate = random.chance(0.3)
                            default: escalate = random.chance(0.05)
                            }
                            let words = DemoWords.findingWords[type] ?? ("", "")
                            made.append(MARFinding(type: type, personReference: personReference(scale), staffID: staff?.id,
                                                   note: words.0, actionTaken: words.1, escalate: escalate))
                            if type == .refusalWithoutReason || type == .refusalWithoutAction { refusals += 1 }
                        }
                        let incomplete = made.filter { $0.type == .refusalWithoutReason || $0.type == .refusalWithoutAction }.count
                        complete = max(0, min(complete, refusals - incomplete))
                    }
                    let reason: String? = late ? random.pick(DemoWords.lateEntryReasons) : nil
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
    func queueEscalations(checkID: Int64, findings: [MARFinding], lateCharts: Int, scale: ScaleService, checker: ScalePerson,
                          roundEnd: Date, logged: Date, rates: Rates) {
        for finding in findings where finding.escalate && finding.type != .chartReturnedLate {
            pending.append(PendingEscalation(
                service: scale, category: category(for: finding.type),
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

extension ScalePerson {
    var actor: Actor { Actor(userID: id, name: name, role: role) }
}
