import Testing
@testable import TUI

@Suite struct LayoutTests {
    @Test func splitRowsGivesFlexibleTheRest() {
        let rows = Rect(x: 0, y: 0, width: 80, height: 24).splitRows([.fixed(1), .flexible, .fixed(2)])
        #expect(rows == [Rect(x: 0, y: 0, width: 80, height: 1), Rect(x: 0, y: 1, width: 80, height: 21),
                         Rect(x: 0, y: 22, width: 80, height: 2)])
    }

    @Test func splitColumnsWithSpacingAndWeights() {
        let columns = Rect(x: 2, y: 3, width: 31, height: 5).splitColumns(
            [.fixed(5), .flexible(minimum: 0, weight: 2), .flexible], spacing: 1)
        #expect(columns.map(\.width) == [5, 16, 8])
        #expect(columns.map(\.x) == [2, 8, 25])
        #expect(columns.allSatisfy { $0.y == 3 && $0.height == 5 })
    }

    @Test func oddCellsGoToTheFirstFlexibleParts() {
        #expect(Layout.sizes([.flexible, .flexible, .flexible], total: 11) == [4, 4, 3])
    }

    @Test func tooLittleRoomNeverOverflows() {
        let sizes = Layout.sizes([.fixed(10), .flexible(minimum: 8), .fixed(10)], total: 15)
        #expect(sizes == [10, 0, 5])
        #expect(sizes.reduce(0, +) <= 15)
        #expect(Layout.sizes([.fixed(3)], total: -4) == [0])
    }

    @Test func columnWidthsHonourMinimums() {
        let widths = Layout.columnWidths([.fixed(6), .flexible(minimum: 12), .fixed(8)], width: 40)
        #expect(widths == [6, 24, 8])
        #expect(Layout.columnWidths([.fixed(6), .flexible(minimum: 12), .fixed(8)], width: 20) == [6, 4, 8])
    }

    @Test func wrapsByWords() {
        #expect(TextWrap.lines("Are you sure you want to leave without saving?", width: 16) ==
                ["Are you sure you", "want to leave", "without saving?"])
    }

    @Test func wrapBreaksLongWordsAndKeepsNewlines() {
        #expect(TextWrap.lines("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
        #expect(TextWrap.lines("one\n\ntwo three", width: 20) == ["one", "", "two three"])
        #expect(TextWrap.lines("", width: 5) == [""])
        #expect(TextWrap.lines("anything", width: 0) == [])
    }

    @Test func wrapCountsDisplayColumns() {
        let lines = TextWrap.lines("王小明 and Siobhán", width: 7)
        #expect(lines == ["王小明", "and", "Siobhán"])
        #expect(TextWrap.lines("王小明", width: 3) == ["王", "小", "明"])
        // A glyph wider than the width is still placed (never an endless loop).
        #expect(TextWrap.lines("王", width: 1) == ["王"])
        for line in TextWrap.lines("Zoe\u{0308} Bronte\u{0308} went home", width: 10) {
            #expect(TextWidth.of(line) <= 10)
        }
    }
}
