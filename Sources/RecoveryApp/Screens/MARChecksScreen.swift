import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// MAR chart checks, newest round first, with late entries and corrections marked: the last
/// 28 days, or every check (`f`). Read a page at a time from the store, so five years of checks
/// open as quickly as a week; `/` narrows the list to the checks matching. `a` logs a check (on
/// your own service, for the round due now), `c` shows which rounds were checked, Enter opens a
/// check with any corrections beside the original.
public struct MARChecksScreen: PagedListScreen, NamesServices {
    public static let screenID = Section.marChecks.rawValue
    public var title: String {
        Section.marChecks.title + (everyCheck ? ": every check" : "")
            + (searchText.isEmpty ? "" : "\(everyCheck ? "," : ":") matching \"\(searchText)\"")
    }
    public var list = ListPane(columns: [
        TableColumn(title: "Date", width: .fixed(10)),
        TableColumn(title: "Round", width: .fixed(14)),
        TableColumn(title: "Service", width: .flexible(minimum: 12)),
        TableColumn(title: "Charts", width: .fixed(6), alignment: .right),
        TableColumn(title: "Refusals", width: .fixed(9)),
        TableColumn(title: "Findings", width: .fixed(8), alignment: .right),
        TableColumn(title: "Notes", width: .fixed(12)),
    ], emptyMessage: "")
    public var paging = PagedList<MARCheck>()
    public var searchText = ""
    public let rowNoun = "checks"
    /// Every check rather than the last 28 days.
    public private(set) var everyCheck = false
    public var services: [Service] = []
    /// What opens once the store says where a new check starts.
    enum Starting: Sendable, Equatable { case form, coverage }

    /// The days the list shows unless it shows every check.
    public static let recentDays = 28

