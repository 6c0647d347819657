import Foundation
import RecoveryModel
import RecoveryServices
import RecoveryStore
import Testing
import TUI
@testable import RecoveryApp

/// The administration screens, sign-in and set-up through the update function: the typed tasks
/// a key asks for, and the screen after each task has run against a real store.
@Suite(.serialized) struct AdminScreensTests {
    typealias Support = ShellTestSupport

    /// A store in a temporary folder, set up (Amara, administrator, id 1, and Tom) or new.
    final class Fixture {
        let home = Support.temporaryHome()
        let store: SQLiteRecoveryStore
        let services: RecoveryServices
        var state: AppState

        init(setUp: Bool = true, start: AppState.Start? = nil) throws {
            store = try SQLiteRecoveryStore.open(at: home.appendingPathComponent("store.sqlite"), createIfMissing: true)
            services = RecoveryServices(store: store)
            if setUp {
                let admin = try store.setUp(SetUpRequest(providerName: "Brookfield Care", serviceName: "Oak House",
                                                         serviceKind: .residential, administratorName: "Amara Okafor",
                                                         pin: "2468"), at: Support.fixedNow)
                _ = try store.addStaff(name: "Tom Reid", role: .teamLeader, serviceIDs: admin.serviceIDs, pin: "1357",
                                       by: admin.actor, at: Support.fixedNow)
                state = AppState(environment: Support.environment(home: home), theme: .monochrome,
                                 keymap: DefaultKeymap.keymap, size: Size(width: 100, height: 30), now: Support.fixedNow,
                                 start: start ?? .signedIn(admin, try store.provider()))
            } else {
                state = AppState(environment: Support.environment(home: home), theme: .monochrome,
                                 keymap: DefaultKeymap.keymap, size: Size(width: 100, height: 30), now: Support.fixedNow,
                                 start: .setUp)
            }
        }

        deinit { try? FileManager.default.removeItem(at: home) }

        /// Presses keys; returns the effects.
        @discardableResult
        func keys(_ keys: Key...) -> [AppEffect] {
            keys.flatMap { state.update(.key($0)) }
        }

        /// Types text into the focused field.
        func text(_ text: String) {
            for character in text { _ = state.update(.key(.character(character))) }
        }

        /// Runs the tasks among `effects` against the store and hands back their replies, and
        /// the tasks those replies ask for, until none is left.
        func finish(_ effects: [AppEffect]) {
            var waiting = effects
            while !waiting.isEmpty {
                var next: [AppEffect] = []
                for case .task(let request) in waiting {
                    next += state.update(.taskFinished(request.run(services, at: Support.fixedNow)))
                }
                waiting = next
            }
        }

        var screen: String { AdminKeyOverrideTests.text(AppView.render(state), height: state.size.height) }

        /// Opens an entry of the administration menu (by its row).
        func openAdmin(row: Int) -> [AppEffect] {
            finish(keys(.function(9), .home))
            for _ in 0..<row { keys(.down) }
            return keys(.enter)
        }
    }

    @Test func servicesAreReadThenRetiredByATypedTask() throws {
        let app = try Fixture()
        let opening = app.openAdmin(row: 0)
        #expect(opening.tasks(ServicesScreen.LoadServices.self).count == 1)
        app.finish(opening)
        let services = try #require(app.state.current as? ServicesScreen)
        #expect(services.services.map(\.name) == ["Oak House"])
        let oak = services.services[0]

        let retiring = app.keys(.character("d"))
        #expect(retiring.tasks(ServicesScreen.SetActive.self) == [ServicesScreen.SetActive(serviceID: oak.id, active: false)])
        app.finish(retiring)
        #expect(app.state.status?.text == "Service retired; its records are kept.")
        #expect((app.state.current as? ServicesScreen)?.services.first?.active == false)
        #expect(try app.store.services(includingInactive: true).first?.active == false)
        #expect(app.screen.contains("Retired"))
    }

