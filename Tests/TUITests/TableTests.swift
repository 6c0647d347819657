import Testing
@testable import TUI

/// A data source with a million rows that counts what it is asked for.
final class CountingSource: TableDataSource {
    let rowCount: Int
    private(set) var asked: [Int] = []
    init(rowCount: Int) { self.rowCount = rowCount }
    func cells(at row: Int) -> [String] {
        asked.append(row)
        return ["\(row)", "Person \(row)"]
    }
}

@Suite struct TableTests {
    let columns = [TableColumn(title: "Ref", width: .fixed(8)), TableColumn(title: "Name", width: .flexible(minimum: 10))]

    @Test func asksOnlyForVisibleRows() {
        let source = CountingSource(rowCount: 1_000_000)
        let table = TableView(columns: columns)
        var buffer = Buffer(size: Size(width: 40, height: 12))
        let rect = Rect(x: 0, y: 0, width: 40, height: 12)
        var state = TableState()
        state.move(.to(500_000), rowCount: source.rowCount, pageSize: table.pageSize(for: rect))
        table.render(source, state: state, in: rect, into: &buffer, theme: .monochrome)
        #expect(table.pageSize(for: rect) == 11)
        #expect(source.asked.count <= 11)
        #expect(source.asked.count == 11)
        #expect(source.asked.contains(500_000))
        #expect(Set(source.asked).count == source.asked.count)
        #expect(buffer.text.contains("Person 500000"))
        #expect(buffer.line(0).hasSuffix("500001/1000000"))
    }

    @Test func moveKeepsSelectionVisible() {
        var state = TableState()
        let count = 100, page = 10
        state.move(.down, rowCount: count, pageSize: page)
        #expect(state == TableState(selected: 1, offset: 0))
        state.move(.up, rowCount: count, pageSize: page)
        state.move(.up, rowCount: count, pageSize: page)
        #expect(state == TableState(selected: 0, offset: 0))
        for _ in 0..<10 { state.move(.down, rowCount: count, pageSize: page) }
        #expect(state == TableState(selected: 10, offset: 1))
        state.move(.pageDown, rowCount: count, pageSize: page)
        #expect(state == TableState(selected: 20, offset: 11))
        state.move(.end, rowCount: count, pageSize: page)
        #expect(state == TableState(selected: 99, offset: 90))
        state.move(.pageDown, rowCount: count, pageSize: page)
        #expect(state == TableState(selected: 99, offset: 90))
        state.move(.pageUp, rowCount: count, pageSize: page)
        #expect(state == TableState(selected: 89, offset: 80))
        state.move(.home, rowCount: count, pageSize: page)
        #expect(state == TableState(selected: 0, offset: 0))
        state.move(.to(55), rowCount: count, pageSize: page)
        #expect(state.selected == 55)
        #expect((state.offset..<state.offset + page).contains(55))
        state.move(.to(5000), rowCount: count, pageSize: page)
        #expect(state.selected == 99)
        state.move(.down, rowCount: 0, pageSize: page)
        #expect(state == TableState())
    }

    @Test func clampAfterRowsShrinkOrScreenResizes() {
        var state = TableState(selected: 80, offset: 75)
        state.clamp(rowCount: 30, pageSize: 10)
        #expect(state == TableState(selected: 29, offset: 20))
        var resized = TableState(selected: 15, offset: 10)
        resized.clamp(rowCount: 30, pageSize: 3)
        #expect(resized == TableState(selected: 15, offset: 13))
    }

