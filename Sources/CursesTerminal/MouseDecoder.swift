import TUI

/// Turns an ncurses mouse report (button state bits and a cell) into a `MouseEvent`. Pure.
public enum MouseDecoder {
    /// Button 1 pressed or clicked is a click; button 4 scrolls up and button 5 down. Releases,
    /// other buttons and motion give nil, as do positions off the screen (negative).
    public static func decode(state: UInt64, x: Int, y: Int, masks: CursesMouseMasks = .ncurses) -> MouseEvent? {
        guard x >= 0, y >= 0 else { return nil }
        let position = Point(x: x, y: y)
        let clickBits = masks.button1Pressed | masks.button1Clicked | masks.button1DoubleClicked
            | masks.button1TripleClicked
        if state & masks.button4Pressed != 0 { return MouseEvent(kind: .scrollUp, position: position) }
        if state & masks.button5Pressed != 0 { return MouseEvent(kind: .scrollDown, position: position) }
        if state & clickBits != 0 { return MouseEvent(kind: .click, position: position) }
        return nil
    }
}
