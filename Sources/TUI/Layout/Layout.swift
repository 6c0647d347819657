/// How much room one part of a split takes: a fixed number of cells, or a share of what is left.
public struct Extent: Hashable, Sendable {
    /// The exact size, or nil for a flexible part.
    public var fixedSize: Int?
    /// The least a flexible part is given when there is room for it.
    public var minimum: Int
    /// A flexible part's share of the room left over, relative to the other flexible parts.
    public var weight: Int

    private init(fixedSize: Int?, minimum: Int, weight: Int) {
        self.fixedSize = fixedSize.map { max(0, $0) }
        self.minimum = max(0, minimum)
        self.weight = max(1, weight)
    }

    /// Exactly `size` cells (fewer only when the whole space is too small).
    public static func fixed(_ size: Int) -> Extent { Extent(fixedSize: size, minimum: 0, weight: 1) }

    /// An equal share of whatever the fixed parts leave.
    public static let flexible = Extent(fixedSize: nil, minimum: 0, weight: 1)

    /// A share of what is left, at least `minimum` cells when there is room, weighted by `weight`.
    public static func flexible(minimum: Int, weight: Int = 1) -> Extent {
        Extent(fixedSize: nil, minimum: minimum, weight: weight)
    }

    public var isFlexible: Bool { fixedSize == nil }
}

/// Splitting a length among fixed and flexible parts.
public enum Layout {
    /// The size of each part when `total` cells are shared among `parts`, with `spacing` cells
    /// between neighbours. Fixed parts are served first, in order, then flexible minimums, then
    /// the rest is shared among flexible parts by weight (any odd cells go to the first ones).
    /// When space runs out the later parts get less, down to zero. The sizes never add up to more
    /// than `total` (less the spacing).
    public static func sizes(_ parts: [Extent], total: Int, spacing: Int = 0) -> [Int] {
        guard !parts.isEmpty else { return [] }
        var left = max(0, total - max(0, spacing) * (parts.count - 1))
        var sizes = Array(repeating: 0, count: parts.count)
        for (index, part) in parts.enumerated() {
            if let fixed = part.fixedSize {
                sizes[index] = min(fixed, left)
                left -= sizes[index]
            }
        }
        for (index, part) in parts.enumerated() where part.isFlexible {
            sizes[index] = min(part.minimum, left)
            left -= sizes[index]
        }
        let flexible = parts.indices.filter { parts[$0].isFlexible }
        let totalWeight = flexible.reduce(0) { $0 + parts[$1].weight }
        guard left > 0, totalWeight > 0 else { return sizes }
        let share = left
        for index in flexible {
            let extra = share * parts[index].weight / totalWeight
            sizes[index] += extra
            left -= extra
        }
        var next = 0
        while left > 0 {
            sizes[flexible[next % flexible.count]] += 1
            left -= 1
            next += 1
        }
        return sizes
    }

    /// Column widths for a table: `sizes` with a gap of `gap` cells between columns.
    public static func columnWidths(_ columns: [Extent], width: Int, gap: Int = 1) -> [Int] {
        sizes(columns, total: width, spacing: gap)
    }
}

extension Rect {
    /// This rectangle cut into rows, top to bottom, e.g. `splitRows([.fixed(1), .flexible, .fixed(2)])`.
    public func splitRows(_ parts: [Extent], spacing: Int = 0) -> [Rect] {
        var top = y
        return Layout.sizes(parts, total: height, spacing: spacing).map { size in
            defer { top += size + max(0, spacing) }
            return Rect(x: x, y: top, width: width, height: size)
        }
    }

    /// This rectangle cut into columns, left to right.
    public func splitColumns(_ parts: [Extent], spacing: Int = 0) -> [Rect] {
        var left = x
        return Layout.sizes(parts, total: width, spacing: spacing).map { size in
            defer { left += size + max(0, spacing) }
            return Rect(x: left, y: y, width: size, height: height)
        }
    }
}
