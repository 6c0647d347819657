import BuiltinThemes
import TUI

/// The themes that can be chosen, with the one in use marked. Enter tries a theme at once for
/// this session; Preferences keeps it for next time.
public struct ThemesScreen: ListScreen {
    public static let screenID = "themes"
    public let title = "Themes"
    private let names: [String]
    public var list = ListPane(columns: [
        TableColumn(title: "Theme", width: .fixed(24)),
        TableColumn(title: "In use", width: .fixed(8)),
        TableColumn(title: "Where it comes from", width: .flexible(minimum: 20)),
    ], emptyMessage: "No themes were found.")

    public init(environment: AppEnvironment, currentTheme: String) {
        names = environment.themeNames
        if let index = names.firstIndex(of: currentTheme) { list.state.selected = index }
    }

    private func rows(inUse: String) -> TableRows {
        TableRows(names.map { name in
            [name, name == inUse ? "✓ yes" : "",
             BuiltinThemes.names.contains(name) ? "Built in" : "Your themes folder"]
        })
    }
    public var rows: TableRows { rows(inUse: "") }

    public var keyHints: [Hint]? { [.key(AppCommand.open, "try it"), .key(AppCommand.search, "search"), .key(AppCommand.back)] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        guard command == AppCommand.open, names.indices.contains(list.state.selected) else { return .notHandled }
        return ScreenResponse(effects: [.loadTheme(names[list.state.selected])])
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        list.render(into: &buffer, area: area, source: rows(inUse: context.theme.name), theme: context.theme)
        let open = AdminText.keyName(AppCommand.open, screen: self, context: context).map { "\($0) tries a theme now. " } ?? ""
        buffer.write(" \(open)To keep it for next time, choose it in Preferences.", in: area.row(-1), style: context.theme[.muted])
    }
}
