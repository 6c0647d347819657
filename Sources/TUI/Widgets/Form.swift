/// Checks a field's text: returns a message in plain words when it is not acceptable
/// ("Enter the date of the review"), or nil when it is.
public typealias Validator = @Sendable (String) -> String?

/// Common checks for form fields.
public enum Validators {
    /// Refuses a blank value with `message`.
    public static func required(_ message: String) -> Validator {
        { value in value.allSatisfy(\.isWhitespace) ? message : nil }
    }

    /// Runs checks in turn and returns the first message.
    public static func all(_ validators: [Validator]) -> Validator {
        { value in
            for validator in validators {
                if let message = validator(value) { return message }
            }
            return nil
        }
    }
}

/// One labelled field of a form.
public struct FormField: Sendable {
    public var label: String
    public var field: TextField
    /// A short note shown beside the field when there is no error, e.g. "For example, 27/03/2025".
    public var hint: String?
    public var validator: Validator?
    /// The message from the last check that failed, or nil.
    public var error: String?
    /// The value the field started with, for `Form.hasUnsavedInput`.
    public var initialValue: String
    /// For a pick list: the values it offers (nothing can be typed; Left and Right, or Space,
    /// move through them, and a letter jumps to the next one starting with it). Empty for text.
    public var choices: [String] = []

    public init(label: String, field: TextField = TextField(), hint: String? = nil,
                validator: Validator? = nil) {
        self.label = label
        self.field = field
        self.hint = hint
        self.validator = validator
        self.error = nil
        self.initialValue = field.value
    }

    /// A pick list of fixed values, starting on `selected` (or the first).
    public static func pick(_ label: String, choices: [String], selected: String? = nil, hint: String? = nil) -> FormField {
        let start = selected.flatMap { wanted in choices.first { $0 == wanted } } ?? choices.first ?? ""
        var field = FormField(label: label, field: TextField(value: start), hint: hint ?? FormField.pickHint)
        field.choices = choices
        return field
    }

    /// The hint beside a pick list.
    public static let pickHint = "← → to choose"

    /// The text in the field.
    public var value: String { field.value }

    /// True for a pick list.
    public var isPickList: Bool { !choices.isEmpty }

    /// Moves a pick list by `step` choices (wrapping round).
    public mutating func cycle(_ step: Int) {
        guard !choices.isEmpty else { return }
        let index = choices.firstIndex(of: field.value) ?? 0
        field = TextField(value: choices[((index + step) % choices.count + choices.count) % choices.count])
    }

    /// Replaces a pick list's choices, keeping the selection when it is still offered.
    public mutating func setChoices(_ newChoices: [String], selecting wanted: String? = nil) {
        let keep = wanted ?? field.value
        choices = newChoices
        field = TextField(value: newChoices.contains(keep) ? keep : newChoices.first ?? "")
    }
}

/// A column of labelled text fields with one in focus. Each field is checked as the user leaves
/// it and the message stays beside it until the value is put right. Checks never change or
/// clear what was typed.
public struct Form: Sendable {
    public var fields: [FormField]
    /// The field with the keyboard focus.
    public private(set) var focus: Int
    /// Columns given to labels (including the focus marker).
    public var labelWidth: Int
    /// Columns given to each text field.
    public var fieldWidth: Int
    /// Blank rows between fields.
    public var rowSpacing: Int

    /// Marks the focused field's label, so focus does not depend on colour alone.
    public static let focusMarker = ">"
    /// Starts an error message beside a field, so errors do not depend on colour alone.
    public static let errorMarker = "!"

    public init(fields: [FormField], labelWidth: Int = 22, fieldWidth: Int = 30, rowSpacing: Int = 1) {
        self.fields = fields
        self.focus = 0
        self.labelWidth = max(0, labelWidth)
        self.fieldWidth = max(1, fieldWidth)
        self.rowSpacing = max(0, rowSpacing)
    }

    /// Every field's value, in order.
    public var values: [String] { fields.map(\.value) }

    /// True when any field's value differs from the value it started with.
    public var hasUnsavedInput: Bool { fields.contains { $0.value != $0.initialValue } }

    /// True when no field is showing an error.
    public var isValid: Bool { fields.allSatisfy { $0.error == nil } }

    /// Checks one field, keeping (or clearing) its error. Returns true when it is acceptable.
    @discardableResult
    public mutating func validate(_ index: Int) -> Bool {
        guard fields.indices.contains(index) else { return true }
        fields[index].error = fields[index].validator?(fields[index].value)
        return fields[index].error == nil
    }

    /// Checks every field; when any is refused the focus moves to the first such field.
    /// Returns true when all are acceptable. Values are left exactly as typed.
    public mutating func validateAll() -> Bool {
        var firstBad: Int?
        for index in fields.indices where !validate(index) {
            if firstBad == nil { firstBad = index }
        }
        if let firstBad { focus = firstBad }
        return firstBad == nil
    }

