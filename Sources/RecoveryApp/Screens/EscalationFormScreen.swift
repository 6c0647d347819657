import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Raising an escalation. Its "About" field is a pick list of what at the chosen service still
/// awaits an escalation (findings that need one, charts returned late, plan steps that found a
/// problem; newest first), or none for one raised directly; several items of one MAR check can
/// be chosen together. Choosing an item carries its words into "What happened" (unless that was
/// typed over) and its category. Service, About, category, severity and role are pick lists; a
/// refused save keeps everything.
public struct EscalationFormScreen: Screen {
    public static let screenID = "raise-escalation"
    public let title = "Raise an escalation"
    public var scopes: [KeyScope] { [.screen(id), .form] }
    public var isTyping: Bool { true }
    public var hasUnsavedInput: Bool { form.hasUnsavedInput }
    /// True while a save is with the store (a second Ctrl-S is refused).
    public private(set) var saving = false

    /// One entry of the About list: its label and the sources it stands for.
    struct AboutChoice: Sendable {
        let label: String
        let sources: [EscalationSource]
        let due: [EscalationDue]
    }

    static let noneLabel = "None: raised directly"
    static let noneChoice = AboutChoice(label: noneLabel, sources: [], due: [])

    private let services: [Service]
    private let links: EscalationLinks
    private let now: Date
    /// What to choose in About once the list arrives (e.g. the findings of a check just saved).
    private var preselect: [EscalationSource]
    /// The About list's entries, in the order of the pick list's choices.
    private var about: [AboutChoice] = [EscalationFormScreen.noneChoice]
    /// The service whose list is loaded (or being loaded).
    private var aboutService: Int64?
    private var loading = true
    /// The "What happened" text last filled in from About, to know whether it was typed over.
    private var filledWhatHappened: String
    private var filledCategory: EscalationCategory
    public private(set) var form: Form

    public init(services: [Service], serviceID: Int64?, category: EscalationCategory = .other,
                severity: EscalationSeverity = .moderate, whatHappened: String = "", links: EscalationLinks = EscalationLinks(),
                sources: [EscalationSource] = [], now: Date) {
        self.services = services
        self.links = links
        self.now = now
        preselect = sources
        filledWhatHappened = whatHappened
        filledCategory = category
        let stamp = "\(UKDateFormat.date(now)) \(UKDateFormat.time(now))"
        form = Form(fields: [
            .pick("service", label: "Service", services: services, selected: serviceID),
            .pick("about", label: "About", choices: [Choice(Self.noneLabel)], hint: "Loading…"),
            .pick("category", label: "Category", selected: category),
            .pick("severity", label: "Severity", selected: severity),
            FormField("when", label: "When it happened", field: TextField(value: stamp), hint: "dd/mm/yyyy hh:mm",
                      validator: { PlanForms.moment($0, now: now) == nil ? "Write dd/mm/yyyy hh:mm" : nil }),
            .pick("role", label: "Escalated to (role)", selected: Role.registeredManager),
            FormField("name", label: "Their name", hint: "Optional"),
            FormField("what-happened", label: "What happened", field: TextField(value: whatHappened),
                      validator: FieldChecks.required("what happened")),
            FormField("immediate-action", label: "Immediate action", hint: "What was done at once"),
        ], labelWidth: 22, fieldWidth: 34, rowSpacing: 0)
        aboutService = form.pickedService("service", in: services)?.id
    }

    private var selectedService: Service? { form.pickedService("service", in: services) }

    /// The About entry chosen (by its place in the list, so two items with the same words stay apart).
    private var chosenAbout: AboutChoice {
        form.selectedIndex(of: "about").flatMap { about.indices.contains($0) ? about[$0] : nil } ?? Self.noneChoice
    }

    /// The sources chosen in About.
    public var chosenSources: [EscalationSource] { chosenAbout.sources }

