import TUI

/// Turns what `wget_wch` returned into a `Key`. Pure: the ncurses codes come in as a value.
public enum KeyDecoder {
    /// Decodes one code. `isFunctionKey` is true when `wget_wch` returned KEY_CODE_YES (the code
    /// is a KEY_* constant); otherwise the code is a Unicode scalar the user typed.
    /// Returns nil for codes with no meaning to the app (NUL, stray controls, unknown keys).
    public static func decode(_ code: UInt32, isFunctionKey: Bool, keyCodes: CursesKeyCodes = .ncurses) -> Key? {
        isFunctionKey ? decodeFunctionKey(code, keyCodes) : decodeCharacter(code)
    }

    /// A character typed, including the control characters the terminal sends for Enter, Tab,
    /// Esc, Backspace and Ctrl-letter.
    public static func decodeCharacter(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            guard let scalar = Unicode.Scalar(code + 0x60) else { return nil } // 1 → "a"
            return .control(Character(scalar))
        case 0..<32, 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil } // surrogates, > U+10FFFF
            return .character(Character(scalar))
        }
    }

    private static func decodeFunctionKey(_ code: UInt32, _ k: CursesKeyCodes) -> Key? {
        switch code {
        case k.up: return .up
        case k.down: return .down
        case k.left: return .left
        case k.right: return .right
        case k.home, k.keypadHome, k.find: return .home
        case k.end, k.keypadEnd, k.select: return .end
        case k.pageUp, k.keypadPageUp: return .pageUp
        case k.pageDown, k.keypadPageDown: return .pageDown
        case k.insert: return .insert
        case k.delete: return .delete
        case k.backspace: return .backspace
        case k.enter: return .enter
        case k.backTab: return .backTab
        default:
            if code > k.f0, code - k.f0 <= 24 { return .function(Int(code - k.f0)) }
            return nil
        }
    }
}
