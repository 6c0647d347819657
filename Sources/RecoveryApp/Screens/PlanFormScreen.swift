import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// The plan form, in pages: the plan itself, risks and oversight, then one page per step.
/// Tab moves on through every field and page; Ctrl-S saves from anywhere. Editing a plan that
/// has started adds a last page asking for the reason (an amendment). The service, what the plan
/// answers, its owner, and each step's role and cadence are pick lists.
public struct PlanFormScreen: Screen {
    public static let screenID = "plan-form"
    public var title: String { planID == nil ? "New plan" : "Edit plan" }
    public var scopes: [KeyScope] { [.screen(id), .form] }
    public var isTyping: Bool { true }
    public var hasUnsavedInput: Bool { paged.hasUnsavedInput }
    /// True while a save is with the store (a second Ctrl-S is refused).
    public private(set) var saving = false

    /// The plan being edited, or nil for a new one.
    public let planID: Int64?
    private let status: PlanStatus?
    private let original: PlanDraft
    public private(set) var paged: PagedForm
    private var services: [Service] = []
    private var staff: [StaffMember] = []
    /// True once the services and staff for the pick lists have arrived.
    private var loaded = false

    static let stepGroup = "step"
    static let providerWide = "provider-wide"
    static let nobody = "nobody named"

    public init(draft: PlanDraft, planID: Int64?, status: PlanStatus?) {
        self.planID = planID
        self.status = status
        original = draft
        let date = { (value: Date?) in value.map(UKDateFormat.date) ?? "" }
        var pages = [
            FormPage("The plan", form: Form(fields: [
                FormField("title", label: "Title", field: TextField(value: draft.title), validator: FieldChecks.required("a title")),
                .pick("service", label: "Service", choices: [Choice(Self.providerWide)], hint: "Loading…"),
                .pick("source", label: "Answers (source)", selected: draft.source),
                FormField("reference", label: "Reference", field: TextField(value: draft.sourceReference), hint: "Notice or report ref."),
                FormField("dated", label: "Dated", field: TextField(value: date(draft.sourceDate)), hint: "dd/mm/yyyy",
                          validator: FieldChecks.date(optional: true)),
                FormField("starts", label: "Plan starts", field: TextField(value: UKDateFormat.date(draft.startDate)), hint: "dd/mm/yyyy",
                          validator: FieldChecks.date(optional: false)),
                FormField("baseline", label: "Baseline issue", field: TextField(value: draft.baseline),
                          validator: FieldChecks.required("the baseline issue")),
                FormField("baseline-figure", label: "Baseline figure",
                          field: TextField(value: draft.baselineFigure.map { String($0) } ?? ""),
                          hint: "Optional number", validator: FieldChecks.number(optional: true)),
                FormField("learning", label: "What we learned", field: TextField(value: draft.learning), hint: "Why it happened"),
                .pick("owner", label: "Owner", choices: [Choice(Self.nobody)], hint: "Who answers for it"),
            ], labelWidth: 20, fieldWidth: 34, rowSpacing: 0)),
            FormPage("Risks and oversight", form: Form(fields: [
                FormField("risks", label: "What can go wrong", field: TextField(value: draft.risks.joined(separator: "; ")),
                          hint: "Separate with ;"),
                FormField("warning-signs", label: "Warning signs", field: TextField(value: draft.warningSigns.joined(separator: "; ")),
                          hint: "Separate with ;"),
                FormField("escalation-route", label: "Escalation route", field: TextField(value: draft.escalationRoute)),
                FormField("consistency", label: "Kept consistent by", field: TextField(value: draft.consistency)),
                FormField("manager-weeks", label: "RM review (weeks)", field: TextField(value: String(draft.managerReviewWeeks)),
                          validator: FieldChecks.whole(1...52)),
                FormField("provider-months", label: "Provider review (months)",
                          field: TextField(value: String(draft.providerReviewMonths)), validator: FieldChecks.whole(1...12)),
                FormField("regulations", label: "Regulations",
                          field: TextField(value: draft.regulations.map(String.init).joined(separator: ", ")),
                          hint: "e.g. 12, 17", validator: FieldChecks.regulations),
                FormField("statements", label: "Quality statements", field: TextField(value: draft.qualityStatements.joined(separator: ", ")),
                          hint: "e.g. S8, W2"),
            ], labelWidth: 26, fieldWidth: 30, rowSpacing: 0)),
        ]
        for step in draft.steps.sorted(by: { $0.definition.position < $1.definition.position }) {
            pages.append(FormPage("Step", form: Form(fields: [
                .pick("role", label: "Who (role)", selected: step.definition.role),
                FormField("action", label: "Does what", field: TextField(value: step.definition.action),
                          validator: FieldChecks.required("what they do")),
                FormField("recorded-in", label: "Recorded in", field: TextField(value: step.definition.recordedIn),
                          validator: FieldChecks.required("where it is recorded")),
                .pick("cadence", label: "How often", selected: step.definition.cadence),
                FormField("first-due", label: "First due", field: TextField(value: UKDateFormat.date(step.firstDue)), hint: "dd/mm/yyyy",
                          validator: FieldChecks.date(optional: false)),
            ], labelWidth: 20, fieldWidth: 44, rowSpacing: 1), group: Self.stepGroup))
        }
        if let status, status != .draft {
            pages.append(FormPage("Why it changed", form: Form(fields: [
                FormField("change-reason", label: "Reason for change", validator: FieldChecks.required("why the plan is changing")),
            ], labelWidth: 20, fieldWidth: 44)))
        }
        paged = PagedForm(pages: pages)
    }

