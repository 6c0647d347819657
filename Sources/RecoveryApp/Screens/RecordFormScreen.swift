import RecoveryModel
import RecoveryServices
import TUI

extension Substring {
    var trimmed: String { String(self).trimmed }
}

/// A form that becomes one store request when saved (add a service, add staff, reset a PIN,
/// add a MAR code). A refused save keeps everything typed and says why; a saved one closes the
/// form and the list beneath refreshes.
public struct RecordFormScreen: Screen {
    public let id: String
    public let title: String
    /// A line above the form saying what it does.
    public let intro: String
    public private(set) var form: Form
    /// Builds the request from the field values (called only once every field validates).
    let makeRequest: @Sendable ([String]) -> StoreRequest
    /// Extra checks across fields (e.g. the two PINs match); returns the message, or nil.
    let crossCheck: @Sendable ([String]) -> String?

    public var scopes: [KeyScope] { [.screen(id), .form] }
    public var isTyping: Bool { true }
    public var hasUnsavedInput: Bool { form.hasUnsavedInput }

    /// What to open after a successful save (e.g. an escalation suggested by what was saved).
    let afterSave: (@Sendable (StoreReply) -> (any Screen)?)?

    public init(id: String, title: String, intro: String, fields: [FormField], compact: Bool = false,
                crossCheck: @escaping @Sendable ([String]) -> String? = { _ in nil },
                afterSave: (@Sendable (StoreReply) -> (any Screen)?)? = nil,
                makeRequest: @escaping @Sendable ([String]) -> StoreRequest) {
        self.id = id
        self.title = title
        self.intro = intro
        form = Form(fields: fields, labelWidth: 24, fieldWidth: 26, rowSpacing: compact ? 0 : 1)
        self.afterSave = afterSave
        self.crossCheck = crossCheck
        self.makeRequest = makeRequest
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        switch FormCommands.perform(command, on: &form) {
        case .handled: return FormCommands.status(form)
        case .notHandled: return .notHandled
        case .save:
            if let refusal = FormCommands.refusal(&form) { return refusal }
            let values = form.values.map(\.trimmed)
            if let problem = crossCheck(values) { return .message(.error("Not saved: \(problem)")) }
            return ScreenResponse(effects: [ask(makeRequest(values), context: context)])
        }
    }

    /// Sets a field's starting value (e.g. the selected person).
    public mutating func prefill(_ index: Int, with value: String) {
        guard form.fields.indices.contains(index) else { return }
        form.fields[index].field = TextField(value: value)
        form.fields[index].initialValue = value
    }

    public mutating func type(_ key: Key, context: ScreenContext) -> ScreenResponse {
        _ = form.handle(key)
        return .done
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .saved(let message), .stepEntrySaved(_, let message):
            return ScreenResponse(push: afterSave?(reply), pop: true, status: .ok(message))
        case .failed(let message): return .message(.error("Not saved: \(message)"))
        default: return .done
        }
    }

    private func formArea(_ area: Rect) -> Rect { area.inset(top: 3, left: 2, bottom: 2, right: 1) }

    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenResponse {
        if let index = form.fieldIndex(atScreenRow: point.y, in: formArea(area)) { form.move(to: index) }
        return FormCommands.status(form)
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        buffer.write("  " + intro, in: area.row(1), style: context.theme[.muted])
        form.render(in: formArea(area), into: &buffer, theme: context.theme)
        buffer.write("  Ctrl-S saves. Esc leaves without saving (asks first if you typed something).",
                     in: area.row(-1), style: context.theme[.muted])
    }
}

/// Field checks shared by the forms.
enum FieldChecks {
    static func required(_ what: String) -> Validator {
        { $0.trimmed.isEmpty ? "Enter \(what)" : nil }
    }

    static let role: Validator = { value in
        Role(name: value.trimmed) == nil ? "Not a role; for example team leader or registered manager" : nil
    }

    static let serviceKind: Validator = { value in
        Service.Kind(name: value.trimmed) == nil ? "Enter residential, nursing, domiciliary or supported living" : nil
    }

    static let outcome: Validator = { value in
        outcome(named: value) == nil
            ? "Enter one of: " + CanonicalOutcome.allCases.map { $0.title.lowercased() }.joined(separator: ", ") : nil
    }

    /// A canonical outcome by its name or title, in any case.
    static func outcome(named value: String) -> CanonicalOutcome? {
        let folded = value.trimmed.lowercased().replacingOccurrences(of: " ", with: "-")
        return CanonicalOutcome(rawValue: folded)
            ?? CanonicalOutcome.allCases.first { $0.title.lowercased().hasPrefix(value.trimmed.lowercased()) && !value.trimmed.isEmpty }
    }

    /// A date written dd/mm/yyyy; blank allowed when `optional`.
    static func date(optional: Bool) -> Validator {
        { value in
            if optional && value.trimmed.isEmpty { return nil }
            return UKDateFormat.parseDate(value.trimmed) == nil ? "Write the date as dd/mm/yyyy, e.g. 21/11/2026" : nil
        }
    }

    /// A number (decimals allowed); blank allowed when `optional`.
    static func number(optional: Bool) -> Validator {
        { value in
            if optional && value.trimmed.isEmpty { return nil }
            return Double(value.trimmed) == nil ? "Enter a number" : nil
        }
    }

    /// An indicator threshold: a number, 0 or more.
    static let threshold: Validator = { value in
        guard let number = Double(value.trimmed), number >= 0, number.isFinite else { return "Enter a number, 0 or more" }
        return nil
    }

    /// A whole number in a range.
    static func whole(_ range: ClosedRange<Int>) -> Validator {
        { value in
            guard let number = Int(value.trimmed), range.contains(number) else {
                return "Enter a whole number from \(range.lowerBound) to \(range.upperBound)"
            }
            return nil
        }
    }

    /// Regulation numbers 9 to 20, separated by commas.
    static let regulations: Validator = { value in
        let parts = value.split(separator: ",").map { $0.trimmed }.filter { !$0.isEmpty }
        return parts.allSatisfy({ Int($0).map { (9...20).contains($0) } ?? false }) ? nil : "Regulation numbers 9 to 20, e.g. 12, 17"
    }

    static let cadence: Validator = { value in
        cadence(named: value) == nil ? "e.g. once, daily, twice a week, weekly, fortnightly, monthly, quarterly" : nil
    }

    /// A cadence by its title or name, in any case.
    static func cadence(named value: String) -> Cadence? {
        let folded = value.trimmed.lowercased()
        return Cadence.allCases.first { $0.title.lowercased() == folded || $0.rawValue == folded }
    }

    /// A PIN by the default rules; blank allowed when `optional`.
    static func pin(optional: Bool) -> Validator {
        { value in
            if optional && value.isEmpty { return nil }
            return PINPolicy().problem(with: value)
        }
    }

    /// The two PIN fields at these positions must match.
    static func pinsMatch(_ first: Int, _ second: Int) -> @Sendable ([String]) -> String? {
        { values in values[first] == values[second] ? nil : "the two PINs are not the same; type them again" }
    }
}
