import Testing
@testable import TUI

@Suite struct RowCursorTests {
    @Test func handsOutRowsTopDown() {
        var rows = RowCursor(Rect(x: 2, y: 3, width: 20, height: 10))
        let hint = rows.bottom()
        #expect(hint == Rect(x: 2, y: 12, width: 20, height: 1))
        #expect(rows.next() == Rect(x: 2, y: 3, width: 20, height: 1))
        rows.skip()
        #expect(rows.next(height: 3) == Rect(x: 2, y: 5, width: 20, height: 3))
        #expect(rows.remaining == 4)
        #expect(rows.next(height: 9) == Rect(x: 2, y: 8, width: 20, height: 4))  // only what is left
        #expect(rows.next().isEmpty)
        #expect(rows.rest().isEmpty)
    }

    @Test func restTakesWhatIsLeft() {
        var rows = RowCursor(Rect(x: 0, y: 0, width: 10, height: 5))
        rows.skip(2)
        #expect(rows.rest() == Rect(x: 0, y: 2, width: 10, height: 3))
        #expect(rows.remaining == 0)
    }

    @Test func wrappedTextReturnsTheRowsUsed() {
        var buffer = Buffer(size: Size(width: 20, height: 6))
        var rows = RowCursor(buffer.area)
        let used = rows.text("Charts returned late need escalating today", into: &buffer, style: .plain, indent: 2)
        #expect(used == 3)
        #expect(buffer.line(0).hasPrefix("  Charts returned"))
        #expect(buffer.line(2).hasPrefix("  escalating today"))
        #expect(rows.y == 3)
        let cut = rows.text("one two three four five six seven eight nine ten", into: &buffer, style: .plain, maxLines: 2)
        #expect(cut == 2)
        #expect(buffer.line(4).hasSuffix("…"))
    }

    @Test func labelAndValueColumns() {
        let (label, value) = Rect(x: 2, y: 1, width: 40, height: 1).splitLabel(width: 14)
        #expect(label == Rect(x: 2, y: 1, width: 14, height: 1))
        #expect(value == Rect(x: 16, y: 1, width: 26, height: 1))
        var buffer = Buffer(size: Size(width: 30, height: 4))
        var rows = RowCursor(buffer.area)
        let used = rows.labelled("Does what", "Checks every MAR chart at the end of the round", labelWidth: 10,
                                 into: &buffer, labelStyle: .plain, valueStyle: .plain)
        #expect(used == 3)
        #expect(buffer.line(0) == "Does what Checks every MAR    ")
        #expect(buffer.line(1).hasPrefix("          chart at the end of"))
        #expect(rows.y == 3)
    }

    @Test func writeWrappedStopsAtTheRectangle() {
        var buffer = Buffer(size: Size(width: 10, height: 3))
        let used = buffer.writeWrapped("aaa bbb ccc ddd eee", in: Rect(x: 0, y: 0, width: 7, height: 2), style: .plain)
        #expect(used == 2)
        #expect(buffer.text == "aaa bbb\nccc dd…\n")  // the last row cut to make room for "…"
    }
}
