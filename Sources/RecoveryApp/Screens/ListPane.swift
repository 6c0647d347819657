import TUI

/// A table with its selection, answering the list commands (up, down, paging, first, last) and
/// clicks. Screens that show a list keep one of these and hand it their rows.
public struct ListPane: Sendable {
    public var columns: [TableColumn]
    public var state = TableState()
    public var emptyMessage: String
    /// Words on the line under the table, at its right (for a list read a page at a time:
    /// whether it goes on above or below the page). While set, the header shows no position
    /// ("3/20"), which would count the page, not the list.
    public var footnote: String?

    public init(columns: [TableColumn], emptyMessage: String) {
        self.columns = columns
        self.emptyMessage = emptyMessage
    }

    /// Rows of the table visible in an area (the header takes one).
    public static func pageSize(forContentHeight height: Int) -> Int { max(1, height - 2) }

    /// Handles a list command; false when the command is not about moving in the list.
    public mutating func perform(_ command: CommandID, rowCount: Int, contentHeight: Int) -> Bool {
        let motion: ListMotion
        switch command {
        case AppCommand.up: motion = .up
        case AppCommand.down: motion = .down
        case AppCommand.pageUp: motion = .pageUp
        case AppCommand.pageDown: motion = .pageDown
        case AppCommand.first: motion = .home
        case AppCommand.last: motion = .end
        default: return false
        }
        state.move(motion, rowCount: rowCount, pageSize: Self.pageSize(forContentHeight: contentHeight))
        return true
    }

    /// Selects a row, keeping it in view.
    public mutating func select(_ row: Int, rowCount: Int, contentHeight: Int) {
        state.move(.to(row), rowCount: rowCount, pageSize: Self.pageSize(forContentHeight: contentHeight))
    }

    /// The table's area inside a screen's content area.
    public static func tableArea(in area: Rect) -> Rect { area.inset(top: 0, left: 1, bottom: 1, right: 1) }

    /// Draws the table.
    public func render(into buffer: inout Buffer, area: Rect, source: any TableDataSource, theme: Theme) {
        TableView(columns: columns, emptyMessage: emptyMessage, showsPosition: footnote == nil)
            .render(source, state: state, in: Self.tableArea(in: area), into: &buffer, theme: theme)
        if let footnote, area.height > 1 {
            let line = Rect(x: area.x + 1, y: area.maxY - 1, width: max(0, area.width - 2), height: 1)
            buffer.write(footnote, in: line, style: theme[.muted], alignment: .right)
        }
    }

    /// Selects the row under a click; returns it, or nil when the click missed every row.
    public mutating func click(at point: Point, area: Rect, source: any TableDataSource, contentHeight: Int) -> Int? {
        let table = TableView(columns: columns, emptyMessage: emptyMessage)
        guard let row = table.rowIndex(atScreenRow: point.y, in: Self.tableArea(in: area), state: state,
                                       rowCount: source.rowCount) else { return nil }
        select(row, rowCount: source.rowCount, contentHeight: contentHeight)
        return row
    }
}

/// A screen whose body is one searchable list: the selection, search and clicks come for free.
public protocol ListScreen: SearchableScreen {
    /// The table and its selection.
    var list: ListPane { get set }
    /// The rows shown (and searched).
    var rows: TableRows { get }
}

extension ListScreen {
    public var scopes: [KeyScope] { [.screen(id), .list] }
    public var searchRows: any TableDataSource { rows }
    public var selectedRow: Int { list.state.selected }

    public mutating func selectRow(_ row: Int, context: ScreenContext) {
        list.select(row, rowCount: rows.rowCount, contentHeight: context.contentHeight)
    }

    /// Keeps the selection on a row that exists after the rows were (re)loaded.
    public mutating func keepSelection(rowCount: Int, context: ScreenContext) {
        list.state.clamp(rowCount: rowCount, pageSize: ListPane.pageSize(forContentHeight: context.contentHeight))
    }

    /// A list screen shows its table, and nothing else unless it says otherwise.
    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        list.render(into: &buffer, area: area, source: rows, theme: context.theme)
    }

    /// Handles the list movement commands; false for any other command.
    public mutating func moveInList(_ command: CommandID, context: ScreenContext) -> Bool {
        list.perform(command, rowCount: rows.rowCount, contentHeight: context.contentHeight)
    }

    /// Selects the clicked row; returns it and whether it was already selected (a second click).
    public mutating func clickRow(at point: Point, area: Rect, context: ScreenContext) -> (row: Int, again: Bool)? {
        let before = list.state.selected
        guard let row = list.click(at: point, area: area, source: rows, contentHeight: context.contentHeight) else {
            return nil
        }
        return (row, row == before)
    }

    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenResponse {
        // A second click on the selected row opens it, like Enter.
        guard let hit = clickRow(at: point, area: area, context: context), hit.again else { return .done }
        return perform(AppCommand.open, context: context)
    }
}

extension ListScreen {
    /// Row styles that dim the rows whose flag is false (retired, left).
    static func dimmed(unless active: [Bool]) -> [Int: StyleRole] {
        Dictionary(uniqueKeysWithValues: active.enumerated().filter { !$0.element }.map { ($0.offset, StyleRole.muted) })
    }
}
