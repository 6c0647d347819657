/// A yes-or-no question in a bordered box, drawn centred over whatever is beneath it.
public struct ConfirmDialog: Hashable, Sendable {
    public var title: String
    /// The question, wrapped to the box's width.
    public var message: String
    /// Words for the two answers, shown after their keys: "Y Yes   N No".
    public var yesLabel: String
    public var noLabel: String
    /// The answer Enter gives. Make it false for anything that loses or deletes records.
    public var defaultAnswer: Bool
    /// The widest the box grows, border included.
    public var maxWidth: Int

    public init(title: String, message: String, yesLabel: String = "Yes", noLabel: String = "No",
                defaultAnswer: Bool = true, maxWidth: Int = 60) {
        self.title = title
        self.message = message
        self.yesLabel = yesLabel
        self.noLabel = noLabel
        self.defaultAnswer = defaultAnswer
        self.maxWidth = maxWidth
    }

    /// The answer a key gives: y or Y means yes, n, N or Esc means no, Enter gives
    /// `defaultAnswer`; nil for any other key (the dialog stays open).
    public func answer(for key: Key) -> Bool? {
        switch key {
        case .character("y"), .character("Y"): return true
        case .character("n"), .character("N"), .escape: return false
        case .enter: return defaultAnswer
        default: return nil
        }
    }

    /// The choices as shown: key, label, three spaces, key, label.
    public var choicesText: String { "Y \(yesLabel)   N \(noLabel)" }

    /// Where the box goes when drawn over `area`.
    public func frame(in area: Rect) -> Rect {
        let room = min(maxWidth, area.width) - 4  // border and one space each side
        guard room > 0 else { return area.centred(Size(width: min(area.width, 4), height: min(area.height, 3))) }
        let natural = max(TextWidth.of(choicesText), TextWidth.of(title) + 4,
                          message.split(whereSeparator: \.isNewline).map { TextWidth.of($0) }.max() ?? 0)
        let inner = min(room, max(natural, 20))
        let lines = TextWrap.lines(message, width: inner).count
        return area.centred(Size(width: inner + 4, height: lines + 5))
    }

    /// Draws the box centred in `area`: border and title, the wrapped message, a blank line, then
    /// the choices with their keys in the `keyBarKey` role.
    public func render(in area: Rect, into buffer: inout Buffer, theme: Theme) {
        let box = frame(in: area)
        guard box.width >= 4, box.height >= 3 else { return }
        buffer.fill(box, style: theme[.normal])
        buffer.drawBox(box, style: theme[.border])
        let titleText = TextWidth.truncate(" \(title) ", to: box.width - 4)
        buffer.write(titleText, x: box.x + 2, y: box.y, style: theme[.title], maxWidth: box.width - 4)

        let content = box.inset(top: 2, left: 2, bottom: 1, right: 2)
        guard !content.isEmpty else { return }
        let lines = TextWrap.lines(message, width: content.width)
        let choicesY = content.maxY - 1
        for (index, line) in lines.enumerated() where content.y + index < choicesY - 1 {
            buffer.write(line, x: content.x, y: content.y + index, style: theme[.normal], maxWidth: content.width)
        }
        var x = content.x
        let parts: [(String, StyleRole)] = [("Y", .keyBarKey), (" \(yesLabel)   ", .normal), ("N", .keyBarKey),
                                            (" \(noLabel)", .normal)]
        for (text, role) in parts {
            x += buffer.write(text, x: x, y: choicesY, style: theme[role], maxWidth: content.maxX - x)
        }
    }
}
