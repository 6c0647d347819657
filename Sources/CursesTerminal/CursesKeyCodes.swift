import CNcursesw

/// The ncurses key codes the decoder needs, gathered in one value so `KeyDecoder` is a pure
/// function the tests can run without a terminal. `CursesKeyCodes.ncurses` holds the real ones.
public struct CursesKeyCodes: Hashable, Sendable {
    public var up: UInt32
    public var down: UInt32
    public var left: UInt32
    public var right: UInt32
    public var home: UInt32
    public var end: UInt32
    public var pageUp: UInt32
    public var pageDown: UInt32
    public var insert: UInt32
    public var delete: UInt32
    public var backspace: UInt32
    public var enter: UInt32
    public var backTab: UInt32
    /// KEY_F0: function key n is `f0 + n`.
    public var f0: UInt32
    /// Keypad corners (KEY_A1, KEY_A3, KEY_C1, KEY_C3): Home, PgUp, End, PgDn.
    public var keypadHome: UInt32
    public var keypadPageUp: UInt32
    public var keypadEnd: UInt32
    public var keypadPageDown: UInt32
    /// KEY_FIND and KEY_SELECT, which some terminals (VT220 style) send for Home and End.
    public var find: UInt32
    public var select: UInt32

    public init(up: UInt32, down: UInt32, left: UInt32, right: UInt32, home: UInt32, end: UInt32,
                pageUp: UInt32, pageDown: UInt32, insert: UInt32, delete: UInt32, backspace: UInt32,
                enter: UInt32, backTab: UInt32, f0: UInt32, keypadHome: UInt32, keypadPageUp: UInt32,
                keypadEnd: UInt32, keypadPageDown: UInt32, find: UInt32, select: UInt32) {
        self.up = up
        self.down = down
        self.left = left
        self.right = right
        self.home = home
        self.end = end
        self.pageUp = pageUp
        self.pageDown = pageDown
        self.insert = insert
        self.delete = delete
        self.backspace = backspace
        self.enter = enter
        self.backTab = backTab
        self.f0 = f0
        self.keypadHome = keypadHome
        self.keypadPageUp = keypadPageUp
        self.keypadEnd = keypadEnd
        self.keypadPageDown = keypadPageDown
        self.find = find
        self.select = select
    }

    /// The values from `<curses.h>` (plain constants: no terminal needed to read them).
    public static let ncurses = CursesKeyCodes(
        up: UInt32(KEY_UP), down: UInt32(KEY_DOWN), left: UInt32(KEY_LEFT), right: UInt32(KEY_RIGHT),
        home: UInt32(KEY_HOME), end: UInt32(KEY_END), pageUp: UInt32(KEY_PPAGE), pageDown: UInt32(KEY_NPAGE),
        insert: UInt32(KEY_IC), delete: UInt32(KEY_DC), backspace: UInt32(KEY_BACKSPACE),
        enter: UInt32(KEY_ENTER), backTab: UInt32(KEY_BTAB), f0: UInt32(KEY_F0),
        keypadHome: UInt32(KEY_A1), keypadPageUp: UInt32(KEY_A3), keypadEnd: UInt32(KEY_C1),
        keypadPageDown: UInt32(KEY_C3), find: UInt32(KEY_FIND), select: UInt32(KEY_SELECT))

    /// KEY_RESIZE and KEY_MOUSE: not keys, handled by the terminal before decoding.
    static let resize = UInt32(KEY_RESIZE)
    static let mouse = UInt32(KEY_MOUSE)
}
