/// A bar showing how far along something is, with a percentage: "███████░░░ 73%".
public struct Gauge: Hashable, Sendable {
    /// From 0 (nothing) to 1 (all); values outside are clamped and NaN counts as 0.
    public var fraction: Double

    public static let filled: Character = "█"
    public static let empty: Character = "░"

    public init(fraction: Double) { self.fraction = fraction }

    /// The fraction within 0...1.
    public var clamped: Double { fraction.isNaN ? 0 : min(max(fraction, 0), 1) }

    /// The percentage as shown: rounded, but never "100%" before the end nor "0%" once started.
    public var percent: Int {
        let value = clamped
        var p = Int((value * 100).rounded())
        if p == 100 && value < 1 { p = 99 }
        if p == 0 && value > 0 { p = 1 }
        return p
    }

    /// "73%".
    public var label: String { "\(percent)%" }

    /// Exactly `width` characters: the bar, a space and the label right-aligned in four columns.
    /// When there is no room for the label beside a bar, only the bar is shown.
    public func text(width: Int) -> String {
        guard width > 0 else { return "" }
        let labelColumns = 4
        let hasLabel = width >= labelColumns + 2
        let barWidth = hasLabel ? width - labelColumns - 1 : width
        var filled = Int((clamped * Double(barWidth)).rounded())
        if clamped > 0 { filled = max(filled, 1) }
        if clamped < 1 { filled = min(filled, barWidth - 1) }
        filled = min(max(0, filled), barWidth)
        let bar = String(repeating: Self.filled, count: filled) + String(repeating: Self.empty, count: barWidth - filled)
        return hasLabel ? bar + " " + TextWidth.pad(label, to: labelColumns, alignment: .right) : bar
    }

    /// Draws the gauge on the first row of `rect`: the filled part in `role`, the rest muted.
    public func render(in rect: Rect, into buffer: inout Buffer, theme: Theme, role: StyleRole = .normal) {
        guard !rect.isEmpty else { return }
        var x = rect.x
        for character in text(width: rect.width) {
            let style: Style
            switch character {
            case Self.filled: style = theme[role]
            case Self.empty: style = theme[.muted]
            default: style = theme[.normal]
            }
            x += buffer.put(character, x: x, y: rect.y, style: style)
        }
    }
}
