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
            list.state.clamp(rowCount: loaded.count, pageSize: ListPane.pageSize(forContentHeight: context.contentHeight))
            return .done
        default:
            return savedOrFailed(reply, context: context) ?? .done
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        list.render(into: &buffer, area: area, source: rows, theme: context.theme)
    }
}

/// Escalations, overdue first, then newest: due by, status, severity, category and what
/// happened. `a` raises one (anyone signed in); `f` shows open or all; Enter opens one to move
/// it on.
public struct EscalationsScreen: ListScreen {
    public let id = Section.escalations.rawValue
    public let title = Section.escalations.title
    public var list = ListPane(columns: [
        TableColumn(title: "Due by", width: .fixed(18)),
        TableColumn(title: "Status", width: .fixed(12)),
        TableColumn(title: "Severity", width: .fixed(14)),
        TableColumn(title: "Category", width: .fixed(18)),
        TableColumn(title: "What happened", width: .flexible(minimum: 16)),
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
            return [late + due, escalation.status.title, escalation.draft.severity.title, escalation.draft.category.title,
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
            return ScreenResponse(push: EvidenceForms.escalation(services: services.filter(\.active), serviceID: nil, now: context.now))
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
            list.state.clamp(rowCount: loaded.count, pageSize: ListPane.pageSize(forContentHeight: context.contentHeight))
            return .done
        default:
            return savedOrFailed(reply, context: context) ?? .done
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        list.render(into: &buffer, area: area, source: rows, theme: context.theme)
    }
}

/// One escalation and its lifecycle: `a` acknowledge, `r` record the response, `v` resolve with
/// the outcome. Each step is stamped; resolving records whether it was handled in time.
public struct EscalationDetailScreen: Screen {
    public static let screenID = "escalation"
    public let id = EscalationDetailScreen.screenID
    public let title = "Escalation"
    public let escalationID: Int64
    private var escalation: Escalation?
    private var services: [Service] = []
    private var staff: [StaffMember] = []

    public init(escalationID: Int64) { self.escalationID = escalationID }

    public var hints: [String]? { ["a acknowledge", "r response", "v resolve", "Esc back"] }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadEscalations(openOnly: false), context: context)] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        guard let escalation else { return .notHandled }
        switch command.rawValue {
        case "escalation.acknowledge":
            return ScreenResponse(effects: [ask(.advanceEscalation(id: escalation.id, to: .acknowledged, note: ""), context: context)])
        case "escalation.respond":
            return ScreenResponse(push: EvidenceForms.advance(escalation, to: .responded))
        case "escalation.resolve":
            return ScreenResponse(push: EvidenceForms.advance(escalation, to: .resolved))
        default:
            return .notHandled
        }
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .escalations(let loaded, let services, let staff):
            escalation = loaded.first { $0.id == escalationID }
            self.services = services
            self.staff = staff
            return .done
        case .saved(let message):
            return ScreenResponse(status: .ok(message), effects: appear(context: context))
        case .failed(let message):
            return .message(.error(message))
        default:
            return .done
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        guard let escalation else {
            buffer.write("  Loading…", in: area.row(1), style: theme[.muted])
            return
        }
        let draft = escalation.draft
        func stamp(_ date: Date?) -> String { date.map { "\(UKDateFormat.date($0)) \(UKDateFormat.time($0))" } ?? "" }
        let service = services.first { $0.id == draft.serviceID }?.name ?? "?"
        var lines: [(String, StyleRole)] = [
            ("\(draft.category.title) · \(draft.severity.title) · \(service)", .header),
            ("Happened \(stamp(draft.occurredAt)); raised by \(escalation.raisedBy) at \(stamp(escalation.raisedAt))", .muted),
            ("Escalated to: \(draft.escalatedToRole.title)" + (draft.escalatedToName.isEmpty ? "" : " (\(draft.escalatedToName))"), .normal),
            ("What happened: \(draft.whatHappened)", .normal),
            ("Immediate action: \(draft.immediateAction.isEmpty ? "none recorded" : draft.immediateAction)", .normal),
            ("", .normal),
            ("Status: \(escalation.status.title) · due by \(stamp(escalation.dueBy))", escalation.isOverdue(at: context.now) ? .red : .header),
        ]
        if escalation.isOverdue(at: context.now) { lines.append(("! Overdue", .red)) }
        if let at = escalation.acknowledgedAt { lines.append(("Acknowledged \(stamp(at))", .normal)) }
        if let at = escalation.respondedAt { lines.append(("Responded \(stamp(at)): \(escalation.response)", .normal)) }
        if let at = escalation.resolvedAt {
            lines.append(("Resolved \(stamp(at)): \(escalation.outcome)", .normal))
            if let inTime = escalation.handledInTime {
                lines.append((inTime ? "● Handled within its deadline." : "▲ Handled after its deadline.", inTime ? .ok : .red))
            }
        }
        var y = area.y + 1
        for line in lines {
            for piece in TextWrap.lines(line.0, width: max(10, area.width - 4)) where y < area.maxY {
                buffer.write("  " + piece, in: Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[line.1])
                y += 1
            }
        }
    }
}