    public var keyHints: [Hint]? {
        [.key(AppCommand.nextField, "next"), .note("↑ ↓ or letters choose"), .key(AppCommand.save, "save"),
         .key(AppCommand.back, "leave")]
    }

    public func claims(_ key: Key) -> Bool { form.claims(key) }

    public func appear(context: ScreenContext) -> [AppEffect] {
        guard let aboutService else { return [] }
        return [task(LoadAbout(serviceID: aboutService))]
    }

    /// Reading the About list again would drop the choice made; it is read when the service changes.
    public func refresh(context: ScreenContext) -> [AppEffect] { [] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        let before = form.selectedIndex(of: "about")
        switch FormCommands.perform(command, on: &form) {
        case .handled:
            var response = FormCommands.status(form)
            response.effects = followChoices(aboutBefore: before)
            return response
        case .notHandled:
            return .notHandled
        case .save:
            if saving { return .message(.warning(FormCommands.savingMessage)) }
            if let refusal = FormCommands.refusal(&form) { return refusal }
            if loading { return .message(.warning("Still loading the About list; try again in a moment.")) }
            saving = true
            return ScreenResponse(effects: [task(Raise(draft: draft()))])
        }
    }

    public mutating func type(_ key: Key, context: ScreenContext) -> ScreenResponse {
        let before = form.selectedIndex(of: "about")
        _ = form.handle(key)
        return ScreenResponse(effects: followChoices(aboutBefore: before))
    }

    /// After a key: carries a new About choice into the form, and reads the About list again
    /// when the service changed.
    private mutating func followChoices(aboutBefore: Int?) -> [AppEffect] {
        if form.selectedIndex(of: "about") != aboutBefore { aboutChanged() }
        guard let service = selectedService, service.id != aboutService else { return [] }
        aboutService = service.id
        loading = true
        preselect = []
        about = [Self.noneChoice]
        form[field: "about"].setChoices([Self.noneLabel])
        form[field: "about"].hint = "Loading…"
        return [task(LoadAbout(serviceID: service.id))]
    }

    /// Carries the chosen item's words and category into the form, unless they were typed over.
    private mutating func aboutChanged() {
        let due = chosenAbout.due
        guard let first = due.first else { return }
        let what = due.count == 1 ? first.whatHappened : due.map(\.whatHappened).joined(separator: " ")
        if form.text("what-happened").isEmpty || form["what-happened"] == filledWhatHappened {
            form["what-happened"] = what
            filledWhatHappened = what
            form.validate(form.index(of: "what-happened") ?? 0)
        }
        if form.picked("category") == filledCategory {
            form["category"] = FormChoices.label(first.category)
            filledCategory = first.category
        }
    }

    /// The escalation described by the form (only once every field validates).
    func draft() -> EscalationDraft {
        let due = chosenAbout.due
        var links = self.links
        if links.staffID == nil { links.staffID = due.compactMap(\.staffID).first }
        return EscalationDraft(
            serviceID: selectedService?.id ?? aboutService ?? 0,
            category: form.picked("category") ?? .other,
            severity: form.picked("severity") ?? .moderate,
            occurredAt: PlanForms.moment(form.text("when"), now: now) ?? now,
            escalatedToRole: form.picked("role") ?? .registeredManager,
            escalatedToName: form.text("name"), links: links, whatHappened: form.text("what-happened"),
            immediateAction: form.text("immediate-action"), sources: chosenSources)
    }

    /// The About choices for a list of items: none, then for each MAR check with several items
    /// "all of them", then each item on its own.
    static func choices(for due: [EscalationDue]) -> [AboutChoice] {
        var choices = [noneChoice]
        var groups: [Int64: [EscalationDue]] = [:]
        for item in due { if let checkID = item.source.checkID { groups[checkID, default: []].append(item) } }
        var grouped: Set<Int64> = []
        for item in due {
            if let checkID = item.source.checkID, let group = groups[checkID], group.count > 1, grouped.insert(checkID).inserted {
                let when = group[0].summary.split(separator: "·").first.map { String($0).trimmed } ?? ""
                choices.append(AboutChoice(label: "All \(group.count) from MAR check \(checkID) · \(when)",
                                           sources: group.map(\.source), due: group))
            }
            choices.append(AboutChoice(label: item.summary, sources: [item.source], due: [item]))
        }
        return choices
    }

