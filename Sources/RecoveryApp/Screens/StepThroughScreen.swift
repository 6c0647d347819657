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

    public func appear(context: ScreenContext) -> [AppEffect] { [task(LoadPlan(planID: planID))] }

    public var scopes: [KeyScope] { [.screen(id), .list] }

    // MARK: Commands

    public static let done: CommandID = "step.done"
    public static let skip: CommandID = "step.skip"
    public static let problem: CommandID = "step.problem"
    public static let previous: CommandID = "step.previous"
    public static let next: CommandID = "step.next"

    public static let commands = [
        binding(done, keys: [.character("d")], label: "Done",
                help: "Mark this step done (with a note and where the evidence is)", inKeyBar: true),
        binding(skip, keys: [.character("s")], label: "Skip", help: "Skip this step this time (a reason is needed)",
                inKeyBar: true),
        binding(problem, keys: [.character("e")], label: "Problem", help: "Record a problem found that needs escalating",
                inKeyBar: true),
        binding(previous, keys: [.character("<"), .character(",")], label: "Previous", help: "Go to the previous step",
                inKeyBar: true),
        binding(next, keys: [.character(">"), .character(".")], label: "Next", help: "Go to the next step", inKeyBar: true),
    ]

    public var keyHints: [Hint]? {
        [.key(Self.done, "done"), .key(Self.skip, "skip"), .key(Self.problem, "problem found"),
         .key(Self.previous, "previous"), .key(Self.next, "next"), .key(AppCommand.open, "escalation"),
         .key(AppCommand.back, "back")]
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        guard let plan, steps.indices.contains(index) else { return .notHandled }
        let step = steps[index]
        let outcome: StepOutcome
        switch command {
        case AppCommand.open:
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
        case Self.previous:
            index = max(0, index - 1)
            return .done
        case Self.next:
            index = min(steps.count - 1, index + 1)
            return .done
        case Self.done: outcome = .done
        case Self.skip: outcome = .skipped
        case Self.problem: outcome = .problemFound
        default: return .notHandled
        }
        guard plan.status != .closed else { return .message(.info("This plan is closed; reopen it to record steps.")) }
        recording = (step.id, step.entries.count)
        return ScreenResponse(push: PlanForms.stepEntry(plan: plan, step: step, outcome: outcome, services: services,
                                                        now: context.now))
    }

    /// The plan and the active services (for an escalation about a problem found).
    struct LoadPlan: ScreenTask {
        typealias Target = StepThroughScreen
        var planID: Int64

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> StepThroughPlan {
            try services.stepThroughPlan(planID)
        }

        func apply(_ loaded: StepThroughPlan, to screen: inout StepThroughScreen, context: ScreenContext) -> ScreenResponse {
            screen.loaded(loaded, context: context)
        }
    }

    private mutating func loaded(_ loaded: StepThroughPlan, context: ScreenContext) -> ScreenResponse {
        services = loaded.services
        let first = plan == nil
        plan = loaded.plan
        if first {
            // Start at the first step that is due today or overdue.
            index = steps.firstIndex { step in step.nextDue.map { LondonDay($0) <= LondonDay(context.now) } ?? false } ?? 0
        } else if let pending = recording, let step = steps.first(where: { $0.id == pending.stepID }),
                  step.entries.count > pending.entries {
            recording = nil
            if index < steps.count - 1 {
                index += 1
            } else {
                return .message(.ok("That was step \(steps.count) of \(steps.count). \(keyName(AppCommand.back, context: context)) goes back to the plan."))
            }
        }
        return .done
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        guard let plan, steps.indices.contains(index) else {
            buffer.write("  Loading the steps…", in: area.row(1), style: theme[.muted])
            return
        }
        let step = steps[index]
        var rows = RowCursor(area.inset(top: 1, left: 2, bottom: 1, right: 2))
        func line(_ text: String, _ role: StyleRole, gap: Int = 0) {
            rows.text(text, into: &buffer, style: theme[role])
            rows.skip(gap)
        }
        func field(_ label: String, _ value: String) {
            rows.labelled(label, value, labelWidth: 14, into: &buffer, labelStyle: theme[.muted], valueStyle: theme[.normal])
        }
        line("Step \(step.definition.position) of \(steps.count) · \(plan.draft.title)", .header, gap: 1)
        field("Who", step.definition.role.title)
        field("Does what", step.definition.action)
        field("Record it in", step.definition.recordedIn)
        field("How often", step.definition.cadence.title)
        rows.skip()
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
        rows.skip()
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
