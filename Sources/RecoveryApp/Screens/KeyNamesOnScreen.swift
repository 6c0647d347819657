import TUI

extension ScreenContext {
    /// The name of the key that runs `command` on a screen listening to `scopes` (the user's
    /// overrides included), for words on screen that name a key: "Press a to raise one.".
    /// Falls back to `fallback` when the command has no key there.
    func keyName(_ command: CommandID, scopes: [KeyScope], fallback: String = "?") -> String {
        boundKey(command, scopes: scopes) ?? fallback
    }

    /// The name of the key that runs `command` in `scopes` now, or nil when none does.
    func boundKey(_ command: CommandID, scopes: [KeyScope]) -> String? {
        keymap.keyName(for: command, in: scopes + [.global])
    }
}

extension Screen {
    /// The name of the key that runs `command` on this screen now.
    func keyName(_ command: CommandID, context: ScreenContext) -> String {
        context.keyName(command, scopes: scopes)
    }
}
