import ArgumentParser
import Foundation
import RecoveryModel
import RecoveryStore

/// `recoverydesk escalations`: escalations (all, or only open ones; every service or one),
/// overdue first, then newest. Reading needs no PIN.
struct EscalationsCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "escalations",
        abstract: "List escalations with their deadlines and where each one stands, overdue first.",
        discussion: """
        An escalation is overdue when it is not resolved by the end of its due day (UK working days \
        from the escalation policy, worked out when it was raised). Times are Europe/London. \
        \(CommandSupport.storeHelp)
        """
    )

    /// `--store PATH` is the root command's option (the app's own); it is read from there.
    @OptionGroup(visibility: .hidden) var root: RecoveryDeskCommand
    var store: String? { root.store }

    @Flag(name: .long, help: "Only escalations not yet resolved.")
    var open = false

    @Option(name: .long, help: ArgumentHelp("Only this service's escalations.", valueName: "name"))
    var service: String?

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    /// The day to judge overdue on (dd/mm/yyyy, at noon), for tests; now when not given.
    @Option(name: .long, help: .hidden)
    var today: String?

    func run() throws {
        try CommandSupport.guarded {
            let now = try CommandSupport.moment(today: today)
            let opened = try CommandSupport.openStore(store)
            let services = try opened.services(includingInactive: true)
            var serviceID: Int64?
            var wanted: String?
            if let service {
                let name = service.trimmingCharacters(in: .whitespaces)
                let matches = services.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }
                guard let match = matches.first(where: \.active) ?? matches.first else {
                    throw CommandFailure("There is no service called \(name).")
                }
                serviceID = match.id
                wanted = match.name
            }
            let names = Dictionary(services.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            let list = try opened.escalations(openOnly: open, serviceID: serviceID, at: now)
            switch format {
            case .json:
                let items = list.map { Self.json($0, serviceName: names[$0.draft.serviceID], now: now) }
                let data = try JSONSerialization.data(withJSONObject: items,
                                                      options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                CommandSupport.say(String(decoding: data, as: UTF8.self))
            case .text:
                if list.isEmpty {
                    let what = open ? "No open escalations" : "No escalations"
                    CommandSupport.say(wanted.map { "\(what) for \($0)." } ?? "\(what).")
                    return
                }
                CommandSupport.say(list.map { Self.text($0, serviceName: names[$0.draft.serviceID], now: now) }
                    .joined(separator: "\n\n"))
            }
        }
    }

    static func moment(_ date: Date) -> String { "\(UKDateFormat.date(date)) \(UKDateFormat.time(date))" }

    static func text(_ escalation: Escalation, serviceName: String?, now: Date) -> String {
        let draft = escalation.draft
        let overdue = escalation.isOverdue(at: now) ? " (overdue)" : ""
        var to = draft.escalatedToRole.title
        if !draft.escalatedToName.isEmpty { to += " (\(draft.escalatedToName))" }
        var lines = [
            "Escalation \(escalation.id): \(draft.category.title), \(draft.severity.title.lowercased()) — \(serviceName ?? "service \(draft.serviceID)")",
            "  \(escalation.status.title)\(overdue) — due by \(UKDateFormat.date(escalation.dueBy))",
            "  Raised \(moment(escalation.raisedAt)) by \(escalation.raisedBy), to \(to); happened \(moment(draft.occurredAt))",
            "  What happened: \(draft.whatHappened)",
        ]
        if !draft.immediateAction.isEmpty { lines.append("  Immediate action: \(draft.immediateAction)") }
        if !draft.sources.isEmpty { lines.append("  About: " + draft.sources.map(\.reference).joined(separator: "; ")) }
        if let at = escalation.acknowledgedAt { lines.append("  Acknowledged \(moment(at))") }
        if let at = escalation.respondedAt { lines.append("  Responded \(moment(at)): \(escalation.response)") }
        if let at = escalation.resolvedAt {
            let timing = escalation.handledInTime == true ? "in time" : "late"
            lines.append("  Resolved \(moment(at)) (\(timing)): \(escalation.outcome)")
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ escalation: Escalation, serviceName: String?, now: Date) -> [String: Any] {
        let draft = escalation.draft
        func optional(_ date: Date?) -> Any { date.map(moment) ?? NSNull() }
        func optional(_ id: Int64?) -> Any { id ?? NSNull() }
        return [
            "id": escalation.id,
            "service": serviceName ?? NSNull(),
            "category": draft.category.rawValue,
            "severity": draft.severity.rawValue,
            "status": escalation.status.rawValue,
            "overdue": escalation.isOverdue(at: now),
            "occurred_at": moment(draft.occurredAt),
            "raised_at": moment(escalation.raisedAt),
            "raised_by": escalation.raisedBy,
            "due_by": UKDateFormat.date(escalation.dueBy),
            "escalated_to_role": draft.escalatedToRole.rawValue,
            "escalated_to_name": draft.escalatedToName,
            "what_happened": draft.whatHappened,
            "immediate_action": draft.immediateAction,
            "about": draft.sources.map(\.reference),
            "acknowledged_at": optional(escalation.acknowledgedAt),
            "responded_at": optional(escalation.respondedAt),
            "response": escalation.response,
            "resolved_at": optional(escalation.resolvedAt),
            "outcome": escalation.outcome,
            "handled_in_time": escalation.handledInTime ?? NSNull(),
            "links": [
                "plan": optional(draft.links.planID), "step": optional(draft.links.stepID),
                "mar_check": optional(draft.links.marCheckID), "observation": optional(draft.links.observationID),
                "staff": optional(draft.links.staffID),
            ] as [String: Any],
        ]
    }
}
