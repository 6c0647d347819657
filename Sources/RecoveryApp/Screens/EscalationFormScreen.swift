import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Raising an escalation. Its "About" field is a pick list of what at the chosen service still
/// awaits an escalation (findings that need one, charts returned late, plan steps that found a
/// problem; newest first), or none for one raised directly; several items of one MAR check can
/// be chosen together. Choosing an item carries its words into "What happened" (unless that was
/// typed over) and its category. Fixed values are pick lists; a refused save keeps everything.
public struct EscalationFormScreen: Screen {
    public static let screenID = "raise-escalation"
    public let id = EscalationFormScreen.screenID
    public let title = "Raise an escalation"
    public var scopes: [KeyScope] { [.screen(id), .form] }
    public var isTyping: Bool { true }
    public var hasUnsavedInput: Bool { form.hasUnsavedInput }

    /// One entry of the About list: its label and the sources it stands for.
    struct AboutChoice: Sendable {
        let label: String
        let sources: [EscalationSource]
        let due: [EscalationDue]
    }

    static let noneLabel = "None: raised directly"

    private let services: [Service]
    private let links: EscalationLinks
    private let now: Date
    /// What to choose in About once the list arrives (e.g. the findings of a check just saved).
    private var preselect: [EscalationSource]
    private var about: [AboutChoice] = [AboutChoice(label: EscalationFormScreen.noneLabel, sources: [], due: [])]
    /// The service whose list is loaded (or being loaded).
    private var aboutService: Int64?
    private var loading = true
    /// The "What happened" text last filled in from About, to know whether it was typed over.
    private var filledWhatHappened: String
    private var filledCategory: String
    public private(set) var form: Form

    enum Field: Int { case service, about, category, severity, when, role, name, whatHappened, immediateAction }

    public init(services: [Service], serviceID: Int64?, category: EscalationCategory = .other,
                severity: EscalationSeverity = .moderate, whatHappened: String = "", links: EscalationLinks = EscalationLinks(),
                sources: [EscalationSource] = [], now: Date) {
        self.services = services
        self.links = links
        self.now = now
        preselect = sources
        filledWhatHappened = whatHappened
        filledCategory = category.title.lowercased()
        let names = services.map(\.name)
        let serviceName = services.first { $0.id == serviceID }?.name ?? names.first ?? ""
        let stamp = "\(UKDateFormat.date(now)) \(UKDateFormat.time(now))"
        let roles = Role.allCases.map { $0.title.lowercased() }
        form = Form(fields: [
            .pick("Service", choices: names, selected: serviceName),
            .pick("About", choices: [Self.noneLabel], hint: "Loading…"),
            .pick("Category", choices: EscalationCategory.allCases.map { $0.title.lowercased() }, selected: category.title.lowercased()),
            .pick("Severity", choices: EscalationSeverity.allCases.map { $0.title.lowercased() }, selected: severity.title.lowercased()),
            FormField(label: "When it happened", field: TextField(value: stamp), hint: "dd/mm/yyyy hh:mm",
                      validator: { PlanForms.moment($0, now: now) == nil ? "Write dd/mm/yyyy hh:mm" : nil }),
            .pick("Escalated to (role)", choices: roles, selected: Role.registeredManager.title.lowercased()),
            FormField(label: "Their name", hint: "Optional"),
            FormField(label: "What happened", field: TextField(value: whatHappened),
                      validator: FieldChecks.required("what happened")),
            FormField(label: "Immediate action", hint: "What was done at once"),
        ], labelWidth: 22, fieldWidth: 34, rowSpacing: 0)
        aboutService = services.first { $0.name == serviceName }?.id
    }

    private var selectedService: Service? { services.first { $0.name == form.fields[Field.service.rawValue].value } }

    /// The sources chosen in About.
    public var chosenSources: [EscalationSource] {
        about.first { $0.label == form.fields[Field.about.rawValue].value }?.sources ?? []
    }

    public var hints: [String]? { ["Tab next", "← → choose", "Ctrl-S save", "Esc leave"] }

    public func appear(context: ScreenContext) -> [AppEffect] {
        guard let aboutService else { return [] }
        return [ask(.loadEscalationAbout(serviceID: aboutService), context: context)]
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        let before = form.fields[Field.about.rawValue].value
        switch FormCommands.perform(command, on: &form) {
        case .handled:
            var response = FormCommands.status(form)
            if form.fields[Field.about.rawValue].value != before { aboutChanged() }
            if let reload = reloadIfServiceChanged(context: context) { response.effects.append(reload) }
            return response
        case .notHandled:
            return .notHandled
        case .save:
            if let refusal = FormCommands.refusal(&form) { return refusal }
            if loading { return .message(.warning("Still loading the About list; try again in a moment.")) }
            return ScreenResponse(effects: [ask(.raiseEscalation(draft()), context: context)])
        }
    }

    public mutating func type(_ key: Key, context: ScreenContext) -> ScreenResponse {
        let before = form.fields[Field.about.rawValue].value
        _ = form.handle(key)
        if form.fields[Field.about.rawValue].value != before { aboutChanged() }
        var response = ScreenResponse.done
        if let reload = reloadIfServiceChanged(context: context) { response.effects.append(reload) }
        return response
    }

