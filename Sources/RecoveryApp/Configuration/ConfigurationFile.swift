import Foundation
import TUI
import Yams

/// Reads and writes the user's settings file, `config.yaml`:
///
/// ```yaml
/// theme: default            # a theme name or a path
/// idle-lock-minutes: 5      # whole minutes, 1 to 240
/// mouse: false
/// keys:                     # command name: a key or a list of keys
///   plans: [F3, P]
///   quit: F10
/// ```
///
/// See docs/configuration.md.
public enum ConfigurationFile {
    /// The settings the file may have.
    public static let settingNames = ["theme", "idle-lock-minutes", "late-entry-hours", "mouse", "keys"]

    /// Reads the settings at `url`. A missing file gives the defaults; a file that exists but
    /// cannot be read, or has a mistake in it, is an error.
    public static func load(from url: URL) throws(ConfigurationError) -> UserConfiguration {
        guard let data = try SafeYAML.read(url) else { return UserConfiguration() }
        return try parse(data, file: url.path)
    }

    /// Reads settings from file contents, checking that they are UTF-8 text first.
    public static func parse(_ data: Data, file: String) throws(ConfigurationError) -> UserConfiguration {
        try parse(SafeYAML.text(from: data, file: file), file: file)
    }

    /// Reads settings from the text of a settings file. `file` is the path used in messages.
    /// An empty file, or one with only comments, gives the defaults.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> UserConfiguration {
        var configuration = UserConfiguration()
        guard let root = try SafeYAML.compose(text, file: file) else { return configuration }
        if case .scalar(let scalar) = root, SafeYAML.isNull(scalar) { return configuration }
        guard case .mapping(let top) = root else {
            throw ConfigurationError(file: file, line: SafeYAML.line(of: root), problem:
                "the settings file must list settings such as \"theme: default\", one to a line, "
                + "but this one starts with \(SafeYAML.kind(of: root))")
        }
        for (keyNode, value) in top {
            let name = try ThemeFile.settingName(keyNode, file: file)
            let keyLine = SafeYAML.line(of: keyNode)
            let line = SafeYAML.line(of: value) ?? keyLine
            switch name {
            case "theme":
                guard case .scalar(let scalar) = value, !SafeYAML.isNull(scalar), !scalar.string.isEmpty else {
                    throw ConfigurationError(file: file, line: line, problem:
                        "theme needs a theme name such as default or high-contrast, or the path to a theme file")
                }
                configuration.theme = scalar.string
            case "idle-lock-minutes":
                configuration.idleLockMinutes = try wholeNumber(value, setting: name, unit: "minutes",
                                                                range: UserConfiguration.idleLockRange, line: line, file: file)
            case "late-entry-hours":
                configuration.lateEntryHours = try wholeNumber(value, setting: name, unit: "hours",
                                                               range: UserConfiguration.lateEntryRange, line: line, file: file)
            case "mouse":
                configuration.mouse = try yesNo(value, setting: name, line: line, file: file)
            case "keys":
                configuration.keyOverrides = try keyOverrides(value, keyLine: keyLine, file: file)
            default:
                throw ConfigurationError(file: file, line: keyLine, problem:
                    "\(SafeYAML.shown(name)) is not a setting" + NameSuggestion.hint(for: name, in: settingNames)
                    + "; the settings are " + settingNames.joined(separator: ", "))
            }
        }
        return configuration
    }

    // MARK: - Values

    private static func wholeNumber(_ node: Node, setting: String, unit: String, range: ClosedRange<Int>,
                                    line: Int?, file: String) throws(ConfigurationError) -> Int {
        let advice = "give whole \(unit) from \(range.lowerBound) to \(range.upperBound)"
        guard case .scalar(let scalar) = node, !SafeYAML.isNull(scalar) else {
            throw ConfigurationError(file: file, line: line, problem:
                "\(setting) needs a number; \(advice)")
        }
        let written = scalar.string.trimmingCharacters(in: .whitespaces)
        let digits = written.hasPrefix("+") || written.hasPrefix("-") ? String(written.dropFirst()) : written
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            if Double(written) != nil {
                throw ConfigurationError(file: file, line: line, problem:
                    "\(setting) must be a whole number, not \(SafeYAML.shown(written)); \(advice)")
            }
            throw ConfigurationError(file: file, line: line, problem:
                "\(setting) must be a number, not \(SafeYAML.shown(written)); \(advice)")
        }
        guard !written.hasPrefix("-"), let value = Int(digits), range.contains(value) else {
            throw ConfigurationError(file: file, line: line, problem:
                "\(setting) is \(written.count > 12 ? (written.hasPrefix("-") ? "far too small" : "far too large") : written), "
                + "which is outside the allowed range; \(advice)")
        }
        return value
    }

    private static func yesNo(_ node: Node, setting: String, line: Int?, file: String) throws(ConfigurationError) -> Bool {
        if case .scalar(let scalar) = node {
            switch scalar.string.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        let shown: String
        if case .scalar(let scalar) = node { shown = SafeYAML.shown(scalar.string) } else { shown = SafeYAML.kind(of: node) }
        throw ConfigurationError(file: file, line: line, problem: "\(setting) must be true or false, not \(shown)")
    }

    private static func keyOverrides(_ node: Node, keyLine: Int?, file: String) throws(ConfigurationError) -> [KeyOverride] {
        if case .scalar(let scalar) = node, SafeYAML.isNull(scalar) { return [] }
        guard case .mapping(let mapping) = node else {
            throw ConfigurationError(file: file, line: SafeYAML.line(of: node) ?? keyLine, problem:
                "keys must list one command to a line, such as \"plans: [F3, P]\", not \(SafeYAML.kind(of: node))")
        }
        var overrides: [KeyOverride] = []
        for (commandNode, value) in mapping {
            let command = try ThemeFile.settingName(commandNode, file: file)
            let line = SafeYAML.line(of: commandNode) ?? keyLine ?? 0
            let items: [Node]
            switch value {
            case .sequence(let sequence): items = Array(sequence)
            case .scalar(let scalar) where !SafeYAML.isNull(scalar): items = [value]
            case .scalar: items = []
            default:
                throw ConfigurationError(file: file, line: line, problem:
                    "the keys for \(command) must be a key such as F3 or a list such as [F3, P], "
                    + "not \(SafeYAML.kind(of: value))")
            }
            guard !items.isEmpty else {
                throw ConfigurationError(file: file, line: line, problem:
                    "\(command) needs at least one key, such as F3 or [F3, P]")
            }
            var keys: [Key] = []
            for item in items {
                let itemLine = SafeYAML.line(of: item) ?? line
                guard case .scalar(let scalar) = item else {
                    throw ConfigurationError(file: file, line: itemLine, problem:
                        "each key for \(command) must be a single key name, not \(SafeYAML.kind(of: item))")
                }
                guard let key = Key(name: scalar.string) else {
                    throw ConfigurationError(file: file, line: itemLine, problem:
                        "\(SafeYAML.shown(scalar.string)) is not a key name; " + KeyNames.advice)
                }
                if keys.contains(key) {
                    throw ConfigurationError(file: file, line: itemLine, problem:
                        "\(key.name) is listed twice for \(command); list each key once")
                }
                keys.append(key)
            }
            overrides.append(KeyOverride(command: command, keys: keys, line: line))
        }
        return overrides
    }
}
