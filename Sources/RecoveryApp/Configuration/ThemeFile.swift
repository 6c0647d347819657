import Foundation
import TUI
import Yams

/// Reads theme files: a name and a style (foreground, background, attributes) for each role.
///
/// ```yaml
/// # what this theme is for
/// name: default
/// roles:
///   normal:   { fg: default, bg: default }
///   selected: { fg: black, bg: cyan, attrs: [bold] }
/// ```
///
/// A role left out looks like `normal`, which must be present. See docs/themes.md.
public enum ThemeFile {
    /// The settings a theme file may have at its top level.
    public static let topLevelKeys = ["name", "roles"]
    /// The settings each role may have.
    public static let roleKeys = ["fg", "bg", "attrs"]

    static let colourAdvice = "use default, a colour name such as red or bright-blue, or a number 0-255"

    /// Reads a theme from file contents, checking that they are UTF-8 text first.
    public static func parse(_ data: Data, file: String) throws(ConfigurationError) -> Theme {
        try parse(SafeYAML.text(from: data, file: file), file: file)
    }

    /// Reads a theme from the text of a theme file. `file` is the path used in messages; when the
    /// file has no `name:` the theme is named after the file.
    public static func parse(_ text: String, file: String) throws(ConfigurationError) -> Theme {
        guard let root = try SafeYAML.compose(text, file: file) else {
            throw ConfigurationError(file: file, line: nil, problem:
                "the theme file is empty; it needs at least a roles section with a style for normal")
        }
        guard case .mapping(let top) = root else {
            throw ConfigurationError(file: file, line: SafeYAML.line(of: root), problem:
                "a theme file must start with settings such as \"name: my-theme\" and \"roles:\", "
                + "but this one starts with \(SafeYAML.kind(of: root))")
        }
        var name: String?
        var styles: [StyleRole: Style]?
        for (keyNode, value) in top {
            let key = try settingName(keyNode, file: file)
            switch key {
            case "name":
                guard case .scalar(let scalar) = value, !SafeYAML.isNull(scalar),
                      !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw ConfigurationError(file: file, line: SafeYAML.line(of: value) ?? SafeYAML.line(of: keyNode),
                                             problem: "the theme name must be a single word such as my-theme")
                }
                name = scalar.string.trimmingCharacters(in: .whitespaces)
            case "roles":
                styles = try roles(value, keyLine: SafeYAML.line(of: keyNode), file: file)
            default:
                throw ConfigurationError(file: file, line: SafeYAML.line(of: keyNode), problem:
                    "\(SafeYAML.shown(key)) is not a theme setting" + NameSuggestion.hint(for: key, in: topLevelKeys)
                    + "; a theme file has only name and roles")
            }
        }
        guard let styles else {
            throw ConfigurationError(file: file, line: nil, problem:
                "the theme has no roles section; add \"roles:\" with a style for normal at least")
        }
        let fallbackName = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return Theme(name: name ?? fallbackName, styles: styles)
    }

    /// The names of every role, as written in theme files.
    public static var roleNames: [String] { StyleRole.allCases.map(\.rawValue) }

    // MARK: - Pieces

    static func settingName(_ node: Node, file: String) throws(ConfigurationError) -> String {
        guard case .scalar(let scalar) = node, !SafeYAML.isNull(scalar) else {
            throw ConfigurationError(file: file, line: SafeYAML.line(of: node), problem:
                "a setting name must be a plain word before a colon, not \(SafeYAML.kind(of: node))")
        }
        return scalar.string
    }

    private static func roles(_ node: Node, keyLine: Int?, file: String) throws(ConfigurationError) -> [StyleRole: Style] {
        guard case .mapping(let mapping) = node else {
            throw ConfigurationError(file: file, line: SafeYAML.line(of: node) ?? keyLine, problem:
                "roles must list each role on its own line, such as \"normal: { fg: default, bg: default }\", "
                + "not \(SafeYAML.kind(of: node))")
        }
        var styles: [StyleRole: Style] = [:]
        var seenOn: [StyleRole: Int] = [:]
        for (keyNode, value) in mapping {
            let written = try settingName(keyNode, file: file)
            let line = SafeYAML.line(of: keyNode)
            guard let role = StyleRole(rawValue: written.lowercased()) else {
                throw ConfigurationError(file: file, line: line, problem:
                    "\(SafeYAML.shown(written)) is not a role" + NameSuggestion.hint(for: written, in: roleNames)
                    + "; the roles are " + roleNames.joined(separator: ", "))
            }
            if let earlier = seenOn[role] {
                throw ConfigurationError(file: file, line: line, problem:
                    "the role \(role.rawValue) is given twice (also on line \(earlier)); keep only one")
            }
            seenOn[role] = line ?? 0
            styles[role] = try style(value, role: role, keyLine: line, file: file)
        }
        guard styles[.normal] != nil else {
            throw ConfigurationError(file: file, line: keyLine, problem:
                "the roles section has no style for normal; every theme needs one, "
                + "such as \"normal: { fg: default, bg: default }\"")
        }
        return styles
    }

    private static func style(_ node: Node, role: StyleRole, keyLine: Int?, file: String) throws(ConfigurationError) -> Style {
        let line = SafeYAML.line(of: node) ?? keyLine
        if case .scalar(let scalar) = node, SafeYAML.isNull(scalar) {
            return Style() // "normal:" with nothing after it: the terminal's own colours.
        }
        guard case .mapping(let mapping) = node else {
            throw ConfigurationError(file: file, line: line, problem:
                "the role \(role.rawValue) needs fg, bg or attrs, such as \"{ fg: default, bg: default }\", "
                + "not \(SafeYAML.kind(of: node))")
        }
        var style = Style()
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            let written = try settingName(keyNode, file: file)
            let key = written.lowercased()
            let keyLine = SafeYAML.line(of: keyNode) ?? line
            guard roleKeys.contains(key) else {
                throw ConfigurationError(file: file, line: keyLine, problem:
                    "\(SafeYAML.shown(written)) is not part of a role" + NameSuggestion.hint(for: written, in: roleKeys)
                    + "; use fg (text colour), bg (background colour) and attrs")
            }
            guard seen.insert(key).inserted else {
                throw ConfigurationError(file: file, line: keyLine, problem:
                    "\(key) is given twice for the role \(role.rawValue); keep only one")
            }
            switch key {
            case "fg": style.foreground = try colour(value, what: "text colour (fg)", line: keyLine, file: file)
            case "bg": style.background = try colour(value, what: "background colour (bg)", line: keyLine, file: file)
            default: style.attributes = try attributes(value, line: keyLine, file: file)
            }
        }
        return style
    }

    private static func colour(_ node: Node, what: String, line: Int?, file: String) throws(ConfigurationError) -> TerminalColor {
        let line = SafeYAML.line(of: node) ?? line
        guard case .scalar(let scalar) = node else {
            throw ConfigurationError(file: file, line: line, problem:
                "the \(what) must be one colour, not \(SafeYAML.kind(of: node)); \(colourAdvice)")
        }
        if SafeYAML.isNull(scalar) {
            throw ConfigurationError(file: file, line: line, problem: "the \(what) is missing; \(colourAdvice)")
        }
        let written = scalar.string.trimmingCharacters(in: .whitespaces)
        guard let colour = TerminalColor(name: written) else {
            throw ConfigurationError(file: file, line: line, problem:
                "\(SafeYAML.shown(written)) is not a colour; \(colourAdvice)")
        }
        return colour
    }

    private static func attributes(_ node: Node, line: Int?, file: String) throws(ConfigurationError) -> TextAttributes {
        let line = SafeYAML.line(of: node) ?? line
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar(let scalar) where SafeYAML.isNull(scalar): items = []
        case .scalar: items = [node]
        default:
            throw ConfigurationError(file: file, line: line, problem:
                "attrs must be a list such as [bold, underline], not \(SafeYAML.kind(of: node))")
        }
        let known = TextAttributes.names.keys.sorted()
        var result: TextAttributes = []
        for item in items {
            let itemLine = SafeYAML.line(of: item) ?? line
            guard case .scalar(let scalar) = item else {
                throw ConfigurationError(file: file, line: itemLine, problem:
                    "each attribute must be a single word such as bold, not \(SafeYAML.kind(of: item))")
            }
            let written = scalar.string.trimmingCharacters(in: .whitespaces)
            guard let attribute = TextAttributes.names[written.lowercased()] else {
                throw ConfigurationError(file: file, line: itemLine, problem:
                    "\(SafeYAML.shown(written)) is not an attribute" + NameSuggestion.hint(for: written, in: known)
                    + "; use " + known.joined(separator: ", "))
            }
            result.formUnion(attribute)
        }
        return result
    }
}