    public var keyHints: [Hint]? {
        [.note(paged.indicator), .key(AppCommand.nextField, "next field"), .key(AppCommand.save, "save"),
         .key(AppCommand.back, "leave")]
    }

    public func claims(_ key: Key) -> Bool { paged.current.claims(key) }

    public func appear(context: ScreenContext) -> [AppEffect] { [task(LoadChoices())] }

    /// Reading the lists again would not change what was chosen; they are read once.
    public func refresh(context: ScreenContext) -> [AppEffect] { [] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        switch FormCommands.perform(command, on: &paged) {
        case .handled: return FormCommands.status(paged.current)
        case .notHandled: return .notHandled
        case .save: return save()
        }
    }

    public mutating func type(_ key: Key, context: ScreenContext) -> ScreenResponse {
        _ = paged.handle(key)
        return .done
    }

    private mutating func save() -> ScreenResponse {
        if saving { return .message(.warning(FormCommands.savingMessage)) }
        if !loaded { return .message(.warning("Still loading the services and staff; try again in a moment.")) }
        if let refusal = FormCommands.refusal(&paged) { return refusal }
        let draft = makeDraft()
        if let problem = draft.problems.first { return .message(.error("Not saved: \(problem)")) }
        saving = true
        if let planID {
            let reason = status == .draft ? "Draft edited" : paged.text("change-reason")
            return ScreenResponse(effects: [task(AmendPlan(id: planID, draft: draft, reason: reason))])
        }
        return ScreenResponse(effects: [task(CreatePlan(draft: draft))])
    }

