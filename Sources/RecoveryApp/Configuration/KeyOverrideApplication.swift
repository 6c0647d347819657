import TUI

extension ConfigurationFile {
    /// Gives each overridden command its new keys. Either every override is applied or, on the
    /// first problem, none is and the keymap is left as it was. Overrides are checked together, so
    /// two commands may swap keys. Problems (an unknown command, a key already used by another
    /// command that can be active at the same time) name the override's line in `file`.
    public static func applyKeyOverrides(_ overrides: [KeyOverride], to keymap: inout Keymap,
                                         file: String) throws(ConfigurationError) {
        guard !overrides.isEmpty else { return }
        var bindings = keymap.bindings
        var lineForCommand: [String: Int] = [:]
        for override in overrides {
            let command = CommandID(rawValue: override.command)
            guard let index = bindings.firstIndex(where: { $0.command == command }) else {
                throw error(.unknownCommand(override.command), override: override, keymap: keymap, file: file)
            }
            guard !override.keys.isEmpty else {
                throw error(.noKeys(override.command), override: override, keymap: keymap, file: file)
            }
            var seen: [Key] = []
            for key in override.keys {
                if seen.contains(key) {
                    throw ConfigurationError(file: file, line: lineOrNil(override.line), problem:
                        "\(key.name) is listed twice for \(override.command); list each key once")
                }
                seen.append(key)
            }
            if let earlier = lineForCommand[override.command] {
                throw ConfigurationError(file: file, line: lineOrNil(override.line), problem:
                    "\(override.command) is given keys twice (also on line \(earlier)); keep only one")
            }
            lineForCommand[override.command] = override.line
            bindings[index].keys = override.keys
        }
        let candidate = Keymap(bindings)
        let before = Set(keymap.clashes())
        // Only clashes the overrides brought in count; the blame goes to the later line.
        if let clash = candidate.clashes().first(where: { !before.contains($0) }) {
            let lines = [clash.first.rawValue, clash.second.rawValue].compactMap { lineForCommand[$0] }
            let culprit = overrides.first { $0.line == lines.max() } ?? overrides[0]
            throw error(.clash(clash), override: culprit, keymap: keymap, file: file)
        }
        keymap = candidate
    }

    /// Words for a keymap problem, naming the override's line.
    static func error(_ problem: KeymapError, override: KeyOverride, keymap: Keymap,
                      file: String) -> ConfigurationError {
        let line = lineOrNil(override.line)
        switch problem {
        case .unknownCommand(let name):
            let commands = Array(Set(keymap.bindings.map(\.command.rawValue))).sorted()
            return ConfigurationError(file: file, line: line, problem:
                "there is no command called \(SafeYAML.shown(name))" + NameSuggestion.hint(for: name, in: commands)
                + "; the help screen (F1) lists every command")
        case .noKeys(let name):
            return ConfigurationError(file: file, line: line, problem:
                "\(name) needs at least one key, such as F3 or [F3, P]")
        case .clash(let clash):
            let mine = clash.second.rawValue == override.command ? clash.first : clash.second
            return ConfigurationError(file: file, line: line, problem:
                "\(clash.key.name) is already used by \(mine.rawValue) (\(clash.description)); "
                + "choose another key, or give \(mine.rawValue) a different key as well")
        }
    }

    private static func lineOrNil(_ line: Int) -> Int? { line > 0 ? line : nil }
}
