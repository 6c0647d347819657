import Foundation

/// Where RecoveryDesk keeps its files, following the XDG base directory rules:
/// `$XDG_CONFIG_HOME` (else `~/.config`), `$XDG_DATA_HOME` (else `~/.local/share`) and
/// `$XDG_STATE_HOME` (else `~/.local/state`), each with a `recoverydesk` folder inside.
/// A variable that is empty or not an absolute path is ignored, as the rules say.
public struct AppPaths: Equatable, Sendable {
    /// `$XDG_CONFIG_HOME/recoverydesk`.
    public var configDirectory: URL
    /// `config.yaml` in the config folder.
    public var configFile: URL
    /// `themes` in the config folder: the user's own theme files.
    public var userThemesDirectory: URL
    /// `$XDG_DATA_HOME/recoverydesk`.
    public var dataDirectory: URL
    /// `recoverydesk.sqlite` in the data folder: the store used when none is named.
    public var defaultStore: URL
    /// `$XDG_STATE_HOME/recoverydesk`.
    public var stateDirectory: URL
    /// `recoverydesk.log` in the state folder.
    public var logFile: URL

    /// Works the paths out from environment variables (normally the process's own). Without
    /// `HOME` the user's home folder is asked of the system.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home: URL
        if let value = environment["HOME"], value.hasPrefix("/") {
            home = URL(fileURLWithPath: value, isDirectory: true)
        } else {
            home = URL(fileURLWithPath: NSHomeDirectory(), isDirectory: true)
        }
        func base(_ variable: String, _ fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") {
                return URL(fileURLWithPath: value, isDirectory: true)
            }
            return home.appendingPathComponent(fallback, isDirectory: true)
        }
        configDirectory = base("XDG_CONFIG_HOME", ".config").appendingPathComponent("recoverydesk", isDirectory: true)
        configFile = configDirectory.appendingPathComponent("config.yaml")
        userThemesDirectory = configDirectory.appendingPathComponent("themes", isDirectory: true)
        dataDirectory = base("XDG_DATA_HOME", ".local/share").appendingPathComponent("recoverydesk", isDirectory: true)
        defaultStore = dataDirectory.appendingPathComponent("recoverydesk.sqlite")
        stateDirectory = base("XDG_STATE_HOME", ".local/state").appendingPathComponent("recoverydesk", isDirectory: true)
        logFile = stateDirectory.appendingPathComponent("recoverydesk.log")
    }
}
