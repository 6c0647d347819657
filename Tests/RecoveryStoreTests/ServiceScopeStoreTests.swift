import Foundation
import RecoveryModel
@testable import RecoveryStore
import Testing

/// Service scope at the store API: every role, working at Oak House, tries every kind of write
/// that concerns a service, once on Oak House (their own) and once on Elm Court (another).
/// Roles the permissions table refuses are refused for the permission; service-level roles are
/// refused on Elm Court in one sentence naming both services; provider-wide roles act on both.
@Suite struct ServiceScopeStoreTests {
    /// A store with Oak House (first) and Elm Court, a quality lead who makes the records acted
    /// on, a care worker at each service to observe, and the role under test working at Oak House.
    struct Scene {
        let setUp: SetUpStore
        let oak: Service
        let elm: Service
        let quinn: StaffMember
        let actor: Actor
        let carers: [Int64: StaffMember]
        let workingDays = WorkingDays.weekendsOnly
        /// A template whose measures are all entered by hand.
        let template: PlanTemplate
        static let now = SetUpStore.start.addingTimeInterval(3600)  // Wednesday 18/11/2026 12:06

        init(role: Role) throws {
            setUp = try SetUpStore()
            template = try PlanStore.template("weak-audit-challenge")
            let store = setUp.store
            let admin = setUp.admin.actor
            oak = setUp.firstService
            elm = try store.addService(name: "Elm Court", kind: .residential, registeredManager: nil, by: admin, at: SetUpStore.start)
            quinn = try store.addStaff(name: "Quinn Quality", role: .qualityLead, serviceIDs: [], pin: nil, by: admin, at: SetUpStore.start)
            carers = [
                oak.id: try store.addStaff(name: "Cara Oak", role: .careWorker, serviceIDs: [oak.id], pin: nil, by: admin, at: SetUpStore.start),
                elm.id: try store.addStaff(name: "Cal Elm", role: .careWorker, serviceIDs: [elm.id], pin: nil, by: admin, at: SetUpStore.start),
            ]
            actor = try store.addStaff(name: "Person \(role.rawValue)", role: role, serviceIDs: [oak.id], pin: nil,
                                       by: admin, at: SetUpStore.start).actor
        }

        var store: SQLiteRecoveryStore { setUp.store }

        func check(at serviceID: Int64, date: Date = Self.now, round: MARRound = .morning) throws -> MARCheck {
            try store.logMARCheck(MARCheckDraft(serviceID: serviceID, date: date, round: round, chartsChecked: 10),
                                  lateEntryRule: LateEntryRule(), by: quinn.actor, at: Self.now)
        }

        func escalationDraft(at serviceID: Int64) -> EscalationDraft {
            EscalationDraft(serviceID: serviceID, category: .omission, severity: .moderate, occurredAt: Self.now.addingTimeInterval(-600),
                            escalatedToRole: .registeredManager, whatHappened: "A dose was not signed for")
        }

        func plan(at serviceID: Int64?) throws -> PlanRecord {
            let draft = PlanDraft(template: template, serviceID: serviceID, ownerID: quinn.id, startDate: londonDay(1, 11, 2026))
            return try store.createPlan(draft, activate: true, by: quinn.actor, at: Self.now)
        }
    }

    /// What should happen: refused for the permission, refused for the service, or allowed.
    enum Outcome: Equatable {
        case notAllowed(Permission)
        case outsideScope
        case allowed
    }

    static func expected(_ role: Role, _ permission: Permission, own: Bool) -> Outcome {
        if !Permissions.allows(role, permission) { return .notAllowed(permission) }
        return own || ServiceScope.isProviderWide(role) ? .allowed : .outsideScope
    }

