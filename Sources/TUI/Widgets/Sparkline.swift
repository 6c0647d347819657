/// A small chart in one line of block characters, newest value on the right.
public struct Sparkline: Hashable, Sendable {
    /// Oldest first; nil where there is no data.
    public var values: [Double?]
    /// The values at the bottom and top of the scale, or nil to use the lowest and highest shown.
    public var range: ClosedRange<Double>?

    /// Eight heights, lowest first.
    public static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// Shown where there is no data.
    public static let noData: Character = "·"

    public init(values: [Double?], range: ClosedRange<Double>? = nil) {
        self.values = values
        self.range = range
    }

    /// Exactly `width` characters: the newest `width` values, with spaces on the left when there
    /// are fewer. Values outside `range` are clamped; a flat series is scaled from zero.
    public func text(width: Int) -> String {
        guard width > 0 else { return "" }
        let shown = values.suffix(width).map { value -> Double? in
            guard let value, value.isFinite else { return nil }
            return value
        }
        let present = shown.compactMap { $0 }
        var low = range?.lowerBound ?? present.min() ?? 0
        var high = range?.upperBound ?? present.max() ?? 0
        if low == high {
            low = min(low, 0)
            high = max(high, 0)
        }
        var result = String(repeating: " ", count: width - shown.count)
        for value in shown {
            guard let value else { result.append(Self.noData); continue }
            guard high > low else { result.append(Self.levels[0]); continue }
            let fraction = (min(max(value, low), high) - low) / (high - low)
            let level = Int((fraction * Double(Self.levels.count - 1)).rounded())
            result.append(Self.levels[min(max(0, level), Self.levels.count - 1)])
        }
        return result
    }

    /// Draws the line on the first row of `rect`, "no data" dots in the `muted` role.
    public func render(in rect: Rect, into buffer: inout Buffer, theme: Theme, role: StyleRole = .normal) {
        guard !rect.isEmpty else { return }
        var x = rect.x
        for character in text(width: rect.width) {
            x += buffer.put(character, x: x, y: rect.y, style: theme[character == Self.noData ? .muted : role])
        }
    }
}
