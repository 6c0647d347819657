import BuiltinThemes
import Foundation
import TUI

/// Everything the app needs before the screen starts: paths, configuration, theme and keymap.
/// Done before curses takes the terminal, so a bad file is reported as plain text with a
/// non-zero exit instead of a broken screen.
public struct AppLauncher {
    /// What the command line asked for.
    public struct Options: Sendable {
        public var storePath: String?
        public var theme: String?
        public var mouse: Bool
        public init(storePath: String? = nil, theme: String? = nil, mouse: Bool = false) {
            self.storePath = storePath
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
        let storePath = options.storePath ?? paths.defaultStore.path
        let appEnvironment = AppEnvironment(
            version: RecoveryDeskVersion.current, paths: paths, storePath: storePath,
            themeNames: catalogue.availableNames(), configuration: configuration, themeOverride: options.theme)
        return Prepared(environment: appEnvironment, theme: theme, keymap: keymap,
                        mouse: options.mouse || configuration.mouse, services: services)
    }
}
