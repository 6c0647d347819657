import Foundation
import RecoveryApp
import Testing
import TUI

@Suite struct DefaultKeymapTests {
    let keymap = DefaultKeymap.keymap

    @Test func noTwoBindingsClash() {
        #expect(keymap.clashes().isEmpty, "\(keymap.clashes())")
    }

    @Test func everyScreensCommandsAreScopedToItsOwnIDAndInTheKeymap() {
        var ids: Set<String> = []
        for screen in ScreenCatalogue.screens {
            #expect(ids.insert(screen.screenID).inserted, "two screens share the id \(screen.screenID)")
            for binding in screen.commands {
                #expect(binding.scope == .screen(screen.screenID), "\(binding.command) of \(screen)")
                #expect(keymap.binding(for: binding.command) != nil, "\(binding.command) is not in the keymap")
            }
        }
        // The screens' own commands are most of the table: none is written by hand in it.
        #expect(ScreenCatalogue.bindings.count > 30)
    }

    @Test func commandNamesAreUnique() {
        let names = keymap.bindings.map(\.command.rawValue)
        #expect(Set(names).count == names.count)
    }

    @Test func keyBarFitsAtEightyColumnsWithEveryLabel() {
        let state = ShellTestSupport.state()
        let items = state.keyBarBindings.map { KeyBarItem(key: $0.keys[0].name, label: $0.label) }
        #expect(items.count == 9)
        #expect(KeyBar.requiredWidth(items) <= 80)
        let bottom = AppView.render(state).line(23)
        for binding in state.keyBarBindings {
            #expect(bottom.contains(binding.keys[0].name + binding.label), "\(binding.label) missing from: \(bottom)")
        }
    }

    @Test func sectionsSitOnTheirFunctionKeysAndDigits() {
        let expected: [(Int, CommandID)] = [
            (1, AppCommand.help), (2, AppCommand.dashboard), (3, AppCommand.plans), (4, AppCommand.marChecks),
            (5, AppCommand.observations), (6, AppCommand.escalations), (9, AppCommand.admin), (10, AppCommand.quit),
        ]
        for (number, command) in expected {
            #expect(keymap.command(for: .function(number), scopes: [.global]) == command)
            if number <= 6 {
                #expect(keymap.command(for: .character(Character(String(number))), scopes: [.global]) == command)
            }
        }
    }

    @Test func printableKeysAreTypedNotRunWhileTyping() {
        #expect(keymap.command(for: .character("3"), scopes: [.form, .global], typing: true) == nil)
        #expect(keymap.command(for: .character("q"), scopes: [.form, .global], typing: true) == nil)
        #expect(keymap.command(for: .function(3), scopes: [.form, .global], typing: true) == AppCommand.plans)
        #expect(keymap.command(for: .escape, scopes: [.form, .global], typing: true) == AppCommand.back)
    }

    @Test(arguments: ["dashboard", "admin", "preferences", "themes", "staff"])
    func helpListsEveryBindingOfTheScreenAndEveryGlobalOne(screen: String) {
        var state = ShellTestSupport.state()
        switch screen {
        case "admin": _ = state.run(AppCommand.admin)
        case "preferences", "themes", "staff":
            _ = state.run(AppCommand.admin)
            let target = ["staff": 1, "preferences": 4, "themes": 5][screen] ?? 0
            for _ in 0..<target { _ = state.run(AppCommand.down) }
            _ = state.run(AppCommand.open)
        default: break
        }
        #expect(state.current.id == screen)
        let scopes = state.current.scopes
        _ = state.run(AppCommand.help)
        guard let help = state.current as? HelpScreen else {
            Issue.record("help did not open")
            return
        }
        let rows = (0..<help.searchRows.rowCount).map { help.searchRows.cells(at: $0) }
        for binding in keymap.bindings(in: scopes + [.global]) {
            #expect(rows.contains { $0[0] == binding.keyNames && $0[1] == binding.help },
                    "help for \(screen) lacks \(binding.command)")
        }
    }

    @Test func keysDocumentNamesEveryCommand() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/keys.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for binding in keymap.bindings {
            #expect(text.contains("`\(binding.command.rawValue)`"), "docs/keys.md does not mention \(binding.command)")
        }
    }
}
