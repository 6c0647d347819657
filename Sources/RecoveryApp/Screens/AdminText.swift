import TUI

/// Words of the administration screens that name a key: the key is looked up in the keymap in
/// force (the user's overrides included), so a rebound key is named correctly.
enum AdminText {
    /// The name of the first key bound to `command` for `screen` now, or nil when none is.
    static func keyName(_ command: CommandID, screen: any Screen, context: ScreenContext) -> String? {
        context.boundKey(command, scopes: screen.scopes)
    }

    /// "`sentence` Press a to add one." with the key as bound now (just `sentence` when unbound).
    static func empty(_ sentence: String, add command: CommandID, _ words: String, screen: any Screen,
                      context: ScreenContext) -> String {
        guard let key = keyName(command, screen: screen, context: context) else { return sentence }
        return "\(sentence) Press \(key) \(words)."
    }
}
