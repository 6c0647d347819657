import TUI

/// Preferences for this terminal: theme, idle lock and mouse, saved to the configuration file.
/// Each field is checked as it is left; a refused save keeps everything typed.
public struct PreferencesScreen: Screen {
    public static let screenID = "preferences"
    public let title = "Preferences"
    public var scopes: [KeyScope] { [.screen(Self.screenID), .form] }
    public var isTyping: Bool { true }
    public var hasUnsavedInput: Bool { form.hasUnsavedInput }

    /// The form, exposed for tests.
    public private(set) var form: Form
    private let base: UserConfiguration

    public init(environment: AppEnvironment, currentTheme: String) {
        base = environment.configuration
        let names = environment.themeNames
        form = Form(fields: [
            FormField("theme", label: "Theme", field: TextField(value: environment.configuration.theme ?? currentTheme),
                      hint: "A theme name or a file path",
                      validator: Self.themeValidator(names)),
            FormField("idle-lock", label: "Idle lock (minutes)",
                      field: TextField(value: String(environment.configuration.idleLockMinutes), maxLength: 3),
                      hint: "1 to 240", validator: Self.minutesValidator),
            .pick("mouse", label: "Mouse", choices: ["no", "yes"], selected: environment.configuration.mouse ? "yes" : "no",
                  hint: "Used from next start"),
        ], labelWidth: 24, fieldWidth: 14)
    }

    static func themeValidator(_ names: [String]) -> Validator {
        { value in
            let trimmed = value.trimmed
            if trimmed.isEmpty { return "Enter a theme name" }
            if trimmed.contains("/") || trimmed.hasSuffix(".yaml") { return nil }
            return names.contains(trimmed) ? nil : "No theme called \"\(trimmed)\"; choose one of \(names.joined(separator: ", "))"
        }
    }

    static let minutesValidator: Validator = { value in
        guard let minutes = Int(value.trimmed) else { return "Enter whole minutes, from 1 to 240" }
        return (1...240).contains(minutes) ? nil : "Must be from 1 to 240 minutes"
    }

    /// The configuration the form describes (only meaningful once it validates).
    public var configuration: UserConfiguration {
        var result = base
        result.theme = form.text("theme")
        result.idleLockMinutes = Int(form.text("idle-lock")) ?? base.idleLockMinutes
        result.mouse = form["mouse"] == "yes"
        return result
    }

    public func claims(_ key: Key) -> Bool { form.claims(key) }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        switch FormCommands.perform(command, on: &form) {
        case .handled: return FormCommands.status(form)
        case .save: return save()
        case .notHandled: return .notHandled
        }
    }

    public mutating func type(_ key: Key, context: ScreenContext) -> ScreenResponse {
        _ = form.handle(key)
        return .done
    }

    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenResponse {
        if let index = form.fieldIndex(atScreenRow: point.y, in: formArea(area)) { form.move(to: index) }
        return statusForFocus()
    }

    private func statusForFocus() -> ScreenResponse { FormCommands.status(form) }

    private mutating func save() -> ScreenResponse {
        if let refusal = FormCommands.refusal(&form) { return refusal }
        return ScreenResponse(effects: [.saveConfiguration(configuration)])
    }

    private func formArea(_ area: Rect) -> Rect { area.inset(top: 3, left: 2, bottom: 2, right: 1) }

    public var keyHints: [Hint]? {
        [.key(AppCommand.nextField, "next field"), .key(AppCommand.save, "save"), .key(AppCommand.back, "leave")]
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let intro = "Settings for this terminal, kept in \(context.environment.paths.configFile.path)"
        buffer.write("  " + intro, in: area.row(1), style: context.theme[.muted])
        form.render(in: formArea(area), into: &buffer, theme: context.theme)
        var words: [String] = []
        if let save = AdminText.keyName(AppCommand.save, screen: self, context: context) { words.append("\(save) saves.") }
        if let back = AdminText.keyName(AppCommand.back, screen: self, context: context) {
            words.append("\(back) leaves without saving (asks first if you changed something).")
        }
        buffer.write("  " + words.joined(separator: " "), in: area.row(-1), style: context.theme[.muted])
    }
}

extension String {
    /// Without spaces at either end.
    var trimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
