import Crypto
import Foundation
import GRDB
import PlanLibrary
import RecoveryModel
@testable import RecoveryFixtures
@testable import RecoveryStore
import TestSupport
import Testing

/// A small demo (4 services, 60 days) built once and shared by the tests that only read it.
enum DemoFixture {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 15/11/2026
    static let options = DemoOptions(services: 4, days: 60, seed: 7)

    static func inputs() throws -> ([PlanTemplate], WorkingDays) {
        (try PlanTemplateLibrary.builtin(), WorkingDays(holidays: try BankHolidayFile.builtin()))
    }

    /// Builds a demo in `folder` and returns its file and summary.
    static func build(in folder: TestFolder, name: String = "demo.sqlite", options: DemoOptions = options) throws -> (URL, DemoSummary) {
        let (templates, workingDays) = try inputs()
        let url = folder.file(name)
        let summary = try DemoStore.build(at: url, options: options, templates: templates, workingDays: workingDays, now: now)
        return (url, summary)
    }

    /// A SHA-256 of every row of every table, leaving out what differs by design between two
    /// builds: PIN salts and hashes (and what is derived from them: fingerprints, the audit
    /// hashes, the credential rows' audited state), and the wall-clock times of store creation
    /// and of the reference data seeded when the file was made.
    static func digest(_ url: URL) throws -> String {
        let queue = try DatabaseQueue(path: url.path)
        defer { try? queue.close() }
        return try queue.read { db in
            var hasher = SHA256()
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            for table in tables {
                hasher.update(data: Data("table \(table)\n".utf8))
                // Summary tables have no rowid: their keys lead.
                let order = ["summary_check_day": "1, 2, 3", "summary_finding_day": "1, 2, 3, 4, 5, 6",
                             "summary_late_return": "1, 2"][table] ?? (table.hasPrefix("summary_") ? "1" : "rowid")
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(order)") {
                    var skip: Set<String> = []
                    switch table {
                    case "staff_credential": skip = ["salt", "hash", "fingerprint"]
                    case "store_info": if row["key"] as String? == "created_at" { skip = ["value"] }
                    case "audit_log":
                        skip = ["hash", "previous_hash"]
                        if row["table_name"] as String? == "staff_credential" { skip.insert("state") }
                        if row["actor_name"] as String? == ReferenceSeed.actorName { skip.formUnion(["recorded_at", "state"]) }
                    default: break
                    }
                    if row["recorded_by"] as String? == ReferenceSeed.actorName { skip.insert("recorded_at") }
                    let text = row.columnNames.filter { !skip.contains($0) }
                        .map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: "|")
                    hasher.update(data: Data((text + "\n").utf8))
                }
            }
            return hasher.finalize().map { String(format: "%02x", $0) }.joined()
        }
    }
}

