import TUI

/// Help made from the keymap: every binding of the screen beneath and every global one, so it
/// can never disagree with what the keys really do. Searchable like any list.
public struct HelpScreen: ListScreen {
    public static let screenID = "help"
    public let id = HelpScreen.screenID
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

    private static func whereName(_ scope: KeyScope, screenTitle: String) -> String {
        switch scope {
        case .global: return "Everywhere"
        case .list: return "Lists"
        case .form: return "Forms"
        case .dialog: return "Questions"
        case .screen: return "This screen"
        }
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) || command == AppCommand.open { return .done }
        return .notHandled
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        list.render(into: &buffer, area: area, source: rows, theme: context.theme)
        let note = "Esc, q or F1 closes help. Outside fields, digits 1–6 and 9 act as F1–F6 and F9."
        buffer.write(" " + note, in: area.row(-1), style: context.theme[.muted])
    }
}
