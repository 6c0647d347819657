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

    public init(label: String, field: TextField = TextField(), hint: String? = nil,
                validator: Validator? = nil) {
        self.label = label
        self.field = field
        self.hint = hint
        self.validator = validator
        self.error = nil
        self.initialValue = field.value
    }

    /// The text in the field.
    public var value: String { field.value }
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
