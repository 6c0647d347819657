import Foundation
import RecoveryModel

/// Facts about this installation that screens show and the run loop needs: fixed for a run,
/// except the configuration, which the preferences screen can change.
public struct AppEnvironment: Sendable {
    /// RecoveryDesk's version, e.g. "0.1.0".
    public var version: String
    /// Where configuration, data and logs live (each store's backups sit beside it).
    public var paths: AppPaths
    /// The store this run uses (`--store`, or the default under the data folder).
    public var storePath: String
    /// Themes that can be chosen by name.
    public var themeNames: [String]
    /// The configuration as loaded (or last saved).
    public var configuration: UserConfiguration
    /// The theme chosen with `--theme`, which wins over the configuration for this run.
    public var themeOverride: String?
    /// The built-in plan templates.
    public var templates: [PlanTemplate]
    /// UK working days (England and Wales bank holidays), for deadlines and targets.
    public var workingDays: WorkingDays
    /// True for a demo store, whose sign-in screen says every PIN is 1234.
    public var isDemoStore = false

    public init(version: String, paths: AppPaths, storePath: String, themeNames: [String],
                configuration: UserConfiguration, themeOverride: String? = nil, templates: [PlanTemplate] = [],
                workingDays: WorkingDays = .weekendsOnly) {
        self.templates = templates
        self.workingDays = workingDays
        self.version = version
        self.paths = paths
        self.storePath = storePath
        self.themeNames = themeNames
        self.configuration = configuration
        self.themeOverride = themeOverride
    }
}
