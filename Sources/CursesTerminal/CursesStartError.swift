/// Why the curses screen could not start. Each case reads as one plain-English sentence the
/// command line can print (after nothing has touched the screen) before exiting.
public enum CursesStartError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Standard input is not a terminal (redirected from a file or a pipe).
    case inputNotATerminal
    /// Standard output is not a terminal (redirected to a file or a pipe).
    case outputNotATerminal
    /// `TERM` is unset or empty.
    case terminalTypeUnset
    /// ncurses does not know the terminal type (no terminfo entry), or could not use it.
    case unknownTerminalType(String)
    /// The terminal type cannot move the cursor (e.g. "dumb"), so a full-screen app cannot run.
    case terminalTooLimited(String)

    /// The sentence to show the user.
    public var description: String {
        switch self {
        case .inputNotATerminal:
            return "RecoveryDesk needs an interactive terminal: standard input is not a terminal."
        case .outputNotATerminal:
            return "RecoveryDesk needs an interactive terminal: standard output is not a terminal."
        case .terminalTypeUnset:
            return "RecoveryDesk needs an interactive terminal: the TERM environment variable is not set."
        case .unknownTerminalType(let name):
            return "RecoveryDesk needs an interactive terminal: the terminal type \"\(name)\" is not known."
        case .terminalTooLimited(let name):
            return "RecoveryDesk needs a full-screen terminal: the terminal type \"\(name)\" cannot move the cursor."
        }
    }
}