    /// The plan described by the form (only once every field validates).
    func makeDraft() -> PlanDraft {
        let plan = paged.pages[0].form, oversight = paged.pages[1].form
        var draft = original
        draft.title = plan.text("title")
        draft.serviceID = plan.pickedService("service", in: services)?.id
        draft.source = plan.picked("source") ?? draft.source
        draft.sourceReference = plan.text("reference")
        draft.sourceDate = UKDateFormat.parseDate(plan.text("dated"))
        draft.startDate = UKDateFormat.parseDate(plan.text("starts")) ?? draft.startDate
        draft.baseline = plan.text("baseline")
        draft.baselineFigure = Double(plan.text("baseline-figure"))
        draft.learning = plan.text("learning")
        draft.ownerID = plan.pickedStaff("owner", in: ownerChoices)?.id
        let list = { (text: String) in text.split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty } }
        draft.risks = list(oversight.text("risks"))
        draft.warningSigns = list(oversight.text("warning-signs"))
        draft.escalationRoute = oversight.text("escalation-route")
        draft.consistency = oversight.text("consistency")
        draft.managerReviewWeeks = Int(oversight.text("manager-weeks")) ?? draft.managerReviewWeeks
        draft.providerReviewMonths = Int(oversight.text("provider-months")) ?? draft.providerReviewMonths
        draft.regulations = oversight.text("regulations").split(separator: ",").compactMap { Int($0.trimmed) }
        draft.qualityStatements = oversight.text("statements").split(separator: ",").map { String($0).trimmed.uppercased() }
            .filter { !$0.isEmpty }
        draft.steps = paged.forms(in: Self.stepGroup).enumerated().map { index, form in
            PlanStepDraft(definition: PlanStepDefinition(position: index + 1, role: form.picked("role") ?? .teamLeader,
                                                         action: form.text("action"), recordedIn: form.text("recorded-in"),
                                                         cadence: form.picked("cadence") ?? .weekly),
                          firstDue: UKDateFormat.parseDate(form.text("first-due")) ?? draft.startDate)
        }
        return draft
    }

    /// The services offered: the active ones, and the plan's own even if retired.
    private var serviceChoices: [Service] { services.filter { $0.active || $0.id == original.serviceID } }
    /// The owners offered: active staff, and the plan's owner even if no longer active.
    private var ownerChoices: [StaffMember] { staff.filter { $0.active || $0.id == original.ownerID } }

    // MARK: Tasks

    /// The services and staff for the service and owner pick lists.
    struct LoadChoices: ScreenTask {
        typealias Target = PlanFormScreen

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> ServicesAndStaff {
            try services.servicesAndStaff(includingInactive: true)
        }

        func apply(_ lists: ServicesAndStaff, to screen: inout PlanFormScreen, context: ScreenContext) -> ScreenResponse {
            screen.services = lists.services
            screen.staff = lists.staff
            screen.loaded = true
            let planPage = screen.paged.pages[0].form
            let keepService = planPage[field: "service"].value != planPage[field: "service"].initialValue
            let keepOwner = planPage[field: "owner"].value != planPage[field: "owner"].initialValue
            var service = FormField.pick("service", label: "Service", services: screen.serviceChoices,
                                         selected: screen.original.serviceID, none: PlanFormScreen.providerWide)
            var owner = FormField.pick("owner", label: "Owner", staff: screen.ownerChoices, selected: screen.original.ownerID,
                                       none: PlanFormScreen.nobody, hint: "Who answers for it")
            if keepService { service.select(planPage["service"]) }
            if keepOwner { owner.select(planPage["owner"]) }
            screen.paged[field: "service"] = service
            screen.paged[field: "owner"] = owner
            return .done
        }
    }

    /// Saves a new plan, active.
    struct CreatePlan: ScreenTask {
        typealias Target = PlanFormScreen
        var draft: PlanDraft
        var changesStore: Bool { true }

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> PlanRecord {
            try services.store.createPlan(draft, activate: true, by: try services.signedIn(actor), at: now)
        }

        func apply(_ plan: PlanRecord, to screen: inout PlanFormScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            return ScreenResponse(pop: true, status: .ok("Plan \"\(plan.draft.title)\" saved as \(plan.status.title.lowercased())."))
        }

        func refused(_ error: StoreError, screen: inout PlanFormScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            return FormCommands.notSaved(error)
        }
    }

    /// Saves an edited plan (an amendment with its reason once the plan has started).
    struct AmendPlan: ScreenTask {
        typealias Target = PlanFormScreen
        var id: Int64
        var draft: PlanDraft
        var reason: String
        var changesStore: Bool { true }

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) {
            try services.store.amendPlan(id, to: draft, reason: reason, by: try services.signedIn(actor), at: now)
        }

        func apply(_ output: Void, to screen: inout PlanFormScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            return ScreenResponse(pop: true, status: .ok("Plan amended; the earlier version is kept in the audit log."))
        }

        func refused(_ error: StoreError, screen: inout PlanFormScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            return FormCommands.notSaved(error)
        }
    }

    // MARK: Drawing

    /// The paged form's area: below a blank row, indented, above the foot of the screen.
    private func formArea(_ area: Rect) -> Rect { area.inset(top: 1, left: 2, right: 1) }

    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenResponse {
        var rows = RowCursor(formArea(area))
        _ = rows.bottom()
        if let index = paged.current.fieldIndex(atScreenRow: point.y, in: paged.formRect(in: rows.rest())) {
            paged.current.move(to: index)
        }
        return FormCommands.status(paged.current)
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        var rows = RowCursor(formArea(area))
        let footer = rows.bottom()
        let body = rows.rest()
        paged.render(in: body, into: &buffer, theme: theme)
        if paged.page == 1 {
            // The outcome measures come with the template; they are shown here and kept as they are.
            var lines = RowCursor(body)
            lines.skip(2 + paged.current.height + 1)
            lines.text("Outcome measures (kept from the template):", into: &buffer, style: theme[.header], maxLines: 1)
            for measure in original.measures {
                let rules = measure.rules.map { $0.summary(period: measure.period) }.joined(separator: " and ")
                lines.text("• \(measure.name): \(rules)", into: &buffer, style: theme[.normal], maxLines: 1)
            }
            if original.measures.isEmpty {
                lines.text("None: a plan without a measure can never close.", into: &buffer, style: theme[.warning], maxLines: 1)
            }
        }
        let next = keyName(AppCommand.nextField, context: context), save = keyName(AppCommand.save, context: context)
        let back = keyName(AppCommand.back, context: context)
        buffer.write("\(next) moves through every field and page. \(save) saves. \(back) leaves (asks first).",
                     in: footer, style: theme[.muted])
        paged.renderOpenList(in: body, into: &buffer, theme: theme)
    }
}
