import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// One escalation and its lifecycle: `a` acknowledge, `r` record the response, `v` resolve with
/// the outcome. Each step is stamped; resolving records whether it was handled in time. It shows
/// what it answers (its sources) and Enter opens the first of them. The list keys scroll a long
/// account. Opened from the list it is handed the escalation and reads nothing; it reads the
/// escalation again only when shown after the store changed.
public struct EscalationDetailScreen: Screen {
    public static let screenID = "escalation"
    public let title = "Escalation"
    public let escalationID: Int64
    public private(set) var escalation: Escalation?
    private var services: [Service] = []
    private var body = ScrollingText()
    /// Set while an acknowledgement is being saved.
    public private(set) var saving = false

    /// Columns between the screen's edge and the text.
    static let margin = 2

    /// Opens an escalation by its id (it reads itself).
    public init(escalationID: Int64) { self.escalationID = escalationID }

    /// Opens an escalation the opener already has, with the services that name it.
    public init(escalation: Escalation, services: [Service]) {
        escalationID = escalation.id
        self.escalation = escalation
        self.services = services
    }

    public var scopes: [KeyScope] { [.screen(id), .list] }

    // MARK: Commands

    public static let acknowledge: CommandID = "escalation.acknowledge"
    public static let respond: CommandID = "escalation.respond"
    public static let resolve: CommandID = "escalation.resolve"
    public static let trail: CommandID = "escalation.trail"

    public static let commands = [
        binding(acknowledge, keys: [.character("a")], label: "Acknowledge", help: "Acknowledge the escalation", inKeyBar: true),
        binding(respond, keys: [.character("r")], label: "Respond", help: "Record the response", inKeyBar: true),
        binding(resolve, keys: [.character("v")], label: "Resolve",
                help: "Resolve it with the outcome (records whether it was in time)", inKeyBar: true),
        binding(trail, keys: [.character("t")], label: "Trail",
                help: "Its trail: what it answers, the plan it is about, and each step from raising to resolution"),
    ]

    public var keyHints: [Hint]? {
        [.key(AppCommand.open, "its record"), .key(Self.acknowledge, "acknowledge"), .key(Self.respond, "respond"),
         .key(Self.resolve, "resolve"), .key(Self.trail, "trail"), .key(AppCommand.back, "back")]
    }

    // MARK: Tasks

    /// The escalation and the services that name it.
    struct LoadEscalation: ScreenTask {
        typealias Target = EscalationDetailScreen
        var id: Int64

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> EscalationDetail {
            try services.escalationDetail(id)
        }

        func apply(_ detail: EscalationDetail, to screen: inout EscalationDetailScreen, context: ScreenContext) -> ScreenResponse {
            screen.escalation = detail.escalation
            screen.services = detail.services
            return .done
        }
    }

    /// Moves the escalation on; the page shows it as it now stands, with nothing read again.
    struct Advance: ScreenTask {
        typealias Target = EscalationDetailScreen
        var id: Int64
        var status: EscalationStatus
        var note: String
        var changesStore: Bool { true }

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> Escalation {
            try services.advanceEscalation(id, to: status, note: note, as: actor, at: now)
        }

        func apply(_ escalation: Escalation, to screen: inout EscalationDetailScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            screen.escalation = escalation
            var message = "Escalation \(escalation.status.title.lowercased())."
            if let inTime = escalation.handledInTime { message += inTime ? " Handled in time." : " Handled late." }
            return .message(.ok(message))
        }

        func refused(_ error: StoreError, screen: inout EscalationDetailScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            return .message(.error(error.description))
        }
    }

    /// Handed the escalation: nothing to read (unless the services were not known yet).
    public func appear(context: ScreenContext) -> [AppEffect] {
        escalation == nil || services.isEmpty ? [task(LoadEscalation(id: escalationID))] : []
    }

    /// Shown again after the store changed (a response or outcome was recorded): read it again.
    public func refresh(context: ScreenContext) -> [AppEffect] { [task(LoadEscalation(id: escalationID))] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        let lines = self.lines(width: ScrollingText.bodyWidth(context.contentWidth, margin: Self.margin), now: context.now)
        if body.perform(command, lineCount: lines.count, height: ScrollingText.bodyHeight(context.contentHeight)) {
            return .done
        }
        guard let escalation else { return .notHandled }
        switch command {
        case AppCommand.open:
            return openSource(of: escalation)
        case Self.acknowledge:
            guard !saving else { return .message(.info("Saving…; wait for it.")) }
            saving = true
            return ScreenResponse(effects: [task(Advance(id: escalation.id, status: .acknowledged, note: ""))])
        case Self.respond:
            return ScreenResponse(push: EvidenceForms.advance(escalation, to: .responded))
        case Self.resolve:
            return ScreenResponse(push: EvidenceForms.advance(escalation, to: .resolved))
        case Self.trail:
            return ScreenResponse(push: TrailScreen(.escalation(escalation.id), title: "escalation of \(UKDateFormat.date(escalation.raisedAt))"))
        default:
            return .notHandled
        }
    }

    /// Opens the first record the escalation answers.
    private func openSource(of escalation: Escalation) -> ScreenResponse {
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

    /// The account as lines with their roles, wrapped to `width`.
    func lines(width: Int, now: Date) -> [(String, StyleRole)] {
        guard let escalation else { return [("Loading…", .muted)] }
        let draft = escalation.draft
        func stamp(_ date: Date?) -> String { date.map { "\(UKDateFormat.date($0)) \(UKDateFormat.time($0))" } ?? "" }
        let service = services.first { $0.id == draft.serviceID }?.name ?? "?"
        let overdue = escalation.isOverdue(at: now)
        var account: [(String, StyleRole)] = [
            ("E-\(escalation.id) · \(draft.category.title) · \(draft.severity.title) · \(service)", .header),
            ("Happened \(stamp(draft.occurredAt)); raised by \(escalation.raisedBy) at \(stamp(escalation.raisedAt))", .muted),
            ("Escalated to: \(draft.escalatedToRole.title)" + (draft.escalatedToName.isEmpty ? "" : " (\(draft.escalatedToName))"), .normal),
            ("About: " + (draft.sources.isEmpty ? "nothing in particular (raised directly)"
                          : draft.sources.map(\.reference).joined(separator: "; ") + " (Enter opens it)"), .normal),
            ("What happened: \(draft.whatHappened)", .normal),
            ("Immediate action: \(draft.immediateAction.isEmpty ? "none recorded" : draft.immediateAction)", .normal),
            ("", .normal),
            ("Status: \(escalation.status.title) · due by \(stamp(escalation.dueBy))", overdue ? .red : .header),
        ]
        if overdue { account.append(("! Overdue", .red)) }
        if let at = escalation.acknowledgedAt { account.append(("Acknowledged \(stamp(at))", .normal)) }
        if let at = escalation.respondedAt { account.append(("Responded \(stamp(at)): \(escalation.response)", .normal)) }
        if let at = escalation.resolvedAt {
            account.append(("Resolved \(stamp(at)): \(escalation.outcome)", .normal))
            if let inTime = escalation.handledInTime {
                account.append((inTime ? "● Handled within its deadline." : "▲ Handled after its deadline.", inTime ? .ok : .red))
            }
        }
        return account.flatMap { line in
            line.0.isEmpty ? [line] : TextWrap.lines(line.0, width: width).map { ($0, line.1) }
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let all = lines(width: ScrollingText.bodyWidth(area.width, margin: Self.margin), now: context.now)
        body.render(all, in: area, margin: Self.margin, into: &buffer, theme: context.theme)
    }
}
