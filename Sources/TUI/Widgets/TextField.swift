/// A one-line text input. The cursor counts graphemes, so an accented or wide letter is one step.
/// When the text is wider than the field it scrolls sideways to keep the cursor in view.
public struct TextField: Hashable, Sendable {
    /// The text typed so far.
    public var value: String {
        didSet { cursor = min(max(0, cursor), value.count) }
    }
    /// The cursor, as a number of graphemes from the start (0...value.count).
    public var cursor: Int {
        didSet { cursor = min(max(0, cursor), value.count) }
    }
    /// The first grapheme shown; kept up to date by `scrollToCursor(width:)`.
    public var scrollOffset: Int
    /// The most graphemes the field accepts, or nil for no limit.
    public var maxLength: Int?
    /// Shows "•" for each character (for PINs and passwords).
    public var masked: Bool
    /// Muted text shown when the field is empty and not focused, e.g. "DD/MM/YYYY".
    public var placeholder: String

    /// The symbol shown for each character of a masked field.
    public static let maskCharacter: Character = "•"

    public init(value: String = "", maxLength: Int? = nil, masked: Bool = false, placeholder: String = "") {
        let limited = maxLength.map { String(value.prefix(max(0, $0))) } ?? value
        self.value = limited
        self.cursor = limited.count
        self.scrollOffset = 0
        self.maxLength = maxLength.map { max(0, $0) }
        self.masked = masked
        self.placeholder = placeholder
    }

    /// Acts on a key: printable characters are typed at the cursor; Backspace, Delete, Left,
    /// Right, Home and End edit and move; Ctrl-U clears the field. Returns false for keys the
    /// field does not use (Enter, Tab, Up, function keys...), so the caller can act on them.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let c) where key.isPrintable:
            insert(String(c))
        case .backspace:
            if cursor > 0 {
                let index = value.index(value.startIndex, offsetBy: cursor - 1)
                cursor -= 1
                value.remove(at: index)
            }
        case .delete:
            if cursor < value.count {
                value.remove(at: value.index(value.startIndex, offsetBy: cursor))
            }
        case .left: cursor -= 1
        case .right: cursor += 1
        case .home: cursor = 0
        case .end: cursor = value.count
        case .control("u"):
            value = ""
            cursor = 0
            scrollOffset = 0
        default:
            return false
        }
        return true
    }

    /// Types `text` at the cursor, stopping at `maxLength`. Newlines and other controls are left out.
    public mutating func insert(_ text: String) {
        var accepted = String(text.filter { !$0.isNewline && TextWidth.of($0) > 0 })
        if let limit = maxLength {
            accepted = String(accepted.prefix(max(0, limit - value.count)))
        }
        guard !accepted.isEmpty else { return }
        let index = value.index(value.startIndex, offsetBy: cursor)
        let before = String(value[..<index]) + accepted
        value = before + value[index...]
        // Count again: a typed mark or flag half can merge with its neighbour.
        cursor = min(before.count, value.count)
    }

    /// The text as shown: the value, or one mask symbol per character.
    public var displayText: String {
        masked ? String(repeating: Self.maskCharacter, count: value.count) : value
    }

    /// The first grapheme to show in a field `width` columns wide so the cursor is in view,
    /// starting from `scrollOffset` and moving only as far as needed.
    public func visibleStart(width: Int) -> Int {
        let graphemes = Array(displayText)
        let room = max(1, width)
        var start = min(max(0, scrollOffset), cursor)
        // Columns from `start` up to the cursor, plus one for the cursor itself.
        func span(_ from: Int) -> Int {
            graphemes[from..<cursor].reduce(0) { $0 + TextWidth.of($1) } + 1
        }
        while start < cursor && span(start) > room { start += 1 }
        return start
    }

    /// Remembers where the view starts for a field `width` columns wide, so it moves smoothly.
    public mutating func scrollToCursor(width: Int) {
        scrollOffset = visibleStart(width: width)
    }

    /// Draws the field in the `input` role (`focus` when focused) on the first row of `rect`.
    /// When focused it scrolls to the cursor and places the terminal cursor; otherwise it shows
    /// the start of the text.
    public func render(in rect: Rect, into buffer: inout Buffer, theme: Theme, focused: Bool) {
        guard !rect.isEmpty else { return }
        let line = rect.row(0)
        let style = theme[focused ? .focus : .input]
        buffer.fill(line, style: style)
        if value.isEmpty && !focused && !placeholder.isEmpty {
            buffer.write(placeholder, in: line, style: theme[.muted].adding(style.attributes))
            return
        }
        guard focused else {
            // Not being edited: show the start, cut with "…" when it is too long.
            buffer.write(TextWidth.truncate(displayText, to: line.width), x: line.x, y: line.y, style: style,
                         maxWidth: line.width)
            return
        }
        let start = visibleStart(width: line.width)
        let shown = String(Array(displayText)[start...])
        buffer.write(shown, x: line.x, y: line.y, style: style, maxWidth: line.width)
        do {
            let column = Array(displayText)[start..<cursor].reduce(0) { $0 + TextWidth.of($1) }
            buffer.cursor = Point(x: line.x + min(column, line.width - 1), y: line.y)
        }
    }
}
