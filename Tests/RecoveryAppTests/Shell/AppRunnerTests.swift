import BuiltinThemes
import Foundation
import RecoveryApp
import Testing
import TUI

/// The run loop with the in-memory terminal and the real services on a temporary folder.
@Suite struct AppRunnerTests {
    typealias Support = ShellTestSupport

    func runner(home: URL, terminal: TestTerminal) -> AppRunner {
        AppRunner(state: Support.state(home: home), terminal: terminal, services: Support.services(home: home),
                  clock: { Support.fixedNow })
    }

    @Test func savingPreferencesWritesTheSettingsFile() throws {
        let home = Support.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TestTerminal()
        let app = runner(home: home, terminal: terminal)
        terminal.type(.function(9), .down, .down, .down, .down, .enter, .control("u"))
        terminal.type(text: "light")
        terminal.type(.tab, .control("u"))
        terminal.type(text: "25")
        terminal.type(.control("s"))
        app.runUntilIdle()
        let file = AppPaths(environment: ["HOME": home.path]).configFile
        let saved = try ConfigurationFile.load(from: file)
        #expect(saved.theme == "light")
        #expect(saved.idleLockMinutes == 25)
        #expect(app.state.theme.name == "light", "the saved theme is applied at once")
        #expect(app.state.current.id == "admin", "the form closes once saved")
        #expect(terminal.screenText.contains("Preferences saved"))
    }

    @Test func choosingAThemeOnTheThemesScreenAppliesIt() {
        let home = Support.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TestTerminal(size: Size(width: 100, height: 30))
        let app = runner(home: home, terminal: terminal)
        terminal.type(.function(9), .down, .down, .down, .down, .down, .enter, .character("/"))
        terminal.type(text: "high")
        terminal.type(.enter, .enter)
        app.runUntilIdle()
        #expect(app.state.theme.name == "high-contrast")
        #expect(terminal.screenText.contains("Theme \"high-contrast\" is now in use."))
    }

    @Test func aBrokenUserThemeIsReportedNotFatal() throws {
        let home = Support.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let themes = AppPaths(environment: ["HOME": home.path]).userThemesDirectory
        try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
        try "name: broken\nroles:\n  normal: { fg: blue-ish }\n".write(
            to: themes.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let terminal = TestTerminal(size: Size(width: 120, height: 30))
        let app = runner(home: home, terminal: terminal)
        terminal.type(.function(9), .down, .down, .down, .down, .down, .enter, .character("/"))
        terminal.type(text: "broken")
        terminal.type(.enter, .enter)
        app.runUntilIdle()
        #expect(app.state.isRunning)
        #expect(app.state.status?.kind == .error)
        #expect(app.state.status?.text.contains("line 3") == true)
    }

    @Test func resizeEventsReachTheState() {
        let terminal = TestTerminal()
        let app = runner(home: URL(fileURLWithPath: "/nonexistent/recoverydesk-home"), terminal: terminal)
        terminal.resize(to: Size(width: 70, height: 20))
        app.runUntilIdle()
        #expect(terminal.screenText.contains("Terminal too small: need 80x24, have 70x20"))
        terminal.resize(to: Size(width: 80, height: 24))
        app.runUntilIdle()
        #expect(terminal.screenText.contains("Services dashboard"))
    }

    @Test func ctrlLRepaintsEverything() {
        let terminal = TestTerminal()
        let app = runner(home: URL(fileURLWithPath: "/nonexistent/recoverydesk-home"), terminal: terminal)
        terminal.type(.control("l"))
        app.runUntilIdle()
        #expect(terminal.invalidations == 1)
    }

    @Test func terminateStopsTheLoop() {
        let terminal = TestTerminal()
        let app = runner(home: URL(fileURLWithPath: "/nonexistent/recoverydesk-home"), terminal: terminal)
        terminal.send(.terminate)
        terminal.type(.function(3))
        app.runUntilIdle()
        #expect(!app.state.isRunning)
        #expect(app.state.section == .dashboard, "nothing after the signal is handled")
    }
}

@Suite struct AppLauncherTests {
    @Test func aBadSettingsFileIsRefusedWithItsLine() throws {
        let home = ShellTestSupport.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let paths = AppPaths(environment: ["HOME": home.path])
        try FileManager.default.createDirectory(at: paths.configDirectory, withIntermediateDirectories: true)
        try "theme: default\nidle-lock-minutes: 500\n".write(to: paths.configFile, atomically: true, encoding: .utf8)
        do {
            _ = try AppLauncher.prepare(options: .init(), environment: ["HOME": home.path])
            Issue.record("a bad settings file was accepted")
        } catch {
            #expect(error.file == paths.configFile.path)
            #expect(error.line == 2)
        }
    }

    @Test func aDuplicateKeyBindingIsRefused() throws {
        let home = ShellTestSupport.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let paths = AppPaths(environment: ["HOME": home.path])
        try FileManager.default.createDirectory(at: paths.configDirectory, withIntermediateDirectories: true)
        try "keys:\n  plans: F2\n".write(to: paths.configFile, atomically: true, encoding: .utf8)
        do {
            _ = try AppLauncher.prepare(options: .init(), environment: ["HOME": home.path])
            Issue.record("a clashing key was accepted")
        } catch {
            #expect(error.line == 2)
            #expect(error.problem.contains("F2"))
        }
    }

    @Test func anUnknownThemeNameListsTheChoices() {
        do {
            _ = try AppLauncher.prepare(options: .init(theme: "sparkly"), environment: ["HOME": "/nonexistent-home"])
            Issue.record("an unknown theme was accepted")
        } catch {
            #expect(error.problem.contains("colour-blind"))
        }
    }

    @Test func noColourMeansMonochromeAndOverridesApply() throws {
        let home = ShellTestSupport.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let paths = AppPaths(environment: ["HOME": home.path])
        try FileManager.default.createDirectory(at: paths.configDirectory, withIntermediateDirectories: true)
        try "theme: light\nkeys:\n  plans: [F3, P]\n".write(to: paths.configFile, atomically: true, encoding: .utf8)
        let prepared = try AppLauncher.prepare(options: .init(storePath: "/tmp/x.sqlite"),
                                               environment: ["HOME": home.path, "NO_COLOR": "1"])
        #expect(prepared.theme.isMonochrome)
        #expect(prepared.keymap.command(for: .character("P"), scopes: [.global]) == AppCommand.plans)
        #expect(prepared.environment.storePath == "/tmp/x.sqlite")
    }
}
