import RecoveryApp
import Testing
import TUI

@Suite("Key overrides")
struct KeyOverrideTests {
    typealias Support = ConfigurationTestSupport

    static func keymap() -> Keymap {
        Keymap([
            KeyBinding("plans", keys: [.function(3)], label: "Plans", help: "Open plans"),
            KeyBinding("search", keys: [.function(4), .character("/")], label: "Search", help: "Search"),
            KeyBinding("quit", keys: [.function(10)], label: "Quit", help: "Leave"),
            KeyBinding("next-field", keys: [.tab], scope: .form, label: "Next", help: "Next field"),
            KeyBinding("open", keys: [.enter], scope: .list, label: "Open", help: "Open the row"),
        ])
    }

    @Test func appliesOverridesFromAFile() throws {
        var keymap = Self.keymap()
        let configuration = try ConfigurationFile.parse("keys:\n  plans: [F2, p]\n  quit: q\n", file: "c")
        try ConfigurationFile.applyKeyOverrides(configuration.keyOverrides, to: &keymap, file: "c")
        #expect(keymap.command(for: .character("p"), scopes: [.global]) == "plans")
        #expect(keymap.command(for: .function(3), scopes: [.global]) == nil)
        #expect(keymap.command(for: .character("q"), scopes: [.global]) == "quit")
    }

    @Test func twoCommandsMaySwapKeys() throws {
        var keymap = Self.keymap()
        let overrides = [KeyOverride(command: "plans", keys: [.function(10)], line: 2),
                         KeyOverride(command: "quit", keys: [.function(3)], line: 3)]
        try ConfigurationFile.applyKeyOverrides(overrides, to: &keymap, file: "c")
        #expect(keymap.command(for: .function(10), scopes: [.global]) == "plans")
        #expect(keymap.command(for: .function(3), scopes: [.global]) == "quit")
    }

    @Test func unknownCommandNamesTheLineAndSuggests() {
        var keymap = Self.keymap()
        let before = keymap
        let error = Support.error { () throws(ConfigurationError) in
            try ConfigurationFile.applyKeyOverrides([KeyOverride(command: "plans", keys: [.function(2)], line: 2),
                                                     KeyOverride(command: "plan", keys: [.function(5)], line: 3)],
                                                    to: &keymap, file: "/c.yaml")
        }
        #expect(error?.line == 3)
        #expect(error?.problem.contains("there is no command called \"plan\" (did you mean \"plans\"?)") == true)
        #expect(keymap == before, "nothing is applied when one override is wrong")
    }

    @Test func clashNamesTheLineAndTheOtherCommand() {
        var keymap = Self.keymap()
        let error = Support.error { () throws(ConfigurationError) in
            try ConfigurationFile.applyKeyOverrides([KeyOverride(command: "plans", keys: [.character("/")], line: 7)],
                                                    to: &keymap, file: "/c.yaml")
        }
        #expect(error?.line == 7)
        #expect(error?.problem.contains("/ is already used by search") == true, "\(String(describing: error))")
        #expect(error?.description.hasPrefix("/c.yaml, line 7: ") == true)
    }

    @Test func keysInScopesThatNeverMeetDoNotClash() throws {
        var keymap = Self.keymap()
        try ConfigurationFile.applyKeyOverrides([KeyOverride(command: "open", keys: [.tab], line: 2)],
                                                to: &keymap, file: "c")
        #expect(keymap.command(for: .tab, scopes: [.list]) == "open")
    }

    @Test func duplicateKeyAndEmptyListAreRefused() {
        var keymap = Self.keymap()
        let duplicate = Support.error { () throws(ConfigurationError) in
            try ConfigurationFile.applyKeyOverrides([KeyOverride(command: "plans", keys: [.function(2), .function(2)], line: 4)],
                                                    to: &keymap, file: "c")
        }
        #expect(duplicate?.line == 4)
        #expect(duplicate?.problem.contains("F2 is listed twice") == true)
        let empty = Support.error { () throws(ConfigurationError) in
            try ConfigurationFile.applyKeyOverrides([KeyOverride(command: "plans", keys: [], line: 5)],
                                                    to: &keymap, file: "c")
        }
        #expect(empty?.line == 5)
        #expect(empty?.problem.contains("at least one key") == true)
        let twice = Support.error { () throws(ConfigurationError) in
            try ConfigurationFile.applyKeyOverrides([KeyOverride(command: "plans", keys: [.function(2)], line: 5),
                                                     KeyOverride(command: "plans", keys: [.function(6)], line: 6)],
                                                    to: &keymap, file: "c")
        }
        #expect(twice?.line == 6)
    }
}
