import Foundation
import RecoveryModel
import TUI

/// MAR chart checks, newest round first, with late entries and corrections marked: the last
/// 28 days, or every check (`f`). Read a page at a time from the store, so five years of checks
/// open as quickly as a week; `/` narrows the list to the checks matching. `a` logs a check (on
/// your own service, for the round due now), `c` shows which rounds were checked, Enter opens a
/// check with any corrections beside the original.
public struct MARChecksScreen: PagedListScreen {
    public let id = Section.marChecks.rawValue
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
    ], emptyMessage: MARChecksScreen.emptyMessage(everyCheck: false))
    public var paging = PagedList<MARCheck>()
    public var searchText = ""
    public let rowNoun = "checks"
    /// Every check rather than the last 28 days.
    public private(set) var everyCheck = false
    private var services: [Service] = []
    /// What `a` or `c` opens when the store says where a new check starts.
    private var starting: Starting?

    enum Starting: Sendable { case form, coverage }

    /// The days the list shows unless it shows every check.
    public static let recentDays = 28

    static func emptyMessage(everyCheck: Bool) -> String {
        everyCheck ? "No MAR chart checks yet. Press a to log one."
            : "No MAR chart checks in the last \(recentDays) days. Press a to log one, or f to see every check."
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

    public var hints: [String]? {
        ["a log a check", "c coverage", "Enter open", "f \(everyCheck ? "every check" : "last \(Self.recentDays) days")",
         searchText.isEmpty ? "/ search" : "Esc clear search"]
    }

    public func pageRequest(_ page: PageRequest, search: String) -> StoreRequest {
        .loadMARChecks(days: everyCheck ? nil : Self.recentDays, search: search, page)
    }

    public func appear(context: ScreenContext) -> [AppEffect] {
        [ask(.loadServices, context: context), reloadPage(context: context)]
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
        switch command.rawValue {
        case "mar-checks.add", "mar-checks.coverage":
            starting = command.rawValue == "mar-checks.add" ? .form : .coverage
            return ScreenResponse(effects: [ask(.loadMARCheckStart, context: context)])
        case "mar-checks.filter":
            everyCheck.toggle()
            list.emptyMessage = Self.emptyMessage(everyCheck: everyCheck)
            return ScreenResponse(status: .info(everyCheck ? "Showing every check, newest first."
                                                : "Showing the checks of the last \(Self.recentDays) days."),
                                  effects: [firstPage(context: context)])
        case AppCommand.open.rawValue:
            guard paging.rows.indices.contains(list.state.selected) else { return .done }
            return ScreenResponse(push: MARCheckDetailScreen(check: paging.rows[list.state.selected], services: services, staff: []))
        default:
            return .notHandled
        }
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .services(let loaded):
            services = loaded
            return .done
        case .marChecks(let page, let days, let search):
            guard days == (everyCheck ? nil : Self.recentDays) else { return .done }
            return receivePage(page, search: search, context: context)
        case .marCheckStart(let active, let staff, let lastChecked):
            guard let wanted = starting else { return .done }
            starting = nil
            guard !active.isEmpty else { return .message(.info("There are no services yet: an administrator adds them under F9.")) }
            let (serviceID, round) = Self.startingPoint(for: context.user, services: active, lastChecked: lastChecked, at: context.now)
            switch wanted {
            case .form:
                return ScreenResponse(push: MARCheckFormScreen(services: active, staff: staff, serviceID: serviceID, round: round,
                                                               today: context.now,
                                                               lateEntryHours: context.environment.configuration.lateEntryHours))
            case .coverage:
                return ScreenResponse(push: CoverageScreen(services: active, serviceID: serviceID))
            }
        default:
            return savedOrFailed(reply, context: context) ?? .done
        }
    }
}
