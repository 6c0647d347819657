import Foundation
import TestSupport
import Testing

/// The real binary in tmux: start, help, resize, quit, forms, and refusals of bad input.
@Suite(.serialized) struct ShellEndToEndTests {
    /// A session on a set-up store with Amara Okafor (administrator) signed in.
    func signedInSession(width: Int = 100, height: Int = 30,
                         setUp: ((URL) throws -> Void)? = nil) throws -> TmuxSession {
        let session = try TmuxSession(width: width, height: height, store: .standard, setUp: setUp)
        try session.signIn("Amara", pin: "2468")
        try session.waitFor("Services dashboard")
        return session
    }

    @Test func startsOnSignInThenTheDashboardWithTheKeyBar() throws {
        let session = try TmuxSession(store: .standard)
        defer { session.close() }
        var screen = try session.waitFor("Who are you?")
        #expect(screen.contains("Not signed in"))
        #expect(screen.contains("Tom Reid"))
        #expect(screen.contains("F10Quit"))
        try session.signIn("Amara", pin: "2468")
        screen = try session.waitFor("Services dashboard")
        #expect(screen.contains("F1Help"))
        #expect(screen.contains("Amara Okafor (Administrator)"))
        #expect(screen.contains("Brookfield Care"))
    }

    @Test func helpOpensWithQuestionMarkAndWithF1() throws {
        let session = try signedInSession()
        defer { session.close() }
        try session.send("?")
        var screen = try session.waitFor("Help: Services dashboard")
        #expect(screen.contains("Go to recovery plans"))
        try session.send("Escape")
        try session.waitUntil("help to close") { !$0.contains("Help: Services dashboard") }
        try session.send("F1")
        screen = try session.waitFor("Help: Services dashboard")
        #expect(screen.contains("Quit RecoveryDesk"))
        try session.send("F1")
        try session.waitUntil("help to close again") { !$0.contains("Help: Services dashboard") }
    }

    @Test func sectionsOpenFromFunctionKeysAndDigits() throws {
        let session = try signedInSession()
        defer { session.close() }
        try session.send("F3")
        try session.waitFor("No recovery plans yet.")
        try session.send("4")
        try session.waitFor("No MAR chart checks in the last 28 days.")
        try session.send("q")
        try session.waitFor("Oak House")
    }

    @Test func resizeBelowTheMinimumAndBackRestoresTheScreen() throws {
        let session = try signedInSession()
        defer { session.close() }
        try session.send("F9")
        try session.waitFor("About this installation")
        try session.send("Down")
        let before = try session.waitFor("2/8")
        try session.resize(width: 60, height: 20)
        try session.waitFor("Terminal too small: need 80x24, have 60x20")
        try session.resize(width: 100, height: 30)
        let after = try session.waitFor("About this installation")
        #expect(after == before)
    }

    @Test func f10QuitsCleanlyAndNothingIsLeftOnTheTerminal() throws {
        let session = try signedInSession()
        defer { session.close() }
        try session.send("F10")
        let screen = try session.waitFor("EXIT=")
        let visible = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(visible == ["EXIT=0"], "after quitting only the shell's own line may show: \(visible)")
    }

    @Test func f10AsksBeforeLosingTypedInputAndSavingWritesSettings() throws {
        let session = try signedInSession()
        defer { session.close() }
        try session.send("F9")
        try session.waitFor("Preferences")
        try session.send("Down", "Down", "Down", "Down", "Enter")
        try session.waitFor("Idle lock (minutes)")
        try session.send("Tab", "C-u")
        try session.type("0")
        try session.send("Tab")
        try session.waitFor("! Must be from 1 to 240 minutes")
        try session.send("F10")
        try session.waitFor("Unsaved input")
        try session.send("n")
        try session.waitUntil("the question to close") { !$0.contains("Unsaved input") }
        try session.send("C-s")
        try session.waitFor("Not saved: 1 field needs attention")
        // A refused save puts the cursor in the first field that needs attention.
        try session.send("C-u")
        try session.type("30")
        try session.send("C-s")
        try session.waitFor("Preferences saved")
        let settings = try String(contentsOf: session.home.appendingPathComponent("config/recoverydesk/config.yaml"),
                                  encoding: .utf8)
        #expect(settings.contains("idle-lock-minutes: 30"))
        try session.send("F10")
        try session.waitFor("EXIT=0")
    }

    @Test func searchFindsARowInHelp() throws {
        let session = try signedInSession()
        defer { session.close() }
        try session.send("F1", "/")
        try session.waitFor("Search:")
        try session.type("redraw")
        try session.send("Enter")
        try session.waitFor("Found \"redraw\"")
    }

    @Test func aSignalRestoresTheTerminal() throws {
        let session = try signedInSession()
        defer { session.close() }
        guard let pid = try session.appProcessID() else {
            Issue.record("could not find the app's process")
            return
        }
        kill(pid, SIGTERM)
        let screen = try session.waitFor("EXIT=")
        let visible = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        #expect(visible == ["EXIT=143"])
    }

