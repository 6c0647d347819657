import CNcursesw

/// The ncurses mouse button bits the decoder needs, as plain values so `MouseDecoder` can be
/// tested without a terminal. `CursesMouseMasks.ncurses` holds the real ones.
public struct CursesMouseMasks: Hashable, Sendable {
    public var button1Pressed: UInt64
    public var button1Clicked: UInt64
    public var button1DoubleClicked: UInt64
    public var button1TripleClicked: UInt64
    public var button4Pressed: UInt64
    public var button5Pressed: UInt64

    public init(button1Pressed: UInt64, button1Clicked: UInt64, button1DoubleClicked: UInt64,
                button1TripleClicked: UInt64, button4Pressed: UInt64, button5Pressed: UInt64) {
        self.button1Pressed = button1Pressed
        self.button1Clicked = button1Clicked
        self.button1DoubleClicked = button1DoubleClicked
        self.button1TripleClicked = button1TripleClicked
        self.button4Pressed = button4Pressed
        self.button5Pressed = button5Pressed
    }

    /// The values from `<curses.h>` (read through the shim: they are macros Swift cannot import).
    public static let ncurses = CursesMouseMasks(
        button1Pressed: UInt64(rd_button1_pressed()), button1Clicked: UInt64(rd_button1_clicked()),
        button1DoubleClicked: UInt64(rd_button1_double_clicked()),
        button1TripleClicked: UInt64(rd_button1_triple_clicked()),
        button4Pressed: UInt64(rd_button4_pressed()), button5Pressed: UInt64(rd_button5_pressed()))
}
