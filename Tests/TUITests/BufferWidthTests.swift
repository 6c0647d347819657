import Testing
@testable import TUI

@Suite struct BufferWidthTests {
    @Test func widthsOfWideAndCombiningText() {
        #expect(TextWidth.of("王小明") == 6)
        #expect(TextWidth.of("Siobhán Ó Briain") == 16)
        #expect(TextWidth.of("Zoë Brontë") == 10)
        #expect(TextWidth.of("Zoe\u{0308} Bronte\u{0308}") == 10)
        #expect(TextWidth.of("\u{0308}") == 0)
    }

    @Test func truncationUsesDisplayColumnsAndAnEllipsis() {
        #expect(TextWidth.truncate("Siobhán Ó Briain", to: 8) == "Siobhán…")
        #expect(TextWidth.truncate("王小明", to: 5) == "王小…")
        // A wide glyph that would straddle the limit is left out rather than split.
        #expect(TextWidth.truncate("王小明", to: 4) == "王…")
        #expect(TextWidth.pad("王小明", to: 4) == "王… ")
        #expect(TextWidth.of(TextWidth.pad("Zoe\u{0308} Bronte\u{0308}", to: 6)) == 6)
        #expect(TextWidth.truncate("short", to: 10) == "short")
    }

    @Test func wideGlyphTakesACellAndAContinuation() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        let used = buffer.write("王a", x: 0, y: 0, style: .plain)
        #expect(used == 3)
        #expect(buffer[0, 0].grapheme == "王")
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].grapheme == "a")
        #expect(buffer.line(0) == "王a   ")
    }

    @Test func combiningMarksStayWithTheirLetter() {
        var buffer = Buffer(size: Size(width: 10, height: 1))
        buffer.write("Zoe\u{0308}!", x: 0, y: 0, style: .plain)
        #expect(buffer[2, 0].grapheme == "e\u{0308}")
        #expect(buffer[3, 0].grapheme == "!")
    }

    @Test func writingOverHalfAWideGlyphBlanksTheOtherHalf() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.write("王小", x: 0, y: 0, style: .plain)
        buffer.put("x", x: 1, y: 0, style: .plain)  // over the continuation of 王
        #expect(buffer[0, 0].grapheme == " ")
        #expect(!buffer[0, 0].isContinuation)
        #expect(buffer[1, 0].grapheme == "x")
        buffer.put("y", x: 2, y: 0, style: .plain)  // over the first half of 小
        #expect(buffer[3, 0].grapheme == " ")
        #expect(!buffer[3, 0].isContinuation)
        #expect(buffer.text == " xy")
    }

    @Test func wideGlyphAtTheEdgeBecomesASpace() {
        var buffer = Buffer(size: Size(width: 3, height: 1))
        let used = buffer.write("ab王", x: 0, y: 0, style: .plain)
        #expect(used == 3)
        #expect(buffer.line(0) == "ab ")
        var clipped = Buffer(size: Size(width: 10, height: 1))
        clipped.write("a王b", x: 0, y: 0, style: .plain, maxWidth: 2)
        #expect(clipped.text == "a")
        #expect(!clipped[2, 0].isContinuation)
    }
}