    /// Runs `body` and checks it against the expected outcome; an outside-scope refusal must be
    /// exactly `sentence`. `allowedRefusal` is a refusal that still means the scope let it through
    /// (the closure guard's "Not closed: ...", which is checked after the scope).
    static func check(_ role: Role, _ permission: Permission, own: Bool, sentence: String,
                      allowedRefusal: ((StoreError) -> Bool)? = nil, _ body: () throws(StoreError) -> Void) {
        let expected = expected(role, permission, own: own)
        let refusal = storeRefusal(body)
        let place = own ? "own service" : "other service"
        switch expected {
        case .notAllowed(let permission):
            #expect(refusal == .notAllowed(permission, role), "\(role) \(permission) at \(place)")
        case .outsideScope:
            #expect(refusal == .outsideScope(sentence), "\(role) \(permission) at \(place)")
        case .allowed:
            if let refusal, !(allowedRefusal?(refusal) ?? false) {
                Issue.record("\(role) should have been allowed \(permission) at \(place): \(refusal)")
            }
        }
    }

    @Test(arguments: Role.allCases) func marChecksByEveryRoleOnTheirOwnAndAnotherService(role: Role) throws {
        let scene = try Scene(role: role)
        for target in [scene.oak, scene.elm] {
            let own = target.id == scene.oak.id
            Self.check(role, .logMARCheck, own: own, sentence: "You work at Oak House, so you cannot log a check for Elm Court.") {
                () throws(StoreError) in
                _ = try scene.store.logMARCheck(MARCheckDraft(serviceID: target.id, date: Scene.now, round: .lunchtime, chartsChecked: 9),
                                                lateEntryRule: LateEntryRule(), by: scene.actor, at: Scene.now)
            }
            let logged = try scene.check(at: target.id)
            var corrected = logged.draft
            corrected.chartsChecked = 11
            Self.check(role, .logMARCheck, own: own, sentence: "You work at Oak House, so you cannot correct a check for Elm Court.") {
                () throws(StoreError) in
                try scene.store.amendMARCheck(logged.id, to: corrected, reason: "Miscounted the charts", by: scene.actor, at: Scene.now)
            }
        }
        // Moving one's own check to another service is refused too.
        let ownCheck = try scene.check(at: scene.oak.id, date: Scene.now.addingTimeInterval(-86_400), round: .night)
        var moved = ownCheck.draft
        moved.serviceID = scene.elm.id
        Self.check(role, .logMARCheck, own: false, sentence: "You work at Oak House, so you cannot move a check to Elm Court.") {
            () throws(StoreError) in
            try scene.store.amendMARCheck(ownCheck.id, to: moved, reason: "Logged at the wrong home", by: scene.actor, at: Scene.now)
        }
    }

    @Test(arguments: Role.allCases) func escalationsAndObservationsByEveryRoleOnTheirOwnAndAnotherService(role: Role) throws {
        let scene = try Scene(role: role)
        for target in [scene.oak, scene.elm] {
            let own = target.id == scene.oak.id
            Self.check(role, .raiseEscalation, own: own, sentence: "You work at Oak House, so you cannot raise an escalation for Elm Court.") {
                () throws(StoreError) in
                _ = try scene.store.raiseEscalation(scene.escalationDraft(at: target.id), workingDays: scene.workingDays,
                                                    by: scene.actor, at: Scene.now)
            }
            let raised = try scene.store.raiseEscalation(scene.escalationDraft(at: target.id), workingDays: scene.workingDays,
                                                         by: scene.quinn.actor, at: Scene.now)
            Self.check(role, .handleEscalation, own: own, sentence: "You work at Oak House, so you cannot handle an escalation for Elm Court.") {
                () throws(StoreError) in
                _ = try scene.store.advanceEscalation(raised.id, to: .acknowledged, note: "", by: scene.actor, at: Scene.now)
            }
            let carer = try #require(scene.carers[target.id])
            Self.check(role, .recordObservation, own: own,
                       sentence: "You work at Oak House, so you cannot record an observation of Cal Elm, who works at Elm Court.") {
                () throws(StoreError) in
                _ = try scene.store.recordObservation(
                    ObservationDraft(staffID: carer.id, occurredAt: Scene.now.addingTimeInterval(-3600), kind: .spotCheck,
                                     checklist: [.identityChecked: .met], outcome: .competent, followUp: .none),
                    by: scene.actor, at: Scene.now)
            }
        }
    }

