/// Hands out the rows of a rectangle from the top down, so a screen never counts offsets by hand:
///
///     var rows = RowCursor(area)
///     let keys = rows.bottom()            // the last row, kept for a hint line
///     rows.skip()
///     paged.render(in: rows.next(height: 2 + paged.current.height), ...)
///     rows.text("About: \(chosen)", into: &buffer, style: theme[.normal])
///
/// Rows asked for beyond the end come back empty (height 0), so drawing into them does nothing.
public struct RowCursor: Sendable {
    /// The columns every row spans.
    public let x: Int
    public let width: Int
    /// The next row to hand out.
    public private(set) var y: Int
    /// One past the last row that may be handed out (moves up as `bottom` takes rows).
    public private(set) var maxY: Int

    public init(_ area: Rect) {
        x = area.x
        width = area.width
        y = area.y
        maxY = area.maxY
    }

    /// Rows left to hand out.
    public var remaining: Int { max(0, maxY - y) }

    /// The next `height` rows (fewer, down to none, when the area runs out).
    public mutating func next(height: Int = 1) -> Rect {
        let rows = min(max(0, height), remaining)
        defer { y += rows }
        return Rect(x: x, y: y, width: width, height: rows)
    }

    /// Leaves `rows` rows blank.
    public mutating func skip(_ rows: Int = 1) { y += min(max(0, rows), remaining) }

    /// Everything left.
    public mutating func rest() -> Rect { next(height: remaining) }

    /// The last `height` rows of what is left, taken from the bottom (for a hint or status row).
    public mutating func bottom(height: Int = 1) -> Rect {
        let rows = min(max(0, height), remaining)
        maxY -= rows
        return Rect(x: x, y: maxY, width: width, height: rows)
    }

    /// Draws `text` wrapped to the width (less `indent`) on the next rows, at most `maxLines`
    /// (the last cut with "…" when more was left out). Returns the rows used.
    @discardableResult
    public mutating func text(_ text: String, into buffer: inout Buffer, style: Style, indent: Int = 0,
                              maxLines: Int? = nil) -> Int {
        let lines = TextWrap.lines(text, width: width - max(0, indent))
        let rect = next(height: min(lines.count, maxLines ?? lines.count)).inset(left: max(0, indent))
        return buffer.writeWrapped(text, in: rect, style: style)
    }

    /// A label in its own column with the value wrapped beside it ("Who   team leader"), on the
    /// next rows. Returns the rows used.
    @discardableResult
    public mutating func labelled(_ label: String, _ value: String, labelWidth: Int, into buffer: inout Buffer,
                                  labelStyle: Style, valueStyle: Style) -> Int {
        let columns = Rect(x: x, y: y, width: width, height: 1).splitLabel(width: labelWidth)
        let lines = max(1, TextWrap.lines(value, width: columns.value.width).count)
        let rect = next(height: lines)
        guard !rect.isEmpty else { return 0 }
        let split = rect.splitLabel(width: labelWidth)
        buffer.write(label, in: split.label.row(0), style: labelStyle)
        buffer.writeWrapped(value, in: split.value, style: valueStyle)
        return rect.height
    }
}

extension Rect {
    /// This rectangle as a label column `width` wide (the gap after it included) and the value
    /// column beside it.
    public func splitLabel(width labelWidth: Int) -> (label: Rect, value: Rect) {
        let label = min(max(0, labelWidth), width)
        return (Rect(x: x, y: y, width: label, height: height),
                Rect(x: x + label, y: y, width: width - label, height: height))
    }
}

extension Buffer {
    /// Writes `text` wrapped to the rectangle's width, one line per row, as many as fit; when
    /// lines are left out the last shown ends with "…". Returns the rows used.
    @discardableResult
    public mutating func writeWrapped(_ text: String, in rect: Rect, style: Style) -> Int {
        guard !rect.isEmpty else { return 0 }
        var lines = TextWrap.lines(text, width: rect.width)
        if lines.count > rect.height {
            lines = Array(lines.prefix(rect.height))
            let last = lines[lines.count - 1]
            lines[lines.count - 1] = TextWidth.of(last) < rect.width
                ? last + "…" : TextWidth.truncate(last + "…", to: rect.width)
        }
        for (offset, line) in lines.enumerated() {
            write(line, in: rect.row(offset), style: style)
        }
        return lines.count
    }
}
