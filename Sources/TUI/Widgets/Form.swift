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

/// A column of labelled fields (text fields and pick lists) with one in focus, read and written
/// by field name. Each field is checked as the user leaves it and the message stays beside it
/// until the value is put right. Checks never change or clear what was typed.
///
/// Keys: Tab and Shift-Tab move between fields. On a text field Up and Down move between fields
/// too; on a pick list they choose within it (stopping at the ends), Left and Right step round
/// it, Home and End take the first and last choice, and letters choose by typed prefix (see
/// `TypeAhead`). When a pick list's choices all fit beside it they are shown there and Space
/// steps on; otherwise Enter or Space opens the whole list over the form (`openList`).
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
    /// The narrowest the form is drawn (80 columns less a screen's margins). A pick list whose
    /// choices fit beside the field within this width shows them there; otherwise Enter or Space
    /// opens them as a list.
    public var plannedWidth: Int = 77
    /// The most choices an open list shows at once before it scrolls.
    public var listRows: Int = 10
    /// The pick list opened over the form, or nil.
    public private(set) var openList: OpenPickList?
    private var typeAhead = TypeAhead()

    /// Marks the focused field's label, so focus does not depend on colour alone.
    public static let focusMarker = ">"
    /// Starts an error message beside a field, so errors do not depend on colour alone.
    public static let errorMarker = "!"

    public init(fields: [FormField], labelWidth: Int = 22, fieldWidth: Int = 30, rowSpacing: Int = 1) {
        assert(Set(fields.map(\.name)).count == fields.count, "Two fields of a form share a name")
        self.fields = fields
        self.focus = 0
        self.labelWidth = max(0, labelWidth)
        self.fieldWidth = max(1, fieldWidth)
        self.rowSpacing = max(0, rowSpacing)
    }

    // MARK: Fields by name

    /// The position of the field called `name`, or nil when there is none.
    public func index(of name: FieldName) -> Int? { fields.firstIndex { $0.name == name } }

    /// True when the form has a field called `name`.
    public func contains(_ name: FieldName) -> Bool { index(of: name) != nil }

    private func position(_ name: FieldName) -> Int {
        guard let index = index(of: name) else { preconditionFailure("The form has no field called \"\(name)\"") }
        return index
    }

    /// The value of the field called `name`. Setting it types over a text field, or chooses the
    /// choice with that label in a pick list (a value not offered is ignored). Asking for a name
    /// the form does not have is a programmer error and stops the program.
    public subscript(name: FieldName) -> String {
        get { fields[position(name)].value }
        set {
            let index = position(name)
            if fields[index].isPickList {
                fields[index].select(newValue)
            } else {
                fields[index].field.value = newValue
                fields[index].field.cursor = newValue.count
            }
        }
    }

    /// The whole field called `name` (hint, error, choices...), to read or change.
    public subscript(field name: FieldName) -> FormField {
        get { fields[position(name)] }
        set { fields[position(name)] = newValue }
    }

    /// The value of the field called `name` (see the subscript).
    public func value(of name: FieldName) -> String { self[name] }

    /// The position of the chosen choice in the pick list called `name` (nil for a text field or
    /// an empty list).
    public func selectedIndex(of name: FieldName) -> Int? { fields[position(name)].selectedIndex }

    /// Sets the starting value of the field called `name` (see `FormField.prefill`).
    public mutating func prefill(_ name: FieldName, with value: String) { fields[position(name)].prefill(value) }

    /// The name of the focused field.
    public var focusedName: FieldName? { fields.indices.contains(focus) ? fields[focus].name : nil }

    /// Every field's value by name.
    public var valuesByName: [FieldName: String] {
        Dictionary(fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every field's value, in order. Prefer reading by name.
    public var values: [String] { fields.map(\.value) }

    /// True when any field's value differs from the value it started with.
    public var hasUnsavedInput: Bool { fields.contains { $0.value != $0.initialValue } }

    /// True when no field is showing an error.
    public var isValid: Bool { fields.allSatisfy { $0.error == nil } }

    /// Rows the form takes when drawn: one per field, with `rowSpacing` between.
    public var height: Int { fields.isEmpty ? 0 : fields.count + (fields.count - 1) * rowSpacing }

    // MARK: Checking

    /// Checks one field, keeping (or clearing) its error. Returns true when it is acceptable.
    @discardableResult
    public mutating func validate(_ index: Int) -> Bool {
        guard fields.indices.contains(index) else { return true }
        fields[index].error = fields[index].check()
        return fields[index].error == nil
    }

    /// Checks every field; when any is refused the focus moves to the first such field.
    /// Returns true when all are acceptable. Values are left exactly as typed.
    public mutating func validateAll() -> Bool {
        var firstBad: Int?
        for index in fields.indices where !validate(index) {
            if firstBad == nil { firstBad = index }
        }
        if let firstBad { setFocus(firstBad) }
        return firstBad == nil
    }

    // MARK: Moving

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
    /// An open list closes unchanged.
    @discardableResult
    public mutating func move(to index: Int) -> Bool {
        guard !fields.isEmpty else { return true }
        let acceptable = validate(focus)
        setFocus(index)
        return acceptable
    }

    /// Checks the focused field, then moves the focus to the field called `name`.
    @discardableResult
    public mutating func move(to name: FieldName) -> Bool { move(to: position(name)) }

    private mutating func setFocus(_ index: Int) {
        focus = fields.isEmpty ? 0 : min(max(0, index), fields.count - 1)
        openList = nil
        typeAhead.reset()
    }

    // MARK: Keys

    /// True when the focused field (or the open list) would use `key` itself rather than let it
    /// move between fields or act for the screen: every key while a list is open; Up, Down,
    /// Left, Right, Home, End, Space and letters on a pick list, and Enter when its choices do
    /// not fit beside it. A shell gives such keys to the form before its own commands.
    public func claims(_ key: Key) -> Bool {
        if openList != nil { return true }
        guard fields.indices.contains(focus), fields[focus].isPickList else { return false }
        switch key {
        case .up, .down, .left, .right, .home, .end: return true
        case .enter: return !choicesFitBeside(focus)
        case .character: return key.isPrintable
        default: return false
        }
    }

    /// Acts on a key pressed now (see the type's notes). Returns false for keys not used.
    public mutating func handle(_ key: Key) -> Bool { handle(key, at: .now) }

    /// Acts on a key pressed at `time` (the time decides when a typed prefix starts afresh).
    /// A field showing an error is checked again as it is edited, so the message goes as soon as
    /// the value is put right. Returns false for keys not used.
    public mutating func handle(_ key: Key, at time: ContinuousClock.Instant) -> Bool {
        if openList != nil { return handleOpenList(key, at: time) }
        guard fields.indices.contains(focus) else { return false }
        guard fields[focus].isPickList else {
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
        let before = fields[focus].value
        defer { if fields[focus].value != before && fields[focus].error != nil { validate(focus) } }
        switch key {
        case .tab: focusNext(); return true
        case .backTab: focusPrevious(); return true
        case .down, .up, .left, .right, .home, .end:
            typeAhead.reset()
            switch key {
            case .down: fields[focus].step(1)
            case .up: fields[focus].step(-1)
            case .left: fields[focus].cycle(-1)
            case .right: fields[focus].cycle(1)
            case .home: fields[focus].select(index: 0)
            default: fields[focus].select(index: fields[focus].options.count - 1)
            }
            return true
        case .enter:
            guard !choicesFitBeside(focus) else { return false }
            open()
            return true
        case .character(" ") where !typeAhead.wouldMatch(" ", in: fields[focus].choices, at: time):
            if choicesFitBeside(focus) {
                typeAhead.reset()
                fields[focus].cycle(1)
            } else {
                open()
            }
            return true
        case .character(let letter) where key.isPrintable:
            if let index = typeAhead.type(letter, in: fields[focus].choices, current: fields[focus].selectedIndex, at: time) {
                fields[focus].select(index: index)
            }
            return true
        default:
            return false
        }
    }

    /// Opens the focused pick list over the form, on its current choice.
    public mutating func open() {
        guard fields.indices.contains(focus), fields[focus].isPickList, !fields[focus].options.isEmpty else { return }
        typeAhead.reset()
        var list = OpenPickList(field: focus, highlighted: fields[focus].selectedIndex ?? 0, top: 0)
        list.scroll(rows: visibleListRows(focus))
        openList = list
    }

    private func visibleListRows(_ index: Int) -> Int { max(1, min(listRows, fields[index].options.count)) }

    private mutating func handleOpenList(_ key: Key, at time: ContinuousClock.Instant) -> Bool {
        guard var list = openList, fields.indices.contains(list.field) else { openList = nil; return false }
        let count = fields[list.field].options.count
        let rows = visibleListRows(list.field)
        switch key {
        case .enter:
            fields[list.field].select(index: list.highlighted)
            openList = nil
            typeAhead.reset()
            if fields[list.field].error != nil { validate(list.field) }
            return true
        case .escape:
            openList = nil
            typeAhead.reset()
            return true
        case .up: list.highlighted -= 1
        case .down: list.highlighted += 1
        case .pageUp: list.highlighted -= rows
        case .pageDown: list.highlighted += rows
        case .home: list.highlighted = 0
        case .end: list.highlighted = count - 1
        case .character(let letter) where key.isPrintable:
            if let index = typeAhead.type(letter, in: fields[list.field].choices, current: list.highlighted, at: time) {
                list.highlighted = index
            }
        default:
            return true  // the list is open: nothing else acts until it is closed
        }
        if case .character = key {} else { typeAhead.reset() }
        list.highlighted = min(max(0, list.highlighted), max(0, count - 1))
        list.scroll(rows: rows)
        openList = list
        return true
    }

    /// The focused field's error in full, for the status line ("Date of review: Enter a date").
    public var focusedError: String? {
        guard fields.indices.contains(focus), let error = fields[focus].error else { return nil }
        return "\(fields[focus].label): \(error)"
    }

    // MARK: Drawing

    /// The screen row of field `index` when the form is drawn in `rect`.
    public func row(of index: Int, in rect: Rect) -> Int { rect.y + index * (1 + rowSpacing) }

    /// The field drawn on screen row `y` (for mouse clicks), or nil.
    public func fieldIndex(atScreenRow y: Int, in rect: Rect) -> Int? {
        let offset = y - rect.y
        guard offset >= 0, offset % (1 + rowSpacing) == 0 else { return nil }
        let index = offset / (1 + rowSpacing)
        return fields.indices.contains(index) && y < rect.maxY ? index : nil
    }

    /// Columns beside the fields (for hints, errors and a pick list's choices) at `plannedWidth`.
    private var plannedBesideWidth: Int { plannedWidth - labelWidth - fieldWidth - 2 }

    /// A pick list's choices as shown beside it, the chosen one in brackets: "no · [yes]".
    public func inlineChoices(_ index: Int) -> String {
        let field = fields[index]
        return field.options.enumerated().map { offset, choice in
            offset == field.selectedIndex ? "[\(choice.label)]" : choice.label
        }.joined(separator: " · ")
    }

    /// True when pick list `index` has its choices shown beside it (so Enter is not needed to see them).
    public func choicesFitBeside(_ index: Int) -> Bool {
        guard fields.indices.contains(index), fields[index].isPickList else { return false }
        return TextWidth.of(inlineChoices(index)) <= plannedBesideWidth
    }

    /// How a pick list's value is drawn in its field: "‹ morning ›".
    public static func pickText(_ label: String, width: Int) -> String {
        let room = max(0, width - 4)
        return "‹ " + TextWidth.pad(TextWidth.truncate(label, to: room), to: room) + " ›"
    }

    /// Draws each field on its own row: the label, the field, then the error (in the `error`
    /// role, after "!"), or for the focused pick list its choices (or "(2 of 12) Space: all
    /// choices", shorter when the room is narrow, when they do not fit), or the hint (muted), cut to the room left. A pick list
    /// shows "‹ choice ›". Fields that do not fit are left out. An open list is drawn last,
    /// over the fields.
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
                let fieldRect = Rect(x: rect.x + label, y: y, width: fieldColumns, height: 1)
                if entry.isPickList {
                    let style = theme[isFocused ? .focus : .input]
                    buffer.fill(fieldRect, style: style)
                    buffer.write(Self.pickText(entry.value, width: fieldColumns), x: fieldRect.x, y: y, style: style,
                                 maxWidth: fieldColumns)
                } else {
                    entry.field.render(in: fieldRect, into: &buffer, theme: theme, focused: isFocused)
                }
            }
            guard messageWidth > 0 else { continue }
            var message: (String, StyleRole)?
            if let error = entry.error {
                message = (Self.errorMarker + " " + error, .error)
            } else if isFocused && entry.isPickList {
                let inline = inlineChoices(index)
                if choicesFitBeside(index) && TextWidth.of(inline) <= messageWidth {
                    message = (inline, .normal)
                } else if let chosen = entry.selectedIndex {
                    let (at, of) = (chosen + 1, entry.options.count)
                    let texts = ["(\(at) of \(of)) Space: all choices", "(\(at) of \(of)) Space: list", "\(at)/\(of) Space: list"]
                    message = (texts.first { TextWidth.of($0) <= messageWidth } ?? "(\(at) of \(of))", .muted)
                }
            } else if let hint = entry.hint {
                message = (hint, .muted)
            }
            if let (text, role) = message {
                buffer.write(TextWidth.truncate(text, to: messageWidth), x: messageX, y: y, style: theme[role],
                             maxWidth: messageWidth)
            }
        }
        if focused { renderOpenList(in: rect, into: &buffer, theme: theme) }
    }

    /// Draws the open pick list, if any, over the form drawn in `rect`: below its field when
    /// there is room, else above; scrolled to the highlighted choice, which is marked ">" (the
    /// current value "•"), with "3 of 12" and ↑/↓ for more in the bottom border. `render` calls
    /// it; call it again last when more was drawn over the form's area.
    public func renderOpenList(in rect: Rect, into buffer: inout Buffer, theme: Theme) {
        guard let list = openList, fields.indices.contains(list.field), !rect.isEmpty else { return }
        let entry = fields[list.field]
        let texts = entry.options.map { choice in choice.label + (choice.detail.map { "  " + $0 } ?? "") }
        let natural = max(TextWidth.of(entry.label) + 4, (texts.map { TextWidth.of($0) }.max() ?? 0) + 4, 16) + 2
        let width = min(natural, rect.width)
        let rows = min(visibleListRows(list.field), max(1, rect.height - 2))
        let height = min(rows + 2, rect.height)
        let fieldY = row(of: list.field, in: rect)
        let y = fieldY + 1 + height <= rect.maxY ? fieldY + 1 : (fieldY - height >= rect.y ? fieldY - height : rect.y)
        let x = min(rect.x + max(0, min(labelWidth, rect.width) - 1), rect.maxX - width)
        let box = Rect(x: max(rect.x, x), y: y, width: width, height: height)
        guard box.width >= 6, box.height >= 3 else { return }
        buffer.fill(box, style: theme[.normal])
        buffer.drawBox(box, style: theme[.border])
        buffer.write(TextWidth.truncate(" \(entry.label) ", to: box.width - 4), x: box.x + 2, y: box.y,
                     style: theme[.title], maxWidth: box.width - 4)
        var top = list.top
        if list.highlighted >= top + rows { top = list.highlighted - rows + 1 }
        let inner = box.inset(top: 1, left: 1, bottom: 1, right: 1)
        for offset in 0..<min(rows, inner.height) {
            let index = top + offset
            guard entry.options.indices.contains(index) else { break }
            let highlighted = index == list.highlighted
            let current = index == entry.selectedIndex ? "•" : " "
            let line = (highlighted ? ">" : " ") + current + " " + texts[index]
            buffer.write(TextWidth.pad(TextWidth.truncate(line, to: inner.width), to: inner.width), x: inner.x,
                         y: inner.y + offset, style: theme[highlighted ? .selected : .normal], maxWidth: inner.width)
        }
        let more = (top > 0 ? "↑" : "") + (top + rows < entry.options.count ? "↓" : "")
        let footer = " \(more.isEmpty ? "" : more + " ")\(list.highlighted + 1) of \(entry.options.count) "
        buffer.write(TextWidth.truncate(footer, to: box.width - 4), x: box.x + 2, y: box.maxY - 1, style: theme[.border],
                     maxWidth: box.width - 4)
    }
}

/// A pick list opened over its form: which field, the choice highlighted (taken by Enter), and
/// the first choice in view.
public struct OpenPickList: Hashable, Sendable {
    public let field: Int
    public internal(set) var highlighted: Int
    public internal(set) var top: Int

    /// Keeps the highlighted choice within `rows` rows of the view, moving it as little as possible.
    mutating func scroll(rows: Int) {
        if highlighted < top { top = highlighted }
        if highlighted >= top + rows { top = highlighted - rows + 1 }
        top = max(0, top)
    }

    /// The hint for the status line while a list is open.
    public static let hint = "Up, Down or letters move; Enter chooses; Esc leaves it unchanged"
}