    @Test func aReplyForAClosedScreenIsDropped() throws {
        let app = try Fixture()
        let opening = app.openAdmin(row: 0)
        let request = try #require(opening.compactMap { effect -> TaskRequest? in
            if case .task(let request) = effect { return request }
            return nil
        }.first)
        app.keys(.escape)
        #expect(app.state.current is AdminScreen)
        let after = app.state.update(.taskFinished(request.run(app.services, at: Support.fixedNow)))
        #expect(after.isEmpty)
        #expect(app.state.current is AdminScreen)
        #expect(!app.state.stack.contains { $0 is ServicesScreen })
    }

    @Test func staffAreReadWithTheirServicesAndSomeoneIsDeactivated() throws {
        let app = try Fixture()
        let opening = app.openAdmin(row: 1)
        #expect(opening.tasks(StaffScreen.LoadStaff.self).count == 1)
        app.finish(opening)
        let staff = try #require(app.state.current as? StaffScreen)
        #expect(staff.people.map(\.name) == ["Amara Okafor", "Tom Reid"])
        #expect(app.screen.contains("Oak House"))
        let tom = staff.people[1]
        app.keys(.down)
        let leaving = app.keys(.character("d"))
        #expect(leaving.tasks(StaffScreen.Deactivate.self) == [StaffScreen.Deactivate(staffID: tom.id)])
        app.finish(leaving)
        #expect(app.state.status?.text.hasPrefix("Deactivated") == true)
        #expect((app.state.current as? StaffScreen)?.people[1].active == false)
        // Asking again says they have left, with no task.
        let again = app.keys(.character("d"))
        #expect(again.tasks(StaffScreen.Deactivate.self).isEmpty)
        #expect(app.state.status?.text == "Tom Reid has already left; their records are kept.")
    }

    @Test func marCodesAndReferenceDataAreRead() throws {
        let app = try Fixture()
        let codes = app.openAdmin(row: 2)
        #expect(codes.tasks(MARCodesScreen.LoadCodes.self).count == 1)
        app.finish(codes)
        #expect(app.state.current is MARCodesScreen)
        app.keys(.escape)
        let reference = app.openAdmin(row: 3)
        #expect(reference.tasks(ReferenceDataScreen.LoadReferenceData.self).count == 1)
        app.finish(reference)
        let screen = try #require(app.state.current as? ReferenceDataScreen)
        #expect(screen.items.contains { $0[0] == "Regulation" })
        #expect(screen.items.last?[2] == "PINs need at least 4 digits")
    }

    @Test func thresholdsPutBackTheStandardOnesWithoutReadingAgain() throws {
        let app = try Fixture()
        let admin = try #require(app.state.session.user)
        try app.store.setIndicatorThreshold(.marCoverage, to: IndicatorThreshold(amber: 9, red: 12), by: admin.actor,
                                            at: Support.fixedNow)
        let opening = app.openAdmin(row: 6)
        #expect(opening.tasks(ThresholdsScreen.LoadThresholds.self).count == 1)
        app.finish(opening)
        #expect((app.state.current as? ThresholdsScreen)?.thresholds?[.marCoverage] == IndicatorThreshold(amber: 9, red: 12))
        let resetting = app.keys(.character("r"))
        #expect(resetting.tasks(ThresholdsScreen.ResetThreshold.self) == [ThresholdsScreen.ResetThreshold(id: .marCoverage)])
        let request = try #require(resetting.compactMap { effect -> TaskRequest? in
            if case .task(let request) = effect { return request }
            return nil
        }.first)
        let after = app.state.update(.taskFinished(request.run(app.services, at: Support.fixedNow)))
        #expect(!after.contains { if case .task = $0 { return true } else { return false } },
                "the reply holds the thresholds; nothing is read again")
        #expect((app.state.current as? ThresholdsScreen)?.thresholds == .standard)
        #expect(app.state.status?.text.contains("amber from 2, red from 6") == true)
    }

    @Test func aWrongPINKeepsTheSignInScreenAndTheRightOneSignsIn() throws {
        let app = try Fixture(start: .signIn(nil))
        app.finish(app.state.update(.started))
        #expect((app.state.current as? SignInScreen)?.everyone.count == 2)
        app.text("Tom")
        app.keys(.enter)
        app.text("0000")
        let wrong = app.keys(.enter)
        let task = try #require(wrong.tasks(SignInScreen.SignIn.self).first)
        #expect(task.pin == "0000")
        #expect(!"\(task)".contains("0000"), "the PIN must not reach the log")
        app.finish(wrong)
        #expect(app.state.session.user == nil)
        #expect(app.state.current is SignInScreen)
        #expect((app.state.current as? SignInScreen)?.problem?.hasPrefix("That PIN is not right. 4 tries left") == true)
        #expect((app.state.current as? SignInScreen)?.chosenName == "Tom Reid")
        app.text("1357")
        app.finish(app.keys(.enter))
        #expect(app.state.session.user?.name == "Tom Reid")
        #expect(app.state.current is DashboardScreen)
    }

    @Test func setUpSavesOnceAndSignsTheAdministratorIn() throws {
        let app = try Fixture(setUp: false)
        #expect(app.state.current is SetUpScreen)
        app.text("Brookfield Care")
        app.keys(.tab)
        app.text("Oak House")
        app.keys(.tab)
        #expect(app.screen.contains("Residential home"))
        app.keys(.down)
        #expect(app.screen.contains("Nursing home"))
        app.keys(.tab)
        app.text("Amara Okafor")
        app.keys(.tab)
        app.text("2468")
        app.keys(.tab)
        app.text("2468")
        let saving = app.keys(.control("s"))
        let task = try #require(saving.tasks(SetUpScreen.SetUp.self).first)
        #expect(task.request.serviceKind == .nursing)
        #expect(!"\(task)".contains("2468"))
        // A second save while the first is on its way is refused, and asks for nothing.
        let second = app.keys(.control("s"))
        #expect(second.tasks(SetUpScreen.SetUp.self).isEmpty)
        #expect(app.state.status?.text == "Saving…; wait for it.")
        app.finish(saving)
        #expect(app.state.session.user?.name == "Amara Okafor")
        #expect(app.state.session.provider?.name == "Brookfield Care")
        #expect(try app.store.services(includingInactive: true).first?.kind == .nursing)
    }

    @Test func aRefusedSetUpKeepsEverythingTyped() throws {
        let app = try Fixture(setUp: false)
        app.text("Brookfield Care")
        app.keys(.tab)
        app.text("Oak House")
        app.keys(.tab, .tab)
        app.text("Amara Okafor")
        app.keys(.tab)
        app.text("2468")
        app.keys(.tab)
        app.text("2468")
        let saving = app.keys(.control("s"))
        // Someone else set the store up meanwhile: the store refuses the second set-up.
        _ = try app.store.setUp(SetUpRequest(providerName: "Other", serviceName: "Elm", serviceKind: .residential,
                                             administratorName: "Someone", pin: "9999"), at: Support.fixedNow)
        app.finish(saving)
        #expect(app.state.session.user == nil)
        let form = try #require(app.state.current as? SetUpScreen)
        #expect(form.form.values.prefix(2) == ["Brookfield Care", "Oak House"])
        #expect(!form.saving)
        #expect(app.state.status?.text.hasPrefix("Not set up:") == true)
    }
}

