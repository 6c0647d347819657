/// One entry of the key bar: the key as users read it ("F2") and a word or two ("Plans").
public struct KeyBarItem: Hashable, Sendable {
    public var key: String
    public var label: String

    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }
}

/// The bottom line of keys, htop style: "F1Help  F2Dashboard  F10Quit", each key in the
/// `keyBarKey` role and its label in the `keyBar` role, the rest of the line in `keyBar`.
/// When the line is too narrow, items are dropped from the end; a label is never cut.
public struct KeyBar: Hashable, Sendable {
    public var items: [KeyBarItem]

    /// Spaces between one item's label and the next item's key.
    public static let gap = 1

    public init(_ items: [KeyBarItem]) { self.items = items }

    public init(items: [(key: String, label: String)]) {
        self.items = items.map { KeyBarItem(key: $0.key, label: $0.label) }
    }

    /// Columns needed to show every one of `items`.
    public static func requiredWidth(_ items: [KeyBarItem]) -> Int {
        guard !items.isEmpty else { return 0 }
        return items.reduce(0) { $0 + TextWidth.of($1.key) + TextWidth.of($1.label) } + gap * (items.count - 1)
    }

    /// The leading items that fit in `width` columns.
    public func fittingItems(width: Int) -> [KeyBarItem] {
        var count = items.count
        while count > 0 && Self.requiredWidth(Array(items.prefix(count))) > width { count -= 1 }
        return Array(items.prefix(count))
    }

    /// The columns each shown item covers (key, label and the gap after it, but not after the
    /// last), from the rect's left.
    private func spans(width: Int) -> [Range<Int>] {
        let shown = fittingItems(width: width)
        var x = 0
        return shown.enumerated().map { index, item in
            let start = x
            x += TextWidth.of(item.key) + TextWidth.of(item.label)
            let end = index == shown.count - 1 ? x : x + Self.gap
            x += Self.gap
            return start..<min(end, width)
        }
    }

    /// The index in `items` of the item shown at screen column `x` (for mouse clicks), or nil.
    public func item(atColumn x: Int, in rect: Rect) -> Int? {
        spans(width: rect.width).firstIndex { $0.contains(x - rect.x) }
    }

    /// Draws the bar on the first row of `rect`.
    public func render(in rect: Rect, into buffer: inout Buffer, theme: Theme) {
        guard !rect.isEmpty else { return }
        let line = rect.row(0)
        buffer.fill(line, style: theme[.keyBar])
        var x = line.x
        for item in fittingItems(width: line.width) {
            x += buffer.write(item.key, x: x, y: line.y, style: theme[.keyBarKey], maxWidth: line.maxX - x)
            x += buffer.write(item.label, x: x, y: line.y, style: theme[.keyBar], maxWidth: line.maxX - x)
            x += Self.gap
        }
    }
}
