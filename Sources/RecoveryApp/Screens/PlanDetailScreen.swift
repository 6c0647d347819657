import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// One plan, every part of it: how its outcome stands (each measure against its target, with a
/// trend), whether it could close, the five steps with what is due, governance reviews, what it
/// answers and why, and its history. The keys step through, record results and reviews, close
/// (through the closure guard), reopen, start or edit it; the list keys scroll. Opened from the
/// plans list it shows the row's title at once while the plan is read.
public struct PlanDetailScreen: Screen {
    public static let screenID = "plan"
    public var title: String { plan?.draft.title ?? listedTitle ?? "Plan" }
    public var scopes: [KeyScope] { [.screen(id), .list] }

    public let planID: Int64
    public private(set) var plan: PlanRecord?
    /// The title the plans list showed, until the plan is read.
    private let listedTitle: String?
    private var services: [Service] = []
    private var staff: [StaffMember] = []
    private var body = ScrollingText()

    /// Columns between the screen's edge and the text.
    static let margin = 1

    /// Opens a plan by its id.
    public init(planID: Int64) {
        self.planID = planID
        listedTitle = nil
    }

    /// Opens the plan of a row of the plans list, showing its title while the plan is read.
    public init(row: PlanListRow) {
        planID = row.id
        listedTitle = row.title
    }

    // MARK: Commands

    public static let stepThrough: CommandID = "plan.step-through"
    public static let measure: CommandID = "plan.measure"
    public static let review: CommandID = "plan.review"
    public static let start: CommandID = "plan.start"
    public static let monitor: CommandID = "plan.monitor"
    public static let close: CommandID = "plan.close"
    public static let reopen: CommandID = "plan.reopen"
    public static let edit: CommandID = "plan.edit"
    public static let trail: CommandID = "plan.trail"

    public static let commands = [
        binding(stepThrough, keys: [.character("s")], label: "Steps", help: "Step through the five steps", inKeyBar: true),
        binding(measure, keys: [.character("m")], label: "Result", help: "Enter a measure's result for a period", inKeyBar: true),
        binding(review, keys: [.character("r")], label: "Review", help: "Record a governance review", inKeyBar: true),
        binding(start, keys: [.character("g")], label: "Start", help: "Start a draft plan (make it active)"),
        binding(monitor, keys: [.character("w")], label: "Monitor",
                help: "Move the plan to monitoring (target met, being sustained), or back to active"),
        binding(close, keys: [.character("c")], label: "Close", help: "Close the plan (only when every measure is achieved)",
                inKeyBar: true),
        binding(reopen, keys: [.character("o")], label: "Reopen", help: "Reopen a closed plan (a reason is needed)"),
        binding(edit, keys: [.character("e")], label: "Edit", help: "Edit the plan (an amendment with a reason once started)"),
        binding(trail, keys: [.character("t")], label: "Trail",
                help: "The plan's trail: from the concern, through every record, to the outcome"),
    ]

    /// The keys that do something for the plan as it stands (all of them are in help).
    public var keyHints: [Hint]? {
        var hints: [Hint] = [.key(Self.trail, "trail"), .key(Self.stepThrough, "steps"), .key(Self.measure, "result"),
                             .key(Self.review, "review")]
        switch plan?.status {
        case .closed?:
            hints.append(.key(Self.reopen, "reopen"))
        case let status?:
            hints += [.key(Self.close, "close"), .key(Self.edit, "edit")]
            if status == .draft || status == .reopened { hints.append(.key(Self.start, "start")) }
            if status != .draft { hints.append(.key(Self.monitor, status == .monitoring ? "back to active" : "monitor")) }
        case nil:
            break
        }
        return hints + [.key(AppCommand.down, "scroll")]
    }

    // MARK: Tasks

    /// The plan with the services and staff that name its service and owner.
    struct LoadPlan: ScreenTask {
        typealias Target = PlanDetailScreen
        var id: Int64

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> PlanDetail {
            try services.planDetail(id)
        }