@Suite(.serialized) struct DemoStoreTests {
    @Test func aSmallDemoHoldsEveryKindOfRecordAndPassesVerify() throws {
        let folder = TestFolder()
        let (url, summary) = try DemoFixture.build(in: folder)
        let now = DemoFixture.now
        let store = try SQLiteRecoveryStore.open(at: url, createIfMissing: false)
        defer { try? store.close() }

        let report = try store.verify()
        #expect(report.isSound, "\(report.problems.prefix(3))")
        #expect(try store.isDemo())
        #expect(summary.services == 4)
        #expect(summary.auditEntries == report.auditEntries)

        // Services of all four kinds.
        let services = try store.services(includingInactive: false)
        #expect(Set(services.map(\.kind)) == Set(Service.Kind.allCases))

        // A user for every role, each signing in with 1234; staff without PINs too; some accents.
        let users = try store.signInList()
        #expect(Set(users.map(\.role)) == Set(Role.allCases))
        for role in Role.allCases {
            let user = try #require(users.first { $0.role == role })
            guard case .signedIn = try store.signIn(staffID: user.id, pin: "1234", at: now) else {
                Issue.record("\(user.name) (\(role.rawValue)) could not sign in with 1234")
                continue
            }
        }
        let staff = try store.staff(includingInactive: true)
        #expect(staff.contains { !$0.canSignIn })
        #expect(staff.contains { $0.name == "Siobhán Ó Briain" })
        #expect(staff.contains { $0.name == "Zoë Brontë" })

        // MAR checks with findings: refusals without reasons, late returns, repeats by one person, late entries.
        let checks = try store.marChecks(serviceID: nil, from: now.addingTimeInterval(-70 * 86400), to: now)
        #expect(checks.count == summary.marChecks)
        let findings = checks.flatMap { check in check.draft.findings.map { (check, $0) } }
        #expect(findings.contains { $0.1.type == .refusalWithoutReason })
        #expect(findings.contains { $0.1.type == .chartReturnedLate })
        #expect(checks.contains { $0.draft.chartsReturnedLate > 0 })
        #expect(checks.contains { $0.isLateEntry && $0.draft.lateEntryReason != nil })
        #expect(checks.contains { $0.draft.refusalsComplete < $0.draft.refusalsSeen })
        let byStaff = Dictionary(grouping: findings.compactMap { pair in pair.1.staffID.map { ($0, pair.0.draft.date) } }, by: \.0)
        let repeats = byStaff.values.contains { dates in
            let sorted = dates.map(\.1).sorted()
            return sorted.indices.dropFirst(2).contains { sorted[$0].timeIntervalSince(sorted[$0 - 2]) <= 30 * 86400 }
        }
        #expect(repeats, "someone should have three findings within 30 days")
        // Some rounds have no check (gaps).
        let rounds = services.reduce(0) { total, service in
            total + (service.kind == .domiciliary ? 1 : service.kind == .supportedLiving ? 2 : 4)
        }
        #expect(summary.marChecks < rounds * 60)

        // Competency in every state.
        let statuses = try staff.map { try store.competency(of: $0.id, at: now) }
        #expect(statuses.contains { if case .restricted = $0 { return true } else { return false } })
        #expect(statuses.contains { if case .expired = $0 { return true } else { return false } })
        #expect(statuses.contains { if case .neverAssessed = $0 { return true } else { return false } })
        #expect(statuses.contains { $0.isCurrent })
        #expect(try store.observations(staffID: nil).contains { $0.draft.outcome == .borderline })

        // Escalations: overdue, open, resolved late, and mostly in time.
        let escalations = try store.escalations(openOnly: false, serviceID: nil, at: now)
        #expect(escalations.contains { $0.isOverdue(at: now) })
        #expect(escalations.contains { $0.status != .resolved })
        #expect(escalations.contains { $0.handledInTime == false })
        let inTime = escalations.filter { $0.handledInTime == true }.count
        #expect(inTime > escalations.count / 2)
        #expect(escalations.contains { $0.draft.category == .lateMARReturn && $0.draft.links.marCheckID != nil })

        // Plans in several states: active, monitoring, closed and a draft; some slipping.
        let plans = try store.plans(serviceID: nil)
        let states = Set(plans.map(\.status))
        #expect(states.isSuperset(of: [.active, .monitoring, .closed, .draft]))
        #expect(plans.contains { plan in plan.status == .active && plan.steps.contains { $0.isOverdue(today: now) } })
        #expect(plans.contains { !$0.reviews.isEmpty })
        #expect(plans.contains { plan in plan.measures.contains { !$0.results.isEmpty } })

        // Closed plans: those closed through the guard had their sign-off review after the targets
        // were met (so the unsupported-closure indicator leaves them alone); those brought in
        // from the old system had none.
        let (_, holidays) = try DemoFixture.inputs()
        let closedPlans = plans.filter { $0.status == .closed }
        #expect(closedPlans.contains { !$0.draft.title.hasSuffix("(old system)") })
        #expect(closedPlans.contains { $0.draft.title.hasSuffix("(old system)") })
        for plan in closedPlans {
            let closed = try #require(plan.closedAt)
            let imported = plan.draft.title.hasSuffix("(old system)")
            let evaluations = plan.measures.map {
                TargetEngine.evaluate($0.definition, records: $0.records, planStart: plan.draft.startDate, today: closed,
                                      workingDays: holidays)
            }
            let check = ClosureGuard.check(plan, evaluations: evaluations, at: closed)
            #expect(check.canClose == !imported, "\(plan.draft.title): \(check.refusal)")
            if !imported { #expect(check.signOff?.decision == .close) }
        }

        // The plan in monitoring passes the closure guard.
        let ready = try #require(plans.first { $0.status == .monitoring })
        let manager = try #require(staff.first { $0.role == .registeredManager && $0.serviceIDs == [ready.draft.serviceID ?? -1] })
        let (_, workingDays) = try DemoFixture.inputs()
        try store.closePlan(ready.id, note: "Closed at the provider review: both measures met for three months.",
                            workingDays: workingDays, by: manager.actor, at: now)
        #expect(try store.plan(ready.id).status == .closed)
        #expect(try store.verify().isSound)
    }

    @Test func theSameSeedGivesTheSameStoreAndAnotherSeedDoesNot() throws {
        let folder = TestFolder()
        let (first, summaryA) = try DemoFixture.build(in: folder, name: "a.sqlite")
        let (second, summaryB) = try DemoFixture.build(in: folder, name: "b.sqlite")
        var other = DemoFixture.options
        other.seed = 8
        let (third, _) = try DemoFixture.build(in: folder, name: "c.sqlite", options: other)
        #expect(summaryA == summaryB)
        #expect(try DemoFixture.digest(first) == DemoFixture.digest(second))
        #expect(try DemoFixture.digest(first) != DemoFixture.digest(third))
    }

    @Test func aDemoIsNeverBuiltOverAStore() throws {
        let folder = TestFolder()
        let existing = try SetUpStore()
        try existing.store.close()
        let (templates, workingDays) = try DemoFixture.inputs()
        #expect(throws: StoreError.conflict("There is already a store at \(existing.url.path); a demo is only made in a new file, so give another path or move that file away first.")) {
            _ = try DemoStore.build(at: existing.url, options: DemoFixture.options, templates: templates, workingDays: workingDays,
                                    now: DemoFixture.now)
        }
        // An ordinary store is not a demo.
        let reopened = try SQLiteRecoveryStore.open(at: existing.url, createIfMissing: false)
        #expect(try reopened.isDemo() == false)
        try reopened.close()
        _ = folder
    }

    @Test func theDemoCommandBuildsAndRefusesToOverwrite() throws {
        let folder = TestFolder()
        let path = folder.file("office/demo.sqlite").path
        let made = try ChildProcess.run(["demo", "--store", path, "--services", "1", "--days", "10", "--seed", "3", "--today", "15/11/2026"])
        #expect(made.status == 0, "\(made.errors)")
        #expect(made.output.contains("All demo PINs are 1234."))
        #expect(made.output.contains("MAR checks"))
        let verify = try ChildProcess.run(["verify", "--store", path])
        #expect(verify.status == 0, "\(verify.errors)")

        let again = try ChildProcess.run(["demo", "--store", path, "--days", "10"])
        #expect(again.status == 1)
        #expect(again.errors == "recoverydesk: There is already a store at \(path); a demo is only made in a new file, so give another path or move that file away first.\n")
    }
}