    /// Drawn with the empty list's words naming the keys as bound now.
    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        var pane = list
        pane.emptyMessage = Self.emptyMessage(everyCheck: everyCheck, context: context)
        pane.render(into: &buffer, area: area, source: rows, theme: context.theme)
    }

    /// What the empty list says, naming the keys as bound now.
    static func emptyMessage(everyCheck: Bool, context: ScreenContext) -> String {
        let add = context.keyName(add, scopes: [.screen(screenID)]), filter = context.keyName(filter, scopes: [.screen(screenID)])
        return everyCheck ? "No MAR chart checks yet. Press \(add) to log one."
            : "No MAR chart checks in the last \(recentDays) days. Press \(add) to log one, or \(filter) to see every check."
    }

    public init() {}

    /// The checks of the page, formatted (only these are).
    public var rows: TableRows {
        let checks = paging.rows
        return TableRows(checks.map { check in
            let draft = check.draft
            var notes: [String] = []
            if check.isLateEntry { notes.append(MARCheckQuery.lateEntryNote) }
            if !check.amendments.isEmpty { notes.append(MARCheckQuery.correctedNote) }
            return [UKDateFormat.date(draft.date), draft.round.title, serviceName(draft.serviceID), String(draft.chartsChecked),
                    draft.refusalsSeen == 0 ? "none" : "\(draft.refusalsComplete)/\(draft.refusalsSeen) full",
                    String(draft.findings.count), notes.joined(separator: ", ")]
        }, roles: Dictionary(uniqueKeysWithValues: checks.enumerated().compactMap { index, check in
            check.draft.findings.isEmpty ? nil : (index, StyleRole.warning)
        }))
    }

    private func serviceName(_ id: Int64) -> String { services.first { $0.id == id }?.name ?? "?" }

    // MARK: Commands

    public static let add: CommandID = "mar-checks.add"
    public static let coverage: CommandID = "mar-checks.coverage"
    public static let filter: CommandID = "mar-checks.filter"

    public static let commands = [
        binding(add, keys: [.character("a")], label: "Log a check",
                help: "Log a MAR chart check (a clean one is a number and Ctrl-S)", inKeyBar: true),
        binding(coverage, keys: [.character("c")], label: "Coverage",
                help: "Show which rounds of the last 28 days were checked", inKeyBar: true),
        binding(filter, keys: [.character("f")], label: "Every check",
                help: "Show every check, or only those of the last 28 days", inKeyBar: true),
    ]

    public var keyHints: [Hint]? {
        [.key(Self.add, "log a check"), .key(Self.coverage, "coverage"), .key(AppCommand.open, "open"),
         .key(Self.filter, everyCheck ? "every check" : "last \(Self.recentDays) days"),
         searchText.isEmpty ? .key(AppCommand.search, "search") : .key(AppCommand.back, "clear search")]
    }

    // MARK: Tasks

    public func pageTask(_ page: PageRequest, search: String) -> AppEffect {
        task(LoadPage(days: everyCheck ? nil : Self.recentDays, search: search, page: page))
    }

    /// A page of the checks of the last `days` days (nil: every check).
    struct LoadPage: PageTask {
        typealias Target = MARChecksScreen
        var days: Int?
        var search: String
        var page: PageRequest

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> RecordPage<MARCheck> {
            try services.marCheckPage(days: days, search: search, page, at: now)
        }

        func fits(_ screen: MARChecksScreen) -> Bool { days == (screen.everyCheck ? nil : MARChecksScreen.recentDays) }

    }

    /// Where a new check starts, then the form (or the coverage) opens there.
    struct LoadStart: ScreenTask {
        var opening: Starting

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> MARCheckStart {
            try services.marCheckStart(for: actor, at: now)
        }

        func apply(_ start: MARCheckStart, to screen: inout MARChecksScreen, context: ScreenContext) -> ScreenResponse {
            guard !start.services.isEmpty else {
                return .message(.info("There are no services yet: an administrator adds them under F9."))
            }
            let (serviceID, round) = MARChecksScreen.startingPoint(for: context.user, services: start.services,
                                                                   lastChecked: start.lastCheckedServiceID, at: context.now)
            switch opening {
            case .form:
                return ScreenResponse(push: MARCheckFormScreen(services: start.services, staff: start.staff, serviceID: serviceID,
                                                               round: round, today: context.now,
                                                               lateEntryHours: context.environment.configuration.lateEntryHours))
            case .coverage:
                return ScreenResponse(push: CoverageScreen(services: start.services, serviceID: serviceID))
            }
        }
    }

    public func appear(context: ScreenContext) -> [AppEffect] {
        [task(LoadServiceNames<Self>()), reloadPage(context: context)]
    }

    /// Where a new check starts: the user's own service (the first of their services; for a
    /// provider-wide role, the service of their latest check of the last 28 days, or the first
    /// service), and the round due now by the clock at that service (`MARRound.due`).
    static func startingPoint(for user: StaffMember?, services: [Service], lastChecked: Int64?,
                              at now: Date) -> (Int64?, MARRound) {
        let active = services.filter(\.active)
        var serviceID = (active.first ?? services.first)?.id
        if let home = ServiceScope.homeService(of: user), services.contains(where: { $0.id == home }) {
            serviceID = home
        } else if let lastChecked, services.contains(where: { $0.id == lastChecked }) {
            serviceID = lastChecked
        }
        let kind = services.first { $0.id == serviceID }?.kind ?? .residential
        return (serviceID, MARRound.due(at: now, in: kind))
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if let response = performPaged(command, context: context) { return response }
        switch command {
        case Self.add, Self.coverage:
            return ScreenResponse(effects: [task(LoadStart(opening: command == Self.add ? .form : .coverage))])
        case Self.filter:
            everyCheck.toggle()
            return ScreenResponse(status: .info(everyCheck ? "Showing every check, newest first."
                                                : "Showing the checks of the last \(Self.recentDays) days."),
                                  effects: [firstPage(context: context)])
        case AppCommand.open:
            guard paging.rows.indices.contains(list.state.selected) else { return .done }
            return ScreenResponse(push: MARCheckDetailScreen(check: paging.rows[list.state.selected], services: services, staff: []))
        default:
            return .notHandled
        }
    }

}
