import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Every active member of staff with their medicines competency, worked out from observations:
/// current, due within 30 days, expired, restricted or never assessed. Read a page at a time
/// from the store (only the people shown have their observations read); `/` narrows the list to
/// the people matching. `a` records an observation (supervisors and above).
public struct ObservationsScreen: PagedListScreen {
    public static let screenID = Section.observations.rawValue
    public var title: String {
        Section.observations.title + (searchText.isEmpty ? "" : ": matching \"\(searchText)\"")
    }
    public var list = ListPane(columns: [
        TableColumn(title: "Staff member", width: .flexible(minimum: 14)),
        TableColumn(title: "Role", width: .fixed(16)),
        TableColumn(title: "Medicines competency", width: .fixed(26)),
        TableColumn(title: "Last observed", width: .fixed(18)),
    ], emptyMessage: "No staff yet.")
    public var paging = PagedList<CompetencyRow>()
    public var searchText = ""
    public let rowNoun = "staff"

    public init() {}

    /// The mark that goes with a competency, so it reads without colour.
    static func badge(_ status: CompetencyStatus) -> (String, StyleRole) {
        switch status {
        case .current: return ("●", .green)
        case .dueSoon: return ("◆", .amber)
        case .expired, .restricted: return ("▲", .red)
        case .neverAssessed: return ("·", .muted)
        }
    }

    /// The people of the page, formatted (only these are).
    public var rows: TableRows {
        let people = paging.rows
        return TableRows(people.map { row in
            let latest = row.latest.map { "\(UKDateFormat.date($0.draft.occurredAt)) \($0.draft.kind.title.lowercased())" } ?? ""
            return [row.person.name, row.person.role.title, "\(Self.badge(row.status).0) \(row.status.title)", latest]
        }, roles: Dictionary(uniqueKeysWithValues: people.enumerated().compactMap { index, row in
            switch row.status {
            case .restricted, .expired: return (index, StyleRole.warning)
            default: return nil
            }
        }))
    }

    /// The marks of the competency column, in words.
    static let legend = "● current ◆ due ▲ expired or restricted · never"

    // MARK: Commands

    public static let add: CommandID = "observations.add"

    public static let commands = [
        binding(add, keys: [.character("a")], label: "Observe",
                help: "Record an observation or competency check (supervisors and above)", inKeyBar: true),
    ]

    public var keyHints: [Hint]? {
        [.key(Self.add, "record an observation"),
         searchText.isEmpty ? .key(AppCommand.search, "search") : .key(AppCommand.back, "clear search"), .note(Self.legend)]
    }

    // MARK: Tasks

    public func pageTask(_ page: PageRequest, search: String) -> AppEffect { task(LoadPage(search: search, page: page)) }

    /// A page of active staff with their medicines competency.
    struct LoadPage: PageTask {
        typealias Target = ObservationsScreen
        var search: String
        var page: PageRequest

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> RecordPage<CompetencyRow> {
            try services.store.competencyPage(CompetencyQuery(search: search), page, at: now)
        }
    }

    /// Everyone active, for the observation form (it picks from everyone, not only the page
    /// shown), then the form opens with the selected person filled in.
    struct LoadFormStaff: ScreenTask {
        typealias Target = ObservationsScreen
        /// The person selected when the form was asked for.
        var selected: Int64?

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> [StaffMember] {
            try services.store.staff(includingInactive: false)
        }

        func apply(_ staff: [StaffMember], to screen: inout ObservationsScreen, context: ScreenContext) -> ScreenResponse {
            ScreenResponse(push: EvidenceForms.observation(staff: staff.filter(\.active), selected: selected, now: context.now))
        }
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [reloadPage(context: context)] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if let response = performPaged(command, context: context) { return response }
        switch command {
        case AppCommand.open:
            return .done
        case Self.add:
            let selected = paging.rows.indices.contains(list.state.selected) ? paging.rows[list.state.selected].person.id : nil
            return ScreenResponse(effects: [task(LoadFormStaff(selected: selected))])
        default:
            return .notHandled
        }
    }
}
