import Foundation
import RecoveryModel
import Testing

/// Every rule of the permissions table, allowed and refused.
@Suite struct PermissionTests {
    static let administrators: Set<Role> = [.administrator]
    static let planRoles: Set<Role> = [.registeredManager, .deputyManager, .qualityLead, .nominatedIndividual]
    static let frontLine: Set<Role> = [.careWorker, .seniorCarer, .keyWorker]

    @Test(arguments: Role.allCases) func administratorsAloneManageUsersServicesAndReferenceData(role: Role) {
        let expected = Self.administrators.contains(role)
        #expect(Permissions.allows(role, .manageUsers) == expected)
        #expect(Permissions.allows(role, .manageServices) == expected)
        #expect(Permissions.allows(role, .manageReferenceData) == expected)
    }

    @Test(arguments: Role.allCases) func managersCreateReviewAndClosePlans(role: Role) {
        let expected = Self.planRoles.contains(role)
        #expect(Permissions.allows(role, .createPlan) == expected)
        #expect(Permissions.allows(role, .reviewPlan) == expected)
        #expect(Permissions.allows(role, .closePlan) == expected)
    }

    @Test(arguments: Role.allCases) func teamLeadersAndAboveLogMARChecks(role: Role) {
        let expected = !Self.frontLine.contains(role) && role != .administrator
        #expect(Permissions.allows(role, .logMARCheck) == expected)
    }

    @Test(arguments: Role.allCases) func supervisorsAndAboveRecordObservations(role: Role) {
        let refused: Set<Role> = Self.frontLine.union([.administrator, .teamLeader, .shiftLeader, .careCoordinator])
        #expect(Permissions.allows(role, .recordObservation) == !refused.contains(role))
    }

    @Test(arguments: Role.allCases) func anyoneMayRaiseAnEscalation(role: Role) {
        #expect(Permissions.allows(role, .raiseEscalation))
    }

    @Test func refusalNamesWhoMay() {
        let message = StoreError.notAllowed(.manageUsers, .teamLeader).description
        #expect(message == "A team leader may not manage users; that needs: administrator.")
        #expect(Permissions.whoMay(.raiseEscalation) == "anyone signed in")
    }

    @Test func rolesReadInAnyCaseWithSpacesOrHyphens() {
        #expect(Role(name: "Registered Manager") == .registeredManager)
        #expect(Role(name: "registered-manager") == .registeredManager)
        #expect(Role(name: "TEAM_LEADER") == .teamLeader)
        #expect(Role(name: "rm") == .registeredManager)
        #expect(Role(name: "Care or support worker") == .careWorker)
        #expect(Role(name: "chef") == nil)
    }
}

@Suite struct PINAndLockoutTests {
    @Test func pinRules() {
        let policy = PINPolicy()
        #expect(policy.problem(with: "1234") == nil)
        #expect(policy.problem(with: "123") == "A PIN needs at least 4 digits")
        #expect(policy.problem(with: "12a4") == "A PIN is digits only")
        #expect(policy.problem(with: "") == "Enter a PIN")
        #expect(PINPolicy(minimumLength: 6).problem(with: "12345") == "A PIN needs at least 6 digits")
        #expect(PINPolicy(minimumLength: 2).minimumLength == 4, "never fewer than 4")
    }

    @Test func fiveWrongPINsLockForFiveMinutesThenTheCountStartsAgain() {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var lockout = LoginLockout()
        for attempt in 1...4 {
            lockout = lockout.recordingFailure(at: start)
            #expect(!lockout.isLocked(at: start))
            #expect(lockout.attemptsLeft(at: start) == 5 - attempt)
        }
        lockout = lockout.recordingFailure(at: start)
        #expect(lockout.isLocked(at: start))
        #expect(lockout.isLocked(at: start.addingTimeInterval(299)))
        #expect(!lockout.isLocked(at: start.addingTimeInterval(300)))
        let later = start.addingTimeInterval(301)
        lockout = lockout.recordingFailure(at: later)
        #expect(!lockout.isLocked(at: later))
        #expect(lockout.attemptsLeft(at: later) == 4)
    }
}
