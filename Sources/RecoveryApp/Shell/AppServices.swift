import Foundation
import Logging
import RecoveryModel
import RecoveryServices
import TUI

/// The outside world the run loop reaches when an effect asks: theme files, the configuration
/// file and the store's services. A protocol so tests can give a temporary folder or a fake.
public protocol AppServices: Sendable {
    /// Reads a theme by name or path, or says in words why it cannot.
    func loadTheme(_ nameOrPath: String) -> Result<Theme, ConfigurationError>
    /// Writes the configuration file.
    func saveConfiguration(_ configuration: UserConfiguration) -> Result<UserConfiguration, ConfigurationError>
    /// The use cases on the open store, or nil before one is open.
    var recovery: RecoveryServices? { get }
    /// Runs a screen's task (on the worker, never the input loop).
    func run(_ request: TaskRequest, now: Date) -> TaskReply
}

extension AppServices {
    public func run(_ request: TaskRequest, now: Date) -> TaskReply {
        guard let recovery else { return request.refuse(.unusableStore("No store is open.")) }
        return request.run(recovery, at: now)
    }
}

/// The real services: themes from the built-in bundle and the user's folder, settings in the
/// user's configuration folder.
public struct LiveServices: AppServices {
    public let catalogue: ThemeCatalogue
    public let paths: AppPaths
    /// `NO_COLOR` or a terminal without colour: every theme is shown as monochrome.
    public let forceMonochrome: Bool
    public let recovery: RecoveryServices?

    public init(catalogue: ThemeCatalogue, paths: AppPaths, forceMonochrome: Bool, store: (any RecoveryDataStore)? = nil,
                workingDays: WorkingDays = .weekendsOnly) {
        self.catalogue = catalogue
        self.paths = paths
        self.forceMonochrome = forceMonochrome
        self.recovery = store.map { RecoveryServices(store: $0, workingDays: workingDays) }
    }

    /// The same services with an open store.
    public func attaching(_ store: any RecoveryDataStore, workingDays: WorkingDays) -> LiveServices {
        LiveServices(catalogue: catalogue, paths: paths, forceMonochrome: forceMonochrome, store: store,
                     workingDays: workingDays)
    }

    /// The same services showing every theme in monochrome.
    public func monochrome() -> LiveServices {
        LiveServices(catalogue: catalogue, paths: paths, forceMonochrome: true, store: recovery?.store,
                     workingDays: recovery?.workingDays ?? .weekendsOnly)
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
