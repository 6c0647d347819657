import BuiltinThemes
import Foundation
import TUI

/// The themes a user can choose: the built-in ones plus their own `*.yaml` files in the user
/// themes folder. A user theme with a built-in theme's name replaces it.
public struct ThemeCatalogue: Sendable {
    /// The folder of built-in theme files, or nil when the resource bundle is missing.
    public var builtinDirectory: URL?
    /// The user's own themes folder, normally `~/.config/recoverydesk/themes`.
    public var userDirectory: URL

    public init(builtinDirectory: URL?, userDirectory: URL) {
        self.builtinDirectory = builtinDirectory
        self.userDirectory = userDirectory
    }

    /// The built-in themes shipped with the app and the user's themes folder from `paths`.
    public init(paths: AppPaths) {
        self.init(builtinDirectory: BuiltinThemes.directory, userDirectory: paths.userThemesDirectory)
    }

    /// Every theme name that `load` accepts: built-in themes in their usual order, then the
    /// user's own in alphabetical order. Monochrome is always there, as it is kept in code too.
    public func availableNames() -> [String] {
        var names = BuiltinThemes.names.filter { $0 == "monochrome" || builtinFile(named: $0) != nil }
        let extraBuiltins = yamlNames(in: builtinDirectory).filter { !names.contains($0) }
        names += extraBuiltins
        names += yamlNames(in: userDirectory).filter { !names.contains($0) }
        return names
    }

    /// Loads a theme by name or path. A value containing "/" or ending in ".yaml" is a path (a
    /// leading "~/" means the home folder); anything else is a name, looked up among the user's
    /// themes first and then the built-in ones.
    public func load(_ nameOrPath: String) throws(ConfigurationError) -> Theme {
        let value = nameOrPath.trimmingCharacters(in: .whitespaces)
        if value.contains("/") || value.lowercased().hasSuffix(".yaml") {
            return try loadFile(at: expandingHome(value), missing: "there is no theme file here; check the path")
        }
        guard !value.isEmpty else {
            throw ConfigurationError(file: userDirectory.path, problem:
                "no theme name was given; the themes available are " + availableNames().joined(separator: ", "))
        }
        let userFile = userDirectory.appendingPathComponent(value + ".yaml")
        if FileManager.default.fileExists(atPath: userFile.path) {
            return try loadFile(at: userFile, missing: "the theme file has gone")
        }
        if let builtin = builtinFile(named: value) {
            return try loadFile(at: builtin, missing: "the theme file has gone")
        }
        if value == "monochrome" { return Theme.monochrome }
        if builtinDirectory == nil, BuiltinThemes.names.contains(value) {
            throw ConfigurationError(file: userDirectory.path, problem:
                "the built-in theme \(value) cannot be found, because the built-in themes are missing from "
                + "this installation (the folder RecoveryDesk_BuiltinThemes.resources should be beside the "
                + "recoverydesk program); use --theme monochrome, or put a theme file called \(value).yaml in this folder")
        }
        throw ConfigurationError(file: userDirectory.path, problem:
            "there is no theme called \"\(value)\"" + NameSuggestion.hint(for: value, in: availableNames())
            + "; the themes available are " + availableNames().joined(separator: ", "))
    }

    // MARK: - Files

    private func builtinFile(named name: String) -> URL? {
        guard let builtinDirectory else { return nil }
        let url = builtinDirectory.appendingPathComponent(name + ".yaml")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    private func yamlNames(in directory: URL?) -> [String] {
        guard let directory,
              let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return entries.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") && $0.count > 5 }
            .map { String($0.dropLast(5)) }
            .sorted()
    }

    private func loadFile(at url: URL, missing: String) throws(ConfigurationError) -> Theme {
        guard let data = try SafeYAML.read(url) else {
            throw ConfigurationError(file: url.path, problem: missing)
        }
        return try ThemeFile.parse(data, file: url.path)
    }

    private func expandingHome(_ path: String) -> URL {
        if path == "~" || path.hasPrefix("~/") {
            return URL(fileURLWithPath: NSHomeDirectory() + path.dropFirst())
        }
        return URL(fileURLWithPath: path)
    }
}
