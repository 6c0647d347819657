import Foundation
import RecoveryApp
import Testing
import TUI

@Suite("Theme files")
struct ThemeFileTests {
    typealias Support = ConfigurationTestSupport

    @Test("every built-in theme reads and styles every role", arguments: ConfigurationTestSupport.builtinNames)
    func builtinThemeParses(name: String) throws {
        let theme = try ThemeFile.parse(Support.builtinText(name), file: "\(name).yaml")
        #expect(theme.name == name)
        for role in StyleRole.allCases {
            #expect(theme.styles[role] != nil, "\(name).yaml leaves out \(role.rawValue)")
        }
    }

    @Test func builtinFolderHoldsExactlyTheBuiltinThemes() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Support.themesDirectory.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files == Support.builtinNames.map { $0 + ".yaml" }.sorted())
    }

    @Test func colourBlindThemeNeverUsesPureRedOrGreenForRAG() throws {
        let theme = try ThemeFile.parse(Support.builtinText("colour-blind"), file: "colour-blind.yaml")
        let forbidden: Set<UInt8> = [1, 9, 196, 2, 10, 46]
        for role in [StyleRole.red, .amber, .green, .error, .warning, .ok] {
            let style = theme[role]
            for colour in [style.foreground, style.background] {
                if case .indexed(let index) = colour {
                    #expect(!forbidden.contains(index), "\(role.rawValue) uses palette colour \(index)")
                }
            }
        }
        // Red, amber and green must differ by more than hue alone.
        #expect(Set([theme[.red], theme[.amber], theme[.green]]).count == 3)
        #expect(theme[.red].attributes.contains(.bold) || theme[.red].background != .terminalDefault)
    }

    @Test func monochromeFileMatchesTheThemeInCode() throws {
        let theme = try ThemeFile.parse(Support.builtinText("monochrome"), file: "monochrome.yaml")
        #expect(theme.isMonochrome)
        for role in StyleRole.allCases {
            #expect(theme[role] == Theme.monochrome[role], "monochrome differs for \(role.rawValue)")
        }
    }

    @Test func readsColoursAttributesAndFallsBackToNormal() throws {
        let theme = try ThemeFile.parse("""
            # a test theme
            name: mine
            roles:
              normal:   { fg: default, bg: default }
              selected: { fg: black, bg: 208, attrs: [bold, Underline] }
              muted:
                fg: bright-black
                attrs: dim
            """, file: "mine.yaml")
        #expect(theme.name == "mine")
        #expect(theme[.selected] == Style(foreground: .indexed(0), background: .indexed(208), attributes: [.bold, .underline]))
        #expect(theme[.muted] == Style(foreground: .indexed(8), attributes: .dim))
        #expect(theme[.title] == theme[.normal])
    }

    @Test func nameDefaultsToTheFileName() throws {
        let theme = try ThemeFile.parse("roles:\n  normal: {}\n", file: "/tmp/themes/quiet.yaml")
        #expect(theme.name == "quiet")
    }

    struct Bad: Sendable, CustomStringConvertible {
        var text: String
        var line: Int?
        var words: [String]
        var description: String { words.joined(separator: " ") }
    }

    static let badThemes: [Bad] = [
        Bad(text: "", line: nil, words: ["empty"]),
        Bad(text: "# only a comment\n", line: nil, words: ["empty"]),
        Bad(text: "name: x\nroles:\n  normal: { fg: red\n", line: 4, words: ["not closed"]),
        Bad(text: "name: x\nroles: [normal, muted\n", line: 3, words: ["not closed"]),
        Bad(text: "name: x\nroles:\n  normal: {fg: red}\n selected: {fg: red}\n", line: 4, words: ["line up"]),
        Bad(text: "name: x\nroles:\n\tnormal: {fg: red}\n", line: 3, words: ["tab", "spaces"]),
        Bad(text: "- normal\n- muted\n", line: 1, words: ["starts with a list"]),
        Bad(text: "just some words\n", line: 1, words: ["starts with a single value"]),
        Bad(text: "name: x\ncolours:\n  normal: {}\n", line: 2, words: ["\"colours\" is not a theme setting"]),
        Bad(text: "name: x\nrole:\n  normal: {}\n", line: 2, words: ["did you mean \"roles\"?"]),
        Bad(text: "name: x\nroles:\n  normal: {}\n  shiny: {fg: red}\n", line: 4, words: ["\"shiny\" is not a role", "key-bar"]),
        Bad(text: "name: x\nroles:\n  normal: {}\n  keybar: {fg: red}\n", line: 4, words: ["did you mean \"key-bar\"?"]),
        Bad(text: "name: x\nroles:\n  normal: {}\n  muted: {}\n  muted: {fg: red}\n", line: 4, words: ["more than once"]),
        Bad(text: "name: x\nroles:\n  normal: {}\n  muted: {}\n  Muted: {fg: red}\n", line: 5, words: ["muted is given twice", "line 4"]),
        Bad(text: "name: x\nroles:\n  normal: {}\n  error: { fg: blue-ish }\n", line: 4,
            words: ["\"blue-ish\" is not a colour; use default, a colour name such as red or bright-blue, or a number 0-255"]),
        Bad(text: "name: x\nroles:\n  normal: {}\n  error: { bg: 256 }\n", line: 4, words: ["\"256\" is not a colour"]),
        Bad(text: "name: x\nroles:\n  normal: {}\n  error:\n    fg: [red]\n", line: 5, words: ["must be one colour, not a list"]),
        Bad(text: "name: x\nroles:\n  normal: {}\n  error: { fg: }\n", line: 4, words: ["text colour (fg) is missing"]),
        Bad(text: "name: x\nroles:\n  normal: {}\n  error: { attrs: [bold, blink] }\n", line: 4, words: ["\"blink\" is not an attribute", "underline"]),
        Bad(text: "name: x\nroles:\n  normal: {}\n  error: { attrs: { bold: true } }\n", line: 4, words: ["attrs must be a list"]),
        Bad(text: "name: x\nroles:\n  normal: {}\n  error: { colour: red }\n", line: 4, words: ["\"colour\" is not part of a role"]),
        Bad(text: "name: x\nroles:\n  normal: {}\n  error: red\n", line: 4, words: ["error needs fg, bg or attrs", "not a single value"]),
        Bad(text: "name: x\nroles:\n  normal: {}\n  error: [red]\n", line: 4, words: ["not a list"]),
        Bad(text: "name: x\nroles: normal\n", line: 2, words: ["roles must list each role"]),
        Bad(text: "name: [a, b]\nroles:\n  normal: {}\n", line: 1, words: ["theme name"]),
        Bad(text: "name: x\nroles:\n  muted: { attrs: [dim] }\n", line: 2, words: ["no style for normal"]),
        Bad(text: "name: x\n", line: nil, words: ["no roles section"]),
        Bad(text: "name: x\nroles:\n  normal: *nothing\n", line: 3, words: ["not marked"]),
        Bad(text: "name: x\n---\nname: y\n", line: 2, words: ["more than one document"]),
        Bad(text: "name: x\nroles:\n  normal: {}\n  muted: { fg: \"a\0b\" }\n", line: 4, words: ["NUL"]),
    ]

    @Test("a mistake in a theme names the line and says what is wrong", arguments: ThemeFileTests.badThemes)
    func badThemeIsRefused(_ bad: Bad) {
        let error = Support.error { () throws(ConfigurationError) in try ThemeFile.parse(bad.text, file: "/t/x.yaml") }
        guard let error else {
            Issue.record("accepted: \(bad.text)")
            return
        }
        #expect(error.file == "/t/x.yaml")
        #expect(error.line == bad.line, "\(error)")
        for words in bad.words {
            #expect(error.problem.contains(words), "\(error)")
        }
    }

    @Test func anchorsAndRepeatsAreAllowedInModeration() throws {
        let theme = try ThemeFile.parse("""
            roles:
              normal: { fg: default, bg: default }
              error: &alert { fg: bright-red, attrs: [bold] }
              red: *alert
            """, file: "a.yaml")
        #expect(theme[.red] == theme[.error])
    }

    @Test func invalidUTF8IsRefusedWithItsLine() {
        var data = Data("name: x\nroles:\n".utf8)
        data.append(contentsOf: [0x20, 0x20, 0xFF, 0xFE, 0x0A])
        let error = Support.error { () throws(ConfigurationError) in try ThemeFile.parse(data, file: "x.yaml") }
        #expect(error?.line == 3)
        #expect(error?.problem.contains("not plain text") == true)
    }

    @Test func errorDescriptionNamesFileAndLine() {
        let error = ConfigurationError(file: "/home/x/.config/recoverydesk/config.yaml", line: 4, problem: "it is wrong")
        #expect(error.description == "/home/x/.config/recoverydesk/config.yaml, line 4: it is wrong")
        #expect(ConfigurationError(file: "/a", problem: "b").description == "/a: b")
    }
}
