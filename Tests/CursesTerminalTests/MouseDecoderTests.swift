import Testing
import TUI
@testable import CursesTerminal

@Suite struct MouseDecoderTests {
    let masks = CursesMouseMasks(button1Pressed: 0x2, button1Clicked: 0x4, button1DoubleClicked: 0x8,
                                 button1TripleClicked: 0x10, button4Pressed: 0x10000, button5Pressed: 0x200000)

    func decode(_ state: UInt64, _ x: Int = 7, _ y: Int = 3) -> MouseEvent? {
        MouseDecoder.decode(state: state, x: x, y: y, masks: masks)
    }

    @Test func button1IsAClick() {
        let click = MouseEvent(kind: .click, position: Point(x: 7, y: 3))
        #expect(decode(0x2) == click)
        #expect(decode(0x4) == click)
        #expect(decode(0x8) == click)
        #expect(decode(0x10) == click)
    }

    @Test func wheel() {
        #expect(decode(0x10000) == MouseEvent(kind: .scrollUp, position: Point(x: 7, y: 3)))
        #expect(decode(0x200000, 0, 0) == MouseEvent(kind: .scrollDown, position: Point(x: 0, y: 0)))
    }

    @Test func othersAreIgnored() {
        #expect(decode(0) == nil)
        #expect(decode(0x1) == nil) // button 1 released
        #expect(decode(0x40) == nil) // another button
        #expect(decode(0x2, -1, 3) == nil)
        #expect(decode(0x2, 3, -1) == nil)
    }

    @Test func realMasksAreDistinct() {
        let real = CursesMouseMasks.ncurses
        let all = [real.button1Pressed, real.button1Clicked, real.button4Pressed, real.button5Pressed]
        #expect(Set(all).count == 4)
        #expect(all.allSatisfy { $0 != 0 })
        #expect(MouseDecoder.decode(state: real.button5Pressed, x: 1, y: 2)?.kind == .scrollDown)
    }
}
