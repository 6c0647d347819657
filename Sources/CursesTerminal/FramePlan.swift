import TUI

/// One cell to hand to ncurses: where, and what (already made safe to draw).
public struct CellDraw: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var grapheme: Character
    public var style: Style

    public init(x: Int, y: Int, grapheme: Character, style: Style) {
        self.x = x
        self.y = y
        self.grapheme = grapheme
        self.style = style
    }
}

/// Works out which cells of a frame must be drawn, given the frame drawn before. Pure, so the
/// diffing and the wide-glyph rules are tested without a terminal.
public enum FramePlan {
    /// The cells to draw, row by row and left to right, limited to the `visible` overlap of the
    /// frame and the screen. With no previous frame (or one of another size) every visible cell
    /// is drawn.
    ///
    /// - A wide glyph is drawn once, at its first cell; its continuation cell is never drawn, and
    ///   a changed continuation redraws the glyph it belongs to.
    /// - A wide glyph that has no continuation cell beside it (or would overhang the visible
    ///   edge) is drawn as a space, so ncurses never wraps it onto the next line.
    /// - A continuation with no wide glyph before it, and zero-width graphemes (controls, lone
    ///   combining marks), are drawn as spaces.
    public static func draws(previous: Buffer?, current: Buffer, visible: Size) -> [CellDraw] {
        let width = min(current.size.width, visible.width)
        let height = min(current.size.height, visible.height)
        guard width > 0, height > 0 else { return [] }
        let compare = previous.flatMap { $0.size == current.size ? $0 : nil }
        var result: [CellDraw] = []
        for y in 0..<height {
            var x = 0
            var lastDrawn = -1
            while x < width {
                let cell = current[x, y]
                let changed = compare.map { $0[x, y] != cell } ?? true
                if changed {
                    if cell.isContinuation {
                        // Redraw the glyph this cell belongs to (unless just drawn).
                        if x > 0, lastDrawn != x - 1, isWideLead(current, x - 1, y, width) {
                            result.append(draw(current, x - 1, y, width))
                            lastDrawn = x - 1
                        } else if !(x > 0 && isWideLead(current, x - 1, y, width)) {
                            result.append(CellDraw(x: x, y: y, grapheme: " ", style: cell.style))
                            lastDrawn = x
                        }
                    } else {
                        result.append(draw(current, x, y, width))
                        lastDrawn = x
                    }
                }
                x += 1
            }
        }
        return result
    }

    /// True when (x, y) holds a two-column glyph with its continuation beside it, inside `width`.
    private static func isWideLead(_ buffer: Buffer, _ x: Int, _ y: Int, _ width: Int) -> Bool {
        let cell = buffer[x, y]
        return !cell.isContinuation && TextWidth.of(cell.grapheme) == 2 && x + 1 < width
            && buffer[x + 1, y].isContinuation
    }

    private static func draw(_ buffer: Buffer, _ x: Int, _ y: Int, _ width: Int) -> CellDraw {
        let cell = buffer[x, y]
        let columns = TextWidth.of(cell.grapheme)
        let safe = columns == 1 || (columns == 2 && isWideLead(buffer, x, y, width))
        return CellDraw(x: x, y: y, grapheme: safe ? cell.grapheme : " ", style: cell.style)
    }
}
