import Foundation
import RecoveryModel
import RecoveryServices
import TUI

extension Substring {
    var trimmed: String { String(self).trimmed }
}

/// What a record form does once saved: one write against the services (add a service, record
/// an observation, move an escalation on...). It answers with the words for the status line and,
/// if any, a screen to open next (e.g. the escalation a problem found calls for). A write is a
/// small value type; the form builds it from its named fields when every field passes.
public protocol RecordWrite: Sendable, Equatable {
    /// Runs on the store's worker as the signed-in `actor`.
    func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten
}

/// What a record form's write did: the words for the status line and what to open next.
public struct RecordWritten: Sendable {
    public var message: String
    public var next: (any Screen)?

    public init(_ message: String, next: (any Screen)? = nil) {
        self.message = message
        self.next = next
    }
}

/// A form the user cannot save yet, in one sentence ("the two PINs are not the same"), with the
/// field to put right when there is one.
public struct FormRefusal: Error, Sendable {
    public var message: String
    public var field: FieldName?

    public init(_ message: String, field: FieldName? = nil) {
        self.message = message
        self.field = field
    }
}

/// Builds a record form's write from its fields (called once every field passes its own check),
/// or refuses with a check across fields.
public typealias RecordWriteMaker = @Sendable (Form) throws(FormRefusal) -> any RecordWrite

/// A form whose save is one `RecordWrite` (add a service, add staff, reset a PIN, record an
/// observation, a plan's result or review...). Fields are named and fixed values are pick lists;
/// the write reads them by name. A refused save keeps everything typed and says why; while a
/// save is with the store a second one is refused; a saved one closes the form (the list beneath
/// is read again because the store changed) and opens what the write says comes next.
///
///     RecordFormScreen(id: "services.add", title: "Add a service", intro: "…", fields: [
///         FormField("name", label: "Name", validator: FieldChecks.required("a name")),
///         .pick("kind", label: "Kind", choices: […]),
///     ]) { form throws(FormRefusal) in AddService(name: form.text("name"), kind: …) }
public struct RecordFormScreen: Screen {
    public let id: String
    public let title: String
    /// A line above the form saying what it does.
    public let intro: String
    public private(set) var form: Form
    /// Builds the write from the form.
    let makeWrite: RecordWriteMaker
    /// True while a save is with the store (a second Ctrl-S is refused).
    public private(set) var saving = false

    public var scopes: [KeyScope] { [.screen(id), .form] }
    public var isTyping: Bool { true }
    public var hasUnsavedInput: Bool { form.hasUnsavedInput }

    /// A form `id` (its key scope) titled `title`, with `fields` (one blank row between them
    /// unless `compact`), saved by the write `write` makes of it.
    public init(id: String, title: String, intro: String, fields: [FormField], compact: Bool = false,
                write: @escaping RecordWriteMaker) {
        self.id = id
        self.title = title
        self.intro = intro
        form = Form(fields: fields, labelWidth: 24, fieldWidth: 26, rowSpacing: compact ? 0 : 1)
        makeWrite = write
    }

    public var keyHints: [Hint]? {
        [.key(AppCommand.nextField, "next"), .key(AppCommand.save, "save"), .key(AppCommand.back, "leave")]
    }

    public func claims(_ key: Key) -> Bool { form.claims(key) }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        switch FormCommands.perform(command, on: &form) {
        case .handled: return FormCommands.status(form)
        case .notHandled: return .notHandled
        case .save: return save()
        }
    }

    private mutating func save() -> ScreenResponse {
        if saving { return .message(.warning(FormCommands.savingMessage)) }
        if let refusal = FormCommands.refusal(&form) { return refusal }
        let write: any RecordWrite
        do {
            write = try makeWrite(form)
        } catch {
            if let field = error.field, form.contains(field) { form.move(to: field) }
            return .message(.error("Not saved: \(error.message)"))
        }
        saving = true
        return ScreenResponse(effects: [task(Save(write: write))])
    }

    /// Sets the starting value of the field called `name` (e.g. the selected person).
    public mutating func prefill(_ name: FieldName, with value: String) {
        form.prefill(name, with: value)
    }

    public mutating func type(_ key: Key, context: ScreenContext) -> ScreenResponse {
        _ = form.handle(key)
        return .done
    }

    /// Runs the form's write.
    struct Save: ScreenTask {
        typealias Target = RecordFormScreen
        let write: any RecordWrite
        var changesStore: Bool { true }

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> RecordWritten {
            try write.run(services, as: try services.signedIn(actor), at: now)
        }

        func apply(_ written: RecordWritten, to screen: inout RecordFormScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            return ScreenResponse(push: written.next, pop: true, status: .ok(written.message))
        }

        func refused(_ error: StoreError, screen: inout RecordFormScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            return FormCommands.notSaved(error)
        }

        static func == (left: Save, right: Save) -> Bool { left.write.isSameWrite(as: right.write) }
    }

    private func formArea(_ area: Rect) -> Rect { area.inset(top: 3, left: 2, bottom: 2, right: 1) }

    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenResponse {
        if let index = form.fieldIndex(atScreenRow: point.y, in: formArea(area)) { form.move(to: index) }
        return FormCommands.status(form)
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        buffer.write("  " + intro, in: area.row(1), style: context.theme[.muted])
        form.render(in: formArea(area), into: &buffer, theme: context.theme)
        let save = keyName(AppCommand.save, context: context), back = keyName(AppCommand.back, context: context)
        buffer.write("  \(save) saves. \(back) leaves without saving (asks first if you typed something).",
                     in: area.row(-1), style: context.theme[.muted])
    }
}

extension RecordWrite {
    /// True when `other` is the same write with the same values.
    func isSameWrite(as other: any RecordWrite) -> Bool {
        guard let other = other as? Self else { return false }
        return other == self
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

    /// Refuses a form whose PIN fields `first` and `second` differ (for a `RecordWriteMaker`).
    static func pinsMatch(_ form: Form, _ first: FieldName, _ second: FieldName) throws(FormRefusal) {
        if form[first] != form[second] { throw FormRefusal("the two PINs are not the same; type them again", field: second) }
    }
}
