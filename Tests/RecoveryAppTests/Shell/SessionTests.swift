import BuiltinThemes
import Foundation
import PlanLibrary
import RecoveryApp
import RecoveryModel
import RecoveryStore
import Testing
import TUI

/// A clock the test moves by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date) { current = start }
    var now: Date {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
    func advance(minutes: Double) { now = now.addingTimeInterval(minutes * 60) }
}

/// Set-up, sign-in, lockout, idle lock, switch user and administration, through the run loop on
/// a real store in a temporary folder.
@Suite(.serialized) struct SessionTests {
    typealias Support = ShellTestSupport

    final class Harness {
        let home: URL
        let store: SQLiteRecoveryStore
        let terminal: TestTerminal
        let clock = TestClock(ShellTestSupport.fixedNow)
        let runner: AppRunner

        /// `setUpAt`: when the store was set up (its first service's history starts then).
        init(setUp: Bool = true, idleMinutes: Int = 5, size: Size = Size(width: 100, height: 30),
             setUpAt: Date = ShellTestSupport.fixedNow) throws {
            terminal = TestTerminal(size: size)
            home = Support.temporaryHome()
            store = try SQLiteRecoveryStore.open(at: home.appendingPathComponent("store.sqlite"), createIfMissing: true)
            var start = AppState.Start.setUp
            if setUp {
                let admin = try store.setUp(SetUpRequest(providerName: "Brookfield Care", serviceName: "Oak House",
                                                         serviceKind: .residential, administratorName: "Amara Okafor",
                                                         pin: "2468"), at: setUpAt)
                _ = try store.addStaff(name: "Tom Reid", role: .teamLeader, serviceIDs: admin.serviceIDs, pin: "1357",
                                       by: admin.actor, at: setUpAt)
                start = .signIn(try store.provider())
            }
            var environment = Support.environment(home: home)
            environment.configuration.idleLockMinutes = idleMinutes
            environment.templates = try PlanTemplateLibrary.builtin()
            environment.workingDays = WorkingDays(holidays: try BankHolidayFile.builtin())
            let paths = AppPaths(environment: ["HOME": home.path])
            let services = LiveServices(catalogue: ThemeCatalogue(builtinDirectory: BuiltinThemes.directory,
                                                                  userDirectory: paths.userThemesDirectory),
                                        paths: paths, forceMonochrome: false, store: store,
                                        workingDays: environment.workingDays)
            let state = AppState(environment: environment, theme: .monochrome, keymap: DefaultKeymap.keymap,
                                 size: terminal.size, now: Support.fixedNow, start: start)
            let clock = self.clock
            runner = AppRunner(state: state, terminal: terminal, services: services, clock: { clock.now })
        }

        deinit { try? FileManager.default.removeItem(at: home) }

        func keys(_ keys: Key...) {
            terminal.type(keys: keys)
            runner.runUntilIdle()
        }

        func text(_ text: String) {
            terminal.type(text: text)
            runner.runUntilIdle()
        }

        func signIn(_ filter: String, pin: String) {
            text(filter)
            keys(.enter)
            text(pin)
            keys(.enter)
        }

        var screen: String { terminal.screenText }
        var state: AppState { runner.state }
    }

    @Test func firstRunSetsUpTheStoreAndSignsTheAdministratorIn() throws {
        let app = try Harness(setUp: false)
        app.runner.runUntilIdle()
        #expect(app.screen.contains("set up this store"))
        app.text("Brookfield Care")
        app.keys(.tab)
        app.text("Oak House")
        app.keys(.tab, .tab)
        app.text("Amara Okafor")
        app.keys(.tab)
        app.text("2468")
        app.keys(.tab)
        app.text("2469")
        app.keys(.control("s"))
        #expect(app.screen.contains("the two PINs are not the same"))
        #expect(app.state.session.user == nil)
        app.keys(.control("u"))
        app.text("2468")
        app.keys(.enter)
        #expect(app.state.session.user?.name == "Amara Okafor")
        #expect(app.screen.contains("Brookfield Care"))
        #expect(try app.store.isSetUp())
    }

    @Test func signInListFiltersByNameOrRoleAndAWrongPINSaysHowManyTriesAreLeft() throws {
        let app = try Harness()
        app.runner.runUntilIdle()
        #expect(app.screen.contains("Amara Okafor"))
        #expect(app.screen.contains("Tom Reid"))
        app.text("team")
        #expect(!app.screen.contains("Amara Okafor"))
        #expect(app.screen.contains("Tom Reid"))
        app.keys(.enter)
        app.text("0000")
        app.keys(.enter)
        #expect(app.screen.contains("That PIN is not right. 4 tries left before Tom Reid is locked for five minutes."))
        app.text("1357")
        app.keys(.enter)
        #expect(app.state.session.user?.name == "Tom Reid")
        #expect(app.screen.contains("Tom Reid (Team leader)"))
    }

