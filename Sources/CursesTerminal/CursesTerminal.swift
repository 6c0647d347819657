import CNcursesw
import TUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal: a `Terminal` on ncursesw.
///
/// Start it with `start(options:)`, and call `stop()` on every way out (a `defer` is enough);
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT do not kill the process while the screen is up but make
/// `readEvent` return `.terminate`, so the loop leaves and `stop()` restores the terminal.
/// Nothing may write to stdout or stderr between `start` and `stop`.
public final class CursesTerminal: Terminal {
    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private let options: CursesOptions
    private var pairs: ColourPairCache
    private let attributeBits = CursesAttributeBits.ncurses
    private let keyCodes = CursesKeyCodes.ncurses
    private let mouseMasks = CursesMouseMasks.ncurses
    /// The last frame drawn, and the screen size it was drawn on; nil forces a full repaint.
    private var previous: Buffer?
    private var previousScreen: Size = .zero
    private var cursorVisible: Bool?

    /// Colours the terminal offers (COLORS), or 0 when colour is off or unsupported.
    public let colourCount: Int
    /// True when frames are drawn in colour. When false, choose the monochrome theme.
    public var supportsColour: Bool { colourCount > 0 }
    /// True between `start` and `stop`.
    public var isActive: Bool { screen != nil }
    /// True when a SIGTSTP handler is in place (ncurses installs one so Ctrl-Z suspends and
    /// `fg` resumes with a repaint). For diagnostics.
    public var handlesSuspend: Bool { rd_sigtstp_is_handled() != 0 }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, options: CursesOptions,
                 colourCount: Int, pairCount: Int, defaultColours: Bool) {
        self.screen = screen
        self.window = window
        self.options = options
        self.colourCount = colourCount
        self.pairs = ColourPairCache(colourCount: colourCount, pairCount: pairCount,
                                     defaultColoursAllowed: defaultColours)
        cursorVisible = options.hideCursor ? false : nil
    }

    deinit { stop() }

    /// Takes over the terminal. Throws, having changed nothing on screen, when standard input or
    /// output is not a terminal, TERM is unset, or ncurses cannot use the terminal type.
    public static func start(options: CursesOptions = CursesOptions()) throws(CursesStartError) -> CursesTerminal {
        guard rd_isatty(0) != 0 else { throw .inputNotATerminal }
        guard rd_isatty(1) != 0 else { throw .outputNotATerminal }
        guard let rawType = getenv("TERM"), rawType.pointee != 0 else { throw .terminalTypeUnset }
        let terminalType = String(cString: rawType)

        rd_set_locale_from_environment()
        // Ours first: ncurses only installs its SIGINT/SIGTERM handlers where none is set.
        rd_install_quit_signal_handlers()
        guard let screen = rd_newterm(nil) else {
            rd_restore_quit_signal_handlers()
            throw .unknownTerminalType(terminalType)
        }
        guard let window = rd_stdscr(), rd_terminal_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            rd_restore_quit_signal_handlers()
            throw .terminalTooLimited(terminalType)
        }
        cbreak() // not raw: Ctrl-Z still suspends through ncurses' SIGTSTP handler
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        _ = rd_disable_flow_control()
        if rd_escdelay_from_environment() == 0 { set_escdelay(25) }

        var colours = 0, colourPairs = 0, defaultColours = false
        if options.useColour && has_colors() && start_color() == OK {
            defaultColours = use_default_colors() == OK
            colours = Int(rd_colors())
            colourPairs = Int(rd_color_pairs())
            if colours < 8 || colourPairs < 2 { colours = 0 }
        }
        if options.hideCursor { curs_set(0) }
        if options.mouse {
            mousemask(rd_mouse_all_events(), nil)
            mouseinterval(0) // report presses at once instead of waiting to make clicks
        }
        return CursesTerminal(screen: screen, window: window, options: options, colourCount: colours,
                              pairCount: colourPairs, defaultColours: defaultColours)
    }

    /// Gives the terminal back (endwin + delscreen) and puts back the signal handlers.
    /// Safe to call more than once.
    public func stop() {
        guard let screen else { return }
        if options.mouse { mousemask(0, nil) }
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
        window = nil
        previous = nil
        rd_restore_quit_signal_handlers()
    }

    /// The screen size in cells (getmaxyx of stdscr).
    public var size: Size {
        guard let window else { return .zero }
        return Size(width: Int(rd_max_x(window)), height: Int(rd_max_y(window)))
    }

    /// True once SIGINT, SIGTERM, SIGHUP or SIGQUIT has arrived.
    public var quitRequested: Bool { rd_quit_signal_received() != 0 }

    /// The number of the signal that asked the app to stop (SIGINT 2, SIGTERM 15, ...), if one did.
    public var quitSignal: Int32? {
        let signal = rd_quit_signal_received()
        return signal == 0 ? nil : signal
    }

    /// The next key, mouse action, resize or `.terminate`; nil when nothing came within the
    /// timeout (a negative timeout waits for ever, though a signal may still end the wait early).
    public func readEvent(timeoutMilliseconds: Int) -> Event? {
        if quitRequested { return .terminate }
        guard let window else { return nil }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds >= 0 ? clock.now.advanced(by: .milliseconds(timeoutMilliseconds)) : nil
        var wait = timeoutMilliseconds
        while true {
            // ncurses resumes its wait after a signal, so a long timeout would hide a resize or a
            // quit signal until it ran out. Waiting in short slices keeps both prompt.
            let slice = wait < 0 ? Self.signalCheckMilliseconds : min(wait, Self.signalCheckMilliseconds)
            wtimeout(window, Int32(clamping: slice))
            var code: wint_t = 0
            let result = wget_wch(window, &code)
            if quitRequested { return .terminate }
            if result == ERR {
                if let deadline {
                    let left = Self.milliseconds(clock.now.duration(to: deadline))
                    guard left > 0 else { return nil }
                    wait = left
                }
                continue
            }
            let isFunctionKey = result == KEY_CODE_YES
            let value = UInt32(truncatingIfNeeded: code)
            if isFunctionKey && value == CursesKeyCodes.resize {
                previous = nil // ncurses has resized stdscr: repaint everything next time
                clearok(window, true)
                return .resize(size)
            }
            if isFunctionKey && value == CursesKeyCodes.mouse {
                if let event = readMouse() { return .mouse(event) }
            } else if let key = KeyDecoder.decode(value, isFunctionKey: isFunctionKey, keyCodes: keyCodes) {
                return .key(key)
            }
            // Something we ignore: keep waiting for what is left of the timeout.
            if let deadline {
                let left = Self.milliseconds(clock.now.duration(to: deadline))
                guard left > 0 else { return nil }
                wait = left
            }
        }
    }

    /// The longest single wait inside `readEvent`, so signals and resizes are seen within it.
    static let signalCheckMilliseconds = 100

    private static func milliseconds(_ duration: Duration) -> Int {
        let parts = duration.components
        return Int(parts.seconds * 1000 + parts.attoseconds / 1_000_000_000_000_000)
    }

    private func readMouse() -> MouseEvent? {
        var x: Int32 = 0, y: Int32 = 0
        var state: mmask_t = 0
        guard rd_get_mouse(&x, &y, &state) == OK else { return nil }
        return MouseDecoder.decode(state: UInt64(state), x: Int(x), y: Int(y), masks: mouseMasks)
    }

    /// Draws the cells that changed since the last frame (all of them after a resize or
    /// `invalidate()`), then places or hides the cursor. Only the overlap of the frame and the
    /// screen is drawn.
    public func present(_ buffer: Buffer) {
        guard let window else { return }
        let screenSize = size
        let sameFrame = previous.map { $0.size == buffer.size } ?? false
        let full = !sameFrame || previousScreen != screenSize
        if full { werase(window) }
        let draws = FramePlan.draws(previous: full ? nil : previous, current: buffer, visible: screenSize)
        var chars: [wchar_t] = []
        chars.reserveCapacity(8)
        for draw in draws {
            chars.removeAll(keepingCapacity: true)
            for scalar in draw.grapheme.unicodeScalars.prefix(Int(CCHARW_MAX)) {
                chars.append(wchar_t(truncatingIfNeeded: scalar.value))
            }
            let attributes = attr_t(attributeBits.value(for: draw.style.attributes))
            let pair = colourPair(for: draw.style)
            // ERR for the bottom-right cell (the cursor cannot move past it) is expected.
            _ = rd_put_cell(window, Int32(draw.y), Int32(draw.x), chars, Int32(chars.count), attributes, pair)
        }
        previous = buffer
        previousScreen = screenSize

        let visible = Rect(size: Size(width: min(buffer.size.width, screenSize.width),
                                      height: min(buffer.size.height, screenSize.height)))
        if let cursor = buffer.cursor, visible.contains(cursor) {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
            wnoutrefresh(window)
            doupdate()
            if cursorVisible != true { curs_set(1); cursorVisible = true }
        } else {
            if cursorVisible != false { curs_set(0); cursorVisible = false }
            wnoutrefresh(window)
            doupdate()
        }
    }

    private func colourPair(for style: Style) -> Int16 {
        guard supportsColour else { return 0 }
        return pairs.pair(foreground: style.foreground, background: style.background) { pair, fg, bg in
            init_pair(pair, fg, bg) == OK
        }
    }

    /// Forgets the screen's contents so the next `present` clears and repaints it all (Ctrl-L).
    public func invalidate() {
        previous = nil
        if let window { clearok(window, true) }
    }
}
