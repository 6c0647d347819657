import BuiltinThemes
import Foundation
import PlanLibrary
import RecoveryModel
import TUI

/// Everything the app needs before the screen starts: paths, configuration, theme and keymap.
/// Done before curses takes the terminal, so a bad file is reported as plain text with a
/// non-zero exit instead of a broken screen.
public struct AppLauncher {
    /// What the command line asked for.
    public struct Options: Sendable {
        public var storePath: String?
        /// Open the demo store (made on first use) unless `storePath` names another.
        public var demo: Bool
        public var theme: String?
        public var mouse: Bool
        public init(storePath: String? = nil, theme: String? = nil, mouse: Bool = false, demo: Bool = false) {
            self.storePath = storePath
            self.demo = demo
            self.theme = theme
            self.mouse = mouse
        }
    }

    /// The prepared pieces.
    public struct Prepared: Sendable {
        public var environment: AppEnvironment
        public var theme: Theme
        public var keymap: Keymap
        public var mouse: Bool
        public var services: LiveServices
    }

    /// Reads configuration and theme. `environment` is the process environment (for XDG paths
    /// and `NO_COLOR`).
    public static func prepare(options: Options, environment: [String: String]) throws(ConfigurationError) -> Prepared {
        let paths = AppPaths(environment: environment)
        let configuration = try ConfigurationFile.load(from: paths.configFile)
        var keymap = DefaultKeymap.keymap
        try ConfigurationFile.applyKeyOverrides(configuration.keyOverrides, to: &keymap, file: paths.configFile.path)
        let catalogue = ThemeCatalogue(builtinDirectory: BuiltinThemes.directory, userDirectory: paths.userThemesDirectory)
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
        let services = LiveServices(catalogue: catalogue, paths: paths, forceMonochrome: noColour)
        let themeName = ThemeChoice.resolve(commandLine: options.theme, configuration: configuration.theme,
                                            environment: environment)
        let theme = try services.loadTheme(themeName).get()
        let storePath = options.storePath ?? (options.demo ? demoStore(paths: paths).path : paths.defaultStore.path)
        let (templates, workingDays) = try loadLibrary(paths: paths)
        let appEnvironment = AppEnvironment(
            version: RecoveryDeskVersion.current, paths: paths, storePath: storePath,
            themeNames: catalogue.availableNames(), configuration: configuration, themeOverride: options.theme,
            templates: templates, workingDays: workingDays)
        return Prepared(environment: appEnvironment, theme: theme, keymap: keymap,
                        mouse: options.mouse || configuration.mouse, services: services)
    }

    /// Where `--demo` keeps its store.
    public static func demoStore(paths: AppPaths) -> URL {
        paths.dataDirectory.appendingPathComponent("demo.sqlite")
    }

    /// The user's bank holiday table, if they keep one: it replaces the built-in table.
    public static func bankHolidayOverride(paths: AppPaths) -> URL {
        paths.configDirectory.appendingPathComponent("bank-holidays.txt")
    }

    /// The built-in plan templates and the working-day calendar; a broken file is refused like a
    /// broken settings file.
    static func loadLibrary(paths: AppPaths) throws(ConfigurationError) -> ([PlanTemplate], WorkingDays) {
        let templates: [PlanTemplate]
        do {
            templates = try PlanTemplateLibrary.builtin()
        } catch {
            throw ConfigurationError(file: error.file, line: error.line, problem: error.problem)
        }
        let override = bankHolidayOverride(paths: paths)
        do {
            let holidays = try BankHolidayFile.resolve(userOverride: override)
            return (templates, WorkingDays(holidays: holidays))
        } catch let error as BankHolidayFile.LoadError {
            if case .invalid(let path, let problem) = error {
                throw ConfigurationError(file: path, line: problem.line, problem: problem.problem)
            }
            throw ConfigurationError(file: override.path, problem: error.description)
        } catch {
            throw ConfigurationError(file: override.path, problem: "\(error)")
        }
    }
}
