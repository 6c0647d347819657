import Foundation
import RecoveryModel
import TUI

/// Every member of staff with their medicines competency, worked out from observations:
/// current, due within 30 days, expired, restricted or never assessed. `a` records an
/// observation (supervisors and above).
public struct ObservationsScreen: ListScreen {
    public let id = Section.observations.rawValue
    public let title = Section.observations.title
    public var list = ListPane(columns: [
        TableColumn(title: "Staff member", width: .flexible(minimum: 14)),
        TableColumn(title: "Role", width: .fixed(16)),
        TableColumn(title: "Medicines competency", width: .fixed(26)),
        TableColumn(title: "Last observed", width: .fixed(18)),
    ], emptyMessage: "No staff yet.")
    private var rowsData: [CompetencyRow] = []

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

    public var rows: TableRows {
        TableRows(rowsData.map { row in
            let latest = row.latest.map { "\(UKDateFormat.date($0.draft.occurredAt)) \($0.draft.kind.title.lowercased())" } ?? ""
            return [row.person.name, row.person.role.title, "\(Self.badge(row.status).0) \(row.status.title)", latest]
        }, roles: Dictionary(uniqueKeysWithValues: rowsData.enumerated().compactMap { index, row in
            switch row.status {
            case .restricted, .expired: return (index, StyleRole.warning)
            default: return nil
            }
        }))
    }

    public var hints: [String]? { ["a record an observation", "/ search", "● current ◆ due ▲ expired or restricted · never"] }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadCompetency, context: context)] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) || command == AppCommand.open { return .done }
        guard command.rawValue == "observations.add" else { return .notHandled }
        var form = EvidenceForms.observation(staff: rowsData.map(\.person), now: context.now)
        if rowsData.indices.contains(list.state.selected) {
            form.prefill(0, with: rowsData[list.state.selected].person.name)
        }
        return ScreenResponse(push: form)
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .competency(let loaded, _):
            rowsData = loaded
            keepSelection(rowCount: loaded.count, context: context)
            return .done
        default:
            return savedOrFailed(reply, context: context) ?? .done
        }
    }
}
