/// One column of a table.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    /// `.fixed(n)` columns, or `.flexible(minimum:)` to share the spare width.
    public var width: Extent
    public var alignment: TextWidth.Alignment

    public init(title: String, width: Extent, alignment: TextWidth.Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// A virtualised table: a header row, then only the rows that fit, read from a `TableDataSource`.
/// Cells are cut to their column's width in display columns (with "…"), so wide or accented
/// text never pushes later columns along.
public struct TableView: Hashable, Sendable {
    public var columns: [TableColumn]
    /// Shown under the header when there are no rows.
    public var emptyMessage: String
    /// Blank columns between table columns.
    public var columnGap: Int
    /// Shows the position ("12/340") at the right of the header row when there is room for it.
    public var showsPosition: Bool

    public init(columns: [TableColumn], emptyMessage: String = "Nothing to show.", columnGap: Int = 1,
                showsPosition: Bool = true) {
        self.columns = columns
        self.emptyMessage = emptyMessage
        self.columnGap = max(0, columnGap)
        self.showsPosition = showsPosition
    }

    /// The number of data rows a rectangle can show (its height less the header row).
    public func pageSize(for rect: Rect) -> Int { max(0, rect.height - 1) }

    /// Each column's width for a table `width` columns wide.
    public func columnWidths(for width: Int) -> [Int] {
        Layout.columnWidths(columns.map(\.width), width: width, gap: columnGap)
    }

    /// Each column's left edge, relative to the table's left edge.
    public func columnStarts(for width: Int) -> [Int] {
        var x = 0
        return columnWidths(for: width).map { w in
            defer { x += w + columnGap }
            return x
        }
    }

    /// The row of data shown on screen row `y` (for mouse clicks), or nil for the header, empty
    /// space or a row outside the table.
    public func rowIndex(atScreenRow y: Int, in rect: Rect, state: TableState, rowCount: Int) -> Int? {
        let page = pageSize(for: rect)
        let shown = state.clamped(rowCount: rowCount, pageSize: page)
        let line = y - rect.y - 1
        guard line >= 0, line < page else { return nil }
        let index = shown.offset + line
        return index < rowCount ? index : nil
    }

    /// Draws the header and the visible rows. Asks `source` only for the rows in view; if
    /// `state` would hide the selection, the view scrolls to show it.
    public func render(_ source: some TableDataSource, state: TableState, in rect: Rect,
                       into buffer: inout Buffer, theme: Theme) {
        guard !rect.isEmpty else { return }
        let widths = columnWidths(for: rect.width)
        let starts = columnStarts(for: rect.width)
        let rowCount = source.rowCount

        // Header.
        let header = rect.row(0)
        buffer.fill(header, style: theme[.header])
        var headerEnd = 0
        for (index, column) in columns.enumerated() where widths[index] > 0 {
            let text = TextWidth.truncate(column.title, to: widths[index])
            let padded = TextWidth.pad(text, to: widths[index], alignment: column.alignment)
            buffer.write(padded, x: rect.x + starts[index], y: header.y, style: theme[.header],
                         maxWidth: widths[index])
            let trailing = padded.count - String(padded.reversed().drop(while: { $0 == " " })).count
            headerEnd = max(headerEnd, starts[index] + widths[index] - trailing)
        }
        if showsPosition, rowCount > 0 {
            let position = state.clamped(rowCount: rowCount, pageSize: pageSize(for: rect)).position(rowCount: rowCount)
            let positionWidth = TextWidth.of(position)
            if headerEnd + 2 + positionWidth <= rect.width {
                buffer.write(position, x: rect.maxX - positionWidth, y: header.y, style: theme[.header])
            }
        }

        let body = rect.inset(top: 1)
        guard !body.isEmpty else { return }
        buffer.fill(body, style: theme[.normal])
        guard rowCount > 0 else {
            let lines = TextWrap.lines(emptyMessage, width: max(1, body.width - 2))
            for (index, line) in lines.prefix(body.height).enumerated() {
                buffer.write(line, in: body.row(index).inset(left: 1, right: 1), style: theme[.muted],
                             alignment: .centre)
            }
            return
        }
        let page = pageSize(for: rect)
        let shown = state.clamped(rowCount: rowCount, pageSize: page)
        let last = min(rowCount, shown.offset + page)
        for index in shown.offset..<last {
            let y = body.y + index - shown.offset
            let isSelected = index == shown.selected
            let rowStyle = isSelected ? theme[.selected] : theme[source.role(at: index) ?? .normal]
            buffer.fill(Rect(x: rect.x, y: y, width: rect.width, height: 1), style: rowStyle)
            let cells = source.cells(at: index)
            for (column, spec) in columns.enumerated() where widths[column] > 0 {
                let text = column < cells.count ? Self.singleLine(cells[column]) : ""
                var style = rowStyle
                if !isSelected, let role = source.cellRole(at: index, column: column) { style = theme[role] }
                buffer.write(TextWidth.pad(text, to: widths[column], alignment: spec.alignment),
                             x: rect.x + starts[column], y: y, style: style, maxWidth: widths[column])
            }
        }
    }

    /// Newlines and tabs in a cell show as spaces, so a cell never spills onto the next line.
    static func singleLine(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        return String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }
}
