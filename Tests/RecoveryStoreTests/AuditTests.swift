import Foundation
import GRDB
import RecoveryModel
@testable import RecoveryStore
import Testing

/// The append-only, hash-chained audit log and what `verify` notices.
@Suite struct AuditTests {
    /// A store with some history: services, staff, retirements, sign-in failures.
    func busyStore() throws -> SetUpStore {
        let setUp = try SetUpStore()
        let admin = setUp.admin.actor
        for index in 1...20 {
            let service = try setUp.store.addService(name: "Branch \(index)", kind: .domiciliary, registeredManager: "RM \(index)",
                                                     by: admin, at: SetUpStore.start)
            if index.isMultiple(of: 5) { try setUp.store.setServiceActive(service.id, active: false, by: admin, at: SetUpStore.start) }
        }
        let leader = try setUp.add("Tina Leader", .teamLeader)
        _ = try setUp.store.signIn(staffID: leader.id, pin: "0000", at: SetUpStore.start)
        _ = try setUp.add("Cal Carer", .careWorker, pin: nil)
        let code = try setUp.store.addMARCode(code: "DN", meaning: "Given by the district nurse", outcome: .given, by: admin, at: SetUpStore.start)
        try setUp.store.setMARCodeActive(code.id, active: false, by: admin, at: SetUpStore.start)
        return setUp
    }

    @Test func verifyPassesOnABusyStoreAndEveryRowIsAudited() throws {
        let setUp = try busyStore()
        let report = try setUp.store.verify()
        #expect(report.problems == [])
        #expect(report.auditEntries > 100)
        #expect(report.recordsChecked > 90)
        let actors = try setUp.store.pool.read { try String.fetchAll($0, sql: "SELECT DISTINCT actor_name FROM audit_log") }
        #expect(actors.contains("Ann Admin") && actors.contains("Sign-in attempt as Tina Leader"))
        let stamped = try setUp.store.pool.read { try Row.fetchOne($0, sql: "SELECT * FROM service WHERE name = 'Branch 5'") }
        #expect(stamped?["recorded_by"] as String? == "Ann Admin")
        #expect(stamped?["recorded_by_id"] as Int64? == setUp.admin.id)
        #expect(stamped?["recorded_at"] as String? == Timestamp.text(SetUpStore.start))
    }

    @Test func aRowChangedBehindTheAppsBackIsNamed() throws {
        let setUp = try busyStore()
        let leader = try #require(setUp.store.staff(includingInactive: false).first { $0.name == "Tina Leader" })
        try setUp.raw("UPDATE staff SET name = 'Tina Boss', role = 'administrator' WHERE id = \(leader.id)")
        let report = try setUp.store.verify()
        #expect(report.problems == ["staff row \(leader.id) differs from its last audited state (name, role)"])
    }

    @Test func aRowAddedOrAPINHashSwappedBehindTheAppsBackIsNamed() throws {
        let setUp = try busyStore()
        try setUp.raw("INSERT INTO service (name, kind, active, recorded_at, recorded_by) VALUES ('Sneaky', 'nursing', 1, '2026-01-01', 'x')")
        try setUp.raw("UPDATE staff_credential SET hash = zeroblob(32) WHERE id = \(setUp.admin.id)")
        let problems = try setUp.store.verify().problems
        #expect(problems.contains { $0.hasPrefix("service row ") && $0.hasSuffix("has no audit entry (it was added behind RecoveryDesk's back)") })
        #expect(problems.contains("staff_credential row \(setUp.admin.id) differs from its last audited state (PIN hash)"))
    }

    @Test func theAuditLogRefusesUpdateAndDelete() throws {
        let setUp = try busyStore()
        #expect(throws: DatabaseError.self) { try setUp.raw("UPDATE audit_log SET actor_name = 'Someone else' WHERE seq = 3") }
        #expect(throws: DatabaseError.self) { try setUp.raw("DELETE FROM audit_log WHERE seq = 3") }
        do {
            try setUp.raw("DELETE FROM audit_log")
        } catch let error as DatabaseError {
            #expect(error.message == "The audit log is append-only: its entries cannot be deleted")
        }
        #expect(try setUp.store.verify().isSound)
    }

    @Test(arguments: AuditedTable.version1) func mainTablesRefuseDelete(table: AuditedTable) throws {
        let setUp = try SetUpStore()
        do {
            try setUp.raw("DELETE FROM \(table.rawValue)")
            Issue.record("DELETE on \(table.rawValue) was allowed")
        } catch let error as DatabaseError {
            #expect(error.message == "Records are never deleted from a RecoveryDesk store; deactivate or retire them instead")
        }
    }

    @Test func anAuditEntryChangedAfterDroppingTheTriggerBreaksTheChain() throws {
        let setUp = try busyStore()
        try setUp.raw("DROP TRIGGER audit_log_no_update")
        try setUp.raw("UPDATE audit_log SET actor_name = 'Someone else' WHERE seq = 3")
        let problems = try setUp.store.verify().problems
        #expect(problems.first == "the trigger audit_log_no_update, which refuses changes that RecoveryDesk never makes, has been removed")
        #expect(problems.contains("audit entry 3 does not match its hash (it was changed after it was written)"))
    }

    @Test func aDeletedRowIsNamedEvenWhenTheTriggerIsDropped() throws {
        let setUp = try busyStore()
        try setUp.raw("DROP TRIGGER mar_code_no_delete")
        try setUp.raw("DELETE FROM mar_code WHERE code = 'R'")
        let problems = try setUp.store.verify().problems
        #expect(problems.contains { $0.hasPrefix("mar_code row ") && $0.contains("is missing though the audit log records it") })
    }

    @Test func aRefusedWriteLeavesNoAuditEntry() throws {
        let setUp = try busyStore()
        let before = try setUp.store.verify().auditEntries
        #expect(throws: StoreError.self) {
            _ = try setUp.store.addService(name: "Branch 1", kind: .nursing, registeredManager: nil, by: setUp.admin.actor, at: SetUpStore.start)
        }
        #expect(try setUp.store.verify().auditEntries == before)
    }

    @Test func theCanonicalStateIsStable() {
        #expect(CanonicalJSON.string("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd\u0001""#)
        #expect(CanonicalJSON.object([("b", "1"), ("a", "null")]) == #"{"a":null,"b":1}"#)
        #expect(CanonicalJSON.columns(ofState: #"{"a":null,"b":12,"c":"x"}"#) == ["a": "null", "b": "12", "c": "\"x\""])
    }
}
