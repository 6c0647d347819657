import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// The plan form, in pages: the plan itself, risks and oversight, then one page per step.
/// Tab moves on through every field and page; Ctrl-S saves from anywhere. Editing a plan that
/// has started adds a last page asking for the reason (an amendment).
public struct PlanFormScreen: Screen {
    public static let screenID = "plan-form"
    public let id = PlanFormScreen.screenID
    public var title: String { planID == nil ? "New plan" : "Edit plan" }
    public var scopes: [KeyScope] { [.screen(id), .form] }
    public var isTyping: Bool { true }
    public var hasUnsavedInput: Bool { pages.contains { $0.hasUnsavedInput } }

    /// The plan being edited, or nil for a new one.
    public let planID: Int64?
    private let status: PlanStatus?
    private let original: PlanDraft
    public private(set) var pages: [Form]
    public private(set) var page = 0
    private var services: [Service] = []
    private var staff: [StaffMember] = []

    static let pageTitles = ["The plan", "Risks and oversight", "Step 1", "Step 2", "Step 3", "Step 4", "Step 5", "Why it changed"]

    public init(draft: PlanDraft, planID: Int64?, status: PlanStatus?) {
        self.planID = planID
        self.status = status
        original = draft
        let date = { (value: Date?) in value.map(UKDateFormat.date) ?? "" }
        var pages = [
            Form(fields: [
                FormField(label: "Title", field: TextField(value: draft.title), validator: FieldChecks.required("a title")),
                FormField(label: "Service", field: TextField(value: ""), hint: "Blank: provider-wide"),
                FormField(label: "Answers (source)", field: TextField(value: draft.source.title.lowercased()),
                          hint: "e.g. requirement notice", validator: PlanFormScreen.sourceCheck),
                FormField(label: "Reference", field: TextField(value: draft.sourceReference), hint: "Notice or report ref."),
                FormField(label: "Dated", field: TextField(value: date(draft.sourceDate)), hint: "dd/mm/yyyy",
                          validator: FieldChecks.date(optional: true)),
                FormField(label: "Plan starts", field: TextField(value: UKDateFormat.date(draft.startDate)), hint: "dd/mm/yyyy",
                          validator: FieldChecks.date(optional: false)),
                FormField(label: "Baseline issue", field: TextField(value: draft.baseline),
                          validator: FieldChecks.required("the baseline issue")),
                FormField(label: "Baseline figure", field: TextField(value: draft.baselineFigure.map { String($0) } ?? ""),
                          hint: "Optional number", validator: FieldChecks.number(optional: true)),
                FormField(label: "What we learned", field: TextField(value: draft.learning), hint: "Why it happened"),
                FormField(label: "Owner", field: TextField(value: ""), hint: "Who answers for it"),
            ], labelWidth: 20, fieldWidth: 34, rowSpacing: 0),
            Form(fields: [
                FormField(label: "What can go wrong", field: TextField(value: draft.risks.joined(separator: "; ")), hint: "Separate with ;"),
                FormField(label: "Warning signs", field: TextField(value: draft.warningSigns.joined(separator: "; ")), hint: "Separate with ;"),
                FormField(label: "Escalation route", field: TextField(value: draft.escalationRoute)),
                FormField(label: "Kept consistent by", field: TextField(value: draft.consistency)),
                FormField(label: "RM review (weeks)", field: TextField(value: String(draft.managerReviewWeeks)),
                          validator: FieldChecks.whole(1...52)),
                FormField(label: "Provider review (months)", field: TextField(value: String(draft.providerReviewMonths)),
                          validator: FieldChecks.whole(1...12)),
                FormField(label: "Regulations", field: TextField(value: draft.regulations.map(String.init).joined(separator: ", ")),
                          hint: "e.g. 12, 17", validator: FieldChecks.regulations),
                FormField(label: "Quality statements", field: TextField(value: draft.qualityStatements.joined(separator: ", ")),
                          hint: "e.g. S8, W2"),
            ], labelWidth: 26, fieldWidth: 30, rowSpacing: 0),
        ]
        for step in draft.steps.sorted(by: { $0.definition.position < $1.definition.position }) {
            pages.append(Form(fields: [
                FormField(label: "Who (role)", field: TextField(value: step.definition.role.title.lowercased()),
                          validator: FieldChecks.role),
                FormField(label: "Does what", field: TextField(value: step.definition.action),
                          validator: FieldChecks.required("what they do")),
                FormField(label: "Recorded in", field: TextField(value: step.definition.recordedIn),
                          validator: FieldChecks.required("where it is recorded")),
                FormField(label: "How often", field: TextField(value: step.definition.cadence.title.lowercased()),
                          hint: "daily, weekly, monthly...", validator: FieldChecks.cadence),
                FormField(label: "First due", field: TextField(value: UKDateFormat.date(step.firstDue)), hint: "dd/mm/yyyy",
                          validator: FieldChecks.date(optional: false)),
            ], labelWidth: 20, fieldWidth: 44, rowSpacing: 1))
        }
        if let status, status != .draft {
            pages.append(Form(fields: [
                FormField(label: "Reason for change", validator: FieldChecks.required("why the plan is changing")),
            ], labelWidth: 20, fieldWidth: 44))
        }
        self.pages = pages
    }