/// A key rebound in the settings file is named everywhere: the screen's hint line, its empty
/// list's words, the key bar and help.
@Suite struct AdminKeyOverrideTests {
    static func text(_ frame: Buffer, height: Int) -> String {
        (0..<height).map { frame.line($0) }.joined(separator: "\n")
    }

    @Test func reboundKeysAreNamedInHintsKeyBarAndHelp() throws {
        let home = ShellTestSupport.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let paths = AppPaths(environment: ["HOME": home.path])
        try FileManager.default.createDirectory(at: paths.configDirectory, withIntermediateDirectories: true)
        try "keys:\n  services.add: i\n  admin: F12\n  back: F11\n"
            .write(to: paths.configFile, atomically: true, encoding: .utf8)
        let prepared = try AppLauncher.prepare(options: .init(storePath: "/tmp/x.sqlite"), environment: ["HOME": home.path])
        var state = AppState(environment: ShellTestSupport.environment(home: home), theme: .monochrome,
                             keymap: prepared.keymap, size: Size(width: 80, height: 24), now: ShellTestSupport.fixedNow,
                             start: .signedIn(ShellTestSupport.administrator, ShellTestSupport.provider))
        _ = state.update(.key(.function(12)))
        #expect(state.current is AdminScreen)
        _ = state.update(.key(.enter))
        #expect(state.current is ServicesScreen)
        let frame = AppView.render(state)
        let hintLine = frame.line(22)
        #expect(hintLine.contains("i add"), "\(hintLine)")
        #expect(hintLine.contains("F11 Back"), "\(hintLine)")
        #expect(!hintLine.contains("a add"))
        #expect(frame.line(23).contains("F12Admin"), "\(frame.line(23))")
        #expect(Self.text(frame, height: 24).contains("No services yet. Press i to add one."))
        // The rebound key does the work; the old one does nothing here.
        #expect(state.keymap.command(for: .character("i"), scopes: state.activeScopes) == ServicesScreen.add)
        #expect(state.keymap.command(for: .character("a"), scopes: state.activeScopes) == nil)
        _ = state.update(.key(.function(1)))
        let help = try #require(state.current as? HelpScreen)
        let rows = (0..<help.rows.rowCount).map { help.rows.cells(at: $0) }
        #expect(rows.contains { $0[0] == "i" && $0[1] == "Add a new one" && $0[2] == "This screen" })
        #expect(rows.contains { $0[0] == "F12" && $0[2] == "Everywhere" && $0[1].contains("administration") })
        #expect(Self.text(AppView.render(state), height: 24).contains("F11, q or F1 closes help."))
    }
}

