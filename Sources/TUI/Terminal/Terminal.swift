/// What the run loop needs from a terminal. The ncurses backend and the in-memory `TestTerminal`
/// both provide it, so everything above this line is tested without a real terminal.
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }

    /// The next event, waiting at most `timeoutMilliseconds` (nil when none came in time).
    func readEvent(timeoutMilliseconds: Int) -> Event?

    /// Shows a finished frame. Only cells that changed need to reach the screen.
    func present(_ buffer: Buffer)

    /// Forgets what is on the screen so the next `present` repaints every cell (Ctrl-L).
    func invalidate()
}
