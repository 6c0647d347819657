import TUI

/// The built-in key table. It is the single source for dispatch, the key bar, the hint line and
/// the help screen; a user's `keys:` overrides are applied on top of it.
public enum DefaultKeymap {
    public static let keymap = Keymap(globalBindings + listBindings + formBindings
                                     + dialogBindings + ScreenCatalogue.bindings)

    static let globalBindings: [KeyBinding] = [
        KeyBinding(AppCommand.help, keys: [.function(1), .character("?"), .character("1")],
                   label: "Help", help: "Show the keys for this screen and everywhere", inKeyBar: true),
        KeyBinding(AppCommand.dashboard, keys: [.function(2), .character("2")],
                   label: "Dashboard", help: "Go to the services dashboard (home)", inKeyBar: true),
        KeyBinding(AppCommand.plans, keys: [.function(3), .character("3")],
                   label: "Plans", help: "Go to recovery plans", inKeyBar: true),
        KeyBinding(AppCommand.marChecks, keys: [.function(4), .character("4")],
                   label: "MAR", help: "Go to daily MAR chart checks", inKeyBar: true),
        KeyBinding(AppCommand.observations, keys: [.function(5), .character("5")],
                   label: "Observe", help: "Go to observations and competency checks", inKeyBar: true),
        KeyBinding(AppCommand.escalations, keys: [.function(6), .character("6")],
                   label: "Escalate", help: "Go to escalations", inKeyBar: true),
        KeyBinding(AppCommand.switchUser, keys: [.function(8)],
                   label: "Switch", help: "Switch user: lock the screen so someone else can sign in", inKeyBar: true),
        KeyBinding(AppCommand.admin, keys: [.function(9), .character("9")],
                   label: "Admin", help: "Go to administration and preferences", inKeyBar: true),
        KeyBinding(AppCommand.quit, keys: [.function(10)],
                   label: "Quit", help: "Quit RecoveryDesk (asks first if a form holds unsaved input)",
                   inKeyBar: true),
        KeyBinding(AppCommand.back, keys: [.escape],
                   label: "Back", help: "Back out: close a prompt or leave this screen"),
        KeyBinding(AppCommand.leave, keys: [.character("q")],
                   label: "Leave", help: "Leave this screen; on the dashboard, quit"),
        KeyBinding(AppCommand.search, keys: [.character("/")],
                   label: "Search", help: "Search the list on this screen"),
        KeyBinding(AppCommand.nextMatch, keys: [.character("n")],
                   label: "Next match", help: "Find the next match of the last search"),
        KeyBinding(AppCommand.previousMatch, keys: [.character("N")],
                   label: "Previous match", help: "Find the previous match of the last search"),
        KeyBinding(AppCommand.redraw, keys: [.control("l")],
                   label: "Redraw", help: "Redraw the whole screen"),
    ]

    static let listBindings: [KeyBinding] = [
        KeyBinding(AppCommand.open, keys: [.enter], scope: .list,
                   label: "Open", help: "Open the selected row", inKeyBar: true),
        KeyBinding(AppCommand.up, keys: [.up, .character("k")], scope: .list,
                   label: "Up", help: "Move up one row"),
        KeyBinding(AppCommand.down, keys: [.down, .character("j")], scope: .list,
                   label: "Down", help: "Move down one row"),
        KeyBinding(AppCommand.pageUp, keys: [.pageUp], scope: .list,
                   label: "Page up", help: "Move up one page"),
        KeyBinding(AppCommand.pageDown, keys: [.pageDown], scope: .list,
                   label: "Page down", help: "Move down one page"),
        KeyBinding(AppCommand.first, keys: [.home], scope: .list,
                   label: "First", help: "Go to the first row"),
        KeyBinding(AppCommand.last, keys: [.end], scope: .list,
                   label: "Last", help: "Go to the last row"),
    ]

    static let formBindings: [KeyBinding] = [
        KeyBinding(AppCommand.nextField, keys: [.tab, .down], scope: .form,
                   label: "Next field", help: "Move to the next field (checks the one you leave)", inKeyBar: true),
        KeyBinding(AppCommand.previousField, keys: [.backTab, .up], scope: .form,
                   label: "Previous field", help: "Move to the previous field"),
        KeyBinding(AppCommand.submit, keys: [.enter], scope: .form,
                   label: "Next/Save", help: "Move to the next field; on the last field, save"),
        KeyBinding(AppCommand.save, keys: [.control("s")], scope: .form,
                   label: "Save", help: "Save the form", inKeyBar: true),
        KeyBinding(AppCommand.cursorLeft, keys: [.left], scope: .form,
                   label: "Left", help: "Move the cursor left in a field"),
        KeyBinding(AppCommand.cursorRight, keys: [.right], scope: .form,
                   label: "Right", help: "Move the cursor right in a field"),
        KeyBinding(AppCommand.fieldStart, keys: [.home, .control("a")], scope: .form,
                   label: "Start", help: "Move to the start of the field"),
        KeyBinding(AppCommand.fieldEnd, keys: [.end, .control("e")], scope: .form,
                   label: "End", help: "Move to the end of the field"),
        KeyBinding(AppCommand.deleteBack, keys: [.backspace], scope: .form,
                   label: "Delete left", help: "Delete the character before the cursor"),
        KeyBinding(AppCommand.deleteForward, keys: [.delete], scope: .form,
                   label: "Delete right", help: "Delete the character under the cursor"),
        KeyBinding(AppCommand.clearField, keys: [.control("u")], scope: .form,
                   label: "Clear", help: "Clear the field"),
    ]

    static let dialogBindings: [KeyBinding] = [
        KeyBinding(AppCommand.confirm, keys: [.character("y"), .character("Y")], scope: .dialog,
                   label: "Yes", help: "Answer yes", inKeyBar: true),
        KeyBinding(AppCommand.cancel, keys: [.character("n"), .character("N"), .escape], scope: .dialog,
                   label: "No", help: "Answer no and go back", inKeyBar: true),
    ]

    /// The key a form editing command stands for, so the text field can handle it.
    static let editingKeys: [CommandID: Key] = [
        AppCommand.cursorLeft: .left, AppCommand.cursorRight: .right, AppCommand.fieldStart: .home,
        AppCommand.fieldEnd: .end, AppCommand.deleteBack: .backspace, AppCommand.deleteForward: .delete,
        AppCommand.clearField: .control("u"),
    ]
}