/// Through the run loop on a real store: a service added through its form shows in the list
/// beneath once the form closes, after the list's own writes too.
@Suite(.serialized) struct AdminRunLoopTests {
    @Test(arguments: [false, true]) func anAddedServiceShowsInTheListBeneath(retireFirst: Bool) throws {
        let app = try SessionTests.Harness()
        app.runner.runUntilIdle()
        app.signIn("Amara", pin: "2468")
        app.keys(.function(9))
        app.keys(.enter)
        #expect(app.screen.contains("Oak House"))
        if retireFirst {
            app.keys(.character("d"))
            #expect(app.screen.contains("Retired"))
            app.keys(.character("d"))
            #expect(app.screen.contains("In use"))
        }
        app.keys(.character("a"))
        app.text("Elm Court")
        app.keys(.control("s"))
        #expect(app.screen.contains("Service \"Elm Court\" added."))
        #expect(app.screen.contains("Elm Court  "), "\(app.screen)")
    }
}

/// PINs typed into the staff forms never reach a task's description (slow tasks are logged).
@Suite struct StaffFormWritesTests {
    @Test func theStaffWritesDescribeThemselvesWithoutThePIN() {
        let add = RecordFormScreen.Save(write: StaffScreen.AddStaff(name: "Priya Shah", role: .teamLeader, serviceIDs: [1],
                                                                    pin: "9731"))
        let reset = RecordFormScreen.Save(write: StaffScreen.ResetPIN(staffID: 4, pin: "9731"))
        #expect("\(add)".contains("Priya Shah"))
        #expect(!"\(add)".contains("9731"))
        #expect(!"\(reset)".contains("9731"))
        #expect(!"\(TaskRequest(add))".contains("9731"))
    }
}
