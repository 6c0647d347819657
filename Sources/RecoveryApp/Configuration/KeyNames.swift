import TUI

/// The key names users may write in the `keys:` section, for messages and documentation.
public enum KeyNames {
    /// Every named key, as `Key(name:)` reads it and `Key.name` writes it.
    public static let named = ["Enter", "Esc", "Tab", "Shift-Tab", "Backspace", "Delete", "Insert", "Up", "Down",
                               "Left", "Right", "Home", "End", "PgUp", "PgDn", "Space"]

    /// One sentence listing what may be written, for error messages.
    public static let advice = "use a single letter, digit or symbol, F1 to F24, Ctrl-A to Ctrl-Z, or one of "
        + named.joined(separator: ", ")
}
