import Foundation
import PlanLibrary
import RecoveryModel
@testable import RecoveryStore
import Testing

/// A set-up store with the people a plan needs: a deputy manager (creates, reviews, closes), a
/// field supervisor (enters results) and a team leader (records steps only).
struct PlanStore {
    let setUp: SetUpStore
    let deputy: StaffMember
    let supervisor: StaffMember
    let leader: StaffMember

    init() throws {
        setUp = try SetUpStore()
        deputy = try setUp.add("Dee Deputy", .deputyManager)
        supervisor = try setUp.add("Sam Supervisor", .fieldSupervisor)
        leader = try setUp.add("Tina Leader", .teamLeader)
    }

    var store: SQLiteRecoveryStore { setUp.store }
    var serviceID: Int64 { setUp.firstService.id }

    /// A built-in template by id.
    static func template(_ id: String) throws -> PlanTemplate {
        try #require(try PlanTemplateLibrary.builtin().first { $0.id == id })
    }

    /// What closing needs besides the figures, both at `moment`: the team leader records step 1
    /// as done, and the deputy holds a manager review that decides to close.
    func recordStepAndSignOff(_ plan: PlanRecord, at moment: Date) throws {
        _ = try store.recordStepEntry(planID: plan.id, stepID: plan.steps[0].id, outcome: .done, note: "",
                                      evidence: "Returns log", occurredAt: moment, by: leader.actor, at: moment)
        _ = try store.recordReview(planID: plan.id, kind: .manager, decision: .close,
                                   note: "Figures sustained; step records looked at.", challenge: "",
                                   occurredAt: moment, by: deputy.actor, at: moment)
    }

    /// A draft from a built-in template for the first service, owned by the deputy.
    func draft(_ templateID: String, starting start: Date) throws -> PlanDraft {
        PlanDraft(template: try Self.template(templateID), serviceID: serviceID, ownerID: deputy.id, startDate: start)
    }
}

/// Noon on a London day.
func londonNoon(_ day: Int, _ month: Int, _ year: Int) -> Date {
    LondonDay(year: year, month: month, day: day)!.start.addingTimeInterval(12 * 3600)
}

/// The start (midnight) of a London day.
func londonDay(_ day: Int, _ month: Int, _ year: Int) -> Date {
    LondonDay(year: year, month: month, day: day)!.start
}

/// The store's refusal of `body`, or nil when it was allowed.
func storeRefusal(_ body: () throws(StoreError) -> Void) -> StoreError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}

/// The bank holidays shipped with RecoveryDesk.
func builtinWorkingDays() throws -> WorkingDays {
    WorkingDays(holidays: try BankHolidayFile.builtin())
}
