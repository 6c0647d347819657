import Foundation
import RecoveryApp
import Testing
import TUI

@Suite("Settings file")
struct ConfigurationFileTests {
    typealias Support = ConfigurationTestSupport

    static let sample = """
        theme: default            # a theme name or a path
        idle-lock-minutes: 15     # whole minutes, 1 to 240
        mouse: true
        keys:                     # command name: a key or a list of keys
          plans: [F3, P]
          quit: F10
        """

    @Test func readsEverySetting() throws {
        let configuration = try ConfigurationFile.parse(Self.sample, file: "config.yaml")
        #expect(configuration.theme == "default")
        #expect(configuration.idleLockMinutes == 15)
        #expect(configuration.mouse)
        #expect(configuration.keyOverrides == [
            KeyOverride(command: "plans", keys: [.function(3), .character("P")]),
            KeyOverride(command: "quit", keys: [.function(10)]),
        ])
        #expect(configuration.keyOverrides.map(\.line) == [5, 6])
    }

    @Test func emptyFileGivesDefaults() throws {
        #expect(try ConfigurationFile.parse("", file: "c") == UserConfiguration())
        #expect(try ConfigurationFile.parse("# nothing yet\n", file: "c") == UserConfiguration())
        #expect(try ConfigurationFile.parse("keys:\n", file: "c") == UserConfiguration())
        #expect(UserConfiguration().idleLockMinutes == 5)
        #expect(UserConfiguration().mouse == false)
        #expect(UserConfiguration().theme == nil)
    }

    struct Bad: Sendable, CustomStringConvertible {
        var text: String
        var line: Int?
        var words: [String]
        var description: String { words.joined(separator: " ") }
    }

    static let badFiles: [Bad] = [
        Bad(text: "theme: default\nthem: light\n", line: 2, words: ["\"them\" is not a setting", "did you mean \"theme\"?"]),
        Bad(text: "idle_lock_minutes: 5\n", line: 1, words: ["did you mean \"idle-lock-minutes\"?"]),
        Bad(text: "colour: blue\n", line: 1, words: ["\"colour\" is not a setting", "the settings are theme"]),
        Bad(text: "mouse: false\nidle-lock-minutes: 0\n", line: 2, words: ["outside the allowed range", "1 to 240"]),
        Bad(text: "idle-lock-minutes: 241\n", line: 1, words: ["241", "1 to 240"]),
        Bad(text: "idle-lock-minutes: -5\n", line: 1, words: ["is -5, which is outside the allowed range"]),
        Bad(text: "idle-lock-minutes: 7.5\n", line: 1, words: ["must be a whole number, not \"7.5\""]),
        Bad(text: "idle-lock-minutes: ten\n", line: 1, words: ["must be a number, not \"ten\""]),
        Bad(text: "idle-lock-minutes: 99999999999999999999999999\n", line: 1, words: ["far too large"]),
        Bad(text: "idle-lock-minutes: [10]\n", line: 1, words: ["needs a number"]),
        Bad(text: "mouse: sometimes\n", line: 1, words: ["mouse must be true or false, not \"sometimes\""]),
        Bad(text: "mouse:\n  - true\n", line: 2, words: ["true or false, not a list"]),
        Bad(text: "theme: [a, b]\n", line: 1, words: ["theme needs a theme name"]),
        Bad(text: "theme:\n", line: 1, words: ["theme needs a theme name"]),
        Bad(text: "keys: [F3]\n", line: 1, words: ["keys must list one command to a line"]),
        Bad(text: "keys:\n  plans: F99\n", line: 2, words: ["\"F99\" is not a key name", "F1 to F24"]),
        Bad(text: "keys:\n  quit: [F10,\n    Ctrl-Shift-Q]\n", line: 3, words: ["\"Ctrl-Shift-Q\" is not a key name"]),
        Bad(text: "keys:\n  plans: [F3, p, F3]\n", line: 2, words: ["F3 is listed twice for plans"]),
        Bad(text: "keys:\n  plans: [F3, ctrl-l, Ctrl-L]\n", line: 2, words: ["Ctrl-L is listed twice"]),
        Bad(text: "keys:\n  plans: []\n", line: 2, words: ["plans needs at least one key"]),
        Bad(text: "keys:\n  plans:\n", line: 2, words: ["plans needs at least one key"]),
        Bad(text: "keys:\n  plans: { key: F3 }\n", line: 2, words: ["not a group of settings"]),
        Bad(text: "keys:\n  plans: [[F3]]\n", line: 2, words: ["single key name, not a list"]),
        Bad(text: "keys:\n  plans: F3\n  plans: F4\n", line: 2, words: ["more than once"]),
        Bad(text: "- theme\n", line: 1, words: ["starts with a list"]),
        Bad(text: "theme: default\n  mouse: true\n", line: 2, words: ["colon"]),
        Bad(text: "theme: \"default\n", line: 2, words: ["ends before"]),
    ]

    @Test("a mistake in the settings names the line and says what is wrong", arguments: ConfigurationFileTests.badFiles)
    func badFileIsRefused(_ bad: Bad) {
        let error = Support.error { () throws(ConfigurationError) in
            try ConfigurationFile.parse(bad.text, file: "/home/x/.config/recoverydesk/config.yaml")
        }
        guard let error else {
            Issue.record("accepted: \(bad.text)")
            return
        }
        #expect(error.line == bad.line, "\(error)")
        for words in bad.words {
            #expect(error.problem.contains(words), "\(error)")
        }
        #expect(error.description.hasPrefix("/home/x/.config/recoverydesk/config.yaml"))
    }

    @Test func acceptsUsualWaysOfWritingYesAndNo() throws {
        #expect(try ConfigurationFile.parse("mouse: yes", file: "c").mouse)
        #expect(try ConfigurationFile.parse("mouse: On", file: "c").mouse)
        #expect(try ConfigurationFile.parse("mouse: FALSE", file: "c").mouse == false)
    }

    static let roundTrips: [UserConfiguration] = [
        UserConfiguration(),
        UserConfiguration(theme: "high-contrast", idleLockMinutes: 1, mouse: true),
        UserConfiguration(theme: "~/my themes/calm #2.yaml", idleLockMinutes: 240),
        UserConfiguration(theme: "odd \"quotes\" \\ back\tslash\n and é ✓ \u{7}", idleLockMinutes: 30),
        UserConfiguration(theme: "true", keyOverrides: [
            KeyOverride(command: "plans", keys: [.function(3), .character("p")]),
            KeyOverride(command: "quit", keys: [.function(10)]),
            KeyOverride(command: "next-field", keys: [.tab, .control("n"), .character(" "), .pageDown, .backTab]),
            KeyOverride(command: "odd: one", keys: [.character("#"), .character("*"), .character("\""),
                                                     .character("'"), .character("1"), .character("["),
                                                     .character(":"), .character("y"), .character("-")]),
        ]),
    ]

    @Test("render then parse gives the same settings", arguments: ConfigurationFileTests.roundTrips)
    func roundTrip(_ configuration: UserConfiguration) throws {
        let text = ConfigurationFile.render(configuration)
        #expect(try ConfigurationFile.parse(text, file: "c") == configuration, "\(text)")
        #expect(text.contains("# "), "the file explains itself")
    }

    @Test func saveCreatesTheFolderAndLoadReadsItBack() throws {
        let folder = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("deeper/recoverydesk/config.yaml")
        let configuration = UserConfiguration(theme: "light", idleLockMinutes: 20, mouse: true,
                                              keyOverrides: [KeyOverride(command: "quit", keys: [.function(10)])])
        try ConfigurationFile.save(configuration, to: url)
        #expect(try ConfigurationFile.load(from: url) == configuration)
        try ConfigurationFile.save(UserConfiguration(), to: url)
        #expect(try ConfigurationFile.load(from: url) == UserConfiguration())
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
        #expect(leftovers == ["config.yaml"])
    }

    @Test func missingFileGivesDefaultsButAFolderIsAnError() throws {
        let folder = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try ConfigurationFile.load(from: folder.appendingPathComponent("none.yaml")) == UserConfiguration())
        let error = Support.error { () throws(ConfigurationError) in try ConfigurationFile.load(from: folder) }
        #expect(error?.problem.contains("folder") == true)
    }

    @Test func unreadableFileIsAnError() throws {
        guard getuid() != 0 else { return } // root can read anything
        let folder = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("config.yaml")
        try Data("mouse: true\n".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: url.path)
        let error = Support.error { () throws(ConfigurationError) in try ConfigurationFile.load(from: url) }
        #expect(error?.problem.contains("cannot be read") == true)
    }

    @Test func saveIntoAnImpossibleFolderIsAnError() throws {
        let folder = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file")
        try Data().write(to: blocker)
        let error = Support.error { () throws(ConfigurationError) in
            try ConfigurationFile.save(UserConfiguration(), to: blocker.appendingPathComponent("config.yaml"))
        }
        #expect(error != nil)
    }

    @Test func tooLargeFileIsRefused() throws {
        let text = String(repeating: "# padding\n", count: 10_000)
        let error = Support.error { () throws(ConfigurationError) in try ConfigurationFile.parse(text, file: "c") }
        #expect(error?.problem.contains("too large") == true)
    }
}
