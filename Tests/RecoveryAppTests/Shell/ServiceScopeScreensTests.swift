import Foundation
import RecoveryApp
import RecoveryModel
import RecoveryStore
import Testing
import TUI

/// Forms start on the user's own service (the first of their services, not the first
/// alphabetically; provider-wide roles keep the first service, or for a MAR check the one they
/// last checked), and the MAR check's round on the round due now by the clock.
@Suite(.serialized) struct ServiceScopeScreensTests {
    typealias Harness = SessionTests.Harness
    static let now = ShellTestSupport.fixedNow  // Saturday 21/11/2026 09:30

    /// Oak House (the harness's, residential) plus Ash Lodge (nursing) and Birch Homecare, which
    /// come before it alphabetically; a team leader at Birch and Oak (Birch first), a deputy at
    /// Oak and a quality lead.
    func people(_ app: Harness) throws -> (oak: Service, ash: Service, birch: Service) {
        let admin = try #require(try app.store.staff(includingInactive: false).first { $0.role == .administrator })
        let oak = try #require(try app.store.services(includingInactive: false).first)
        let ash = try app.store.addService(name: "Ash Lodge", kind: .nursing, registeredManager: nil, by: admin.actor, at: Self.now)
        let birch = try app.store.addService(name: "Birch Homecare", kind: .domiciliary, registeredManager: nil, by: admin.actor,
                                             at: Self.now)
        _ = try app.store.addStaff(name: "Tess Two", role: .teamLeader, serviceIDs: [birch.id, oak.id], pin: "2222",
                                   by: admin.actor, at: Self.now)
        _ = try app.store.addStaff(name: "Dee Morgan", role: .deputyManager, serviceIDs: [oak.id], pin: "4321",
                                   by: admin.actor, at: Self.now)
        _ = try app.store.addStaff(name: "Quinn Quality", role: .qualityLead, serviceIDs: [], pin: "5555",
                                   by: admin.actor, at: Self.now)
        app.runner.runUntilIdle()
        return (oak, ash, birch)
    }

    func marForm(_ app: Harness) throws -> [FieldName: String] {
        app.keys(.function(4), .character("a"))
        let form = try #require(app.state.current as? MARCheckFormScreen, "\(app.screen)")
        return form.paged.pages[0].form.valuesByName
    }

    func escalationForm(_ app: Harness) throws -> [FieldName: String] {
        app.keys(.function(6), .character("a"))
        let form = try #require(app.state.current as? EscalationFormScreen, "\(app.screen)")
        #expect(form.id == "raise-escalation")
        return form.form.valuesByName
    }

    func planForm(_ app: Harness) throws -> [FieldName: String] {
        app.keys(.function(3), .character("a"), .home, .enter)
        let form = try #require(app.state.current as? PlanFormScreen, "\(app.screen)")
        return form.paged.pages[0].form.valuesByName
    }

    @Test func aTeamLeaderAtOneServiceStartsThereOnTheRoundDueNow() throws {
        // No idle lock while the clock is moved on by hours.
        let app = try Harness(idleMinutes: 24 * 60)
        _ = try people(app)
        app.signIn("Tom", pin: "1357")
        // 09:30: no round has ended yet today, so the morning round (under way) is offered.
        var values = try marForm(app)
        #expect(values["service"] == "Oak House")
        #expect(values["round"] == "morning")
        app.keys(.escape)
        // 14:30: lunchtime (ended 14:00) is the latest round that has ended.
        app.clock.now = Self.now.addingTimeInterval(5 * 3600)
        values = try marForm(app)
        #expect(values["service"] == "Oak House")
        #expect(values["round"] == "lunchtime")
        app.keys(.escape)
        #expect(try escalationForm(app)["service"] == "Oak House")
    }

    @Test func someoneAtTwoServicesStartsOnTheFirstOfThemNotTheFirstAlphabetically() throws {
        let app = try Harness()
        _ = try people(app)
        app.signIn("Tess", pin: "2222")
        let values = try marForm(app)
        #expect(values["service"] == "Birch Homecare")
        #expect(values["round"] == "homecare visit")
        app.keys(.escape)
        #expect(try escalationForm(app)["service"] == "Birch Homecare")
    }

    @Test func aDeputysNewPlanStartsOnTheirService() throws {
        let app = try Harness()
        _ = try people(app)
        app.signIn("Dee", pin: "4321")
        #expect(try planForm(app)["service"] == "Oak House")
    }

    @Test func aProviderWideRoleKeepsTodaysDefaults() throws {
        let app = try Harness()
        let (oak, _, _) = try people(app)
        app.signIn("Quinn", pin: "5555")
        // The first service (alphabetically) until they have checked somewhere; then that one.
        var values = try marForm(app)
        #expect(values["service"] == "Ash Lodge")
        #expect(values["round"] == "morning")
        app.keys(.escape)
        #expect(try escalationForm(app)["service"] == "Ash Lodge")
        app.keys(.escape)
        #expect(try planForm(app)["service"] == "provider-wide")
        app.keys(.escape)
        let quinn = try #require(try app.store.staff(includingInactive: false).first { $0.name == "Quinn Quality" })
        _ = try app.store.logMARCheck(MARCheckDraft(serviceID: oak.id, date: Self.now, round: .morning, chartsChecked: 6),
                                      lateEntryRule: LateEntryRule(), by: quinn.actor, at: Self.now)
        values = try marForm(app)
        #expect(values["service"] == "Oak House")
    }

    @Test func aCheckForAnotherServiceIsRefusedInOneSentenceAndNothingTypedIsLost() throws {
        let app = try Harness()
        _ = try people(app)
        app.signIn("Tom", pin: "1357")
        // The form opens on the number of charts; back up to the service (a pick list: "a" picks Ash Lodge).
        app.keys(.function(4), .character("a"), .backTab, .backTab, .backTab)
        app.text("a")
        app.keys(.tab, .tab, .tab)
        app.text("8")
        app.keys(.control("s"))
        #expect(app.state.current.id == MARCheckFormScreen.screenID)
        #expect(app.screen.contains("You work at Oak House, so you cannot log a check for Ash Lodge."), "\(app.screen)")
        let form = try #require(app.state.current as? MARCheckFormScreen)
        #expect(form.paged["service"] == "Ash Lodge")
        #expect(form.paged["charts"] == "8")
    }

    @Test func theAddStaffFormAsksForTheServiceOfAServiceLevelRole() throws {
        let app = try Harness()
        _ = try people(app)
        app.signIn("Amara", pin: "2468")
        app.keys(.function(9), .down, .enter, .character("a"))
        app.text("Priya Shah")
        // Role and service are pick lists: the first letters choose.
        app.keys(.tab)
        app.text("team")
        app.keys(.tab)
        app.text("none")
        app.keys(.control("s"))
        #expect(app.state.current.id == "add-staff", "a refused save keeps the form")
        #expect(app.screen.contains("Not saved: a team leader works at a service; pick it"), "\(app.screen)")
        #expect(app.screen.contains("Priya Shah"))
        // A provider-wide role needs none.
        app.keys(.backTab)
        app.text("qual")
        app.keys(.control("s"))
        #expect(app.state.current.id == "staff", "\(app.screen)")
        let priya = try #require(try app.store.staff(includingInactive: false).first { $0.name == "Priya Shah" })
        #expect(priya.role == .qualityLead)
        #expect(priya.serviceIDs.isEmpty)
    }
}
