import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Every active member of staff with their medicines competency, worked out from observations:
/// current, due within 30 days, expired, restricted or never assessed. Read a page at a time
/// from the store (only the people shown have their observations read); `/` narrows the list to
/// the people matching. `a` records an observation (supervisors and above).
public struct ObservationsScreen: PagedListScreen {
    public let id = Section.observations.rawValue
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
    /// Set while the observation form waits for the staff list.
    private var formPending = false

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

    public var hints: [String]? {
        ["a record an observation", searchText.isEmpty ? "/ search" : "Esc clear search",
         "● current ◆ due ▲ expired or restricted · never"]
    }

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

    public func appear(context: ScreenContext) -> [AppEffect] { [reloadPage(context: context)] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if let response = performPaged(command, context: context) { return response }
        if command == AppCommand.open { return .done }
        guard command.rawValue == "observations.add" else { return .notHandled }
        // The form picks from everyone, not only the page shown: ask for the staff first.
        formPending = true
        return ScreenResponse(effects: [ask(.loadStaff, context: context)])
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .competency(let page, let search):
            return receivePage(page, search: search, context: context)
        case .staff(let staff, _):
            guard formPending else { return .done }
            formPending = false
            var form = EvidenceForms.observation(staff: staff.filter(\.active), now: context.now)
            if paging.rows.indices.contains(list.state.selected) {
                form.prefill(0, with: paging.rows[list.state.selected].person.name)
            }
            return ScreenResponse(push: form)
        default:
            return savedOrFailed(reply, context: context) ?? .done
        }
    }
}
