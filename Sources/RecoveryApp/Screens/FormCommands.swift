import TUI

/// The form commands every form screen shares: moving between fields, editing keys, and
/// telling the screen when the user asked to save.
enum FormCommands {
    enum Outcome {
        /// The command moved focus or edited a field.
        case handled
        /// The user asked to save (Ctrl-S, or Enter on the last field).
        case save
        /// Not a form command.
        case notHandled
    }

    static func perform(_ command: CommandID, on form: inout Form) -> Outcome {
        switch command {
        case AppCommand.nextField:
            form.focusNext()
            return .handled
        case AppCommand.previousField:
            form.focusPrevious()
            return .handled
        case AppCommand.submit:
            if form.focus == form.fields.count - 1 { return .save }
            form.focusNext()
            return .handled
        case AppCommand.save:
            return .save
        default:
            guard let key = DefaultKeymap.editingKeys[command] else { return .notHandled }
            _ = form.handle(key)
            return .handled
        }
    }

    /// The focused field's error, for the status line after moving.
    static func status(_ form: Form) -> ScreenResponse {
        if let error = form.focusedError { return .message(.error(error)) }
        return .done
    }

    /// Checks every field; nil when all pass, else the refusal for the status line.
    static func refusal(_ form: inout Form) -> ScreenResponse? {
        guard !form.validateAll() else { return nil }
        let problems = form.fields.filter { $0.error != nil }
        let first = problems.first.map { "\($0.label): \($0.error ?? "")" } ?? ""
        let count = problems.count == 1 ? "1 field needs" : "\(problems.count) fields need"
        return .message(.error("Not saved: \(count) attention. \(first)"))
    }
}
