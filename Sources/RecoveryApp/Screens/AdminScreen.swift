import TUI

/// The administration menu: services, staff and users, MAR chart codes, preferences for this
/// terminal, themes, facts about the installation, and the indicator thresholds.
public struct AdminScreen: ListScreen {
    public static let screenID = Section.admin.rawValue
    public let title = Section.admin.title
    public var list = ListPane(columns: [
        TableColumn(title: "Item", width: .fixed(26)),
        TableColumn(title: "What it is for", width: .flexible(minimum: 20)),
    ], emptyMessage: "Nothing here.")

    /// The entries of the menu, in order.
    enum Entry: CaseIterable {
        case services, staff, marCodes, referenceData, preferences, themes, thresholds, about

        var cells: [String] {
            switch self {
            case .services: return ["Services", "Add, retire or restore services"]
            case .staff: return ["Staff and users", "Add staff, set PINs, deactivate people who leave"]
            case .marCodes: return ["MAR chart codes", "The codes your pharmacies use and what they mean"]
            case .referenceData: return ["Reference data", "Quality statements, regulations, enforcement, PIN rule"]
            case .preferences: return ["Preferences", "Theme, idle lock and mouse for this terminal"]
            case .themes: return ["Themes", "See the colour themes available and try one"]
            case .about: return ["About this installation", "Version, and where the store, settings and log live"]
            case .thresholds: return ["Indicator thresholds", "When each early-warning indicator turns amber and red"]
            }
        }
    }

    public init() {}

    public var rows: TableRows { TableRows(Entry.allCases.map(\.cells)) }

    public var keyHints: [Hint]? { [.key(AppCommand.open, "open"), .key(AppCommand.search, "search"), .key(AppCommand.back)] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        guard command == AppCommand.open else { return .notHandled }
        return ScreenResponse(push: open(Entry.allCases[list.state.selected], context: context))
    }

    private func open(_ entry: Entry, context: ScreenContext) -> any Screen {
        switch entry {
        case .services: return ServicesScreen()
        case .staff: return StaffScreen()
        case .marCodes: return MARCodesScreen()
        case .referenceData: return ReferenceDataScreen()
        case .preferences: return PreferencesScreen(environment: context.environment, currentTheme: context.theme.name)
        case .themes: return ThemesScreen(environment: context.environment, currentTheme: context.theme.name)
        case .about: return AboutScreen()
        case .thresholds: return ThresholdsScreen()
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        // The list leaves its last row free (`ListPane.tableArea`): the note goes there.
        list.render(into: &buffer, area: area, source: rows, theme: context.theme)
        buffer.write(" Only administrators can change services, staff and codes; everyone can look.",
                     in: area.row(-1), style: context.theme[.muted])
    }
}
