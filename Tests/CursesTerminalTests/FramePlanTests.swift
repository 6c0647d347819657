import Testing
import TUI
@testable import CursesTerminal

@Suite struct FramePlanTests {
    func frame(_ rows: [String], width: Int) -> Buffer {
        var b = Buffer(size: Size(width: width, height: rows.count))
        for (y, row) in rows.enumerated() { b.write(row, x: 0, y: y, style: .plain) }
        return b
    }

    func positions(_ draws: [CellDraw]) -> [String] { draws.map { "\($0.x),\($0.y)=\($0.grapheme)" } }

    @Test func firstFrameDrawsEveryCell() {
        let b = frame(["ab", "cd"], width: 2)
        #expect(positions(FramePlan.draws(previous: nil, current: b, visible: b.size))
            == ["0,0=a", "1,0=b", "0,1=c", "1,1=d"])
    }

    @Test func onlyChangedCellsAreDrawn() {
        let old = frame(["abc", "def"], width: 3)
        let new = frame(["abc", "dXf"], width: 3)
        #expect(positions(FramePlan.draws(previous: old, current: new, visible: new.size)) == ["1,1=X"])
        #expect(FramePlan.draws(previous: new, current: new, visible: new.size).isEmpty)
    }

    @Test func styleChangeRedrawsTheCell() {
        let old = frame(["ab"], width: 2)
        var new = old
        new[1, 0].style = Style(attributes: .bold)
        #expect(positions(FramePlan.draws(previous: old, current: new, visible: new.size)) == ["1,0=b"])
    }

    @Test func wideGlyphIsDrawnOnceWithoutItsContinuation() {
        let b = frame(["王小x"], width: 5)
        #expect(positions(FramePlan.draws(previous: nil, current: b, visible: b.size))
            == ["0,0=王", "2,0=小", "4,0=x"])
    }

    @Test func changedContinuationRedrawsItsGlyph() {
        let old = frame(["ab c"], width: 4)
        let new = frame(["a王c"], width: 4)
        #expect(positions(FramePlan.draws(previous: old, current: new, visible: new.size)) == ["1,0=王"])
        // Only the continuation differs (e.g. its style): the glyph is drawn again.
        var restyled = new
        restyled[2, 0].style = Style(attributes: .reverse)
        #expect(positions(FramePlan.draws(previous: new, current: restyled, visible: new.size)) == ["1,0=王"])
    }

    @Test func wideGlyphReplacedByNarrowOnes() {
        let old = frame(["王"], width: 2)
        let new = frame(["ab"], width: 2)
        #expect(positions(FramePlan.draws(previous: old, current: new, visible: new.size)) == ["0,0=a", "1,0=b"])
    }

    @Test func combiningMarksStayInTheirCell() {
        let b = frame(["Zoë e\u{301}"], width: 6)
        let draws = FramePlan.draws(previous: nil, current: b, visible: b.size)
        #expect(draws.count == 6)
        #expect(draws[4].grapheme == "e\u{301}")
        #expect(draws[4].grapheme.unicodeScalars.count == 2)
    }

    @Test func onlyTheOverlapWithTheScreenIsDrawn() {
        let b = frame(["abcd", "efgh", "ijkl"], width: 4)
        #expect(positions(FramePlan.draws(previous: nil, current: b, visible: Size(width: 2, height: 2)))
            == ["0,0=a", "1,0=b", "0,1=e", "1,1=f"])
        #expect(FramePlan.draws(previous: nil, current: b, visible: .zero).isEmpty)
        #expect(FramePlan.draws(previous: nil, current: b, visible: Size(width: 10, height: 10)).count == 12)
    }

    @Test func wideGlyphCutByTheScreenEdgeBecomesASpace() {
        let b = frame(["a王"], width: 3)
        #expect(positions(FramePlan.draws(previous: nil, current: b, visible: Size(width: 2, height: 1)))
            == ["0,0=a", "1,0= "])
    }

    @Test func previousFrameOfAnotherSizeMeansFullRepaint() {
        let old = frame(["ab"], width: 2)
        let new = frame(["ab", "cd"], width: 2)
        #expect(FramePlan.draws(previous: old, current: new, visible: new.size).count == 4)
    }

    @Test func malformedCellsAreDrawnAsSpaces() {
        var b = Buffer(size: Size(width: 4, height: 1))
        b[0, 0] = Cell(grapheme: " ", isContinuation: true) // continuation with nothing before it
        b[1, 0] = Cell(grapheme: "王") // wide glyph without its continuation
        b[2, 0] = Cell(grapheme: "x")
        b[3, 0] = Cell(grapheme: "\u{7}") // a control character
        #expect(positions(FramePlan.draws(previous: nil, current: b, visible: b.size))
            == ["0,0= ", "1,0= ", "2,0=x", "3,0= "])
    }
}

@Suite struct CursesStartErrorTests {
    @Test func messagesAreOnePlainSentence() {
        let all: [CursesStartError] = [.inputNotATerminal, .outputNotATerminal, .terminalTypeUnset,
                                       .unknownTerminalType("xyz"), .terminalTooLimited("dumb")]
        for error in all {
            #expect(error.description.hasPrefix("RecoveryDesk needs"))
            #expect(error.description.hasSuffix("."))
            #expect(!error.description.contains("\n"))
        }
        #expect(CursesStartError.unknownTerminalType("xyz").description
            == "RecoveryDesk needs an interactive terminal: the terminal type \"xyz\" is not known.")
    }
}
