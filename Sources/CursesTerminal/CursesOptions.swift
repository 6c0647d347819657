/// How to start the curses screen.
public struct CursesOptions: Hashable, Sendable {
    /// Report mouse clicks and wheel scrolls as events.
    public var mouse: Bool
    /// Use colour when the terminal has it (false for `NO_COLOR` or a monochrome theme).
    public var useColour: Bool
    /// Hide the hardware cursor until a frame asks for it (a focused text field).
    public var hideCursor: Bool

    public init(mouse: Bool = true, useColour: Bool = true, hideCursor: Bool = true) {
        self.mouse = mouse
        self.useColour = useColour
        self.hideCursor = hideCursor
    }
}