    @Test func fiveWrongPINsLockThatPersonForFiveMinutes() throws {
        let app = try Harness()
        app.runner.runUntilIdle()
        app.text("Tom")
        app.keys(.enter)
        for _ in 0..<5 {
            app.text("9999")
            app.keys(.enter)
        }
        #expect(app.screen.contains("Tom Reid is locked after five wrong PINs. Try again after 09:35"))
        app.text("1357")
        app.keys(.enter)
        #expect(app.state.session.user == nil, "the right PIN is refused while locked")
        app.clock.advance(minutes: 5.1)
        app.text("1357")
        app.keys(.enter)
        #expect(app.state.session.user?.name == "Tom Reid")
    }

    @Test func nothingWorksBeforeSignIn() throws {
        let app = try Harness()
        app.runner.runUntilIdle()
        app.keys(.function(9))
        #expect(app.state.current.id == "sign-in")
        #expect(app.screen.contains("Sign in first"))
    }

    @Test func idleLockKeepsTheSameUsersHalfTypedFormAndHidesItFromAnyoneElse() throws {
        let app = try Harness(idleMinutes: 1)
        app.runner.runUntilIdle()
        app.signIn("Amara", pin: "2468")
        app.keys(.function(9), .down, .enter, .character("a"))
        #expect(app.state.current.id == "add-staff")
        app.text("Priya Shah")
        app.clock.advance(minutes: 1.5)
        app.runner.runUntilIdle()
        #expect(app.state.current.id == "sign-in")
        #expect(app.screen.contains("The screen locked because nothing was pressed"))
        #expect(!app.screen.contains("Priya Shah"))
        app.signIn("Amara", pin: "2468")
        #expect(app.state.current.id == "add-staff")
        #expect(app.screen.contains("Priya Shah"), "the same user finds their half-typed form")
        #expect(app.screen.contains("Welcome back, Amara Okafor. Your unsaved member of staff form from 09:31 is open again."))

        // Someone else after a switch starts afresh and never sees it.
        app.keys(.function(8))
        #expect(app.state.current.id == "sign-in")
        #expect(app.screen.contains("Locked for a change of user"))
        app.signIn("Tom", pin: "1357")
        #expect(app.state.current.id == "dashboard")
        app.keys(.function(9), .down, .enter)
        #expect(!app.screen.contains("Priya Shah"))
    }

    @Test func eachPersonsWorkWaitsForThemAloneHoweverManyOthersSignInAndOut() throws {
        let app = try Harness()
        let oak = try #require(app.store.services(includingInactive: false).first)
        let admin = try #require(app.store.staff(includingInactive: false).first { $0.role == .administrator })
        _ = try app.store.addStaff(name: "Dana Patel", role: .deputyManager, serviceIDs: [oak.id], pin: "2580",
                                   by: admin.actor, at: Support.fixedNow)
        app.runner.runUntilIdle()

        // Amara leaves a half-typed member of staff at 09:30.
        app.signIn("Amara", pin: "2468")
        app.keys(.function(9), .down, .enter, .character("a"))
        app.text("Priya Shah")
        app.keys(.function(8))
        #expect(app.state.session.parked[admin.id] != nil)

        // Tom starts an escalation at 09:40 and is switched out too.
        app.clock.advance(minutes: 10)
        app.signIn("Tom", pin: "1357")
        #expect(app.state.current.id == "dashboard", "Tom starts at his own dashboard")
        #expect(!app.screen.contains("Priya Shah"))
        app.keys(.function(6), .character("a"))
        #expect(app.state.current.id == "raise-escalation")
        // Down to "Their name" (a text field; the fields above it are pick lists and a date).
        app.keys(.tab, .tab, .tab, .tab, .tab, .tab)
        app.text("x")
        #expect(app.state.current.hasUnsavedInput)
        app.keys(.function(8))

        // Dana signs in and out with nothing typed; she sees neither form.
        app.signIn("Dana", pin: "2580")
        #expect(app.state.current.id == "dashboard")
        #expect(app.screen.contains("Signed in as Dana Patel, deputy manager."))
        app.keys(.function(8))
        #expect(app.state.session.parked.count == 3)

        // Quitting now would lose two people's work: both are named, oldest first, and No keeps it.
        app.keys(.function(10))
        let question = try #require(app.state.dialog)
        #expect(question.title == "Unsaved work waiting")
        #expect(question.message == "Unsaved work is waiting for Amara Okafor (member of staff form) and Tom Reid (escalation form). Quit and lose it?")
        #expect(app.screen.contains("Unsaved work is waiting for Amara Okafor"))
        app.keys(.character("n"))
        #expect(app.state.isRunning)

        // Amara comes back to hers only; Tom's is still waiting for him.
        app.signIn("Amara", pin: "2468")
        #expect(app.state.current.id == "add-staff")
        #expect(app.screen.contains("Priya Shah"))
        #expect(app.screen.contains("Your unsaved member of staff form from 09:30 is open again."))
        #expect(app.state.session.parked[admin.id] == nil)
        #expect(app.state.session.waitingWork.map(\.name) == ["Tom Reid"])

        // Quitting while Amara's own form is open names Tom's too; yes quits.
        app.keys(.function(10))
        #expect(app.state.dialog?.message == "What you typed in the form has not been saved, and unsaved work is waiting for Tom Reid (escalation form). Quit and lose it all?")
        app.keys(.character("y"))
        #expect(!app.state.isRunning)
    }