        func apply(_ detail: PlanDetail, to screen: inout PlanDetailScreen, context: ScreenContext) -> ScreenResponse {
            screen.plan = detail.plan
            screen.services = detail.services
            screen.staff = detail.staff
            return .done
        }
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [task(LoadPlan(id: planID))] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        let shown = lines(width: ScrollingText.bodyWidth(context.contentWidth, margin: Self.margin), context: context)
        if body.perform(command, lineCount: shown.count, height: ScrollingText.bodyHeight(context.contentHeight)) {
            return .done
        }
        if command == AppCommand.open { return .done }
        guard let plan else { return .notHandled }
        switch command {
        case Self.stepThrough:
            return ScreenResponse(push: StepThroughScreen(planID: planID))
        case Self.trail:
            return ScreenResponse(push: TrailScreen(planID: planID, title: plan.draft.title))
        case Self.measure:
            return ScreenResponse(push: PlanForms.measurement(plan: plan, today: context.now))
        case Self.review:
            // When the sign-off is all that is missing, the form offers the decision to close.
            let closure = ClosureGuard.check(plan, today: context.now, workingDays: context.environment.workingDays)
            let onlySignOff = !closure.gaps.isEmpty && closure.gaps.allSatisfy {
                if case .noSignOff = $0 { return true }
                return false
            }
            return ScreenResponse(push: PlanForms.review(plan: plan, suggestClose: onlySignOff && plan.status != .closed))
        case Self.close:
            guard plan.status != .closed else { return .message(.info("This plan is already closed.")) }
            return ScreenResponse(push: PlanForms.close(plan: plan))
        case Self.reopen:
            guard plan.status == .closed else { return .message(.info("Only a closed plan can be reopened.")) }
            return ScreenResponse(push: PlanForms.statusChange(plan: plan, to: .reopened, title: "Reopen the plan"))
        case Self.start:
            guard plan.status == .draft || plan.status == .reopened else {
                return .message(.info("The plan is already \(plan.status.title.lowercased())."))
            }
            return ScreenResponse(push: PlanForms.statusChange(plan: plan, to: .active, title: "Start the plan"))
        case Self.monitor:
            switch plan.status {
            case .active, .reopened:
                return ScreenResponse(push: PlanForms.statusChange(plan: plan, to: .monitoring, title: "Target met: monitor the plan"))
            case .monitoring:
                return ScreenResponse(push: PlanForms.statusChange(plan: plan, to: .active, title: "Back to active"))
            default:
                return .message(.info("Only an active plan can move to monitoring."))
            }
        case Self.edit:
            guard plan.status != .closed else {
                return .message(.info("Reopen the plan (\(keyName(Self.reopen, context: context))) before changing it."))
            }
            return ScreenResponse(push: PlanFormScreen(draft: plan.draft, planID: plan.id, status: plan.status))
        default:
            return .notHandled
        }
    }

