import TUI

/// A screen's body of wrapped text lines that scrolls with the list keys (Up, Down, PgUp, PgDn,
/// Home, End), for the detail pages whose account can be longer than the screen: a plan, an
/// escalation, a member of staff's competency. The offset never runs past the last page, so
/// Up after End moves at once. When the text does not fit, the top row says which lines show.
struct ScrollingText: Sendable, Equatable {
    /// The first line shown.
    private(set) var offset = 0

    /// The rows of the body in a screen area `height` rows high (the top row holds the position).
    static func bodyHeight(_ height: Int) -> Int { max(1, height - 1) }

    /// The body's area inside the screen's area: under the position row, `margin` columns in.
    static func bodyArea(_ area: Rect, margin: Int) -> Rect {
        area.inset(top: 1, left: margin, right: margin)
    }

    /// The body's width for a screen `width` columns wide with `margin` columns each side.
    static func bodyWidth(_ width: Int, margin: Int) -> Int { max(10, width - 2 * margin) }

    /// Moves for a list key, given how many lines there are and how many show; false for any
    /// other command.
    mutating func perform(_ command: CommandID, lineCount: Int, height: Int) -> Bool {
        let page = max(1, height - 1)
        let last = max(0, lineCount - height)
        switch command {
        case AppCommand.down: offset += 1
        case AppCommand.up: offset -= 1
        case AppCommand.pageDown: offset += page
        case AppCommand.pageUp: offset -= page
        case AppCommand.first: offset = 0
        case AppCommand.last: offset = last
        default: return false
        }
        offset = min(max(0, offset), last)
        return true
    }

    /// Scrolls just enough that line `line` shows.
    mutating func reveal(_ line: Int, lineCount: Int, height: Int) {
        if line < offset { offset = line } else if line >= offset + height { offset = line - height + 1 }
        offset = min(max(0, offset), max(0, lineCount - height))
    }

    /// Draws the lines that show from the offset in `area`'s body, and the position ("12–30 of
    /// 60") on its top row when they do not all fit.
    func render(_ lines: [(String, StyleRole)], in area: Rect, margin: Int, into buffer: inout Buffer, theme: Theme) {
        let body = Self.bodyArea(area, margin: margin)
        let first = min(offset, max(0, lines.count - body.height))
        for (row, line) in lines.dropFirst(first).prefix(body.height).enumerated() {
            buffer.write(line.0, in: body.row(row), style: theme[line.1])
        }
        guard lines.count > body.height else { return }
        let position = "\(first + 1)–\(min(lines.count, first + body.height)) of \(lines.count)"
        buffer.write(position, in: area.row(0).inset(right: margin), style: theme[.muted], alignment: .right)
    }
}
