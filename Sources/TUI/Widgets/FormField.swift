/// One labelled field of a form: a text field, or a pick list of fixed choices. Every field has
/// a name the form is read and written by; it defaults to the label.
public struct FormField: Sendable {
    /// What screens call the field (`form["round"]`). Unique within a form.
    public var name: FieldName
    public var label: String
    /// The text of a text field. For a pick list it holds the chosen label, kept in step by the
    /// pick list's own methods; set a pick list through `select`, not through this.
    public var field: TextField
    /// A short note shown beside the field when there is no error, e.g. "For example, 27/03/2025".
    public var hint: String?
    public var validator: Validator?
    /// The message from the last check that failed, or nil.
    public var error: String?
    /// The value the field started with, for `Form.hasUnsavedInput`.
    public var initialValue: String
    /// True for a pick list: its value is always one of `options` (or blank when it has none).
    public private(set) var isPickList: Bool
    /// A pick list's choices, in order. Replacing them keeps the choice when it is still offered,
    /// otherwise the first is chosen.
    public var options: [Choice] {
        didSet { select(index: options.firstIndex { $0.label == field.value } ?? 0) }
    }

    /// A text field named `name` (the label when nil).
    public init(_ name: FieldName? = nil, label: String, field: TextField = TextField(), hint: String? = nil,
                validator: Validator? = nil) {
        self.name = name ?? FieldName(label)
        self.label = label
        self.field = field
        self.hint = hint
        self.validator = validator
        self.error = nil
        self.initialValue = field.value
        self.isPickList = false
        self.options = []
    }

    /// A pick list named `name`, starting on the choice labelled `selected` (or the first).
    public static func pick(_ name: FieldName, label: String, choices: [Choice], selected: String? = nil,
                            hint: String? = nil, validator: Validator? = nil) -> FormField {
        var field = FormField(name, label: label, hint: hint, validator: validator)
        field.isPickList = true
        field.options = choices
        if let selected { field.select(selected) }
        field.initialValue = field.value
        return field
    }

    /// A pick list of plain labels named after its label, starting on `selected` (or the first).
    public static func pick(_ label: String, choices: [String], selected: String? = nil, hint: String? = nil) -> FormField {
        pick(FieldName(label), label: label, choices: choices.map { Choice($0) }, selected: selected, hint: hint)
    }

    /// The hint once used beside pick lists; pick lists now show their choices when focused.
    public static let pickHint = "← → to choose"

    /// The text in the field; for a pick list, the chosen label.
    public var value: String { field.value }

    /// A pick list's labels. Setting them replaces the choices (see `options`).
    public var choices: [String] {
        get { options.map(\.label) }
        set { options = newValue.map { Choice($0) } }
    }

    /// The position of a pick list's choice, or nil for a text field or an empty list.
    public var selectedIndex: Int? {
        guard isPickList else { return nil }
        return options.firstIndex { $0.label == field.value }
    }

    /// Chooses the choice at `index` (clamped to the list). Does nothing to a text field.
    public mutating func select(index: Int) {
        guard isPickList else { return }
        let label = options.isEmpty ? "" : options[min(max(0, index), options.count - 1)].label
        if field.value != label { field = TextField(value: label) }
    }

    /// Chooses the choice labelled `label` (exactly, else ignoring case). Returns false, changing
    /// nothing, when it is not offered, or for a text field.
    @discardableResult
    public mutating func select(_ label: String) -> Bool {
        guard isPickList else { return false }
        guard let index = options.firstIndex(where: { $0.label == label })
                ?? options.firstIndex(where: { $0.label.lowercased() == label.lowercased() }) else { return false }
        select(index: index)
        return true
    }

    /// Moves a pick list by `step` choices, wrapping round (Left and Right).
    public mutating func cycle(_ step: Int) {
        guard isPickList, !options.isEmpty else { return }
        let count = options.count
        select(index: (((selectedIndex ?? 0) + step) % count + count) % count)
    }

    /// Moves a pick list by `step` choices, stopping at either end (Up and Down).
    public mutating func step(_ step: Int) {
        guard isPickList, !options.isEmpty else { return }
        select(index: (selectedIndex ?? 0) + step)
    }

    /// Replaces a pick list's choices, choosing `wanted` (or keeping the choice) when offered.
    public mutating func setChoices(_ newChoices: [String], selecting wanted: String? = nil) {
        setOptions(newChoices.map { Choice($0) }, selecting: wanted)
    }

    /// Replaces a pick list's choices, choosing `wanted` (or keeping the choice) when offered.
    public mutating func setOptions(_ newOptions: [Choice], selecting wanted: String? = nil) {
        let keep = wanted ?? field.value
        options = newOptions
        if !select(keep) { select(index: 0) }
    }

    /// Sets the value the field starts with (and shows): for a text field the text, for a pick
    /// list the choice with that label (unchanged when it is not offered). It does not count
    /// as unsaved input.
    public mutating func prefill(_ value: String) {
        if isPickList {
            select(value)
        } else {
            field = TextField(value: value, maxLength: field.maxLength, masked: field.masked, placeholder: field.placeholder)
        }
        initialValue = self.value
    }

    /// Checks the value: a pick list with nothing to choose from is refused, then the validator.
    func check() -> String? {
        if isPickList && options.isEmpty { return "There is nothing to choose from" }
        return validator?(value)
    }
}
