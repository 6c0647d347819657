import Foundation
import PlanLibrary
import RecoveryModel
@testable import RecoveryFixtures
@testable import RecoveryStore
import TestSupport
import Testing

/// The indicators over a real store: the standard demo (what a new user first sees) shows every
/// state of every indicator, `recoverydesk indicators` prints exactly the engine's figures, and
/// the provider's thresholds are kept in the store.
@Suite(.serialized) struct IndicatorStoreTests {
    /// The day the demo is built for and the indicators are worked out on (`--today 21/11/2026`).
    static let now = LondonDay(year: 2026, month: 11, day: 21)!.start.addingTimeInterval(12 * 3600)

    static func report(_ store: SQLiteRecoveryStore, workingDays: WorkingDays) throws -> IndicatorReport {
        IndicatorEngine(evidence: try store.indicatorEvidence(at: now, workingDays: workingDays),
                        thresholds: try store.indicatorThresholds(), now: now, workingDays: workingDays).report()
    }

    @Test func theStandardDemoShowsEveryIndicatorGreenAmberAndRedAndTheCommandPrintsTheSameFigures() throws {
        let folder = TestFolder()
        let (templates, workingDays) = try DemoFixture.inputs()
        let url = folder.file("demo.sqlite")
        _ = try DemoStore.build(at: url, options: DemoOptions(), templates: templates, workingDays: workingDays, now: Self.now)
        let store = try SQLiteRecoveryStore.open(at: url, createIfMissing: false)
        let report = try Self.report(store, workingDays: workingDays)
        try store.close()

        #expect(report.services.count == 5)
        for id in IndicatorID.allCases {
            let states = Set(report.services.compactMap { $0[id]?.state })
            #expect(states.isSuperset(of: [.green, .amber, .red]), "\(id.rawValue): \(states)")
        }

        let printed = try ChildProcess.run(["indicators", "--store", url.path, "--today", "21/11/2026", "--format", "json"])
        #expect(printed.status == 0, "\(printed.errors)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(printed.output.utf8)) as? [String: Any])
        let rows = try #require(document["services"] as? [[String: Any]])
        let expected = [report.provider] + report.services
        #expect(rows.map { $0["service"] as? String } == expected.map(\.name))
        for (row, indicators) in zip(rows, expected) {
            #expect(row["overall"] as? String == indicators.overall.rawValue)
            let items = try #require(row["indicators"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == IndicatorID.allCases.map(\.rawValue))
            for (item, value) in zip(items, indicators.values) {
                #expect(item["text"] as? String == value.text, "\(indicators.name) \(value.id.rawValue)")
                #expect(item["state"] as? String == value.state.rawValue, "\(indicators.name) \(value.id.rawValue)")
                #expect((item["history"] as? [Any])?.count == 12)
            }
        }

        let csv = try ChildProcess.run(["indicators", "--store", url.path, "--today", "21/11/2026", "--format", "csv",
                                        "--service", report.services[0].name])
        #expect(csv.status == 0, "\(csv.errors)")
        let lines = csv.output.split(separator: "\n")
        #expect(lines.first == "service,indicator,name,value,state,amber,red,trend,history,basis")
        #expect(lines.count == 1 + IndicatorID.allCases.count)

        let red = try #require(report.services[0].values.first { $0.state == .red })
        let records = try ChildProcess.run(["indicators", "--store", url.path, "--today", "21/11/2026",
                                            "--service", report.services[0].name, "--records", red.id.rawValue])
        #expect(records.status == 0, "\(records.errors)")
        #expect(records.output.hasPrefix("\(report.services[0].name): \(red.id.definition.name) \(red.text) (red)"))
        #expect(records.output.split(separator: "\n").count > 1)
    }

