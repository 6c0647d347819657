/// What a piece of the screen is for. Screens ask the theme for a role, never for a colour,
/// so every theme (including monochrome) can show every meaning.
public enum StyleRole: String, CaseIterable, Hashable, Sendable {
    case normal
    case muted
    case selected
    case header
    case title
    case border
    case keyBar = "key-bar"
    case keyBarKey = "key-bar-key"
    case status
    case input
    case focus
    case error
    case warning
    case ok
    case red
    case amber
    case green
}

/// A named set of styles, one per role.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var styles: [StyleRole: Style]

    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for a role; a role the theme leaves out looks like `normal`.
    public subscript(role: StyleRole) -> Style {
        styles[role] ?? styles[.normal] ?? .plain
    }

    /// True when no role uses a colour, only attributes.
    public var isMonochrome: Bool {
        styles.values.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault }
    }

    /// The theme every terminal can show: attributes only, no colour. Used for `NO_COLOR`, for
    /// terminals without colour and in snapshot tests. Kept in code so it exists even when no
    /// theme file can be read.
    public static let monochrome = Theme(name: "monochrome", styles: [
        .normal: .plain,
        .muted: Style(attributes: .dim),
        .selected: Style(attributes: .reverse),
        .header: Style(attributes: [.bold, .underline]),
        .title: Style(attributes: .reverse),
        .border: .plain,
        .keyBar: Style(attributes: .reverse),
        .keyBarKey: Style(attributes: .bold),
        .status: .plain,
        .input: Style(attributes: .underline),
        .focus: Style(attributes: [.underline, .bold]),
        .error: Style(attributes: .bold),
        .warning: Style(attributes: .bold),
        .ok: .plain,
        .red: Style(attributes: .bold),
        .amber: .plain,
        .green: .plain,
    ])
}

/// Red / amber / green status. It always carries a symbol and a letter as well as a colour, so
/// the meaning survives a monochrome screen and colour-blind eyes.
public enum RAG: String, CaseIterable, Hashable, Sendable {
    case red, amber, green

    /// A shape that differs for each state.
    public var symbol: String {
        switch self {
        case .red: return "▲"
        case .amber: return "◆"
        case .green: return "●"
        }
    }

    /// The initial letter, for reports and screen readers.
    public var letter: String {
        switch self {
        case .red: return "R"
        case .amber: return "A"
        case .green: return "G"
        }
    }

    /// The theme role that colours it.
    public var role: StyleRole {
        switch self {
        case .red: return .red
        case .amber: return .amber
        case .green: return .green
        }
    }

    /// Symbol and letter together, e.g. "▲R".
    public var badge: String { symbol + letter }
}