    @Test(arguments: Role.allCases) func planWritesByEveryRoleOnTheirOwnAndAnotherService(role: Role) throws {
        let scene = try Scene(role: role)
        let notClosed: (StoreError) -> Bool = { error in
            if case .invalid(let message) = error { return message.hasPrefix("Not closed: ") }
            return false
        }
        for target in [scene.oak, scene.elm] {
            let own = target.id == scene.oak.id
            let sentence = { (doing: String) in "You work at Oak House, so you cannot \(doing) a plan for Elm Court." }
            Self.check(role, .createPlan, own: own, sentence: sentence("create")) { () throws(StoreError) in
                let draft = PlanDraft(template: scene.template, serviceID: target.id, ownerID: scene.quinn.id,
                                      startDate: londonDay(1, 11, 2026))
                _ = try scene.store.createPlan(draft, activate: true, by: scene.actor, at: Scene.now)
            }
            let plan = try scene.plan(at: target.id)
            var amended = plan.draft
            amended.learning = "Night staff were never shown the refusal procedure."
            Self.check(role, .createPlan, own: own, sentence: sentence("amend")) { () throws(StoreError) in
                try scene.store.amendPlan(plan.id, to: amended, reason: "Learning added after the review", by: scene.actor, at: Scene.now)
            }
            let step = try #require(plan.steps.first)
            Self.check(role, .recordStepEntry, own: own,
                       sentence: "You work at Oak House, so you cannot record a step of a plan for Elm Court.") { () throws(StoreError) in
                _ = try scene.store.recordStepEntry(planID: plan.id, stepID: step.id, outcome: .done, note: "", evidence: "MAR folder",
                                                    occurredAt: Scene.now.addingTimeInterval(-600), by: scene.actor, at: Scene.now)
            }
            let measure = try #require(plan.measures.first)
            Self.check(role, .recordMeasurement, own: own,
                       sentence: "You work at Oak House, so you cannot enter a result for a plan for Elm Court.") { () throws(StoreError) in
                try scene.store.recordMeasurement(measureID: measure.id,
                                                  result: PeriodResult(periodStart: londonDay(1, 11, 2026), numerator: 10, denominator: 20),
                                                  by: scene.actor, at: Scene.now)
            }
            Self.check(role, .reviewPlan, own: own,
                       sentence: "You work at Oak House, so you cannot record a review of a plan for Elm Court.") { () throws(StoreError) in
                _ = try scene.store.recordReview(planID: plan.id, kind: .manager, decision: .continuePlan, note: "Steps on time",
                                                 challenge: "", occurredAt: Scene.now.addingTimeInterval(-600), by: scene.actor, at: Scene.now)
            }
            Self.check(role, .closePlan, own: own, sentence: sentence("close"), allowedRefusal: notClosed) { () throws(StoreError) in
                try scene.store.closePlan(plan.id, note: "Targets met", workingDays: scene.workingDays, by: scene.actor, at: Scene.now)
            }
            Self.check(role, .reviewPlan, own: own,
                       sentence: "You work at Oak House, so you cannot change the status of a plan for Elm Court.") { () throws(StoreError) in
                try scene.store.changePlanStatus(plan.id, to: .monitoring, reason: "Figures holding", by: scene.actor, at: Scene.now)
            }
        }
    }

