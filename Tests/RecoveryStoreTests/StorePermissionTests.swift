import Foundation
import RecoveryModel
@testable import RecoveryStore
import Testing

/// Every write the store offers in this issue, tried by every role at the store API: allowed
/// for the roles the permissions table names, refused with `StoreError.notAllowed` for the rest.
@Suite struct StorePermissionTests {
    static func refusedOrAllowed(_ expectedAllowed: Bool, _ permission: Permission, _ role: Role,
                                 _ body: () throws(StoreError) -> Void) {
        do {
            try body()
            #expect(expectedAllowed, "\(role) should have been refused \(permission)")
        } catch .notAllowed(let refused, let refusedRole) {
            #expect(!expectedAllowed, "\(role) should have been allowed \(permission)")
            #expect(refused == permission)
            #expect(refusedRole == role)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: Role.allCases) func everyAdministrativeWriteChecksTheRoleInsideTheStore(role: Role) throws {
        let setUp = try SetUpStore()
        let store = setUp.store
        let actor = role == .administrator ? setUp.admin.actor : try setUp.add("Person \(role.rawValue)", role).actor
        let target = try setUp.add("Someone Else", .careWorker)
        let code = try #require(store.marCodes(includingRetired: false).first)
        let now = SetUpStore.start
        let allowedUsers = Permissions.allows(role, .manageUsers)
        let allowedServices = Permissions.allows(role, .manageServices)
        let allowedReference = Permissions.allows(role, .manageReferenceData)

        Self.refusedOrAllowed(allowedUsers, .manageUsers, role) { () throws(StoreError) in
            _ = try store.addStaff(name: "New Starter", role: .careWorker, serviceIDs: [setUp.firstService.id], pin: "1234",
                                   by: actor, at: now)
        }
        Self.refusedOrAllowed(allowedUsers, .manageUsers, role) { () throws(StoreError) in
            try store.resetPIN(target.id, pin: "9876", by: actor, at: now)
        }
        Self.refusedOrAllowed(allowedUsers, .manageUsers, role) { () throws(StoreError) in
            try store.setMinimumPINLength(6, by: actor, at: now)
        }
        Self.refusedOrAllowed(allowedUsers, .manageUsers, role) { () throws(StoreError) in
            try store.deactivateStaff(target.id, by: actor, at: now)
        }
        Self.refusedOrAllowed(allowedServices, .manageServices, role) { () throws(StoreError) in
            _ = try store.addService(name: "Elm Court", kind: .domiciliary, registeredManager: nil, by: actor, at: now)
        }
        Self.refusedOrAllowed(allowedServices, .manageServices, role) { () throws(StoreError) in
            try store.setServiceActive(setUp.firstService.id, active: false, by: actor, at: now)
        }
        Self.refusedOrAllowed(allowedReference, .manageReferenceData, role) { () throws(StoreError) in
            _ = try store.addMARCode(code: "X9", meaning: "Given by the district nurse", outcome: .given, by: actor, at: now)
        }
        Self.refusedOrAllowed(allowedReference, .manageReferenceData, role) { () throws(StoreError) in
            try store.setMARCodeActive(code.id, active: false, by: actor, at: now)
        }

        // Refused writes leave nothing behind; allowed ones are in place and audited.
        #expect(try store.staff(includingInactive: true).contains { $0.name == "New Starter" } == allowedUsers)
        #expect(try store.services(includingInactive: true).contains { $0.name == "Elm Court" } == allowedServices)
        #expect(try store.marCodes(includingRetired: true).contains { $0.code == "X9" } == allowedReference)
        #expect(try store.pinPolicy().minimumLength == (allowedUsers ? 6 : 4))
        #expect(try store.verify().isSound)
    }

    @Test func aRoleClaimedByTheCallerIsNotTrusted() throws {
        let setUp = try SetUpStore()
        let leader = try setUp.add("Tina Leader", .teamLeader)
        let forged = Actor(userID: leader.id, name: leader.name, role: .administrator)
        #expect(throws: StoreError.notAllowed(.manageUsers, .teamLeader)) {
            _ = try setUp.store.addStaff(name: "Mallory", role: .administrator, serviceIDs: [], pin: "1234", by: forged,
                                         at: SetUpStore.start)
        }
        let nobody = Actor(userID: nil, name: "Nobody", role: .administrator)
        #expect(throws: StoreError.notAllowed(.manageServices, .administrator)) {
            _ = try setUp.store.addService(name: "Ghost", kind: .nursing, registeredManager: nil, by: nobody, at: SetUpStore.start)
        }
    }

    @Test func aDeactivatedAdministratorCanNoLongerMakeChanges() throws {
        let setUp = try SetUpStore()
        let second = try setUp.add("Bea Admin", .administrator)
        try setUp.store.deactivateStaff(second.id, by: setUp.admin.actor, at: SetUpStore.start)
        #expect(throws: StoreError.invalid("Bea Admin is no longer active, so cannot make changes.")) {
            _ = try setUp.store.addService(name: "Elm", kind: .nursing, registeredManager: nil, by: second.actor, at: SetUpStore.start)
        }
        #expect(try setUp.store.signInList().map(\.name) == ["Ann Admin"])
    }

    @Test func theLastAdministratorCannotBeDeactivated() throws {
        let setUp = try SetUpStore()
        #expect(throws: StoreError.conflict("Ann Admin is the only active administrator; add another administrator first.")) {
            try setUp.store.deactivateStaff(setUp.admin.id, by: setUp.admin.actor, at: SetUpStore.start)
        }
    }

    @Test func setUpHappensOnceAndChecksItsInput() throws {
        let setUp = try SetUpStore()
        #expect(try setUp.store.isSetUp())
        #expect(try setUp.store.provider()?.name == "Acme Care")
        #expect(throws: StoreError.conflict("This store is already set up.")) {
            _ = try setUp.store.setUp(SetUpRequest(providerName: "B", serviceName: "C", serviceKind: .nursing,
                                                   administratorName: "D", pin: "1234"), at: SetUpStore.start)
        }
        let folder = TestFolder()
        let fresh = try SQLiteRecoveryStore.open(at: folder.file("s.sqlite"), createIfMissing: true)
        #expect(throws: StoreError.invalid("Enter the provider's name.")) {
            _ = try fresh.setUp(SetUpRequest(providerName: "  ", serviceName: "C", serviceKind: .nursing,
                                             administratorName: "D", pin: "1234"), at: SetUpStore.start)
        }
        #expect(throws: StoreError.invalid("A PIN needs at least 4 digits.")) {
            _ = try fresh.setUp(SetUpRequest(providerName: "P", serviceName: "C", serviceKind: .nursing,
                                             administratorName: "D", pin: "12"), at: SetUpStore.start)
        }
        #expect(try fresh.isSetUp() == false)
    }

    @Test func staffNamesAreRequiredAndUniqueAmongActiveStaff() throws {
        let setUp = try SetUpStore()
        let admin = setUp.admin.actor
        #expect(throws: StoreError.invalid("Enter the person's name.")) {
            _ = try setUp.store.addStaff(name: " ", role: .careWorker, serviceIDs: [], pin: nil, by: admin, at: SetUpStore.start)
        }
        let first = try setUp.add("Sam Carer", .careWorker, pin: nil)
        #expect(first.canSignIn == false)
        #expect(throws: StoreError.conflict("There is already an active member of staff called sam carer.")) {
            _ = try setUp.store.addStaff(name: "sam carer", role: .seniorCarer, serviceIDs: [setUp.firstService.id], pin: nil,
                                         by: admin, at: SetUpStore.start)
        }
        try setUp.store.deactivateStaff(first.id, by: admin, at: SetUpStore.start)
        let again = try setUp.add("Sam Carer", .seniorCarer)
        #expect(again.canSignIn)
        #expect(try setUp.store.staff(includingInactive: true).filter { $0.name == "Sam Carer" }.count == 2)
        #expect(try setUp.store.staff(includingInactive: false).filter { $0.name == "Sam Carer" }.map(\.role) == [.seniorCarer])
        #expect(try setUp.store.signInList().map(\.name) == ["Ann Admin", "Sam Carer"])
    }
}
