import TUI

/// Every command a key can run. The raw names are what users write under `keys:` in their
/// configuration to rebind them.
public enum AppCommand {
    // Everywhere
    public static let help: CommandID = "help"
    public static let dashboard: CommandID = "dashboard"
    public static let plans: CommandID = "plans"
    public static let marChecks: CommandID = "mar-checks"
    public static let observations: CommandID = "observations"
    public static let escalations: CommandID = "escalations"
    public static let admin: CommandID = "admin"
    public static let quit: CommandID = "quit"
    public static let switchUser: CommandID = "switch-user"
    public static let back: CommandID = "back"
    public static let leave: CommandID = "leave"
    public static let search: CommandID = "search"
    public static let nextMatch: CommandID = "next-match"
    public static let previousMatch: CommandID = "previous-match"
    public static let redraw: CommandID = "redraw"

    // Lists and tables
    public static let up: CommandID = "up"
    public static let down: CommandID = "down"
    public static let pageUp: CommandID = "page-up"
    public static let pageDown: CommandID = "page-down"
    public static let first: CommandID = "first"
    public static let last: CommandID = "last"
    public static let open: CommandID = "open"

    // Forms
    public static let nextField: CommandID = "next-field"
    public static let previousField: CommandID = "previous-field"
    public static let submit: CommandID = "submit"
    public static let save: CommandID = "save"
    public static let cursorLeft: CommandID = "cursor-left"
    public static let cursorRight: CommandID = "cursor-right"
    public static let fieldStart: CommandID = "field-start"
    public static let fieldEnd: CommandID = "field-end"
    public static let deleteBack: CommandID = "delete-back"
    public static let deleteForward: CommandID = "delete-forward"
    public static let clearField: CommandID = "clear-field"

    // Confirm dialogs
    public static let confirm: CommandID = "confirm"
    public static let cancel: CommandID = "cancel"
}
