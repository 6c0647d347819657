import Foundation
import GRDB
import PlanLibrary
@testable import RecoveryFixtures
import RecoveryModel
@testable import RecoveryStore
import Testing

/// The summary tables: kept equal to a rebuild from the records through every kind of write and
/// amendment, checked by `verify`, and giving the same figures as the record-by-record
/// computation that stays as the reference (`IndicatorEngine`, `EvidenceMeasures.records(for:checks:…)`).
@Suite(.serialized) struct SummaryStoreTests {
    static func problems(_ store: SQLiteRecoveryStore) throws -> [String] {
        try store.read { db in try SummaryVerifier.problems(db) }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func summariesEqualARebuildAfterEveryKindOfWrite(seed: UInt64) throws {
        let e = try EvidenceStore()
        let store = e.store
        let second = try store.addService(name: "Elm Court", kind: .domiciliary, registeredManager: nil, by: e.admin.actor,
                                          at: SetUpStore.start)
        let actor = try store.addStaff(name: "Dora Deputy", role: .deputyManager, serviceIDs: [e.serviceID, second.id],
                                       pin: "1357", by: e.admin.actor, at: SetUpStore.start).actor
        let services: [(Int64, [MARRound])] = [(e.serviceID, MARRound.careHomeRounds), (second.id, [.visit])]
        let staffIDs: [Int64?] = [nil, e.worker.id, e.p.leader.id, e.p.supervisor.id]
        var random = FixtureRandom(seed: seed)  // a failing sequence replays from its seed
        var now = SetUpStore.start
        var checks: [MARCheck] = []
        var escalations: [Escalation] = []
        var writes = 0
        var refusals: Set<String> = []
        func findings() -> [MARFinding] {
            (0..<random.below(4)).map { _ in
                MARFinding(type: random.pick(FindingType.allCases), personReference: random.pick(["JB room 3", "jb room 3", "AK 12"]),
                           staffID: random.pick(staffIDs), note: "seen on the chart")
            }
        }
        func draft() -> MARCheckDraft {
            let (serviceID, rounds) = random.pick(services)
            let day = LondonDay(now).adding(days: -random.below(20))
            let seen = random.below(4)
            return MARCheckDraft(serviceID: serviceID, date: day.start, round: random.pick(rounds), chartsChecked: 1 + random.below(15),
                                 refusalsSeen: seen, refusalsComplete: random.below(seen + 1),
                                 chartsReturnedLate: random.below(3) == 0 ? random.below(3) : 0, findings: findings(),
                                 lateEntryReason: "Entered after the agency shift ended")
        }
        /// One random write; false when it was refused (as bad input) or had nothing to act on.
        func write() throws -> Bool {
            switch random.below(10) {
            case 0...4:
                checks.append(try store.logMARCheck(draft(), lateEntryRule: LateEntryRule(hours: 24), recheck: true,
                                                    by: actor, at: now))
            case 5, 6:
                guard !checks.isEmpty else { return false }
                let index = random.below(checks.count)
                var changed = random.below(2) == 0 ? draft() : checks[index].draft
                changed.findings = Array(checks[index].draft.findings.prefix(random.below(3))) + findings()
                changed.chartsChecked += 1
                checks[index] = try store.amendMARCheck(checks[index].id, to: changed, reason: "Wrong figures first time",
                                                        by: actor, at: now)
            case 7, 8:
                let withLate = checks.filter { !EscalationDue.sources(of: $0).filter(\.isLateReturn).isEmpty }
                guard !withLate.isEmpty else { return false }
                let check = try store.marCheck(random.pick(withLate).id)
                let sources = EscalationDue.sources(of: check).filter(\.isLateReturn).map(\.source)
                guard !sources.isEmpty else { return false }
                escalations.append(try store.raiseEscalation(
                    EscalationDraft(serviceID: check.draft.serviceID, category: .lateMARReturn, severity: .moderate,
                                    occurredAt: now, escalatedToRole: .registeredManager, whatHappened: "Charts came back late",
                                    sources: [random.pick(sources)]),
                    workingDays: .weekendsOnly, by: actor, at: now))
            default:
                guard let open = escalations.indices.first(where: { escalations[$0].status != .resolved }) else { return false }
                let next: EscalationStatus = escalations[open].status == .open ? .acknowledged
                    : escalations[open].status == .acknowledged ? .responded : .resolved
                escalations[open] = try store.advanceEscalation(escalations[open].id, to: next, note: "Dealt with by the manager",
                                                                by: actor, at: now)
            }
            return true
        }
        for _ in 0..<120 {
            now = now.addingTimeInterval(TimeInterval(3600 * (1 + random.below(30))))
            var written = false
            do {
                written = try write()
            } catch let error as StoreError {
                guard case .invalid(let message) = error else { throw error }
                refusals.insert(message)
            }
            guard written else { continue }
            writes += 1
            #expect(try Self.problems(store) == [], "seed \(seed), after write \(writes)")
        }
        #expect(writes > 40, "\(refusals)")
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM summary_check_day") } ?? 0 > 0)
    }

    @Test func verifyNamesASummaryChangedBehindTheAppsBack() throws {
        let e = try EvidenceStore()
        let now = EvidenceStore.at(16, 11, 2026)
        _ = try e.store.logMARCheck(e.draft(16, 11, 2026, findings: [MARFinding(type: .missingSignature, personReference: "JB")]),
                                    lateEntryRule: LateEntryRule(hours: 24), by: e.p.deputy.actor, at: now)
        #expect(try e.store.verify().problems == [])
        try e.p.setUp.raw("UPDATE summary_check_day SET checks = checks + 1")
        let problems = try e.store.verify().problems
        #expect(problems.contains { $0.hasPrefix("summary of MAR checks for service \(e.serviceID), round day 16/11/2026") }, "\(problems)")
        try e.p.setUp.raw("UPDATE summary_check_day SET checks = checks - 1; DELETE FROM summary_finding_day")
        #expect(try e.store.verify().problems == ["summary of findings for service \(e.serviceID), round day 16/11/2026, missing signature is missing"])
    }

    // MARK: The demo store against the reference

    static func demo(_ folder: TestFolder) throws -> (SQLiteRecoveryStore, WorkingDays) {
        let (templates, workingDays) = try DemoFixture.inputs()
        let url = folder.file("demo.sqlite")
        _ = try DemoStore.build(at: url, options: DemoOptions(), templates: templates, workingDays: workingDays, now: IndicatorStoreTests.now)
        return (try SQLiteRecoveryStore.open(at: url, createIfMissing: false, workingDays: workingDays), workingDays)
    }

    @Test func theDemoStoresFiguresFromSummariesEqualTheRecordByRecordFigures() throws {
        let folder = TestFolder()
        let (store, workingDays) = try Self.demo(folder)
        #expect(try Self.problems(store) == [])
        let thresholds = try store.indicatorThresholds()
        for daysBack in [0, 3, 30, 90] {
            let now = IndicatorStoreTests.now.addingTimeInterval(-Double(daysBack) * 86_400)
            let figures = IndicatorFigures(summaries: try store.indicatorSummaries(at: now, workingDays: workingDays),
                                           thresholds: thresholds, now: now, workingDays: workingDays).report()
            let reference = IndicatorEngine(evidence: try store.indicatorEvidence(at: now, workingDays: workingDays),
                                            thresholds: thresholds, now: now, workingDays: workingDays).report()
            #expect(figures.services.count == 5)
            for (ours, theirs) in zip([figures.provider] + figures.services, [reference.provider] + reference.services) {
                for (a, b) in zip(ours.values, theirs.values) {
                    #expect(a == b, "\(daysBack) days back, \(ours.name), \(a.id.rawValue): \(a.history) \(a.basis) / \(b.history) \(b.basis)")
                }
            }
            #expect(figures == reference)
            // A service's page reads that service alone and shows the same figures.
            for service in figures.services {
                let one = IndicatorFigures(summaries: try store.indicatorSummaries(at: now, workingDays: workingDays,
                                                                                   serviceID: service.serviceID),
                                           thresholds: thresholds, now: now, workingDays: workingDays)
                #expect(one.indicators(for: service.serviceID ?? 0) == service, "\(daysBack) days back, \(service.name) alone")
            }
        }
    }

    @Test func theDemoPlansMeasuresFromSummariesEqualTheRecordByRecordMeasures() throws {
        let folder = TestFolder()
        let (store, workingDays) = try Self.demo(folder)
        let now = IndicatorStoreTests.now
        let plans = try store.plans(serviceID: nil)
        var compared = 0
        for plan in plans {
            guard let start = PlanEvidence.evidenceStart(plan) else { continue }
            let reference = try store.read { db in
                let stored = try PlanRows.loadStored(db, where: "id = ?", arguments: [plan.id])
                return try EvidenceRows.attachEvidence(db, to: stored, workingDays: workingDays)[0]
            }
            let planStart = LondonDay(plan.draft.startDate)
            for (ours, theirs) in zip(plan.measures, reference.measures) where EvidenceMeasures.isDerived(ours.definition.source) {
                let period = ours.definition.period
                let from = period.start(containing: planStart).start
                #expect(ours.results.filter { $0.periodStart >= from } == theirs.results.filter { $0.periodStart >= from },
                        "\(plan.draft.title): \(ours.definition.name)")
                #expect(ours.events.filter { $0.occurred >= start.start } == theirs.events.filter { $0.occurred >= start.start },
                        "\(plan.draft.title): \(ours.definition.name)")
                let a = TargetEngine.evaluate(ours.definition, records: ours.records, planStart: plan.draft.startDate, today: now,
                                              workingDays: workingDays)
                let b = TargetEngine.evaluate(theirs.definition, records: theirs.records, planStart: plan.draft.startDate, today: now,
                                              workingDays: workingDays)
                #expect(a.state == b.state && a.why == b.why, "\(plan.draft.title): \(ours.definition.name)")
                compared += 1
            }
        }
        #expect(compared >= 5)
        // The list's stored standing is the plan page's.
        let list = try store.planList(serviceID: nil, at: now)
        #expect(list.map(\.id) == plans.map(\.id))
        for (row, plan) in zip(list, plans) {
            let standing = PlanStandingSummary.of(plan, today: now, workingDays: workingDays)
            #expect(row.standing?.state == standing.state, "\(plan.draft.title)")
            #expect(row.standing?.stepDues == standing.stepDues, "\(plan.draft.title)")
        }
    }
}

extension FixtureRandom {
    /// A whole number in 0..<bound.
    mutating func below(_ bound: Int) -> Int { int(0...(bound - 1)) }
}
