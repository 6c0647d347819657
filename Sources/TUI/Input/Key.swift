/// A key press, as the app sees it after the backend has decoded the terminal's bytes.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    case character(Character)
    case enter, escape, tab, backTab, backspace, delete, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1–F24.
    case function(Int)
    /// Ctrl with a letter, held lower case ("l" for Ctrl-L).
    case control(Character)

    /// The name users write in configuration and see in help: "F2", "Ctrl-L", "Enter", "q".
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .insert: return "Insert"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        case .control(let c): return "Ctrl-\(String(c).uppercased())"
        }
    }

    public var description: String { name }

    /// Reads a key name as written in a configuration file. Case does not matter for named keys;
    /// a single character stands for itself. Returns nil for anything else.
    public init?(name raw: String) {
        let name = String(raw.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
        guard !name.isEmpty else { return nil }
        if name.count == 1, let c = name.first {
            guard !c.isNewline else { return nil }
            self = .character(c)
            return
        }
        let lower = name.lowercased()
        let named: [String: Key] = [
            "space": .character(" "), "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "tab": .tab, "shift-tab": .backTab, "backtab": .backTab, "backspace": .backspace,
            "delete": .delete, "del": .delete, "insert": .insert, "ins": .insert, "up": .up, "down": .down,
            "left": .left, "right": .right, "home": .home, "end": .end, "pgup": .pageUp,
            "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        ]
        if let key = named[lower] { self = key; return }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
            self = .function(n)
            return
        }
        if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isASCII, c.isLetter {
            self = .control(c)
            return
        }
        return nil
    }

    /// True for a key that types a character into a text field.
    public var isPrintable: Bool {
        if case .character(let c) = self { return !c.isNewline && TextWidth.of(c) > 0 }
        return false
    }
}

/// A mouse action, in screen cells.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case click, scrollUp, scrollDown }
    public var kind: Kind
    public var position: Point

    public init(kind: Kind, position: Point) {
        self.kind = kind
        self.position = position
    }
}

/// Anything the run loop can receive from a terminal.
public enum Event: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this size.
    case resize(Size)
    /// The process was asked to stop (SIGINT, SIGTERM, SIGHUP): leave at once, restoring the screen.
    case terminate
}
