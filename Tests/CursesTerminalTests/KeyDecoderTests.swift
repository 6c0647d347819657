import Testing
import TUI
@testable import CursesTerminal

@Suite struct KeyDecoderTests {
    /// Made-up codes, so the decoder is shown to use what it is given, not ncurses' values.
    let fake = CursesKeyCodes(up: 1001, down: 1002, left: 1003, right: 1004, home: 1005, end: 1006,
                              pageUp: 1007, pageDown: 1008, insert: 1009, delete: 1010, backspace: 1011,
                              enter: 1012, backTab: 1013, f0: 2000, keypadHome: 1014, keypadPageUp: 1015,
                              keypadEnd: 1016, keypadPageDown: 1017, find: 1018, select: 1019)

    func plain(_ code: UInt32) -> Key? { KeyDecoder.decode(code, isFunctionKey: false, keyCodes: fake) }
    func special(_ code: UInt32) -> Key? { KeyDecoder.decode(code, isFunctionKey: true, keyCodes: fake) }

    @Test func controlCharactersWithNames() {
        #expect(plain(10) == .enter)
        #expect(plain(13) == .enter)
        #expect(plain(9) == .tab)
        #expect(plain(27) == .escape)
        #expect(plain(127) == .backspace)
        #expect(plain(8) == .backspace)
    }

    @Test func controlLetters() {
        #expect(plain(1) == .control("a"))
        #expect(plain(12) == .control("l"))
        #expect(plain(19) == .control("s"))
        #expect(plain(26) == .control("z"))
        #expect(plain(11) == .control("k"))
    }

    @Test func meaninglessControlsAreDropped() {
        #expect(plain(0) == nil)
        for code: UInt32 in 28...31 { #expect(plain(code) == nil) }
        #expect(plain(0x85) == nil)
        #expect(plain(0x9B) == nil)
    }

    @Test func printableCharacters() {
        #expect(plain(UInt32(("q" as Unicode.Scalar).value)) == .character("q"))
        #expect(plain(32) == .character(" "))
        #expect(plain(0xE9) == .character("é"))
        #expect(plain(0x738B) == .character("王"))
        #expect(plain(0x1F600) == .character("😀"))
        #expect(plain(0x301) == .character("\u{301}"))
    }

    @Test func invalidScalarsDoNotCrash() {
        #expect(plain(0xD800) == nil)
        #expect(plain(0x110000) == nil)
        #expect(plain(UInt32.max) == nil)
    }

    @Test func namedFunctionKeys() {
        #expect(special(1001) == .up)
        #expect(special(1002) == .down)
        #expect(special(1003) == .left)
        #expect(special(1004) == .right)
        #expect(special(1005) == .home)
        #expect(special(1006) == .end)
        #expect(special(1007) == .pageUp)
        #expect(special(1008) == .pageDown)
        #expect(special(1009) == .insert)
        #expect(special(1010) == .delete)
        #expect(special(1011) == .backspace)
        #expect(special(1012) == .enter)
        #expect(special(1013) == .backTab)
    }

    @Test func keypadAndVT220Alternatives() {
        #expect(special(1014) == .home)
        #expect(special(1015) == .pageUp)
        #expect(special(1016) == .end)
        #expect(special(1017) == .pageDown)
        #expect(special(1018) == .home)
        #expect(special(1019) == .end)
    }

    @Test func numberedFunctionKeys() {
        #expect(special(2001) == .function(1))
        #expect(special(2010) == .function(10))
        #expect(special(2024) == .function(24))
        #expect(special(2000) == nil) // F0 does not exist
        #expect(special(2025) == nil)
        #expect(special(999) == nil)
    }

    @Test func aFunctionCodeIsNotACharacter() {
        // The same number means a different thing with and without KEY_CODE_YES.
        #expect(special(9) == nil)
        #expect(plain(1001) == .character("\u{3E9}"))
    }

    @Test func realNcursesCodes() {
        let k = CursesKeyCodes.ncurses
        #expect(KeyDecoder.decode(k.up, isFunctionKey: true) == .up)
        #expect(KeyDecoder.decode(k.backTab, isFunctionKey: true) == .backTab)
        #expect(KeyDecoder.decode(k.f0 + 2, isFunctionKey: true) == .function(2))
        #expect(KeyDecoder.decode(k.f0 + 12, isFunctionKey: true) == .function(12))
        #expect(KeyDecoder.decode(k.delete, isFunctionKey: true) == .delete)
        #expect(KeyDecoder.decode(CursesKeyCodes.resize, isFunctionKey: true) == nil)
        #expect(KeyDecoder.decode(CursesKeyCodes.mouse, isFunctionKey: true) == nil)
        #expect(k.f0 == 0o410)
        #expect(k.up == 0o403)
    }
}