    static let sourceCheck: Validator = { value in
        source(named: value) == nil ? "e.g. inspection finding, requirement notice, audit, complaint" : nil
    }

    static func source(named value: String) -> PlanSource? {
        let folded = value.trimmed.lowercased()
        return PlanSource.allCases.first { $0.title.lowercased() == folded || $0.rawValue == folded }
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadStaff, context: context)] }

    public var hints: [String]? {
        ["Page \(page + 1) of \(pages.count): \(Self.pageTitles[min(page, Self.pageTitles.count - 1)])",
         "Tab next field", "Ctrl-S save", "Esc leave"]
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        switch command {
        case AppCommand.nextField:
            return moveForward()
        case AppCommand.previousField:
            if pages[page].focus == 0 && page > 0 {
                pages[page].validate(0)
                page -= 1
                pages[page].move(to: pages[page].fields.count - 1)
                return FormCommands.status(pages[page])
            }
            pages[page].focusPrevious()
            return FormCommands.status(pages[page])
        case AppCommand.submit:
            if page == pages.count - 1 && pages[page].focus == pages[page].fields.count - 1 { return save(context: context) }
            return moveForward()
        case AppCommand.save:
            return save(context: context)
        default:
            guard let key = DefaultKeymap.editingKeys[command] else { return .notHandled }
            _ = pages[page].handle(key)
            return .done
        }
    }

    private mutating func moveForward() -> ScreenResponse {
        if pages[page].focus == pages[page].fields.count - 1 && page < pages.count - 1 {
            pages[page].validate(pages[page].focus)
            page += 1
            pages[page].move(to: 0)
            return .done
        }
        pages[page].focusNext()
        return FormCommands.status(pages[page])
    }

    public mutating func type(_ key: Key, context: ScreenContext) -> ScreenResponse {
        _ = pages[page].handle(key)
        return .done
    }

    private mutating func save(context: ScreenContext) -> ScreenResponse {
        for index in pages.indices {
            if let refusal = FormCommands.refusal(&pages[index]) {
                page = index
                return refusal
            }
        }
        let draft: PlanDraft
        switch makeDraft() {
        case .success(let made): draft = made
        case .failure(let problem): return .message(.error("Not saved: \(problem.message)"))
        }
        if let problem = draft.problems.first { return .message(.error("Not saved: \(problem)")) }
        if let planID {
            let reason = status == .draft ? "Draft edited" : pages[pages.count - 1].values[0].trimmed
            return ScreenResponse(effects: [ask(.amendPlan(id: planID, draft: draft, reason: reason), context: context)])
        }
        return ScreenResponse(effects: [ask(.createPlan(draft, activate: true), context: context)])
    }

    struct Problem: Error { let message: String }

    private func makeDraft() -> Result<PlanDraft, Problem> {
        let plan = pages[0].values.map(\.trimmed)
        let oversight = pages[1].values.map(\.trimmed)
        var draft = original
        draft.title = plan[0]
        if plan[1].isEmpty {
            draft.serviceID = nil
        } else if let service = services.first(where: { $0.name.lowercased() == plan[1].lowercased() }) {
            draft.serviceID = service.id
        } else {
            return .failure(Problem(message: "there is no service called \"\(plan[1])\"."))
        }
        draft.source = Self.source(named: plan[2]) ?? draft.source
        draft.sourceReference = plan[3]
        draft.sourceDate = UKDateFormat.parseDate(plan[4])
        draft.startDate = UKDateFormat.parseDate(plan[5]) ?? draft.startDate
        draft.baseline = plan[6]
        draft.baselineFigure = Double(plan[7])
        draft.learning = plan[8]
        if plan[9].isEmpty {
            draft.ownerID = nil
        } else if let owner = staff.first(where: { $0.active && $0.name.lowercased() == plan[9].lowercased() }) {
            draft.ownerID = owner.id
        } else {
            return .failure(Problem(message: "there is no active member of staff called \"\(plan[9])\"."))
        }
        let list = { (text: String) in text.split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty } }
        draft.risks = list(oversight[0])
        draft.warningSigns = list(oversight[1])
        draft.escalationRoute = oversight[2]
        draft.consistency = oversight[3]
        draft.managerReviewWeeks = Int(oversight[4]) ?? draft.managerReviewWeeks
        draft.providerReviewMonths = Int(oversight[5]) ?? draft.providerReviewMonths
        draft.regulations = oversight[6].split(separator: ",").compactMap { Int($0.trimmed) }
        draft.qualityStatements = oversight[7].split(separator: ",").map { String($0).trimmed.uppercased() }.filter { !$0.isEmpty }
        draft.steps = (0..<5).map { index in
            let values = pages[2 + index].values.map(\.trimmed)
            return PlanStepDraft(definition: PlanStepDefinition(position: index + 1, role: Role(name: values[0]) ?? .teamLeader,
                                                                action: values[1], recordedIn: values[2],
                                                                cadence: FieldChecks.cadence(named: values[3]) ?? .weekly),
                                 firstDue: UKDateFormat.parseDate(values[4]) ?? draft.startDate)
        }
        return .success(draft)
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .staff(let people, let loaded):
            services = loaded
            staff = people
            if let serviceID = original.serviceID, let name = loaded.first(where: { $0.id == serviceID })?.name,
               pages[0].fields[1].value.isEmpty {
                pages[0].fields[1].field = TextField(value: name)
                pages[0].fields[1].initialValue = name
            }
            if let ownerID = original.ownerID, let name = people.first(where: { $0.id == ownerID })?.name,
               pages[0].fields[9].value.isEmpty {
                pages[0].fields[9].field = TextField(value: name)
                pages[0].fields[9].initialValue = name
            }
            return .done
        case .saved(let message): return ScreenResponse(pop: true, status: .ok(message))
        case .failed(let message): return .message(.error("Not saved: \(message)"))
        default: return .done
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let name = Self.pageTitles[min(page, Self.pageTitles.count - 1)]
        let heading = page >= 2 && page <= 6 ? "Step \(page - 1) of 5: who does what, where it is recorded, how often" : name
        buffer.write("  Page \(page + 1) of \(pages.count) · \(heading)", in: area.row(1), style: context.theme[.header])
        pages[page].render(in: area.inset(top: 3, left: 2, bottom: 2, right: 1), into: &buffer, theme: context.theme)
        if page == 1 {
            // The outcome measures come with the template; they are shown here and kept as they are.
            var y = area.y + 3 + pages[1].fields.count + 1
            buffer.write("  Outcome measures (kept from the template):", in: Rect(x: area.x, y: y, width: area.width, height: 1),
                         style: context.theme[.header])
            y += 1
            for measure in original.measures where y < area.maxY - 1 {
                let rules = measure.rules.map { $0.summary(period: measure.period) }.joined(separator: " and ")
                buffer.write("  • \(measure.name): \(rules)", in: Rect(x: area.x, y: y, width: area.width, height: 1),
                             style: context.theme[.normal])
                y += 1
            }
            if original.measures.isEmpty, y < area.maxY - 1 {
                buffer.write("  None: a plan without a measure can never close.", in: Rect(x: area.x, y: y, width: area.width, height: 1),
                             style: context.theme[.warning])
            }
        }
        buffer.write("  Tab moves through every field and page. Ctrl-S saves. Esc leaves (asks first).",
                     in: area.row(-1), style: context.theme[.muted])
    }
}
