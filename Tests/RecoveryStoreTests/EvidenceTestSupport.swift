import Foundation
import RecoveryModel
@testable import RecoveryStore
import Testing

/// A plan store with a care worker too, and helpers for daily evidence.
struct EvidenceStore {
    let p: PlanStore
    let worker: StaffMember

    init() throws {
        p = try PlanStore()
        worker = try p.setUp.add("Carl Worker", .careWorker)
    }

    var store: SQLiteRecoveryStore { p.store }
    var serviceID: Int64 { p.serviceID }
    var admin: StaffMember { p.setUp.admin }

    /// A London moment: the day at hour:minute.
    static func at(_ day: Int, _ month: Int, _ year: Int, _ hour: Int = 12, _ minute: Int = 0) -> Date {
        londonDay(day, month, year).addingTimeInterval(TimeInterval(hour * 3600 + minute * 60))
    }

    func draft(_ day: Int, _ month: Int, _ year: Int, round: MARRound = .morning, charts: Int = 12, seen: Int = 0,
               complete: Int = 0, late: Int = 0, findings: [MARFinding] = [], reason: String? = nil) -> MARCheckDraft {
        MARCheckDraft(serviceID: serviceID, date: londonDay(day, month, year), round: round, chartsChecked: charts,
                      refusalsSeen: seen, refusalsComplete: complete, chartsReturnedLate: late, findings: findings,
                      lateEntryReason: reason)
    }

    func escalationDraft(_ category: EscalationCategory, _ severity: EscalationSeverity, occurred: Date,
                         links: EscalationLinks = EscalationLinks(), sources: [EscalationSource] = []) -> EscalationDraft {
        EscalationDraft(serviceID: serviceID, category: category, severity: severity, occurredAt: occurred,
                        escalatedToRole: .registeredManager, escalatedToName: "Rita Manager", links: links,
                        whatHappened: "\(category.title) found on the round", immediateAction: "Told the nurse in charge",
                        sources: sources)
    }
}
