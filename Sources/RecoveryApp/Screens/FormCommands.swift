import RecoveryModel
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

    /// The same for a paged form: moving on from a page's last field goes to the next page, and
    /// Enter on the last field of the last page saves.
    static func perform(_ command: CommandID, on paged: inout PagedForm) -> Outcome {
        switch command {
        case AppCommand.nextField:
            paged.nextField()
            return .handled
        case AppCommand.previousField:
            paged.previousField()
            return .handled
        case AppCommand.submit:
            if paged.isAtEnd { return .save }
            paged.nextField()
            return .handled
        case AppCommand.save:
            return .save
        default:
            guard let key = DefaultKeymap.editingKeys[command] else { return .notHandled }
            _ = paged.current.handle(key)
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

    /// Checks every field on every page (showing the first page with a problem); nil when all
    /// pass, else the refusal for the status line.
    static func refusal(_ paged: inout PagedForm) -> ScreenResponse? {
        guard !paged.validateAll() else { return nil }
        let problems = paged.problems
        let first = problems.first.map { "\($0.page), \($0.label): \($0.error)" } ?? ""
        let count = problems.count == 1 ? "1 field needs" : "\(problems.count) fields need"
        return .message(.error("Not saved: \(count) attention. \(first)"))
    }

    /// What a second Ctrl-S says while the first save is still with the store.
    static let savingMessage = "Saving…; wait for it."

    /// The reply to a save the store refused: the form stays open with everything typed.
    static func notSaved(_ error: StoreError) -> ScreenResponse {
        .message(.error("Not saved: \(error.description)"))
    }
}
