import Foundation
import TUI

extension ConfigurationFile {
    /// The settings as a commented settings file, as the app writes it when the user saves
    /// preferences. Reading the result back gives the same settings.
    public static func render(_ configuration: UserConfiguration) -> String {
        var out = """
        # RecoveryDesk settings.
        # RecoveryDesk rewrites this file when you save preferences, so comments you add are not kept.
        # Every setting is explained in docs/configuration.md.

        # The colour theme: default, light, high-contrast, colour-blind, monochrome, the name of
        # one of your own themes, or the path to a theme file.

        """
        if let theme = configuration.theme {
            out += "theme: \(quoted(theme))\n"
        } else {
            out += "# theme: default\n"
        }
        out += """

        # Lock the screen after this many minutes without a key press (whole minutes, 1 to 240).
        idle-lock-minutes: \(configuration.idleLockMinutes)

        # A MAR check entered more than this many hours after its round asks for a reason and is
        # flagged as a late entry (whole hours, 1 to 168).
        late-entry-hours: \(configuration.lateEntryHours)

        # Click and scroll with the mouse (true or false).
        mouse: \(configuration.mouse)

        # Your own keys: a command name, then a key or a list of keys, such as "plans: [F3, P]".

        """
        if configuration.keyOverrides.isEmpty {
            out += "# keys:\n#   plans: [F3, P]\n#   quit: F10\n"
        } else {
            out += "keys:\n"
            for override in configuration.keyOverrides {
                let keys = override.keys.map { plainOrQuoted($0.name) }
                let value = keys.count == 1 ? keys[0] : "[" + keys.joined(separator: ", ") + "]"
                out += "  \(plainOrQuoted(override.command)): \(value)\n"
            }
        }
        return out
    }

    /// Writes the settings to `url`, creating its folder if needed. The file is replaced in one
    /// step, so a crash part-way leaves the old file, never half a file.
    public static func save(_ configuration: UserConfiguration, to url: URL) throws(ConfigurationError) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError(file: folder.path, problem:
                "the folder for the settings file cannot be made (\(SafeYAML.plainReason(error)))")
        }
        do {
            try Data(render(configuration).utf8).write(to: url, options: .atomic)
        } catch {
            throw ConfigurationError(file: url.path, problem:
                "the settings cannot be saved (\(SafeYAML.plainReason(error)))")
        }
    }

    /// A word as it is when that is safe to read back, otherwise in double quotes.
    static func plainOrQuoted(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
        let looksSpecial = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"].contains(text.lowercased())
        guard safe, let first = text.unicodeScalars.first, first.properties.isAlphabetic, !looksSpecial else {
            return quoted(text)
        }
        return text
    }

    /// The text in double quotes, with anything that cannot appear as it is written as an escape.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                let v = scalar.value
                let printable = v == 0x20 || (v > 0x20 && v < 0x7F) || (v >= 0xA0 && v <= 0xD7FF)
                    || (v >= 0xE000 && v <= 0xFFFD && v != 0xFEFF) || (v >= 0x10000 && v <= 0x10FFFF)
                if printable {
                    out.unicodeScalars.append(scalar)
                } else if v <= 0xFFFF {
                    out += "\\u" + String(repeating: "0", count: 4 - String(v, radix: 16).count) + String(v, radix: 16)
                } else {
                    out += "\\U" + String(repeating: "0", count: 8 - String(v, radix: 16).count) + String(v, radix: 16)
                }
            }
        }
        return out + "\""
    }
}
