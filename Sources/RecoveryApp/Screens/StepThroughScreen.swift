import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// The step-through: one step per page, "Step 2 of 5", who does what, where to record it, what
/// was last recorded (a skip shown as skipped, with its reason, never as done) and when it is
/// next due. `d` done, `s` skip, `e` problem found, Left and
/// Right to move; Enter follows the step's latest "problem found" to its escalation (or raises
/// one about it when none was). After a step is recorded the next one shows, so a team leader at
/// the end of a shift gets through their due steps in a few keys each.
public struct StepThroughScreen: Screen {
    public static let screenID = "step-through"
    public let id = StepThroughScreen.screenID
    public var title: String { "Steps" }

    public let planID: Int64
    public private(set) var plan: PlanRecord?
    /// The step shown (0-based, in position order).
    public private(set) var index = 0
    /// The step being recorded and how many entries it had, to move on once it is saved.
    private var recording: (stepID: Int64, entries: Int)?
    private var services: [Service] = []

    public init(planID: Int64) { self.planID = planID }

    private var steps: [PlanStep] { plan?.steps.sorted { $0.definition.position < $1.definition.position } ?? [] }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadPlan(id: planID), context: context)] }

    public var scopes: [KeyScope] { [.screen(id), .list] }

    public var hints: [String]? { ["d done", "s skip", "e problem found", "< > previous/next", "Enter escalation", "Esc back"] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        guard let plan, steps.indices.contains(index) else { return .notHandled }
        let step = steps[index]
        if command == AppCommand.open {
            guard let entry = step.entries.last(where: { $0.outcome == .problemFound }) else {
                return .message(.info("No problem has been found at this step, so there is no escalation to open."))
            }
            if let escalationID = entry.escalationIDs.last {
                return ScreenResponse(push: EscalationDetailScreen(escalationID: escalationID))
            }
            let due = EscalationDue.of(entry, step: step, plan: plan)
            return ScreenResponse(push: EvidenceForms.escalation(
                services: services, serviceID: plan.draft.serviceID, whatHappened: due?.whatHappened ?? entry.note,
                links: EscalationLinks(planID: plan.id, stepID: step.id), sources: due.map { [$0.source] } ?? [],
                now: context.now))
        }
        let outcome: StepOutcome
        switch command.rawValue {
        case "step.previous":
            index = max(0, index - 1)
            return .done
        case "step.next":
            index = min(steps.count - 1, index + 1)
            return .done
        case "step.done": outcome = .done
        case "step.skip": outcome = .skipped
        case "step.problem": outcome = .problemFound
        default: return .notHandled
        }
        guard plan.status != .closed else { return .message(.info("This plan is closed; reopen it to record steps.")) }
        recording = (step.id, step.entries.count)
        return ScreenResponse(push: PlanForms.stepEntry(plan: plan, step: step, outcome: outcome, services: services,
                                                        now: context.now))
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .plan(let loaded, let services, _):
            self.services = services.filter(\.active)
            let first = plan == nil
            plan = loaded
            if first {
                // Start at the first step that is due today or overdue.
                index = steps.firstIndex { step in step.nextDue.map { LondonDay($0) <= LondonDay(context.now) } ?? false } ?? 0
            } else if let pending = recording, let step = steps.first(where: { $0.id == pending.stepID }),
                      step.entries.count > pending.entries {
                recording = nil
                if index < steps.count - 1 {
                    index += 1
                } else {
                    return .message(.ok("That was step 5 of 5. Esc goes back to the plan."))
                }
            }
            return .done
        case .failed(let message):
            return .message(.error(message))
        default:
            return .done
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        guard let plan, steps.indices.contains(index) else {
            buffer.write("  Loading the steps…", in: area.row(1), style: theme[.muted])
            return
        }
        let step = steps[index]
        let inner = area.inset(top: 1, left: 2, bottom: 1, right: 2)
        var y = inner.y
        func line(_ text: String, _ role: StyleRole, gap: Int = 0) {
            for piece in TextWrap.lines(text, width: max(10, inner.width)) where y < inner.maxY {
                buffer.write(piece, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: theme[role])
                y += 1
            }
            y += gap
        }
        func field(_ label: String, _ value: String) {
            let labelWidth = 14
            for (offset, piece) in TextWrap.lines(value, width: max(10, inner.width - labelWidth)).enumerated() where y < inner.maxY {
                if offset == 0 {
                    buffer.write(label, in: Rect(x: inner.x, y: y, width: labelWidth, height: 1), style: theme[.muted])
                }
                buffer.write(piece, in: Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: 1),
                             style: theme[.normal])
                y += 1
            }
        }
        line("Step \(step.definition.position) of \(steps.count) · \(plan.draft.title)", .header, gap: 1)
        field("Who", step.definition.role.title)
        field("Does what", step.definition.action)
        field("Record it in", step.definition.recordedIn)
        field("How often", step.definition.cadence.title)
        y += 1
        if let last = step.lastEntry {
            var text = "Last recorded: \(last.outcome.symbol) \(last.outcome.title.lowercased()) \(UKDateFormat.date(last.occurredAt)) \(UKDateFormat.time(last.occurredAt)) by \(last.recordedBy)"
            if last.outcome == .skipped, !last.note.isEmpty { text += "; reason: \(last.note)" }
            line(text, last.outcome == .skipped ? .warning : .normal)
        } else {
            line("Not recorded yet.", .muted)
        }
        if plan.status == .closed {
            line("The plan is closed.", .muted)
        } else if let next = step.nextDue {
            if step.isOverdue(today: context.now) {
                line("! Overdue: it was due \(UKDateFormat.date(next)).", .warning)
            } else {
                line("Next due: \(UKDateFormat.date(next)).", .normal)
            }
        } else if step.lastEntry?.outcome == .skipped {
            line("Skipped: a one-off step that was not done.", .warning)
        } else {
            line("Done: a one-off step.", .ok)
        }
        y += 1
        let recent = step.entries.suffix(3).reversed()
        if !recent.isEmpty { line("Recent records:", .header) }
        for entry in recent {
            var text = "\(UKDateFormat.date(entry.occurredAt)) \(entry.outcome.symbol) \(entry.outcome.title)"
            if !entry.note.isEmpty { text += ": \(entry.note)" }
            if !entry.evidence.isEmpty { text += " (evidence: \(entry.evidence))" }
            if entry.outcome == .problemFound {
                text += entry.escalationIDs.isEmpty ? " · not escalated"
                    : " · escalated " + entry.escalationIDs.map { "E-\($0)" }.joined(separator: ", ")
            }
            line(text, entry.outcome == .problemFound && entry.escalationIDs.isEmpty ? .warning : .muted)
        }
        let dots = steps.enumerated().map { offset, candidate -> String in
            let overdue = candidate.isOverdue(today: context.now) && plan.status != .closed
            let mark = overdue ? "!" : (candidate.lastEntry?.outcome.symbol ?? "·")
            return offset == index ? "[\(candidate.definition.position)\(mark)]" : " \(candidate.definition.position)\(mark) "
        }.joined()
        buffer.write("  " + dots + "  ✓ done ⤼ skipped ⚑ problem ! overdue · not yet", in: area.row(-1), style: theme[.muted])
    }
}
