import Foundation
import GRDB
import RecoveryModel
@testable import RecoveryFixtures
@testable import RecoveryStore
import TestSupport
import Testing

/// The provider-scale builder's fast path (`BulkLoad`): a small store of the bench's shape passes
/// `verify`, audit chain and all, and `verify` still catches a bulk row changed afterwards.
@Suite struct ProviderScaleTests {
    func build(_ options: ProviderScaleOptions, in folder: TestFolder, name: String = "provider.sqlite") throws -> (URL, ProviderScaleSummary) {
        let (templates, workingDays) = try DemoFixture.inputs()
        let url = folder.file(name)
        return (url, try ProviderScaleBuilder.build(at: url, options: options, templates: templates, workingDays: workingDays))
    }

    @Test(arguments: [(4, 28), (6, 56)])
    func aSmallProviderShapedStoreBuiltByTheFastPathPassesVerify(services: Int, days: Int) throws {
        let folder = TestFolder()
        let options = ProviderScaleOptions.small(services: services, days: days)
        let (url, summary) = try build(options, in: folder)
        #expect(summary.services == services)
        #expect(summary.marChecks > services * days * 3, "about four checks a day in each service")
        #expect(summary.findings > 0 && summary.escalations > 0 && summary.observations > 0)
        #expect(summary.plans == services && summary.stepEntries > 0)
        #expect(ProviderScaleBuilder.shape(of: url) == options.shape)

        let store = try SQLiteRecoveryStore.open(at: url, createIfMissing: false)
        let report = try store.verify()
        #expect(report.problems == [])
        #expect(report.isSound)
        #expect(report.auditEntries == summary.auditEntries)
        let bulkRows = summary.marChecks + summary.findings + summary.escalations + summary.observations + summary.stepEntries
        #expect(report.recordsChecked > bulkRows)
        // One "add" entry, with the builder's reason, for each row loaded in bulk.
        let audited = try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE table_name = 'mar_check' AND action = 'add' AND reason = ?",
                             arguments: [ProviderScaleBuilder.auditReason])
        }
        #expect(audited == summary.marChecks)
        #expect(try store.newestRecordTime() != nil, "the newest record's moment is still found for the clock check")
        try store.close()

        // A bulk row changed behind RecoveryDesk's back is named.
        let queue = try DatabaseQueue(path: url.path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "UPDATE mar_check SET charts_checked = charts_checked + 1 WHERE id = 2") }
        try queue.close()
        let reopened = try SQLiteRecoveryStore.open(at: url, createIfMissing: false)
        // The record is named first; the day's summary no longer agrees with it either.
        let problems = try reopened.verify().problems
        #expect(problems.first == "mar_check row 2 differs from its last audited state (charts_checked)")
        #expect(problems.count == 2 && problems[1].hasPrefix("summary of MAR checks for service"), "\(problems)")
        try reopened.close()
    }

    @Test func theSameOptionsMakeTheSameRowsAndVerifySaysSoundFromTheCommandLine() throws {
        let folder = TestFolder()
        let options = ProviderScaleOptions.small(services: 4, days: 21, seed: 11)
        let (first, _) = try build(options, in: folder, name: "a.sqlite")
        let (second, _) = try build(options, in: folder, name: "b.sqlite")
        #expect(try DemoFixture.digest(first) == DemoFixture.digest(second))
        let result = try ChildProcess.run(["verify", "--store", first.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("The store is sound"))
    }

    @Test func theBuilderReplacesOnlyItsOwnStores() throws {
        let setUp = try SetUpStore()
        try setUp.store.close()
        let (templates, workingDays) = try DemoFixture.inputs()
        #expect(throws: StoreError.conflict("\(setUp.url.path) is not a provider-scale store; the bench only replaces its own stores.")) {
            _ = try ProviderScaleBuilder.build(at: setUp.url, options: .small(), templates: templates, workingDays: workingDays)
        }
    }
}
