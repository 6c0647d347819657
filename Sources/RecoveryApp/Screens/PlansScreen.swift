import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Every recovery plan, with its status, how its outcome stands and the next step due. Filter
/// by status (`f`) and service (`v`); `/` searches titles, services and the quality statements
/// and regulations a plan answers. Enter opens a plan, handed the list's row so its title shows
/// at once while the plan is read.
public struct PlansScreen: ListScreen {
    public static let screenID = Section.plans.rawValue
    public let title = Section.plans.title
    public var list = ListPane(columns: [
        TableColumn(title: "Plan", width: .flexible(minimum: 20)),
        TableColumn(title: "Service", width: .fixed(14)),
        TableColumn(title: "Status", width: .fixed(10)),
        TableColumn(title: "Outcome", width: .fixed(16)),
        TableColumn(title: "Next step", width: .fixed(12)),
    ], emptyMessage: "No recovery plans yet.")

    /// Which plans are shown by status.
    public enum StatusFilter: String, CaseIterable, Sendable {
        case open = "Open plans", closed = "Closed plans", all = "All plans"
        func includes(_ status: PlanStatus) -> Bool {
            switch self {
            case .open: return status != .closed
            case .closed: return status == .closed
            case .all: return true
            }
        }
    }

    private var plans: [PlanListRow] = []
    private var services: [Service] = []
    /// When the list was read: a step due before that day shows as overdue.
    private var loadedAt = Date(timeIntervalSince1970: 0)
    public private(set) var statusFilter = StatusFilter.open
    /// The service shown, or nil for every service.
    public private(set) var serviceFilter: Int64?
    public private(set) var loaded = false

    public init() {}

    /// The plans shown, in order.
    public var shown: [PlanListRow] {
        plans.filter { statusFilter.includes($0.status) && (serviceFilter == nil || $0.serviceID == serviceFilter) }
    }

    private func serviceName(_ id: Int64?) -> String {
        guard let id else { return "Provider-wide" }
        return services.first { $0.id == id }?.name ?? "?"
    }

    public var rows: TableRows { rows(today: loadedAt) }

    /// The rows as they stand on a day (a step due yesterday shows as overdue today).
    func rows(today: Date) -> TableRows {
        let shown = self.shown
        return TableRows(shown.map { plan in
            let standing = plan.standing
            return [plan.title, serviceName(plan.serviceID), plan.status.title,
                    plan.status == .draft ? "" : standing?.outcomeText ?? "", standing?.nextDueText(today: today) ?? ""]
        }, roles: Dictionary(uniqueKeysWithValues: shown.enumerated().compactMap { index, plan in
            plan.status == .closed ? (index, StyleRole.muted) : nil
        }))
    }

    public var searchRows: any TableDataSource {
        TableRows(shown.map { plan in
            [plan.title, serviceName(plan.serviceID), plan.status.title,
             plan.qualityStatements.joined(separator: " "), plan.regulations.map { "Reg \($0)" }.joined(separator: " ")]
        })
    }

    // MARK: Commands

    public static let add: CommandID = "plans.add"
    public static let filterStatus: CommandID = "plans.filter-status"
    public static let filterService: CommandID = "plans.filter-service"
    public static let trail: CommandID = "plans.trail"

    public static let commands = [
        binding(add, keys: [.character("a")], label: "New plan", help: "Start a plan from a template or from scratch", inKeyBar: true),
        binding(filterStatus, keys: [.character("f")], label: "Status filter", help: "Show open, closed or all plans"),
        binding(filterService, keys: [.character("v")], label: "Service filter", help: "Show one service's plans, or every service's"),
        binding(trail, keys: [.character("t")], label: "Trail",
                help: "The selected plan's trail: from the concern, through every record, to the outcome"),
    ]

    public var keyHints: [Hint]? {
        [.key(AppCommand.open, "open"), .key(Self.trail, "trail"), .key(Self.add, "new plan"), .key(Self.filterStatus, statusFilter.rawValue.lowercased()),
         .key(Self.filterService, "service: \(serviceFilter.map(serviceName) ?? "all")"), .key(AppCommand.search, "search")]
    }

    // MARK: Tasks

    /// Every plan with its standing, and the services that name them.
    struct LoadPlans: ScreenTask {
        typealias Target = PlansScreen

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> PlanList {
            try services.planList(at: now)
        }

        func apply(_ list: PlanList, to screen: inout PlansScreen, context: ScreenContext) -> ScreenResponse {
            screen.plans = list.plans
            screen.services = list.services
            screen.loadedAt = context.now
            screen.loaded = true
            screen.keepSelection(rowCount: screen.shown.count, context: context)
            return .done
        }
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [task(LoadPlans())] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        switch command {
        case AppCommand.open:
            let shown = self.shown
            guard shown.indices.contains(list.state.selected) else { return .done }
            return ScreenResponse(push: PlanDetailScreen(row: shown[list.state.selected]))
        case Self.trail:
            let shown = self.shown
            guard shown.indices.contains(list.state.selected) else { return .done }
            let row = shown[list.state.selected]
            return ScreenResponse(push: TrailScreen(planID: row.id, title: row.title))
        case Self.add:
            return ScreenResponse(push: TemplateChoiceScreen(templates: context.environment.templates))
        case Self.filterStatus:
            let all = StatusFilter.allCases
            statusFilter = all[(all.firstIndex(of: statusFilter)! + 1) % all.count]
            list.state = TableState()
            return .message(.info("Showing \(statusFilter.rawValue.lowercased())."))
        case Self.filterService:
            let ids: [Int64?] = [nil] + services.map(\.id)
            let index = ids.firstIndex(of: serviceFilter) ?? 0
            serviceFilter = ids[(index + 1) % ids.count]
            list.state = TableState()
            return .message(.info("Showing \(serviceFilter.map(serviceName) ?? "every service")."))
        default:
            return .notHandled
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let rows = self.rows(today: context.now)
        var pane = list
        pane.emptyMessage = "No recovery plans yet. Press \(keyName(Self.add, context: context)) to start one from a template."
        pane.render(into: &buffer, area: area, source: rows, theme: context.theme)
        // Colour the outcome by red, amber or green as well as its symbol and words.
        let table = ListPane.tableArea(in: area)
        let starts = TableView(columns: list.columns).columnStarts(for: table.width)
        let shown = self.shown
        let visible = list.state.clamped(rowCount: shown.count, pageSize: ListPane.pageSize(forContentHeight: area.height))
        for row in 0..<max(0, table.height - 1) {
            let index = visible.offset + row
            guard shown.indices.contains(index), index != visible.selected, starts.count > 3,
                  let standing = shown[index].standing, shown[index].status != .draft else { continue }
            // Under the header row, the outcome column.
            let line = table.inset(top: 1).row(row)
            buffer.restyle(line.inset(left: starts[3]).splitColumns([.fixed(16)])[0], with: context.theme[standing.rag.role])
        }
        buffer.write(" \(statusFilter.rawValue) · \(serviceFilter.map(serviceName) ?? "every service")",
                     in: area.row(-1), style: context.theme[.muted])
    }
}
