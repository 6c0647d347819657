import Foundation
import RecoveryModel
@testable import RecoveryStore
import TestSupport
import Testing

/// `recoverydesk escalations` as a person at a shell would use it.
@Suite struct EvidenceCommandLineTests {
    @Test func escalationsOverdueFirstAsJSONAndText() throws {
        let e = try EvidenceStore()
        let monday = EvidenceStore.at(2, 11, 2026, 9)
        let late = try e.store.raiseEscalation(e.escalationDraft(.lateMARReturn, .moderate, occurred: monday),
                                               workingDays: .weekendsOnly, by: e.worker.actor, at: monday)
        let complaint = try e.store.raiseEscalation(e.escalationDraft(.complaint, .low, occurred: monday),
                                                    workingDays: .weekendsOnly, by: e.worker.actor, at: monday.addingTimeInterval(60))
        let done = try e.store.raiseEscalation(e.escalationDraft(.omission, .high, occurred: monday),
                                               workingDays: .weekendsOnly, by: e.worker.actor, at: monday.addingTimeInterval(120))
        for status in [EscalationStatus.acknowledged, .responded, .resolved] {
            _ = try e.store.advanceEscalation(done.id, to: status, note: "Handled", by: e.p.deputy.actor, at: monday.addingTimeInterval(3600))
        }
        let path = e.p.setUp.url.path

        let json = try ChildProcess.run(["escalations", "--store", path, "--format", "json", "--today", "05/11/2026"])
        #expect(json.status == 0, "\(json.errors)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(items.map { $0["id"] as? Int64 } == [late.id, done.id, complaint.id])
        #expect(items[0]["overdue"] as? Bool == true)
        #expect(items[0]["due_by"] as? String == "03/11/2026")
        #expect(items[0]["category"] as? String == "late-mar-return")
        #expect(items[0]["service"] as? String == "Oak House")
        #expect(items[0]["raised_by"] as? String == "Carl Worker")
        #expect(items[0]["raised_at"] as? String == "02/11/2026 09:00")
        #expect(items[0]["handled_in_time"] is NSNull)
        #expect(items[1]["status"] as? String == "resolved")
        #expect(items[1]["handled_in_time"] as? Bool == true)
        #expect(items[1]["outcome"] as? String == "Handled")

        let open = try ChildProcess.run(["escalations", "--store", path, "--open", "--service", "oak house", "--today", "05/11/2026"])
        #expect(open.status == 0, "\(open.errors)")
        #expect(open.output.hasPrefix("Escalation \(late.id): Late MAR return, moderate — Oak House\n  Open (overdue) — due by 03/11/2026\n"))
        #expect(open.output.contains("Escalation \(complaint.id): Complaint, low — Oak House\n  Open — due by 09/11/2026\n"))
        #expect(!open.output.contains("Escalation \(done.id):"))

        let unknown = try ChildProcess.run(["escalations", "--store", path, "--service", "Ash Lodge"])
        #expect(unknown.status == 1)
        #expect(unknown.errors == "recoverydesk: There is no service called Ash Lodge.\n")

        let missing = try ChildProcess.run(["escalations", "--store", e.p.setUp.folder.file("none.sqlite").path])
        #expect(missing.status == 1)
        #expect(missing.errors.hasPrefix("recoverydesk: There is no store at "))
    }

    @Test func noEscalationsYet() throws {
        let e = try EvidenceStore()
        let result = try ChildProcess.run(["escalations", "--store", e.p.setUp.url.path, "--open"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output == "No open escalations.\n")
    }
}
