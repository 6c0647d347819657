import TUI

/// The user's own settings, read from `config.yaml`. Every setting has a default, so a missing file
/// is the same as an empty one.
public struct UserConfiguration: Equatable, Sendable {
    /// The theme to use: a name or a path to a theme file. Nil means the built-in default.
    public var theme: String?
    /// Minutes without a key press before the screen locks, 1 to 240.
    public var idleLockMinutes: Int
    /// Hours after a round before a MAR check counts as a late entry (needs a reason), 1 to 168.
    public var lateEntryHours: Int
    /// Whether to use the mouse for clicking and scrolling.
    public var mouse: Bool
    /// The user's own keys for commands, in the order written.
    public var keyOverrides: [KeyOverride]

    /// The minutes `idleLockMinutes` may take.
    public static let idleLockRange = 1...240
    /// The hours `lateEntryHours` may take.
    public static let lateEntryRange = 1...168

    public init(theme: String? = nil, idleLockMinutes: Int = 5, lateEntryHours: Int = 24, mouse: Bool = false,
                keyOverrides: [KeyOverride] = []) {
        self.theme = theme
        self.idleLockMinutes = idleLockMinutes
        self.lateEntryHours = lateEntryHours
        self.mouse = mouse
        self.keyOverrides = keyOverrides
    }
}

/// One entry of the `keys:` section: a command and the keys the user wants for it.
public struct KeyOverride: Equatable, Sendable {
    /// The command name, e.g. "plans".
    public var command: String
    /// The keys, in the order written; never empty once read from a file.
    public var keys: [Key]
    /// The line of the configuration file it came from (0 when made in code). It is where the
    /// entry was, not what it says, so it is left out when comparing overrides.
    public var line: Int

    public init(command: String, keys: [Key], line: Int = 0) {
        self.command = command
        self.keys = keys
        self.line = line
    }

    public static func == (lhs: KeyOverride, rhs: KeyOverride) -> Bool {
        lhs.command == rhs.command && lhs.keys == rhs.keys
    }
}
