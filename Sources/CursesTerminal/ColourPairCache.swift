import TUI

/// Hands out ncurses colour pairs for (foreground, background) colours, allocating each pair
/// the first time it is asked for. Pure apart from the `initPair` closure it is given, so the
/// allocation rules are unit-tested.
///
/// - Pair 0 is the terminal's default colours and is never allocated.
/// - Colours are first brought within the terminal's palette (`TerminalColor.limited(to:)`).
/// - The terminal default is -1 when `use_default_colors` worked; otherwise white on black.
/// - When every pair is taken (or ncurses refuses one) the answer is pair 0: the text still
///   shows, in the default colours.
public struct ColourPairCache: Sendable {
    /// Colours the terminal has (COLORS); 0 means no colour at all.
    public let colourCount: Int
    /// Pairs the terminal has (COLOR_PAIRS), pair 0 included.
    public let pairCount: Int
    /// Whether -1 may be used for the terminal's default colour.
    public let defaultColoursAllowed: Bool

    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int = 1

    private struct PairKey: Hashable, Sendable {
        var foreground: Int16
        var background: Int16
    }

    public init(colourCount: Int, pairCount: Int, defaultColoursAllowed: Bool) {
        self.colourCount = max(0, colourCount)
        // setcchar takes the pair as a short, so never hand out more than Int16 can hold.
        self.pairCount = max(0, min(pairCount, Int(Int16.max) + 1))
        self.defaultColoursAllowed = defaultColoursAllowed
    }

    /// Pairs allocated so far (pair 0 not counted).
    public var allocatedCount: Int { pairs.values.filter { $0 != 0 }.count }

    /// The ncurses number for a colour after limiting it to the palette (-1: terminal default).
    public func colourNumber(_ colour: TerminalColor, isForeground: Bool) -> Int16 {
        switch colour.limited(to: colourCount) {
        case .terminalDefault:
            if defaultColoursAllowed { return -1 }
            return isForeground ? 7 : 0
        case .indexed(let index):
            return Int16(index)
        }
    }

    /// The pair for these colours, calling `initPair(pair, foreground, background)` (which should
    /// return false when ncurses answers ERR) the first time a combination is seen.
    public mutating func pair(foreground: TerminalColor, background: TerminalColor,
                              initPair: (Int16, Int16, Int16) -> Bool) -> Int16 {
        guard colourCount > 0, pairCount > 1 else { return 0 }
        if foreground == .terminalDefault && background == .terminalDefault {
            return 0
        }
        let key = PairKey(foreground: colourNumber(foreground, isForeground: true),
                          background: colourNumber(background, isForeground: false))
        if let known = pairs[key] { return known }
        guard nextPair < pairCount else { return 0 }
        let number = Int16(nextPair)
        guard initPair(number, key.foreground, key.background) else { return 0 }
        nextPair += 1
        pairs[key] = number
        return number
    }
}