    @Test func ctrlZSuspendsAndFgResumes() throws {
        let session = try TmuxSession(interactiveShell: true, store: .standard)
        defer { session.close() }
        try session.waitFor("$")
        // Started on its own: in a list ("app; echo") bash would carry on when the app stops.
        try session.type(([TmuxSession.binary] + session.arguments).map(TmuxSession.shellQuote).joined(separator: " "))
        try session.send("Enter")
        try session.signIn("Amara", pin: "2468")
        try session.waitFor("Services dashboard")
        try session.send("C-z")
        try session.waitFor("Stopped")
        try session.type("fg")
        try session.send("Enter")
        try session.waitUntil("the app to come back") { $0.contains("Services dashboard") && $0.contains("F10Quit") }
        try session.send("F3")
        try session.waitFor("No recovery plans yet.")
        try session.send("F10")
        try session.waitUntil("the prompt after quitting") { !$0.contains("F10Quit") }
        try session.type("echo EXIT=$?")
        try session.send("Enter")
        try session.waitFor("EXIT=0")
    }

    @Test func wideAndAccentedTextInAThemeNameKeepsTheLayout() throws {
        let session = try signedInSession(setUp: { home in
            let themes = home.appendingPathComponent("config/recoverydesk/themes")
            try FileManager.default.createDirectory(at: themes, withIntermediateDirectories: true)
            for name in ["Siobhán", "王小明", "Zoë"] {
                try "roles:\n  normal: { fg: default }\n".write(
                    to: themes.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
            }
        })
        defer { session.close() }
        try session.send("F9", "Down", "Down", "Down", "Down", "Down", "Enter")
        let screen = try session.waitFor("王小明")
        // Every user theme row puts its last column at the same place, whatever the width of the name.
        let columns = screen.split(separator: "\n").filter { $0.contains("Your themes folder") }.map { line -> Int in
            let prefix = line[..<line.range(of: "Your themes folder")!.lowerBound]
            return prefix.reduce(0) { $0 + (($1.unicodeScalars.first!.value >= 0x4E00 && $1.unicodeScalars.first!.value <= 0x9FFF) ? 2 : 1) }
        }
        #expect(columns.count == 3)
        #expect(Set(columns).count == 1, "sample columns differ: \(columns)")
    }
}

/// Refusals that happen before the screen starts: plain messages and non-zero exits.
@Suite struct CommandLineTests {
    func run(_ arguments: [String], environment: [String: String]) throws -> (Int32, String, String) {
        let result = try ChildProcess.run(TmuxSession.binary, arguments, environment: environment)
        return (result.status, result.output, result.errors)
    }

    func home() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rd-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func withoutATerminalItSaysSoAndExitsNonZero() throws {
        let home = try home()
        defer { try? FileManager.default.removeItem(at: home) }
        let (status, output, errors) = try run([], environment: ["HOME": home.path, "TERM": "xterm", "LANG": "C.UTF-8"])
        #expect(status == 2)
        #expect(output.isEmpty)
        #expect(errors.contains("needs an interactive terminal"))
        #expect(errors.split(separator: "\n").count == 1)
    }

    @Test func aBadThemeFileIsNamedWithItsLine() throws {
        let home = try home()
        defer { try? FileManager.default.removeItem(at: home) }
        let theme = home.appendingPathComponent("mine.yaml")
        try "name: mine\nroles:\n  normal: { fg: default }\n  selected: { fg: purple-ish }\n".write(
            to: theme, atomically: true, encoding: .utf8)
        let (status, _, errors) = try run(["--theme", theme.path], environment: ["HOME": home.path])
        #expect(status == 1)
        #expect(errors.contains(theme.path))
        #expect(errors.contains("line 4"))
        #expect(errors.contains("purple-ish"))
        #expect(!errors.contains("Fatal error"))
    }

    @Test func aBadSettingsFileIsNamedWithItsLine() throws {
        let home = try home()
        defer { try? FileManager.default.removeItem(at: home) }
        let folder = home.appendingPathComponent(".config/recoverydesk")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "theme: default\nkeys:\n  plans: F99\n".write(to: folder.appendingPathComponent("config.yaml"),
                                                         atomically: true, encoding: .utf8)
        let (status, _, errors) = try run([], environment: ["HOME": home.path])
        #expect(status == 1)
        #expect(errors.contains("config.yaml, line 3"))
        #expect(errors.contains("F99"))
    }

    @Test func theAppRefusesAFileThatIsNotAStore() throws {
        let home = try home()
        defer { try? FileManager.default.removeItem(at: home) }
        let notes = home.appendingPathComponent("notes.txt")
        try "Shift handover notes\n".write(to: notes, atomically: true, encoding: .utf8)
        let (status, output, errors) = try run(["--store", notes.path], environment: ["HOME": home.path, "TERM": "xterm"])
        #expect(status == 1)
        #expect(output.isEmpty)
        #expect(errors.hasPrefix("recoverydesk: "))
        #expect(errors.split(separator: "\n").count == 1)
        #expect(try String(contentsOf: notes, encoding: .utf8) == "Shift handover notes\n", "the file is left alone")
    }

    @Test func versionAndHelpAndCompletion() throws {
        let (status, output, _) = try run(["--version"], environment: [:])
        #expect(status == 0)
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try run(["--help"], environment: [:])
        #expect(help.0 == 0)
        #expect(help.1.contains("--store"))
        #expect(help.1.contains("--theme"))
        #expect(help.1.contains("--mouse"))
        let completion = try run(["--generate-completion-script", "bash"], environment: [:])
        #expect(completion.0 == 0)
        #expect(completion.1.contains("recoverydesk"))
    }
}
