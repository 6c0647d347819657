/// One terminal cell: a grapheme and its style. A wide grapheme (two columns) sits in its first
/// cell; the cell to its right is a continuation that draws nothing.
public struct Cell: Hashable, Sendable {
    public var grapheme: Character
    public var style: Style
    public var isContinuation: Bool

    public init(grapheme: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
        self.grapheme = grapheme
        self.style = style
        self.isContinuation = isContinuation
    }

    public static let blank = Cell()
}

/// An in-memory grid of cells that a view draws into. A terminal backend pushes it to the screen;
/// tests read it back as text.
public struct Buffer: Hashable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should show (a focused text field), or nil to hide it.
    public var cursor: Point?

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    private func inBounds(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size.width && y < size.height
    }

    /// Puts one grapheme at a cell and returns the columns it took (0 if it could not fit).
    /// A wide grapheme that would overhang `limitX` (or the edge) is replaced by a space.
    @discardableResult
    public mutating func put(_ grapheme: Character, x: Int, y: Int, style: Style, limitX: Int? = nil) -> Int {
        let width = TextWidth.of(grapheme)
        let edge = min(limitX ?? size.width, size.width)
        guard y >= 0, y < size.height, x >= 0, x < edge else { return 0 }
        if width == 0 {
            // A lone combining mark or control: attach nothing, draw nothing.
            return 0
        }
        clearWideNeighbours(x: x, y: y)
        if width == 2 {
            guard x + 1 < edge else {
                self[x, y] = Cell(grapheme: " ", style: style)
                return 1
            }
            clearWideNeighbours(x: x + 1, y: y)
            self[x, y] = Cell(grapheme: grapheme, style: style)
            self[x + 1, y] = Cell(grapheme: " ", style: style, isContinuation: true)
            return 2
        }
        self[x, y] = Cell(grapheme: grapheme, style: style)
        return 1
    }

    /// Writing over half of a wide glyph blanks its other half so nothing is left dangling.
    private mutating func clearWideNeighbours(x: Int, y: Int) {
        let current = self[x, y]
        if current.isContinuation, x > 0 {
            self[x - 1, y] = Cell(grapheme: " ", style: self[x - 1, y].style)
        } else if TextWidth.of(current.grapheme) == 2, x + 1 < size.width, self[x + 1, y].isContinuation {
            self[x + 1, y] = Cell(grapheme: " ", style: self[x + 1, y].style)
        }
    }

    /// Writes text from (x, y), clipped to `maxWidth` columns (and the buffer edge).
    /// Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < size.height else { return 0 }
        let limit = min(size.width, maxWidth.map { x + max(0, $0) } ?? size.width)
        var column = x
        for grapheme in text {
            if column >= limit { break }
            if grapheme == "\n" { break }
            let used = put(grapheme, x: column, y: y, style: style, limitX: limit)
            if used == 0 && TextWidth.of(grapheme) > 0 { break }
            column += used
        }
        return column - x
    }

    /// Writes text into a rectangle's first row, truncated with an ellipsis and padded to its width.
    public mutating func write(_ text: String, in rect: Rect, style: Style, alignment: TextWidth.Alignment = .left) {
        guard !rect.isEmpty else { return }
        write(TextWidth.pad(text, to: rect.width, alignment: alignment), x: rect.x, y: rect.y, style: style,
              maxWidth: rect.width)
    }

    /// Fills a rectangle with one grapheme and style.
    public mutating func fill(_ rect: Rect, grapheme: Character = " ", style: Style) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                clearWideNeighbours(x: x, y: y)
                self[x, y] = Cell(grapheme: grapheme, style: style)
            }
        }
    }

    /// Changes the style of every cell in a rectangle, keeping the text.
    public mutating func restyle(_ rect: Rect, with style: Style) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { self[x, y].style = style }
        }
    }

    /// Draws a single-line box around a rectangle's edge.
    public mutating func drawBox(_ rect: Rect, style: Style) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        for x in rect.x + 1..<rect.maxX - 1 {
            put("─", x: x, y: rect.y, style: style)
            put("─", x: x, y: rect.maxY - 1, style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            put("│", x: rect.x, y: y, style: style)
            put("│", x: rect.maxX - 1, y: y, style: style)
        }
        put("┌", x: rect.x, y: rect.y, style: style)
        put("┐", x: rect.maxX - 1, y: rect.y, style: style)
        put("└", x: rect.x, y: rect.maxY - 1, style: style)
        put("┘", x: rect.maxX - 1, y: rect.maxY - 1, style: style)
    }

    /// One row as text (continuation cells skipped), trailing spaces kept.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<size.width where !self[x, y].isContinuation {
            text.append(self[x, y].grapheme)
        }
        return text
    }

    /// The whole buffer as text, one line per row with trailing spaces removed: what snapshot
    /// tests compare.
    public var text: String {
        (0..<size.height).map { y in
            var row = line(y)
            while row.last == " " { row.removeLast() }
            return row
        }.joined(separator: "\n")
    }

    /// The style of each row's cells as role letters, for snapshot tests that check styling:
    /// `legend` maps a style to a single letter; unknown styles print as "?".
    public func styleMap(_ legend: [Style: Character]) -> String {
        (0..<size.height).map { y in
            String((0..<size.width).map { legend[self[$0, y].style] ?? "?" })
        }.joined(separator: "\n")
    }
}
