import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// One escalation and its lifecycle: `a` acknowledge, `r` record the response, `v` resolve with
/// the outcome. Each step is stamped; resolving records whether it was handled in time. It shows
/// what it answers (its sources) and Enter opens the first of them.
public struct EscalationDetailScreen: Screen {
    public static let screenID = "escalation"
    public let id = EscalationDetailScreen.screenID
    public let title = "Escalation"
    public let escalationID: Int64
    private var escalation: Escalation?
    private var services: [Service] = []

    public init(escalationID: Int64) { self.escalationID = escalationID }

    public var scopes: [KeyScope] { [.screen(id), .list] }

    public var hints: [String]? { ["Enter what it answers", "a acknowledge", "r response", "v resolve", "Esc back"] }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadEscalation(id: escalationID), context: context)] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        guard let escalation else { return .notHandled }
        if command == AppCommand.open {
            guard let source = escalation.draft.sources.first else {
                return .message(.info("This escalation was raised directly; it answers no particular record."))
            }
            switch source {
            case .finding(let checkID, _), .lateReturn(let checkID):
                return ScreenResponse(push: MARCheckDetailScreen(checkID: checkID))
            case .stepEntry:
                guard let planID = escalation.draft.links.planID else { return .message(.info("The plan of that step entry is not recorded.")) }
                return ScreenResponse(push: PlanDetailScreen(planID: planID))
            case .observation:
                guard let staffID = escalation.draft.links.staffID else { return .message(.info("The person observed is not recorded.")) }
                return ScreenResponse(push: StaffCompetencyScreen(staffID: staffID))
            }
        }
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
        case .escalation(let loaded, let services):
            escalation = loaded
            self.services = services
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
            ("E-\(escalation.id) · \(draft.category.title) · \(draft.severity.title) · \(service)", .header),
            ("Happened \(stamp(draft.occurredAt)); raised by \(escalation.raisedBy) at \(stamp(escalation.raisedAt))", .muted),
            ("Escalated to: \(draft.escalatedToRole.title)" + (draft.escalatedToName.isEmpty ? "" : " (\(draft.escalatedToName))"), .normal),
            ("About: " + (draft.sources.isEmpty ? "nothing in particular (raised directly)"
                          : draft.sources.map(\.reference).joined(separator: "; ") + " (Enter opens it)"), .normal),
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