    @Test(arguments: Role.allCases) func aPlanForTheWholeProviderIsForProviderWideRolesButItsStepsForAnyone(role: Role) throws {
        let scene = try Scene(role: role)
        let sentence = { (doing: String) in "You work at Oak House, so you cannot \(doing) a plan for the whole provider." }
        Self.check(role, .createPlan, own: false, sentence: sentence("create")) { () throws(StoreError) in
            let draft = PlanDraft(template: scene.template, serviceID: nil, ownerID: scene.quinn.id, startDate: londonDay(1, 11, 2026))
            _ = try scene.store.createPlan(draft, activate: true, by: scene.actor, at: Scene.now)
        }
        let plan = try scene.plan(at: nil)
        Self.check(role, .reviewPlan, own: false, sentence: "You work at Oak House, so you cannot record a review of a plan for the whole provider.") {
            () throws(StoreError) in
            _ = try scene.store.recordReview(planID: plan.id, kind: .provider, decision: .continuePlan, note: "On track",
                                             challenge: "", occurredAt: Scene.now.addingTimeInterval(-600), by: scene.actor, at: Scene.now)
        }
        // Its steps are carried out at every service: anyone may record them.
        let step = try #require(plan.steps.first)
        #expect(storeRefusal { () throws(StoreError) in
            _ = try scene.store.recordStepEntry(planID: plan.id, stepID: step.id, outcome: .done, note: "", evidence: "MAR folder",
                                                occurredAt: Scene.now.addingTimeInterval(-600), by: scene.actor, at: Scene.now)
        } == nil)
        // And moving an own plan to the whole provider is refused to service-level roles.
        let own = try scene.plan(at: scene.oak.id)
        var widened = own.draft
        widened.serviceID = nil
        Self.check(role, .createPlan, own: false, sentence: "You work at Oak House, so you cannot move a plan to the whole provider.") {
            () throws(StoreError) in
            try scene.store.amendPlan(own.id, to: widened, reason: "Every home has the same gap", by: scene.actor, at: Scene.now)
        }
    }

    @Test func theActorsServicesAreReadFromTheStoreNotTheCaller() throws {
        let scene = try Scene(role: .teamLeader)
        // A forged actor value claiming a provider-wide role gains nothing: the role and services come from the store.
        var forged = scene.actor
        forged.role = .qualityLead
        #expect(storeRefusal { () throws(StoreError) in
            _ = try scene.store.logMARCheck(MARCheckDraft(serviceID: scene.elm.id, date: Scene.now, round: .morning, chartsChecked: 8),
                                            lateEntryRule: LateEntryRule(), by: forged, at: Scene.now)
        } == .outsideScope("You work at Oak House, so you cannot log a check for Elm Court."))
        // Nothing was written.
        #expect(try scene.store.marChecks(serviceID: scene.elm.id, from: Scene.now, to: Scene.now).isEmpty)
    }

    @Test func someoneAtTwoServicesActsOnBothAndIsToldBoth() throws {
        let scene = try Scene(role: .teamLeader)
        let admin = scene.setUp.admin.actor
        let ash = try scene.store.addService(name: "Ash Lodge", kind: .nursing, registeredManager: nil, by: admin, at: SetUpStore.start)
        let both = try scene.store.addStaff(name: "Tess Two", role: .teamLeader, serviceIDs: [scene.elm.id, scene.oak.id], pin: nil,
                                            by: admin, at: SetUpStore.start)
        #expect(both.serviceIDs == [scene.elm.id, scene.oak.id])
        for serviceID in [scene.oak.id, scene.elm.id] {
            _ = try scene.store.logMARCheck(MARCheckDraft(serviceID: serviceID, date: Scene.now, round: .morning, chartsChecked: 8),
                                            lateEntryRule: LateEntryRule(), by: both.actor, at: Scene.now)
        }
        #expect(storeRefusal { () throws(StoreError) in
            _ = try scene.store.logMARCheck(MARCheckDraft(serviceID: ash.id, date: Scene.now, round: .morning, chartsChecked: 8),
                                            lateEntryRule: LateEntryRule(), by: both.actor, at: Scene.now)
        } == .outsideScope("You work at Elm Court and Oak House, so you cannot log a check for Ash Lodge."))
        // Their services keep the order they were given in: the first is their home service.
        let listed = try #require(try scene.store.staff(includingInactive: false).first { $0.id == both.id })
        #expect(listed.serviceIDs == [scene.elm.id, scene.oak.id])
        #expect(ServiceScope.homeService(of: listed) == scene.elm.id)
    }

    @Test(arguments: Role.allCases) func aServiceLevelRoleIsNotAddedWithoutAService(role: Role) throws {
        let setUp = try SetUpStore()
        let refusal = storeRefusal { () throws(StoreError) in
            _ = try setUp.store.addStaff(name: "New Starter", role: role, serviceIDs: [], pin: nil, by: setUp.admin.actor, at: SetUpStore.start)
        }
        if ServiceScope.isProviderWide(role) {
            #expect(refusal == nil)
        } else {
            #expect(refusal == .invalid("A \(role.title.lowercased()) works at a service: name the service they work at."))
            #expect(try !setUp.store.staff(includingInactive: true).contains { $0.name == "New Starter" })
        }
    }
}
