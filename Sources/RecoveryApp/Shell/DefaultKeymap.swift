import TUI

/// The built-in key table. It is the single source for dispatch, the key bar, the hint line and
/// the help screen; a user's `keys:` overrides are applied on top of it.
public enum DefaultKeymap {
    public static let keymap = Keymap(globalBindings + listBindings + planBindings + evidenceBindings + formBindings
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

    /// Keys of the recovery plan screens.
    static let planBindings: [KeyBinding] = [
        KeyBinding("plans.add", keys: [.character("a")], scope: .screen("plans"),
                   label: "New plan", help: "Start a plan from a template or from scratch", inKeyBar: true),
        KeyBinding("plans.filter-status", keys: [.character("f")], scope: .screen("plans"),
                   label: "Status filter", help: "Show open, closed or all plans"),
        KeyBinding("plans.filter-service", keys: [.character("v")], scope: .screen("plans"),
                   label: "Service filter", help: "Show one service's plans, or every service's"),
        KeyBinding("plan.step-through", keys: [.character("s")], scope: .screen("plan"),
                   label: "Steps", help: "Step through the five steps", inKeyBar: true),
        KeyBinding("plan.measure", keys: [.character("m")], scope: .screen("plan"),
                   label: "Result", help: "Enter a measure's result for a period", inKeyBar: true),
        KeyBinding("plan.review", keys: [.character("r")], scope: .screen("plan"),
                   label: "Review", help: "Record a governance review", inKeyBar: true),
        KeyBinding("plan.start", keys: [.character("g")], scope: .screen("plan"),
                   label: "Start", help: "Start a draft plan (make it active)"),
        KeyBinding("plan.monitor", keys: [.character("w")], scope: .screen("plan"),
                   label: "Monitor", help: "Move the plan to monitoring (target met, being sustained), or back to active"),
        KeyBinding("plan.close", keys: [.character("c")], scope: .screen("plan"),
                   label: "Close", help: "Close the plan (only when every measure is achieved)", inKeyBar: true),
        KeyBinding("plan.reopen", keys: [.character("o")], scope: .screen("plan"),
                   label: "Reopen", help: "Reopen a closed plan (a reason is needed)"),
        KeyBinding("plan.edit", keys: [.character("e")], scope: .screen("plan"),
                   label: "Edit", help: "Edit the plan (an amendment with a reason once started)"),
    ]

    /// Keys of the daily evidence screens.
    static let evidenceBindings: [KeyBinding] = [
        KeyBinding("coverage.next-service", keys: [.character("v")], scope: .screen("coverage"),
                   label: "Next service", help: "Show the next service's coverage"),
        KeyBinding("mar-check.correct", keys: [.character("e")], scope: .screen("mar-check"),
                   label: "Correct", help: "Correct the check (with a reason; the original stays visible)", inKeyBar: true),
        KeyBinding("observations.add", keys: [.character("a")], scope: .screen("observations"),
                   label: "Observe", help: "Record an observation or competency check (supervisors and above)", inKeyBar: true),
        KeyBinding("escalations.add", keys: [.character("a")], scope: .screen("escalations"),
                   label: "Raise", help: "Raise an escalation", inKeyBar: true),
        KeyBinding("escalations.filter", keys: [.character("f")], scope: .screen("escalations"),
                   label: "Open/all", help: "Show open escalations only, or all of them"),
        KeyBinding("escalation.acknowledge", keys: [.character("a")], scope: .screen("escalation"),
                   label: "Acknowledge", help: "Acknowledge the escalation", inKeyBar: true),
        KeyBinding("escalation.respond", keys: [.character("r")], scope: .screen("escalation"),
                   label: "Respond", help: "Record the response", inKeyBar: true),
        KeyBinding("escalation.resolve", keys: [.character("v")], scope: .screen("escalation"),
                   label: "Resolve", help: "Resolve it with the outcome (records whether it was in time)", inKeyBar: true),
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
