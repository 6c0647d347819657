import Foundation
import Logging
import TUI

/// The outside world the run loop reaches when an effect asks: theme files and the
/// configuration file. A protocol so tests can give a temporary folder or a fake.
public protocol AppServices: Sendable {
    /// Reads a theme by name or path, or says in words why it cannot.
    func loadTheme(_ nameOrPath: String) -> Result<Theme, ConfigurationError>
    /// Writes the configuration file.
    func saveConfiguration(_ configuration: UserConfiguration) -> Result<UserConfiguration, ConfigurationError>
}

/// The real services: themes from the built-in bundle and the user's folder, settings in the
/// user's configuration folder.
public struct LiveServices: AppServices {
    public let catalogue: ThemeCatalogue
    public let paths: AppPaths
    /// `NO_COLOR` or a terminal without colour: every theme is shown as monochrome.
    public let forceMonochrome: Bool

    public init(catalogue: ThemeCatalogue, paths: AppPaths, forceMonochrome: Bool) {
        self.catalogue = catalogue
        self.paths = paths
        self.forceMonochrome = forceMonochrome
    }

    public func loadTheme(_ nameOrPath: String) -> Result<Theme, ConfigurationError> {
        do {
            // Under NO_COLOR (or without colours) every choice is shown in monochrome.
            return .success(try catalogue.load(forceMonochrome ? "monochrome" : nameOrPath))
        } catch {
            return .failure(error)
        }
    }

    public func saveConfiguration(_ configuration: UserConfiguration) -> Result<UserConfiguration, ConfigurationError> {
        do {
            try ConfigurationFile.save(configuration, to: paths.configFile)
            return .success(configuration)
        } catch {
            return .failure(error)
        }
    }
}