    // MARK: Tasks

    /// What at a service awaits an escalation, for the About list.
    struct LoadAbout: ScreenTask {
        typealias Target = EscalationFormScreen
        var serviceID: Int64

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> [EscalationDue] {
            try services.store.escalationsAwaiting(serviceID: serviceID, at: now, workingDays: services.workingDays)
        }

        func apply(_ due: [EscalationDue], to screen: inout EscalationFormScreen, context: ScreenContext) -> ScreenResponse {
            guard serviceID == screen.aboutService else { return .done }
            return screen.aboutLoaded(due)
        }

        func refused(_ error: StoreError, screen: inout EscalationFormScreen, context: ScreenContext) -> ScreenResponse {
            guard serviceID == screen.aboutService else { return .done }
            // The About list could not be read: the form can still be saved about nothing in particular.
            screen.loading = false
            screen.form[field: "about"].hint = "Could not be read"
            return .message(.error(error.description))
        }
    }

    private mutating func aboutLoaded(_ due: [EscalationDue]) -> ScreenResponse {
        loading = false
        about = Self.choices(for: due)
        let wanted = Set(preselect)
        let selected = wanted.isEmpty ? nil : about.firstIndex { Set($0.sources) == wanted }
            ?? about.firstIndex { !$0.sources.isEmpty && Set($0.sources).isSubset(of: wanted) }
        form[field: "about"].setChoices(about.map(\.label))
        form[field: "about"].select(index: selected ?? 0)
        form[field: "about"].initialValue = form["about"]
        form[field: "about"].hint = due.isEmpty ? "Nothing waiting" : "\(due.count) waiting"
        if selected != nil { aboutChanged() }
        if !wanted.isEmpty && selected == nil {
            return .message(.info("What this was about has already been escalated; About is set to none."))
        }
        return .done
    }

    /// Raises the escalation; its due-by comes from the policy in working days.
    struct Raise: ScreenTask {
        typealias Target = EscalationFormScreen
        var draft: EscalationDraft
        var changesStore: Bool { true }

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> Escalation {
            try services.store.raiseEscalation(draft, workingDays: services.workingDays, by: try services.signedIn(actor), at: now)
        }

        func apply(_ escalation: Escalation, to screen: inout EscalationFormScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            return ScreenResponse(pop: true, status: .ok(
                "Escalation raised: due by \(UKDateFormat.date(escalation.dueBy)) \(UKDateFormat.time(escalation.dueBy))."))
        }

        func refused(_ error: StoreError, screen: inout EscalationFormScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            return FormCommands.notSaved(error)
        }
    }

    // MARK: Drawing

    /// The form's area: below the line saying what it does, indented, above the foot of the screen.
    private func formArea(_ area: Rect) -> Rect { area.inset(top: 3, left: 2, bottom: 1, right: 1) }

    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenResponse {
        let before = form.selectedIndex(of: "about")
        if let index = form.fieldIndex(atScreenRow: point.y, in: formArea(area)) { form.move(to: index) }
        var response = FormCommands.status(form)
        response.effects = followChoices(aboutBefore: before)
        return response
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        buffer.write("  Due-by comes from the policy in working days. About: what it answers.",
                     in: area.row(1), style: theme[.muted])
        let rect = formArea(area)
        form.render(in: rect, into: &buffer, theme: theme)
        // The About choice in full, wrapped under the form.
        var rows = RowCursor(rect)
        rows.skip(form.height + 1)
        rows.text("About: \(form["about"])", into: &buffer, style: theme[.normal], maxLines: max(1, rows.remaining))
        form.renderOpenList(in: rect, into: &buffer, theme: theme)
    }
}
