/// The name of something a key can do, e.g. "plans" or "next-field". Names are what users write
/// in the `keys:` section of their configuration.
public struct CommandID: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
}

/// Where a binding applies. The run loop asks the keymap with the scopes active right now, most
/// specific first, e.g. `[.screen("admin"), .list, .global]`.
public enum KeyScope: Hashable, Sendable, CustomStringConvertible {
    /// Everywhere except inside a dialog.
    case global
    /// Any screen that shows a list or table.
    case list
    /// Any screen that shows a form.
    case form
    /// A confirm dialog; while one is open nothing else listens.
    case dialog
    /// One screen, by its identifier.
    case screen(String)

    public var description: String {
        switch self {
        case .global: return "everywhere"
        case .list: return "lists"
        case .form: return "forms"
        case .dialog: return "dialogs"
        case .screen(let name): return name
        }
    }

    /// Whether two scopes can be listening at the same moment (so one key must not be in both).
    public func overlaps(_ other: KeyScope) -> Bool {
        switch (self, other) {
        case _ where self == other: return true
        case (.dialog, _), (_, .dialog): return false
        case (.global, _), (_, .global): return true
        case (.list, .form), (.form, .list): return false
        case (.screen, .screen): return false
        default: return true
        }
    }
}

/// One row of the keymap: the keys that run a command in a scope, and the words that explain it.
public struct KeyBinding: Hashable, Sendable {
    public var command: CommandID
    public var keys: [Key]
    public var scope: KeyScope
    /// A word or two for the key bar ("Plans").
    public var label: String
    /// A sentence for the help screen.
    public var help: String
    /// Shown in the bottom key bar (global bindings) or the hint line (other scopes).
    public var inKeyBar: Bool

    public init(_ command: CommandID, keys: [Key], scope: KeyScope = .global, label: String, help: String,
                inKeyBar: Bool = false) {
        self.command = command
        self.keys = keys
        self.scope = scope
        self.label = label
        self.help = help
        self.inKeyBar = inKeyBar
    }

    /// The keys as users read them: "F2 or 2".
    public var keyNames: String { keys.map(\.name).joined(separator: " or ") }
}

/// Two bindings that answer the same key in scopes that can be active together.
public struct KeyClash: Hashable, Sendable, CustomStringConvertible {
    public var key: Key
    public var first: CommandID
    public var second: CommandID
    public var description: String {
        "the key \(key.name) is bound to both \(first.rawValue) and \(second.rawValue)"
    }
}

/// Problems applying a user's key overrides.
public enum KeymapError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownCommand(String)
    case noKeys(String)
    case clash(KeyClash)

    public var description: String {
        switch self {
        case .unknownCommand(let name): return "there is no command called \"\(name)\""
        case .noKeys(let name): return "the command \"\(name)\" needs at least one key"
        case .clash(let clash): return clash.description
        }
    }
}

/// The one table that drives key dispatch, the key bar and the help screen.
public struct Keymap: Hashable, Sendable {
    public private(set) var bindings: [KeyBinding]

    public init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The command a key runs with these scopes active (first scope wins). While the user is
    /// typing in a text field, printable characters are never commands: they go to the field.
    public func command(for key: Key, scopes: [KeyScope], typing: Bool = false) -> CommandID? {
        if typing && key.isPrintable { return nil }
        for scope in scopes {
            if let binding = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) {
                return binding.command
            }
        }
        return nil
    }

    /// The binding for a command, if there is one.
    public func binding(for command: CommandID) -> KeyBinding? {
        bindings.first { $0.command == command }
    }

    /// The binding that runs `command` in `scopes` (most specific first), if any.
    public func binding(for command: CommandID, in scopes: [KeyScope]) -> KeyBinding? {
        bindings(in: scopes).first { $0.command == command }
    }

    /// The name of the first key that runs `command` in `scopes` ("F2", "a"), if any: for
    /// words on screen that name a key.
    public func keyName(for command: CommandID, in scopes: [KeyScope]) -> String? {
        binding(for: command, in: scopes)?.keys.first?.name
    }

    /// Every binding in the given scopes, in scope order then table order.
    public func bindings(in scopes: [KeyScope]) -> [KeyBinding] {
        scopes.flatMap { scope in bindings.filter { $0.scope == scope } }
    }

    /// Pairs of bindings that would fight over one key.
    public func clashes() -> [KeyClash] {
        var found: [KeyClash] = []
        for i in bindings.indices {
            for j in bindings.indices where j > i && bindings[i].scope.overlaps(bindings[j].scope) {
                for key in bindings[i].keys where bindings[j].keys.contains(key) {
                    found.append(KeyClash(key: key, first: bindings[i].command, second: bindings[j].command))
                }
            }
        }
        return found
    }

    /// Gives a command new keys (a user's override). The whole override is refused, leaving the
    /// keymap as it was, if the command is unknown or the new keys clash with another binding.
    public mutating func rebind(_ command: CommandID, to keys: [Key]) throws(KeymapError) {
        guard let index = bindings.firstIndex(where: { $0.command == command }) else {
            throw .unknownCommand(command.rawValue)
        }
        guard !keys.isEmpty else { throw .noKeys(command.rawValue) }
        var copy = self
        copy.bindings[index].keys = keys
        if let clash = copy.clashes().first { throw .clash(clash) }
        self = copy
    }
}