    private mutating func reloadIfServiceChanged(context: ScreenContext) -> AppEffect? {
        guard let service = selectedService, service.id != aboutService else { return nil }
        aboutService = service.id
        loading = true
        preselect = []
        about = [AboutChoice(label: Self.noneLabel, sources: [], due: [])]
        form.fields[Field.about.rawValue].setChoices([Self.noneLabel])
        form.fields[Field.about.rawValue].hint = "Loading…"
        return ask(.loadEscalationAbout(serviceID: service.id), context: context)
    }

    /// Carries the chosen item's words and category into the form, unless they were typed over.
    private mutating func aboutChanged() {
        let due = about.first { $0.label == form.fields[Field.about.rawValue].value }?.due ?? []
        guard let first = due.first else { return }
        let what = due.count == 1 ? first.whatHappened : due.map(\.whatHappened).joined(separator: " ")
        let whatField = Field.whatHappened.rawValue
        if form.fields[whatField].value.trimmed.isEmpty || form.fields[whatField].value == filledWhatHappened {
            form.fields[whatField].field = TextField(value: what)
            filledWhatHappened = what
            form.validate(whatField)
        }
        let categoryField = Field.category.rawValue
        if form.fields[categoryField].value == filledCategory {
            let category = first.category.title.lowercased()
            form.fields[categoryField].setChoices(form.fields[categoryField].choices, selecting: category)
            filledCategory = category
        }
    }

    /// The escalation described by the form (only once every field validates).
    func draft() -> EscalationDraft {
        let values = form.values.map(\.trimmed)
        let due = about.first { $0.label == values[Field.about.rawValue] }?.due ?? []
        var links = self.links
        if links.staffID == nil { links.staffID = due.compactMap(\.staffID).first }
        return EscalationDraft(
            serviceID: selectedService?.id ?? aboutService ?? 0,
            category: EvidenceForms.named(values[Field.category.rawValue], as: EscalationCategory.self) ?? .other,
            severity: EvidenceForms.named(values[Field.severity.rawValue], as: EscalationSeverity.self) ?? .moderate,
            occurredAt: PlanForms.moment(values[Field.when.rawValue], now: now) ?? now,
            escalatedToRole: Role(name: values[Field.role.rawValue]) ?? .registeredManager,
            escalatedToName: values[Field.name.rawValue], links: links, whatHappened: values[Field.whatHappened.rawValue],
            immediateAction: values[Field.immediateAction.rawValue], sources: chosenSources)
    }

    /// The About choices for a list of items: none, then for each MAR check with several items
    /// "all of them", then each item on its own.
    static func choices(for due: [EscalationDue]) -> [AboutChoice] {
        var choices = [AboutChoice(label: noneLabel, sources: [], due: [])]
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

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .escalationAbout(let serviceID, let due):
            guard serviceID == aboutService else { return .done }
            loading = false
            about = Self.choices(for: due)
            let wanted = Set(preselect)
            let selected = wanted.isEmpty ? nil : about.first { Set($0.sources) == wanted }?.label
                ?? about.first { !$0.sources.isEmpty && Set($0.sources).isSubset(of: wanted) }?.label
            form.fields[Field.about.rawValue].setChoices(about.map(\.label), selecting: selected ?? Self.noneLabel)
            form.fields[Field.about.rawValue].initialValue = form.fields[Field.about.rawValue].value
            form.fields[Field.about.rawValue].hint = due.isEmpty ? "Nothing waiting" : "\(due.count) waiting · ← →"
            if selected != nil { aboutChanged() }
            if !wanted.isEmpty && selected == nil {
                return .message(.info("What this was about has already been escalated; About is set to none."))
            }
            return .done
        case .saved(let message):
            return ScreenResponse(pop: true, status: .ok(message))
        case .failed(let message):
            if loading {
                // The About list could not be read: the form can still be saved about nothing in particular.
                loading = false
                return .message(.error(message))
            }
            return .message(.error("Not saved: \(message)"))
        default:
            return .done
        }
    }

    private func formArea(_ area: Rect) -> Rect { area.inset(top: 3, left: 2, bottom: 3, right: 1) }

    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenResponse {
        if let index = form.fieldIndex(atScreenRow: point.y, in: formArea(area)) { form.move(to: index) }
        return FormCommands.status(form)
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        buffer.write("  Due-by comes from the policy in working days. About: what it answers.",
                     in: area.row(1), style: theme[.muted])
        let rect = formArea(area)
        form.render(in: rect, into: &buffer, theme: theme)
        // The About choice in full, wrapped under the form.
        var y = rect.y + form.fields.count + 1
        let chosen = form.fields[Field.about.rawValue].value
        for piece in TextWrap.lines("About: \(chosen)", width: max(10, area.width - 4)) where y < area.maxY - 1 {
            buffer.write("  " + piece, in: Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.normal])
            y += 1
        }
    }
}
