import RecoveryModel
import TUI

/// The home screen: one row per service. The early-warning indicators (red, amber or green by a
/// symbol as well as a colour, with a 12-week trend) are worked out by the indicator engine; until
/// it runs here, each row says so plainly rather than showing a made-up status.
public struct DashboardScreen: ListScreen {
    public let id = Section.dashboard.rawValue
    public let title = Section.dashboard.title
    public var list = ListPane(columns: [
        TableColumn(title: "Service", width: .flexible(minimum: 18)),
        TableColumn(title: "Kind", width: .fixed(24)),
        TableColumn(title: "Registered manager", width: .fixed(20)),
    ], emptyMessage: "No services yet. An administrator adds them under F9 Admin.")
    private var services: [Service] = []

    public init() {}

    public var rows: TableRows {
        TableRows(services.map { [$0.name, $0.kind.title, $0.registeredManager ?? ""] })
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadServices, context: context)] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) || command == AppCommand.open { return .done }
        return .notHandled
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        if case .services(let loaded) = reply {
            services = loaded.filter(\.active)
            keepSelection(rowCount: services.count, context: context)
        }
        return .done
    }

    public var hints: [String]? { ["F3 plans", "F4 MAR checks", "F5 competency", "F6 escalations"] }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        list.render(into: &buffer, area: area, source: rows, theme: context.theme)
        buffer.write(" Early-warning indicators for each service are not worked out here yet.",
                     in: area.row(-1), style: context.theme[.muted])
    }
}
