import TUI

/// Help made from the keymap: every binding of the screen beneath and every global one, so it
/// can never disagree with what the keys really do. Searchable like any list.
public struct HelpScreen: ListScreen {
    public static let screenID = "help"
    public let title: String
    public var list: ListPane
    public let rows: TableRows

    public init(keymap: Keymap, screenTitle: String, scopes screenScopes: [KeyScope]) {
        title = "Help: \(screenTitle)"
        var rows: [[String]] = []
        let ordered = screenScopes.filter { $0 != .global } + [.global, .dialog]
        for scope in ordered {
            for binding in keymap.bindings(in: [scope]) {
                rows.append([binding.keyNames, binding.help, Self.whereName(scope, screenTitle: screenTitle)])
            }
        }
        self.rows = TableRows(rows)
        list = ListPane(columns: [
            TableColumn(title: "Keys", width: .fixed(20)),
            TableColumn(title: "What it does", width: .flexible(minimum: 30)),
            TableColumn(title: "Where", width: .fixed(14)),
        ], emptyMessage: "No keys are bound.")
    }

    /// "Esc, q or F1 closes help.", with the keys bound now.
    static func closing(_ keymap: Keymap) -> String {
        let keys = [AppCommand.back, AppCommand.leave, AppCommand.help].compactMap { command in
            keymap.keyName(for: command, in: [.global])
        }
        guard let last = keys.last else { return "" }
        let list = keys.count == 1 ? last : keys.dropLast().joined(separator: ", ") + " or " + last
        return "\(list) closes help."
    }

    private static func whereName(_ scope: KeyScope, screenTitle: String) -> String {
        switch scope {
        case .global: return "Everywhere"
        case .list: return "Lists"
        case .form: return "Forms"
        case .dialog: return "Questions"
        case .screen: return "This screen"
        }
    }

    public var keyHints: [Hint]? { [.key(AppCommand.back, "close help"), .key(AppCommand.search, "search")] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) || command == AppCommand.open { return .done }
        return .notHandled
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        list.render(into: &buffer, area: area, source: rows, theme: context.theme)
        buffer.write(" " + Self.closing(context.keymap), in: area.row(-1), style: context.theme[.muted])
    }
}
