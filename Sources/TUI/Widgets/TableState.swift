/// A way to move the selection in a list or table.
public enum ListMotion: Hashable, Sendable {
    case up, down, pageUp, pageDown, home, end
    /// Straight to a row (clamped to the rows there are).
    case to(Int)
}

/// Which row of a list is selected and which row shows at the top.
public struct TableState: Hashable, Sendable {
    /// The selected row (0 when there are no rows).
    public var selected: Int
    /// The first row shown.
    public var offset: Int

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = max(0, selected)
        self.offset = max(0, offset)
    }

    /// Moves the selection and scrolls so it stays in view. `pageSize` is the number of rows the
    /// table shows (see `TableView.pageSize(for:)`). Page moves scroll the view by a page too.
    public mutating func move(_ motion: ListMotion, rowCount: Int, pageSize: Int) {
        guard rowCount > 0 else { self = TableState(); return }
        let page = max(1, pageSize)
        switch motion {
        case .up: selected -= 1
        case .down: selected += 1
        case .pageUp: selected -= page; offset -= page
        case .pageDown: selected += page; offset += page
        case .home: selected = 0
        case .end: selected = rowCount - 1
        case .to(let index): selected = index
        }
        clamp(rowCount: rowCount, pageSize: page)
    }

    /// Brings the state back within `rowCount` rows (after the rows change or the screen is
    /// resized) with the selection in view and no empty space below the last row.
    public mutating func clamp(rowCount: Int, pageSize: Int) {
        self = clamped(rowCount: rowCount, pageSize: pageSize)
    }

    /// This state brought within `rowCount` rows with the selection in view.
    public func clamped(rowCount: Int, pageSize: Int) -> TableState {
        guard rowCount > 0 else { return TableState() }
        let page = max(1, pageSize)
        var copy = self
        copy.selected = min(max(0, selected), rowCount - 1)
        copy.offset = min(max(0, offset), max(0, rowCount - page))
        if copy.selected < copy.offset { copy.offset = copy.selected }
        if copy.selected >= copy.offset + page { copy.offset = copy.selected - page + 1 }
        return copy
    }

    /// "12/340": the selected row counted from 1, and the number of rows ("0/0" when empty).
    public func position(rowCount: Int) -> String {
        rowCount > 0 ? "\(min(selected, rowCount - 1) + 1)/\(rowCount)" : "0/0"
    }
}
