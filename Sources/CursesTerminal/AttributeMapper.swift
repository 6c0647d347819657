import CNcursesw
import TUI

/// The ncurses attribute bits (A_BOLD and friends) as plain values, so mapping `TextAttributes`
/// is a pure, tested function. `CursesAttributeBits.ncurses` holds the real ones.
public struct CursesAttributeBits: Hashable, Sendable {
    public var bold: UInt32
    public var dim: UInt32
    public var underline: UInt32
    public var reverse: UInt32
    public var italic: UInt32

    public init(bold: UInt32, dim: UInt32, underline: UInt32, reverse: UInt32, italic: UInt32) {
        self.bold = bold
        self.dim = dim
        self.underline = underline
        self.reverse = reverse
        self.italic = italic
    }

    /// The values from `<curses.h>`, read through the shim's rd_attr_* functions.
    public static let ncurses = CursesAttributeBits(
        bold: UInt32(rd_attr_bold()), dim: UInt32(rd_attr_dim()), underline: UInt32(rd_attr_underline()),
        reverse: UInt32(rd_attr_reverse()), italic: UInt32(rd_attr_italic()))

    /// The attr_t value for a set of text attributes.
    public func value(for attributes: TextAttributes) -> UInt32 {
        var result: UInt32 = 0
        if attributes.contains(.bold) { result |= bold }
        if attributes.contains(.dim) { result |= dim }
        if attributes.contains(.underline) { result |= underline }
        if attributes.contains(.reverse) { result |= reverse }
        if attributes.contains(.italic) { result |= italic }
        return result
    }
}
