import Foundation
import RecoveryModel
import TUI

/// Escalations, overdue first, then newest: due by, status, severity, category and what
/// happened. `a` raises one (anyone signed in); `f` shows open or all; Enter opens one to move
/// it on.
public struct EscalationsScreen: ListScreen {
    public let id = Section.escalations.rawValue
    public let title = Section.escalations.title
    public var list = ListPane(columns: [
        TableColumn(title: "Due by", width: .fixed(16)),
        TableColumn(title: "Status", width: .fixed(14)),
        TableColumn(title: "Severity", width: .fixed(14)),
        TableColumn(title: "Category", width: .flexible(minimum: 12)),
        TableColumn(title: "What happened", width: .flexible(minimum: 12)),
    ], emptyMessage: "No escalations. Press a to raise one.")
    private var escalations: [Escalation] = []
    private var services: [Service] = []
    private var staff: [StaffMember] = []
    public private(set) var openOnly = true
    private var now = Date()

    public init() {}

    public var rows: TableRows {
        TableRows(escalations.map { escalation in
            let due = "\(UKDateFormat.date(escalation.dueBy)) \(UKDateFormat.time(escalation.dueBy))"
            let late = escalation.isOverdue(at: now) ? "! " : ""
            return [due, late + escalation.status.title, escalation.draft.severity.title, escalation.draft.category.title,
                    escalation.draft.whatHappened]
        }, roles: Dictionary(uniqueKeysWithValues: escalations.enumerated().compactMap { index, escalation in
            escalation.isOverdue(at: now) ? (index, StyleRole.red) : nil
        }))
    }

    public var hints: [String]? { ["a raise", "Enter open", "f \(openOnly ? "open only" : "all")", "! overdue", "/ search"] }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadEscalations(openOnly: openOnly), context: context)] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        switch command.rawValue {
        case "escalations.add":
            return ScreenResponse(push: EvidenceForms.escalation(services: services.filter(\.active),
                                                                 serviceID: ServiceScope.homeService(of: context.user), now: context.now))
        case "escalations.filter":
            openOnly.toggle()
            list.state = TableState()
            return ScreenResponse(status: .info(openOnly ? "Showing open escalations." : "Showing every escalation."),
                                  effects: appear(context: context))
        case AppCommand.open.rawValue:
            guard escalations.indices.contains(list.state.selected) else { return .done }
            return ScreenResponse(push: EscalationDetailScreen(escalationID: escalations[list.state.selected].id))
        default:
            return .notHandled
        }
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .escalations(let loaded, let services, let staff):
            escalations = loaded
            self.services = services
            self.staff = staff
            now = context.now
            keepSelection(rowCount: loaded.count, context: context)
            return .done
        default:
            return savedOrFailed(reply, context: context) ?? .done
        }
    }
}