    /// The plan as lines of text with their roles, wrapped to `width`.
    public func lines(width: Int, context: ScreenContext) -> [(String, StyleRole)] {
        guard let plan else { return [("Loading the plan…", .muted)] }
        var out: [(String, StyleRole)] = []
        /// Adds wrapped text; `indent` starts every line, `hang` further indents the lines after the first.
        func add(_ text: String, _ role: StyleRole = .normal, indent: String = "", hang: Int = 0) {
            let lines = TextWrap.lines(text, width: max(10, width - indent.count - hang))
            for (index, line) in lines.enumerated() {
                out.append((indent + (index == 0 ? "" : String(repeating: " ", count: hang)) + line, role))
            }
        }
        func heading(_ text: String) { out.append(("", .normal)); out.append((text, .header)) }
        let draft = plan.draft
        let today = context.now
        let standing = PlanStanding(plan: plan, today: today, workingDays: context.environment.workingDays)
        let service = draft.serviceID.flatMap { id in services.first { $0.id == id }?.name } ?? "Provider-wide"
        let owner = draft.ownerID.flatMap { id in staff.first { $0.id == id }?.name }
        var facts = "\(service) · \(plan.status.title) · started \(UKDateFormat.date(draft.startDate))"
        if let owner { facts += " · owner \(owner)" }
        add(facts, .muted)
        var source = "Answers: \(draft.source.title)"
        if !draft.sourceReference.isEmpty { source += " \(draft.sourceReference)" }
        if let date = draft.sourceDate { source += " of \(UKDateFormat.date(date))" }
        let answers = draft.regulations.map { "Reg \($0)" } + draft.qualityStatements
        if !answers.isEmpty { source += " · " + answers.joined(separator: ", ") }
        add(source, .muted)

        heading("Outcome")
        if plan.measures.isEmpty { add("No outcome measure: this plan cannot close until one is added.", .warning) }
        for (measure, evaluation) in zip(plan.measures, standing.evaluations) {
            let rag = PlanStanding.rag(for: evaluation.state)
            let rules = measure.definition.rules.map { $0.summary(period: measure.definition.period) }.joined(separator: " and ")
            add("\(rag.badge) \(evaluation.state.title): \(measure.definition.name) (\(rules))", rag.role, hang: 3)
            add(evaluation.why, .normal, indent: "    ")
            add("Figures: \(measure.definition.source.origin).", .muted, indent: "    ")
            for comparison in measure.comparisons {
                let period = PlanStanding.periodName(comparison.periodStart, measure.definition)
                let records = PlanStanding.figure(comparison.records, measure.definition)
                let typed = PlanStanding.figure(comparison.handEntered, measure.definition)
                if comparison.disagree {
                    add("! \(period): the records give \(records), entered by hand \(typed): sources disagree; the target uses the records.",
                        .warning, indent: "    ")
                } else {
                    add("\(period): entered by hand \(typed), the records give \(records): they agree.", .muted, indent: "    ")
                }
            }
            let recent = PlanStanding.latestPercents(measure, count: 12)
            if !recent.isEmpty {
                let spark = Sparkline(values: recent, range: 0...100).text(width: recent.count)
                let target = measure.definition.rules.compactMap(PlanStanding.percentTarget).first
                let figures = recent.compactMap { $0 }.suffix(3).map { String(format: "%.0f%%", $0) }.joined(separator: ", ")
                add("Trend \(spark)  latest \(figures)" + (target.map { String(format: "  target %.0f%%", $0) } ?? ""),
                    .muted, indent: "    ")
            }
        }
        if plan.status == .closed {
            add("Closed.", .ok)
        } else if standing.closure.canClose {
            let key = context.keyName(Self.close, scopes: scopes)
            add("● Targets met, steps recorded and the closure signed off: the plan can be closed (\(key)).", .ok, hang: 2)
        } else {
            add("Not ready to close:", .normal)
            for gap in standing.closure.gaps { add("• " + gap.line, .normal, indent: "  ", hang: 2) }
        }
        if plan.status != .closed, let review = standing.closure.signOff {
            add("Signed off: \(review.kind.title.lowercased()) of \(UKDateFormat.date(review.occurredAt)) by \(review.recordedBy) decided to close.",
                .muted, indent: "  ", hang: 2)
        }

        heading("The five steps")
        for step in plan.steps.sorted(by: { $0.definition.position < $1.definition.position }) {
            let definition = step.definition
            add("\(definition.position). \(definition.role.title): \(definition.action)", .normal, hang: 3)
            var when = "Recorded in \(definition.recordedIn) · \(definition.cadence.title.lowercased())"
            if let last = step.lastEntry {
                when += " · last \(last.outcome.symbol) \(last.outcome.title.lowercased()) \(UKDateFormat.date(last.occurredAt))"
                if last.outcome == .skipped, !last.note.isEmpty { when += " (\(last.note))" }
            }
            if plan.status != .closed, let next = step.nextDue {
                when += step.isOverdue(today: today) ? " · ! overdue since \(UKDateFormat.date(next))" : " · next due \(UKDateFormat.date(next))"
            }
            add(when, step.isOverdue(today: today) && plan.status != .closed ? .warning : .muted, indent: "   ")
        }

        heading("Governance")
        for kind in ReviewKind.allCases {
            let reviews = plan.reviews.filter { $0.kind == kind }.sorted { $0.occurredAt < $1.occurredAt }
            let last = reviews.last
            let due = ReviewSchedule.nextDue(kind: kind, plan: plan, last: last?.occurredAt)
            let interval = kind == .manager
                ? (draft.managerReviewWeeks == 1 ? "every week" : "every \(draft.managerReviewWeeks) weeks")
                : (draft.providerReviewMonths == 1 ? "every month" : "every \(draft.providerReviewMonths) months")
            var text = "\(kind.title): \(interval)"
            if let last { text += " · last \(UKDateFormat.date(last.occurredAt)) (\(last.decision.title.lowercased()))" }
            let overdue = plan.status != .closed && LondonDay(due) < LondonDay(today)
            text += overdue ? " · ! overdue since \(UKDateFormat.date(due))" : " · next by \(UKDateFormat.date(due))"
            add(text, overdue ? .warning : .normal)
            if let last, !last.challenge.isEmpty { add("Challenge: \(last.challenge)", .muted, indent: "   ") }
        }

        heading("Why, and what could go wrong")
        add("Baseline: \(draft.baseline)" + (draft.baselineFigure.map { String(format: " (figure %g)", $0) } ?? ""))
        if !draft.learning.isEmpty { add("What we learned: \(draft.learning)") }
        if !draft.risks.isEmpty { add("What can go wrong: " + draft.risks.joined(separator: "; ")) }
        if !draft.warningSigns.isEmpty { add("Warning signs: " + draft.warningSigns.joined(separator: "; ")) }
        if !draft.escalationRoute.isEmpty { add("Escalation route: \(draft.escalationRoute)") }
        if !draft.consistency.isEmpty { add("Kept consistent by: \(draft.consistency)") }

        heading("History")
        for change in plan.statusChanges {
            add("\(UKDateFormat.date(change.at)) \(UKDateFormat.time(change.at)) \(change.by): \(change.to.title.lowercased()) — \(change.reason)", .muted)
        }
        return out
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let all = lines(width: ScrollingText.bodyWidth(area.width, margin: Self.margin), context: context)
        body.render(all, in: area, margin: Self.margin, into: &buffer, theme: context.theme)
    }
}
