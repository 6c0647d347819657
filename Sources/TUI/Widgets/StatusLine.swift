/// What a status message is about. Each kind has a word as well as a colour.
public enum StatusKind: Hashable, Sendable, CaseIterable {
    case info, ok, warning, error

    /// The word that starts the message, so the meaning survives without colour.
    public var prefix: String {
        switch self {
        case .info: return "Note:"
        case .ok: return "Done:"
        case .warning: return "Warning:"
        case .error: return "Error:"
        }
    }

    /// The theme role for the message.
    public var role: StyleRole {
        switch self {
        case .info: return .status
        case .ok: return .ok
        case .warning: return .warning
        case .error: return .error
        }
    }
}

/// A status bar: a message on the left ("Error: Enter a date") and text on the right (e.g. the
/// signed-in worker). When both do not fit on one line the right text is dropped first; a message
/// still too long is wrapped between words over as many rows as it is given (`lines(width:)`
/// says how many it needs), and cut with "…" only when even those run out.
public struct StatusLine: Hashable, Sendable {
    public var message: String
    public var kind: StatusKind
    public var right: String

    public init(message: String = "", kind: StatusKind = .info, right: String = "") {
        self.message = message
        self.kind = kind
        self.right = right
    }

    /// The message with its kind's word in front, or "" when there is no message.
    public var messageText: String { message.isEmpty ? "" : "\(kind.prefix) \(message)" }

    /// The message (with its kind's word) wrapped to fit a bar `width` columns wide, one space
    /// kept each side: one line when it fits.
    public func lines(width: Int) -> [String] {
        let text = messageText
        guard !text.isEmpty else { return [] }
        return TextWrap.lines(text, width: max(1, width - 2))
    }

    /// Draws the bar in `rect`, in the `status` role with the message in its kind's role: on one
    /// row when the message fits, otherwise wrapped over the rows of `rect`.
    public func render(in rect: Rect, into buffer: inout Buffer, theme: Theme) {
        guard !rect.isEmpty else { return }
        let wrapped = lines(width: rect.width)
        if wrapped.count > 1 && rect.height > 1 {
            renderWrapped(wrapped, in: rect, into: &buffer, theme: theme)
            return
        }
        let line = rect.row(0)
        buffer.fill(line, style: theme[.status])
        let text = messageText
        let textWidth = TextWidth.of(text), rightWidth = TextWidth.of(right)
        let showRight = !right.isEmpty && 1 + textWidth + (textWidth > 0 ? 2 : 0) + rightWidth + 1 <= line.width
        if showRight {
            buffer.write(right, x: line.maxX - 1 - rightWidth, y: line.y, style: theme[.status])
        }
        if !text.isEmpty {
            let room = line.width - 2
            buffer.write(TextWidth.truncate(text, to: room), x: line.x + 1, y: line.y, style: theme[kind.role],
                         maxWidth: room)
        }
    }

    private func renderWrapped(_ wrapped: [String], in rect: Rect, into buffer: inout Buffer, theme: Theme) {
        buffer.fill(rect, style: theme[.status])
        let room = rect.width - 2
        for (index, text) in wrapped.prefix(rect.height).enumerated() {
            let cut = index == rect.height - 1 && wrapped.count > rect.height
            buffer.write(cut ? TextWidth.truncate(text + " …", to: room) : text, x: rect.x + 1, y: rect.y + index,
                         style: theme[kind.role], maxWidth: room)
        }
    }
}
