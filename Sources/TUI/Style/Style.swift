/// A terminal colour: the terminal's own default, or an index into its palette
/// (0–7 the basic colours, 8–15 their bright forms, 16–255 the xterm cube and greys).
public enum TerminalColor: Hashable, Sendable {
    case terminalDefault
    case indexed(UInt8)

    /// Names accepted in theme files, by palette index.
    public static let names: [String: UInt8] = [
        "black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7,
        "bright-black": 8, "grey": 8, "gray": 8, "bright-red": 9, "bright-green": 10,
        "bright-yellow": 11, "bright-blue": 12, "bright-magenta": 13, "bright-cyan": 14,
        "bright-white": 15,
    ]

    /// Reads "default", a colour name from `names`, or a palette number 0–255.
    public init?(name: String) {
        let key = name.lowercased()
        if key == "default" { self = .terminalDefault; return }
        if let index = Self.names[key] { self = .indexed(index); return }
        if let number = Int(key), (0...255).contains(number) { self = .indexed(UInt8(number)); return }
        return nil
    }

    /// The nearest of the first `available` palette entries (8 or 16 on plain terminals).
    public func limited(to available: Int) -> TerminalColor {
        guard case .indexed(let index) = self, Int(index) >= available else { return self }
        if available >= 16 || Int(index) < 16 {
            return .indexed(Self.nearestBasic(index, allowBright: available >= 16))
        }
        return .indexed(Self.nearestBasic(index, allowBright: false))
    }

    private static func nearestBasic(_ index: UInt8, allowBright: Bool) -> UInt8 {
        if index < 16 { return allowBright ? index : index % 8 }
        // Work out an RGB triple for the xterm cube or grey ramp, then pick the nearest basic colour.
        let rgb: (Int, Int, Int)
        if index >= 232 {
            let level = 8 + Int(index - 232) * 10
            rgb = (level, level, level)
        } else {
            let cube = Int(index) - 16
            let steps = [0, 95, 135, 175, 215, 255]
            rgb = (steps[cube / 36], steps[(cube / 6) % 6], steps[cube % 6])
        }
        let palette: [(UInt8, (Int, Int, Int))] = [
            (0, (0, 0, 0)), (1, (205, 0, 0)), (2, (0, 205, 0)), (3, (205, 205, 0)),
            (4, (0, 0, 238)), (5, (205, 0, 205)), (6, (0, 205, 205)), (7, (229, 229, 229)),
            (8, (127, 127, 127)), (9, (255, 0, 0)), (10, (0, 255, 0)), (11, (255, 255, 0)),
            (12, (92, 92, 255)), (13, (255, 0, 255)), (14, (0, 255, 255)), (15, (255, 255, 255)),
        ]
        let candidates = allowBright ? palette : Array(palette.prefix(8))
        var best: UInt8 = 7
        var bestDistance = Int.max
        for (entry, colour) in candidates {
            let d = (colour.0 - rgb.0) * (colour.0 - rgb.0) + (colour.1 - rgb.1) * (colour.1 - rgb.1)
                + (colour.2 - rgb.2) * (colour.2 - rgb.2)
            if d < bestDistance { bestDistance = d; best = entry }
        }
        return best
    }
}

/// Text attributes a terminal can show without colour.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let underline = TextAttributes(rawValue: 1 << 2)
    public static let reverse = TextAttributes(rawValue: 1 << 3)
    public static let italic = TextAttributes(rawValue: 1 << 4)

    /// Names accepted in theme files.
    public static let names: [String: TextAttributes] = [
        "bold": .bold, "dim": .dim, "underline": .underline, "reverse": .reverse, "italic": .italic,
    ]
}

/// How a cell looks: foreground, background and attributes.
public struct Style: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: TextAttributes

    public init(foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault,
                attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    /// The same style with extra attributes.
    public func adding(_ extra: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(extra)
        return copy
    }
}