    /// Checks the focused field, then moves to the next (wrapping round). The move happens even
    /// when the field is refused; its message stays beside it. Returns whether it was acceptable.
    @discardableResult
    public mutating func focusNext() -> Bool {
        move(to: fields.isEmpty ? 0 : (focus + 1) % fields.count)
    }

    /// Checks the focused field, then moves to the one before (wrapping round).
    @discardableResult
    public mutating func focusPrevious() -> Bool {
        move(to: fields.isEmpty ? 0 : (focus - 1 + fields.count) % fields.count)
    }

    /// Checks the focused field, then moves the focus to `index` (e.g. after a mouse click).
    @discardableResult
    public mutating func move(to index: Int) -> Bool {
        guard !fields.isEmpty else { return true }
        let acceptable = validate(focus)
        focus = min(max(0, index), fields.count - 1)
        return acceptable
    }

    /// Tab and Down move to the next field, Shift-Tab and Up to the one before; other keys go to
    /// the focused field. A field showing an error is checked again as it is edited, so the
    /// message goes as soon as the value is put right. Returns false for keys not used.
    public mutating func handle(_ key: Key) -> Bool {
        guard fields.indices.contains(focus) else { return false }
        switch key {
        case .tab, .down: focusNext(); return true
        case .backTab, .up: focusPrevious(); return true
        case .left where fields[focus].isPickList:
            fields[focus].cycle(-1)
            return true
        case .right where fields[focus].isPickList, .character(" ") where fields[focus].isPickList:
            fields[focus].cycle(1)
            return true
        case .character(let letter) where fields[focus].isPickList:
            let choices = fields[focus].choices
            let index = choices.firstIndex(of: fields[focus].value) ?? 0
            let order = (1...choices.count).map { choices[(index + $0) % choices.count] }
            if let next = order.first(where: { $0.lowercased().hasPrefix(String(letter).lowercased()) }) {
                fields[focus].field = TextField(value: next)
            }
            return true
        case _ where fields[focus].isPickList:
            return false
        default:
            guard fields[focus].field.handle(key) else { return false }
            fields[focus].field.scrollToCursor(width: fieldWidth)
            if fields[focus].error != nil { validate(focus) }
            return true
        }
    }

    /// The focused field's error in full, for the status line ("Date of review: Enter a date").
    public var focusedError: String? {
        guard fields.indices.contains(focus), let error = fields[focus].error else { return nil }
        return "\(fields[focus].label): \(error)"
    }

    /// The screen row of field `index` when the form is drawn in `rect`.
    public func row(of index: Int, in rect: Rect) -> Int { rect.y + index * (1 + rowSpacing) }

    /// The field drawn on screen row `y` (for mouse clicks), or nil.
    public func fieldIndex(atScreenRow y: Int, in rect: Rect) -> Int? {
        let offset = y - rect.y
        guard offset >= 0, offset % (1 + rowSpacing) == 0 else { return nil }
        let index = offset / (1 + rowSpacing)
        return fields.indices.contains(index) && y < rect.maxY ? index : nil
    }

    /// Draws each field on its own row: the label, the field, then the error (in the `error`
    /// role, after "!") or the hint (muted), cut to the room left. Fields that do not fit are left out.
    public func render(in rect: Rect, into buffer: inout Buffer, theme: Theme, focused: Bool = true) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect, style: theme[.normal])
        let label = min(labelWidth, rect.width)
        let fieldColumns = min(fieldWidth, rect.width - label)
        let messageX = rect.x + label + fieldColumns + 2
        let messageWidth = rect.maxX - messageX
        for (index, entry) in fields.enumerated() {
            let y = row(of: index, in: rect)
            guard y < rect.maxY else { break }
            let isFocused = focused && index == focus
            let marker = isFocused ? Self.focusMarker + " " : "  "
            let labelStyle = isFocused ? theme[.normal].adding(.bold) : theme[.normal]
            buffer.write(TextWidth.truncate(marker + entry.label, to: max(0, label - 1)), x: rect.x, y: y,
                         style: labelStyle, maxWidth: max(0, label - 1))
            if fieldColumns > 0 {
                entry.field.render(in: Rect(x: rect.x + label, y: y, width: fieldColumns, height: 1),
                                   into: &buffer, theme: theme, focused: isFocused)
            }
            guard messageWidth > 0 else { continue }
            if let error = entry.error {
                buffer.write(TextWidth.truncate(Self.errorMarker + " " + error, to: messageWidth), x: messageX,
                             y: y, style: theme[.error], maxWidth: messageWidth)
            } else if let hint = entry.hint {
                buffer.write(TextWidth.truncate(hint, to: messageWidth), x: messageX, y: y,
                             style: theme[.muted], maxWidth: messageWidth)
            }
        }
    }
}