    @Test func aNewStoreOnItsFirstDayShowsNoRedOnAnyIndicator() throws {
        // Set up at 09:00 on the day, a second service added at 11:00, people added, one check logged.
        let folder = TestFolder()
        let store = try SQLiteRecoveryStore.open(at: folder.file("new.sqlite"), createIfMissing: true)
        let opened = Self.now.addingTimeInterval(-3 * 3600)
        let admin = try store.setUp(SetUpRequest(providerName: "Acme Care", serviceName: "Oak House", serviceKind: .residential,
                                                 administratorName: "Ann Admin", pin: "2468"), at: opened)
        let elm = try store.addService(name: "Elm Court", kind: .domiciliary, registeredManager: nil, by: admin.actor,
                                       at: opened.addingTimeInterval(7200))
        let oak = try #require(try store.services(includingInactive: false).first { $0.name == "Oak House" })
        let tina = try store.addStaff(name: "Tina Leader", role: .teamLeader, serviceIDs: [oak.id], pin: nil, by: admin.actor,
                                      at: opened.addingTimeInterval(600))
        _ = try store.addStaff(name: "Dee Deputy", role: .deputyManager, serviceIDs: [elm.id], pin: nil, by: admin.actor,
                               at: opened.addingTimeInterval(7300))
        _ = try store.logMARCheck(MARCheckDraft(serviceID: oak.id, date: Self.now, round: .morning, chartsChecked: 9),
                                  lateEntryRule: LateEntryRule(), by: tina.actor, at: Self.now.addingTimeInterval(-600))

        // Each service's history starts when it was added.
        #expect(oak.addedAt == opened)
        #expect(try store.services(includingInactive: false).first { $0.id == elm.id }?.addedAt == opened.addingTimeInterval(7200))

        for moment in [Self.now, Self.now.addingTimeInterval(11 * 3600)] {
            let workingDays = WorkingDays.weekendsOnly
            let report = IndicatorEngine(evidence: try store.indicatorEvidence(at: moment, workingDays: workingDays),
                                         thresholds: try store.indicatorThresholds(), now: moment, workingDays: workingDays).report()
            for row in [report.provider] + report.services {
                for value in row.values {
                    #expect(value.state != .red, "\(row.name) \(value.id.rawValue): \(value.basis)")
                    #expect(value.history.dropLast().allSatisfy { $0 == nil }, "\(row.name) \(value.id.rawValue)")
                }
                #expect(row[.marCoverage]?.state == .noData)
                #expect(row[.marCoverage]?.text == "–")
            }
        }
        // Retiring and bringing a service back does not move when its history starts.
        try store.setServiceActive(elm.id, active: false, by: admin.actor, at: Self.now)
        try store.setServiceActive(elm.id, active: true, by: admin.actor, at: Self.now.addingTimeInterval(60))
        #expect(try store.services(includingInactive: false).first { $0.id == elm.id }?.addedAt == opened.addingTimeInterval(7200))
        try store.close()
    }

    @Test func badIndicatorRequestsAreRefusedInPlainWords() throws {
        let folder = TestFolder()
        let (url, _) = try DemoFixture.build(in: folder)
        let noService = try ChildProcess.run(["indicators", "--store", url.path, "--service", "Nowhere"])
        #expect(noService.status == 1)
        #expect(noService.errors == "recoverydesk: There is no active service called Nowhere.\n")
        let noIndicator = try ChildProcess.run(["thresholds", "--store", url.path, "--set", "speed", "--amber", "1", "--red", "2"])
        #expect(noIndicator.status == 1)
        #expect(noIndicator.errors.contains("There is no indicator called speed."))
        let upsideDown = try ChildProcess.run(["thresholds", "--store", url.path, "--set", "late-entries", "--amber", "5", "--red", "2"])
        #expect(upsideDown.status == 1)
        #expect(upsideDown.errors == "recoverydesk: The amber threshold cannot be above the red one.\n")
    }

    @Test func anAdministratorSetsAndResetsAThresholdAndOthersCannot() throws {
        let folder = TestFolder()
        let (url, _) = try DemoFixture.build(in: folder)
        let store = try SQLiteRecoveryStore.open(at: url, createIfMissing: false)
        defer { try? store.close() }
        let people = try store.staff(includingInactive: false)
        let admin = try #require(people.first { $0.role == .administrator })
        let deputy = try #require(people.first { $0.role == .deputyManager })
        let own = IndicatorThreshold(amber: 3, red: 9)
        #expect(throws: StoreError.self) {
            try store.setIndicatorThreshold(.lateEntries, to: own, by: deputy.actor, at: DemoFixture.now)
        }
        try store.setIndicatorThreshold(.lateEntries, to: own, by: admin.actor, at: DemoFixture.now)
        #expect(try store.indicatorThresholds()[.lateEntries] == own)
        #expect(try store.indicatorThresholds()[.lateReturns] == IndicatorID.lateReturns.definition.standard)
        try store.setIndicatorThreshold(.lateEntries, to: nil, by: admin.actor, at: DemoFixture.now)
        #expect(try store.indicatorThresholds() == .standard)
        #expect(try store.verify().isSound)

        let listed = try ChildProcess.run(["thresholds", "--store", url.path])
        #expect(listed.status == 0)
        #expect(listed.output.contains("late-entries"))
        #expect(listed.output.contains("amber from 2, red from 5"))
    }
}