    @Test func namesNeverShiftLaterColumns() {
        let table = TableView(columns: [
            TableColumn(title: "Name", width: .fixed(10)),
            TableColumn(title: "Room", width: .fixed(4), alignment: .right),
            TableColumn(title: "Status", width: .flexible(minimum: 6)),
        ])
        let names = ["王小明", "Siobhán Ó Briain", "Zoë Brontë", "Zoe\u{0308} Bronte\u{0308}", "Ann", "王小明王小明"]
        let source = TableRows(names.map { [$0, "12", "Open"] })
        var buffer = Buffer(size: Size(width: 30, height: 8))
        table.render(source, state: TableState(selected: 5), in: buffer.area, into: &buffer, theme: .monochrome)
        for y in 1...names.count {
            // Column 2 ("12", right-aligned in 4) ends at x = 14; column 3 starts at x = 16.
            #expect(buffer[13, y].grapheme == "1", "row \(y): \(buffer.line(y))")
            #expect(buffer[14, y].grapheme == "2", "row \(y): \(buffer.line(y))")
            #expect(buffer[16, y].grapheme == "O", "row \(y): \(buffer.line(y))")
            #expect(buffer[10, y].grapheme == " " && !buffer[10, y].isContinuation)
        }
        #expect(buffer.line(1).hasPrefix("王小明       12 Open"))
        #expect(buffer.line(2).hasPrefix("Siobhán Ó…   12 Open"))
        #expect(buffer.line(3).hasPrefix("Zoë Brontë   12 Open"))
        // Swift compares canonically, so the combining spelling reads the same as the precomposed one.
        #expect(buffer.line(4) == buffer.line(3))
        #expect(buffer[2, 4].grapheme.unicodeScalars.count == 2)
        #expect(buffer.line(6).hasPrefix("王小明王… "))
    }

    @Test func selectedRowUsesSelectedRole() {
        let table = TableView(columns: columns)
        var theme = Theme.monochrome
        theme.styles[.muted] = Style(foreground: .indexed(8))
        let source = TableRows([["1", "A"], ["2", "B"], ["3", "C"]], roles: [2: .muted])
        var buffer = Buffer(size: Size(width: 30, height: 5))
        table.render(source, state: TableState(selected: 1), in: buffer.area, into: &buffer, theme: theme)
        #expect(buffer[0, 0].style == theme[.header])
        #expect(buffer[0, 1].style == theme[.normal])
        #expect((0..<30).allSatisfy { buffer[$0, 2].style == theme[.selected] })
        #expect(buffer[0, 3].style == theme[.muted])
    }

    @Test func emptyStateShowsAMessage() {
        let table = TableView(columns: columns, emptyMessage: "No people match this search.")
        var buffer = Buffer(size: Size(width: 40, height: 4))
        table.render(TableRows([]), state: TableState(), in: buffer.area, into: &buffer, theme: .monochrome)
        #expect(buffer.line(0).hasPrefix("Ref      Name"))
        #expect(buffer.text.split(separator: "\n")[1].contains("No people match this search."))
    }

    @Test func rowIndexForMouseClicks() {
        let table = TableView(columns: columns)
        let rect = Rect(x: 0, y: 2, width: 40, height: 6)  // header at 2, rows 3...7
        let state = TableState(selected: 20, offset: 18)
        #expect(table.rowIndex(atScreenRow: 2, in: rect, state: state, rowCount: 50) == nil)
        #expect(table.rowIndex(atScreenRow: 3, in: rect, state: state, rowCount: 50) == 18)
        #expect(table.rowIndex(atScreenRow: 7, in: rect, state: state, rowCount: 50) == 22)
        #expect(table.rowIndex(atScreenRow: 8, in: rect, state: state, rowCount: 50) == nil)
        #expect(table.rowIndex(atScreenRow: 4, in: rect, state: TableState(), rowCount: 1) == nil)
    }

    @Test func cellsWithNewlinesStayOnOneRow() {
        let table = TableView(columns: columns, showsPosition: false)
        var buffer = Buffer(size: Size(width: 30, height: 3))
        table.render(TableRows([["1", "Line one\nline two"]]), state: TableState(), in: buffer.area,
                     into: &buffer, theme: .monochrome)
        #expect(buffer.line(1).hasPrefix("1        Line one line two"))
        #expect(buffer.line(2).allSatisfy { $0 == " " })
    }
}
