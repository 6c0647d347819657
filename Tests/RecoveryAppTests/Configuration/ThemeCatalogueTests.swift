import Foundation
import RecoveryApp
import Testing
import TUI

@Suite("Choosing a theme")
struct ThemeCatalogueTests {
    typealias Support = ConfigurationTestSupport

    @Test func listsBuiltinThenUserThemes() throws {
        let user = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: user) }
        try "roles:\n  normal: {}\n".write(to: user.appendingPathComponent("calm.yaml"), atomically: true, encoding: .utf8)
        try "roles:\n  normal: {}\n".write(to: user.appendingPathComponent("light.yaml"), atomically: true, encoding: .utf8)
        try "not a theme".write(to: user.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let catalogue = ThemeCatalogue(builtinDirectory: Support.themesDirectory, userDirectory: user)
        #expect(catalogue.availableNames() == Support.builtinNames + ["calm"])
    }

    @Test func userThemeOverridesBuiltinOfTheSameName() throws {
        let user = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: user) }
        try "name: my-light\nroles:\n  normal: { fg: blue }\n"
            .write(to: user.appendingPathComponent("light.yaml"), atomically: true, encoding: .utf8)
        let catalogue = ThemeCatalogue(builtinDirectory: Support.themesDirectory, userDirectory: user)
        #expect(try catalogue.load("light").name == "my-light")
        #expect(try catalogue.load("default").name == "default")
    }

    @Test func loadsEveryBuiltinByName() throws {
        let catalogue = ThemeCatalogue(builtinDirectory: Support.themesDirectory,
                                       userDirectory: URL(fileURLWithPath: "/nonexistent/themes"))
        for name in Support.builtinNames {
            let theme = try catalogue.load(name)
            #expect(theme.name == name)
            #expect(theme.styles.count == StyleRole.allCases.count)
        }
    }

    @Test func valueWithSlashOrYamlIsAPath() throws {
        let folder = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("mine.yaml")
        try "name: mine\nroles:\n  normal: { fg: 33 }\n".write(to: file, atomically: true, encoding: .utf8)
        let catalogue = ThemeCatalogue(builtinDirectory: nil, userDirectory: folder)
        #expect(try catalogue.load(file.path)[.normal].foreground == .indexed(33))
        let missing = Support.error { () throws(ConfigurationError) in try catalogue.load(folder.path + "/gone.yaml") }
        #expect(missing?.file == folder.path + "/gone.yaml")
        #expect(missing?.problem.contains("no theme file") == true)
        let relative = Support.error { () throws(ConfigurationError) in try catalogue.load("nowhere-at-all.yaml") }
        #expect(relative?.problem.contains("no theme file") == true)
    }

    @Test func mistakeInAThemeFileNamesThatFile() throws {
        let user = try Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: user) }
        let file = user.appendingPathComponent("bad.yaml")
        try "roles:\n  normal: { fg: purple-ish }\n".write(to: file, atomically: true, encoding: .utf8)
        let catalogue = ThemeCatalogue(builtinDirectory: Support.themesDirectory, userDirectory: user)
        let error = Support.error { () throws(ConfigurationError) in try catalogue.load("bad") }
        #expect(error?.file == file.path)
        #expect(error?.line == 2)
    }

    @Test func unknownNameListsTheAvailableThemes() {
        let catalogue = ThemeCatalogue(builtinDirectory: Support.themesDirectory,
                                       userDirectory: URL(fileURLWithPath: "/nonexistent/themes"))
        let error = Support.error { () throws(ConfigurationError) in try catalogue.load("hi-contrast") }
        #expect(error?.problem.contains("there is no theme called \"hi-contrast\"") == true)
        #expect(error?.problem.contains("did you mean \"high-contrast\"?") == true)
        #expect(error?.problem.contains("default, light, high-contrast, colour-blind, monochrome") == true)
    }

    @Test func missingBuiltinBundleStillOffersMonochrome() throws {
        let catalogue = ThemeCatalogue(builtinDirectory: nil, userDirectory: URL(fileURLWithPath: "/nonexistent/themes"))
        #expect(catalogue.availableNames() == ["monochrome"])
        #expect(try catalogue.load("monochrome") == Theme.monochrome)
        let error = Support.error { () throws(ConfigurationError) in try catalogue.load("default") }
        #expect(error?.problem.contains("built-in themes are missing") == true)
        #expect(error?.problem.contains("--theme monochrome") == true)
    }

    @Test func noColourForcesMonochrome() {
        #expect(ThemeChoice.resolve(commandLine: "light", configuration: "default", environment: ["NO_COLOR": "1"]) == "monochrome")
        #expect(ThemeChoice.resolve(commandLine: "light", configuration: "default", environment: ["NO_COLOR": ""]) == "light")
        #expect(ThemeChoice.resolve(commandLine: nil, configuration: "high-contrast", environment: [:]) == "high-contrast")
        #expect(ThemeChoice.resolve(commandLine: nil, configuration: nil, environment: [:]) == "default")
    }
}
