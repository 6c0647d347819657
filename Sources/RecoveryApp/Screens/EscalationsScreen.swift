import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Escalations, overdue first, then newest: due by, status, severity, category and what
/// happened. Read a page at a time from the store; `/` narrows the list to the escalations
/// matching. `a` raises one (anyone signed in); `f` shows open or all; Enter opens one to move
/// it on, handed the escalation and the service names.
public struct EscalationsScreen: PagedListScreen, NamesServices {
    public static let screenID = Section.escalations.rawValue
    public var title: String {
        Section.escalations.title + (searchText.isEmpty ? "" : ": matching \"\(searchText)\"")
    }
    public var list = ListPane(columns: [
        TableColumn(title: "Due by", width: .fixed(16)),
        TableColumn(title: "Status", width: .fixed(14)),
        TableColumn(title: "Severity", width: .fixed(14)),
        TableColumn(title: "Category", width: .flexible(minimum: 12)),
        TableColumn(title: "What happened", width: .flexible(minimum: 12)),
    ], emptyMessage: "No escalations.")
    public var paging = PagedList<Escalation>()
    public var searchText = ""
    public let rowNoun = "escalations"
    public var services: [Service] = []
    public private(set) var openOnly = true
    private var now = Date()

    public init() {}

    /// The escalations of the page, formatted (only these are).
    public var rows: TableRows {
        let escalations = paging.rows
        return TableRows(escalations.map { escalation in
            let due = "\(UKDateFormat.date(escalation.dueBy)) \(UKDateFormat.time(escalation.dueBy))"
            let late = escalation.isOverdue(at: now) ? "! " : ""
            return [due, late + escalation.status.title, escalation.draft.severity.title, escalation.draft.category.title,
                    escalation.draft.whatHappened]
        }, roles: Dictionary(uniqueKeysWithValues: escalations.enumerated().compactMap { index, escalation in
            escalation.isOverdue(at: now) ? (index, StyleRole.red) : nil
        }))
    }

    // MARK: Commands

    public static let add: CommandID = "escalations.add"
    public static let filter: CommandID = "escalations.filter"

    public static let commands = [
        binding(add, keys: [.character("a")], label: "Raise", help: "Raise an escalation", inKeyBar: true),
        binding(filter, keys: [.character("f")], label: "Open/all", help: "Show open escalations only, or all of them"),
    ]

    public var keyHints: [Hint]? {
        [.key(Self.add, "raise"), .key(AppCommand.open, "open"), .key(Self.filter, openOnly ? "open only" : "all"),
         .note("! overdue"), searchText.isEmpty ? .key(AppCommand.search, "search") : .key(AppCommand.back, "clear search")]
    }

    /// The list with nothing in it says how to raise one, naming the key as bound now.
    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        var shown = list
        shown.emptyMessage = "No escalations. Press \(keyName(Self.add, context: context)) to raise one."
        shown.render(into: &buffer, area: area, source: rows, theme: context.theme)
    }

    // MARK: Tasks

    public func pageTask(_ page: PageRequest, search: String) -> AppEffect {
        task(LoadPage(openOnly: openOnly, search: search, page: page))
    }

    /// A page of the escalations (open ones only, or all).
    struct LoadPage: PageTask {
        typealias Target = EscalationsScreen
        var openOnly: Bool
        var search: String
        var page: PageRequest

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> RecordPage<Escalation> {
            try services.store.escalationPage(EscalationQuery(openOnly: openOnly, search: search), page, at: now)
        }

        func fits(_ screen: EscalationsScreen) -> Bool { screen.openOnly == openOnly }

        func apply(_ page: RecordPage<Escalation>, to screen: inout EscalationsScreen, context: ScreenContext) -> ScreenResponse {
            guard fits(screen) else { return .done }
            screen.now = context.now
            return screen.receivePage(page, search: search, context: context)
        }
    }

    public func appear(context: ScreenContext) -> [AppEffect] {
        [task(LoadServiceNames<Self>()), reloadPage(context: context)]
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if let response = performPaged(command, context: context) { return response }
        switch command {
        case Self.add:
            return ScreenResponse(push: EvidenceForms.escalation(services: services.filter(\.active),
                                                                 serviceID: ServiceScope.homeService(of: context.user), now: context.now))
        case Self.filter:
            openOnly.toggle()
            return ScreenResponse(status: .info(openOnly ? "Showing open escalations." : "Showing every escalation."),
                                  effects: [firstPage(context: context)])
        case AppCommand.open:
            guard paging.rows.indices.contains(list.state.selected) else { return .done }
            return ScreenResponse(push: EscalationDetailScreen(escalation: paging.rows[list.state.selected], services: services))
        default:
            return .notHandled
        }
    }
}