    @Test func aClockBehindTheStoresNewestRecordIsNamedAtSignInAndGoesWhenTheClockIsRight() throws {
        let app = try Harness(idleMinutes: 240)
        let admin = try #require(app.store.staff(includingInactive: false).first { $0.role == .administrator })
        // Written two hours ahead of the app's clock, as if the computer's clock had since gone back.
        _ = try app.store.addService(name: "Elm Court", kind: .nursing, registeredManager: nil, by: admin.actor,
                                     at: Support.fixedNow.addingTimeInterval(7200))
        app.runner.runUntilIdle()
        #expect(app.screen.contains("Clock behind: this computer says 21/11/2026 09:30 but records go up to"))
        #expect(app.screen.contains("21/11/2026 11:30."))
        app.signIn("Tom", pin: "1357")
        #expect(app.state.status?.kind == .warning)
        #expect(app.screen.split(separator: "\n")[0].contains("! Clock behind: records up to 21/11/2026 11:30"))
        app.clock.advance(minutes: 118)
        app.keys(.function(2))
        #expect(app.state.session.user?.name == "Tom Reid")
        #expect(!app.screen.contains("Clock behind"))
        #expect(app.screen.hasPrefix(" RecoveryDesk │ Brookfield Care"))
    }

    @Test func administratorAddsStaffAndATeamLeaderIsRefusedByTheStore() throws {
        let app = try Harness()
        app.runner.runUntilIdle()
        app.signIn("Amara", pin: "2468")
        app.keys(.function(9), .down, .enter, .character("a"))
        app.text("Priya Shah")
        app.keys(.tab)
        app.text("field supervisor")
        app.keys(.tab, .tab)
        app.text("8642")
        app.keys(.tab)
        app.text("8642")
        app.keys(.control("s"))
        #expect(app.state.current.id == "staff")
        #expect(app.screen.contains("Priya Shah added as field supervisor and can sign in."))
        #expect(app.screen.contains("Field supervisor"))

        app.keys(.function(8))
        app.signIn("Tom", pin: "1357")
        app.keys(.function(9), .down, .enter, .character("a"))
        app.text("Sam Lee")
        app.keys(.tab)
        app.text("care worker")
        app.keys(.control("s"))
        #expect(app.state.current.id == "add-staff", "a refused save keeps the form")
        #expect(app.screen.contains("A team leader may not manage users"))
        #expect(app.screen.contains("Sam Lee"))
        #expect(try app.store.staff(includingInactive: true).contains { $0.name == "Sam Lee" } == false)
    }

    @Test func referenceDataIsListedAndOnlyAnAdministratorSetsThePINLength() throws {
        let app = try Harness()
        app.runner.runUntilIdle()
        app.signIn("Tom", pin: "1357")
        app.keys(.function(9), .down, .down, .down, .enter)
        #expect(app.state.current.id == "reference-data")
        app.keys(.character("/"))
        app.text("medicines")
        app.keys(.enter)
        #expect(app.screen.contains("Medicines optimisation"))
        app.keys(.character("l"), .control("u"))
        app.text("6")
        app.keys(.enter)
        #expect(app.screen.contains("A team leader may not manage users"))
        #expect(try app.store.pinPolicy().minimumLength == 4)

        app.keys(.escape)
        #expect(app.state.dialog != nil, "leaving a form with typed input asks first")
        app.keys(.character("y"), .function(8))
        app.signIn("Amara", pin: "2468")
        app.keys(.function(9), .down, .down, .down, .enter, .character("l"), .control("u"))
        app.text("6")
        app.keys(.enter)
        #expect(app.screen.contains("New PINs now need at least 6 digits."))
        #expect(try app.store.pinPolicy().minimumLength == 6)
    }

    @Test func administratorRetiresAServiceAndAddsAMARCode() throws {
        let app = try Harness()
        app.runner.runUntilIdle()
        app.signIn("Amara", pin: "2468")
        app.keys(.function(9), .enter)
        #expect(app.screen.contains("Oak House"))
        app.keys(.character("d"))
        #expect(app.screen.contains("Retired"))
        #expect(try app.store.services(includingInactive: false).isEmpty)
        app.keys(.escape, .down, .down, .enter, .character("a"))
        app.text("Z")
        app.keys(.tab)
        app.text("Refused twice")
        app.keys(.tab)
        // "Counts as" is a pick list: the first letters choose.
        app.text("ref")
        app.keys(.control("s"))
        #expect(app.screen.contains("MAR code \"Z\" added."))
        #expect(try app.store.marCodes(includingRetired: false).contains { $0.code == "Z" && $0.outcome == .refused })
    }
}
