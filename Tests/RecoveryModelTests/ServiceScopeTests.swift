import Foundation
import RecoveryModel
import Testing

/// The service-scope rule: who acts on which services, the refusal sentence, home services, and
/// the round due now.
@Suite struct ServiceScopeTests {
    static let providerWide: Set<Role> = [.qualityLead, .nominatedIndividual, .providerOperationsLead, .safeguardingLead, .administrator]

    @Test(arguments: Role.allCases) func serviceLevelRolesActOnTheirOwnServicesOnly(role: Role) {
        let wide = Self.providerWide.contains(role)
        #expect(ServiceScope.isProviderWide(role) == wide)
        #expect(ServiceScope.may(role, actorServices: [1, 3], actOn: 1))
        #expect(ServiceScope.may(role, actorServices: [1, 3], actOn: 3))
        #expect(ServiceScope.may(role, actorServices: [1, 3], actOn: 2) == wide)
        #expect(ServiceScope.may(role, actorServices: [Int64](), actOn: 2) == wide)
        // A record of the whole provider (no service) is for provider-wide roles.
        #expect(ServiceScope.may(role, actorServices: [1], actOn: nil) == wide)
        // Observing someone needs a service in common.
        #expect(ServiceScope.may(role, actorServices: [1, 3], actOnStaffAt: [3, 4]))
        #expect(ServiceScope.may(role, actorServices: [1], actOnStaffAt: [2]) == wide)
        #expect(ServiceScope.may(role, actorServices: [1], actOnStaffAt: [Int64]()) == wide)
    }

    @Test func theRefusalNamesTheServicesInOneSentence() {
        #expect(ServiceScope.refusal(actorServiceNames: ["Oak House"], cannot: "log a check for Elm Court")
                == "You work at Oak House, so you cannot log a check for Elm Court.")
        #expect(ServiceScope.refusal(actorServiceNames: ["Oak House", "Ash Lodge"], cannot: "close a plan for Elm Court")
                == "You work at Oak House and Ash Lodge, so you cannot close a plan for Elm Court.")
        #expect(ServiceScope.refusal(actorServiceNames: ["A", "B", "C"], cannot: "raise an escalation for D")
                == "You work at A, B and C, so you cannot raise an escalation for D.")
        #expect(ServiceScope.refusal(actorServiceNames: [], cannot: "log a check for Elm Court")
                == "You do not work at any service, so you cannot log a check for Elm Court.")
    }

    @Test(arguments: Role.allCases) func formsStartOnTheFirstOfTheUsersServices(role: Role) {
        let member = StaffMember(id: 7, name: "Tess", role: role, serviceIDs: [5, 2])
        #expect(ServiceScope.homeService(of: member) == (Self.providerWide.contains(role) ? nil : 5))
        #expect(ServiceScope.homeService(of: StaffMember(id: 8, name: "Nobody", role: role)) == nil)
        #expect(ServiceScope.homeService(of: nil) == nil)
    }

    /// A London moment on Saturday 21/11/2026 (GMT).
    static func at(_ hour: Int, _ minute: Int = 0) -> Date {
        LondonDay(year: 2026, month: 11, day: 21)!.start.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60))
    }

    @Test(arguments: [
        (7, 0, MARRound.morning), (9, 59, .morning), (10, 0, .morning), (13, 59, .morning), (14, 0, .lunchtime),
        (17, 30, .lunchtime), (18, 5, .teatime), (21, 59, .teatime), (22, 0, .night), (23, 45, .night),
    ]) func theRoundDueNowInACareHomeIsTheLatestThatHasEnded(hour: Int, minute: Int, round: MARRound) {
        #expect(MARRound.due(at: Self.at(hour, minute), in: .residential) == round)
        #expect(MARRound.due(at: Self.at(hour, minute), in: .nursing) == round)
    }

    @Test func supportedLivingAndHomecareHaveTheirOwnRounds() {
        #expect(MARRound.due(at: Self.at(9), in: .supportedLiving) == .morning)
        #expect(MARRound.due(at: Self.at(15), in: .supportedLiving) == .morning)
        #expect(MARRound.due(at: Self.at(19), in: .supportedLiving) == .teatime)
        #expect(MARRound.due(at: Self.at(8), in: .domiciliary) == .visit)
        #expect(MARRound.due(at: Self.at(21), in: .domiciliary) == .visit)
    }

    @Test func theRoundDueFollowsTheLondonClockInSummerToo() {
        // Wednesday 15/07/2026 14:30 in London is 13:30 UTC: lunchtime has ended.
        let summer = LondonDay(year: 2026, month: 7, day: 15)!.start.addingTimeInterval(14.5 * 3600)
        #expect(MARRound.due(at: summer, in: .residential) == .lunchtime)
    }
}
