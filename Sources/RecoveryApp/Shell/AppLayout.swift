import TUI

/// Where each part of the frame goes for a terminal size. The same numbers serve drawing and
/// mouse hit-testing, so a click lands where the eye sees it.
public struct AppLayout: Sendable, Equatable {
    public let titleBar: Rect
    public let heading: Rect
    public let content: Rect
    public let hintLine: Rect
    public let keyBar: Rect

    public init(size: Size) {
        let full = Rect(size: size)
        titleBar = full.row(0)
        heading = full.row(1)
        content = Rect(x: 0, y: 2, width: size.width, height: max(0, size.height - 4))
        hintLine = full.row(-2)
        keyBar = full.row(-1)
    }
}
