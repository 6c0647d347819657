import TUI

/// A hint on the hint line: a command named by the key that runs it now (the user's overrides
/// included) with the words for what it does on this screen, or a note that needs no key.
/// Screens list hints as commands, never as key names typed by hand, so a rebound key is named
/// correctly everywhere.
public struct Hint: Sendable, Hashable {
    /// The command, or nil for a note.
    public var command: CommandID?
    /// What it does here; nil uses the binding's own label.
    public var words: String?

    /// The key that runs `command`, then `words` (or the binding's label).
    public static func key(_ command: CommandID, _ words: String? = nil) -> Hint {
        Hint(command: command, words: words)
    }

    /// Words with no key.
    public static func note(_ words: String) -> Hint { Hint(command: nil, words: words) }

    /// The hint as shown, with the keymap in force in `scopes`; nil when the command has no key
    /// there (the hint is then left out rather than naming a key that does nothing).
    public func text(keymap: Keymap, scopes: [KeyScope]) -> String? {
        guard let command else { return words }
        guard let binding = keymap.binding(for: command, in: scopes),
              let key = binding.keys.first else { return nil }
        return "\(key.name) \(words ?? binding.label)"
    }
}

extension Screen {
    /// A binding of one of this screen's own commands, scoped to the screen's id.
    public static func binding(_ command: CommandID, keys: [Key], label: String, help: String,
                               inKeyBar: Bool = false) -> KeyBinding {
        KeyBinding(command, keys: keys, scope: .screen(screenID), label: label, help: help, inKeyBar: inKeyBar)
    }
}

/// Every kind of screen the app has: the keymap is built from the commands each declares, and
/// the tests check that every hint names a key that works.
public enum ScreenCatalogue {
    public static let screens: [any Screen.Type] = [
        AboutScreen.self, AdminScreen.self, CoverageScreen.self, DashboardScreen.self, EscalationDetailScreen.self,
        EscalationFormScreen.self, EscalationsScreen.self, HelpScreen.self, IndicatorRecordsScreen.self,
        IndicatorServiceScreen.self, MARCheckDetailScreen.self, MARCheckFormScreen.self, MARChecksScreen.self,
        MARCodesScreen.self, ObservationsScreen.self, PlanDetailScreen.self, PlanFormScreen.self, PlansScreen.self,
        PreferencesScreen.self, RecordFormScreen.self, ReferenceDataScreen.self, ServicesScreen.self, SetUpScreen.self,
        SignInScreen.self, StaffCompetencyScreen.self, StaffScreen.self, StepThroughScreen.self,
        TemplateChoiceScreen.self, ThemesScreen.self, ThresholdsScreen.self, TrailScreen.self,
    ]

    /// The bindings every screen declares.
    public static var bindings: [KeyBinding] { screens.flatMap { $0.commands } }
}
