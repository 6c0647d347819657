import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// First run: the provider, its first service and the first administrator with a PIN.
public struct SetUpScreen: Screen {
    public static let screenID = "set-up"
    public let title = "Welcome to RecoveryDesk: set up this store"
    public var scopes: [KeyScope] { [.screen(Self.screenID), .form] }
    public var isTyping: Bool { true }
    public var hasUnsavedInput: Bool { form.hasUnsavedInput }
    public private(set) var form: Form
    /// True while the set-up is being saved (a second save waits for it).
    public private(set) var saving = false

    enum Field {
        static let provider: FieldName = "provider"
        static let service: FieldName = "service"
        static let kind: FieldName = "kind"
        static let name: FieldName = "name"
        static let pin: FieldName = "pin"
        static let pinAgain: FieldName = "pin-again"
    }

    public init() {
        form = Form(fields: [
            FormField(Field.provider, label: "Provider name", hint: "The organisation",
                      validator: FieldChecks.required("the provider's name")),
            FormField(Field.service, label: "First service", hint: "A home or branch",
                      validator: FieldChecks.required("a service name")),
            .pick(Field.kind, label: "Kind of service", choices: Service.Kind.allCases.map { Choice($0.title) }),
            FormField(Field.name, label: "Your name", hint: "You become the administrator",
                      validator: FieldChecks.required("your name")),
            FormField(Field.pin, label: "Your PIN", field: TextField(masked: true), hint: "At least 4 digits",
                      validator: FieldChecks.pin(optional: false)),
            FormField(Field.pinAgain, label: "PIN again", field: TextField(masked: true),
                      validator: FieldChecks.pin(optional: false)),
        ], labelWidth: 22, fieldWidth: 24)
    }

    /// The set-up the form describes (meaningful once every field validates).
    var request: SetUpRequest {
        let kindTitle = form[Field.kind]
        return SetUpRequest(providerName: form[Field.provider].trimmed, serviceName: form[Field.service].trimmed,
                            serviceKind: Service.Kind.allCases.first { $0.title == kindTitle } ?? .residential,
                            administratorName: form[Field.name].trimmed, pin: form[Field.pin])
    }

    // MARK: Tasks

    /// Sets the store up; the administrator is then signed in.
    struct SetUp: ScreenTask, CustomStringConvertible {
        var request: SetUpRequest
        var changesStore: Bool { true }

        /// Never the PIN (task descriptions reach the log).
        var description: String { "SetUp(provider: \(request.providerName))" }

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> SetUpDone {
            let (administrator, provider) = try services.setUp(request, at: now)
            return SetUpDone(administrator: administrator, provider: provider)
        }

        func apply(_ done: SetUpDone, to screen: inout SetUpScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            return ScreenResponse(signedIn: done.administrator, provider: done.provider)
        }

        func refused(_ error: StoreError, screen: inout SetUpScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            return .message(.error("Not set up: \(error.description)"))
        }
    }

    /// The administrator and provider a set-up made.
    struct SetUpDone: Sendable {
        var administrator: StaffMember
        var provider: Provider?
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        switch FormCommands.perform(command, on: &form) {
        case .handled: return FormCommands.status(form)
        case .notHandled: return .notHandled
        case .save:
            guard !saving else { return .message(.warning(FormCommands.savingMessage)) }
            if let refusal = FormCommands.refusal(&form) { return refusal }
            guard form[Field.pin] == form[Field.pinAgain] else {
                return .message(.error("Not saved: the two PINs are not the same; type them again"))
            }
            saving = true
            return ScreenResponse(effects: [task(SetUp(request: request))])
        }
    }

    /// The kind's pick list takes its own keys (arrows, letters) before the keymap.
    public func claims(_ key: Key) -> Bool { form.claims(key) }

    public mutating func type(_ key: Key, context: ScreenContext) -> ScreenResponse {
        _ = form.handle(key)
        return .done
    }

    public var keyHints: [Hint]? {
        [.key(AppCommand.nextField, "next field"), .key(AppCommand.save, "save"), .key(AppCommand.quit, "quit")]
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        var rows = RowCursor(area)
        let keys = rows.bottom()
        rows.skip()
        let admin = AdminText.keyName(AppCommand.admin, screen: self, context: context).map { " (\($0) Admin)" } ?? ""
        rows.text("This store is new: name your organisation and its first service, and set yourself up as administrator. Add more services and staff later\(admin).",
                  into: &buffer, style: context.theme[.normal], indent: 2, maxLines: 2)
        form.render(in: area.inset(top: 4, left: 2, bottom: 2, right: 1), into: &buffer, theme: context.theme)
        let name = { (command: CommandID) in AdminText.keyName(command, screen: self, context: context) }
        var words: [String] = []
        if let next = name(AppCommand.nextField) { words.append("\(next): next field.") }
        if let save = name(AppCommand.save) {
            let submit = name(AppCommand.submit).map { ", or \($0) on the last field" } ?? ""
            words.append("\(save)\(submit): save.")
        }
        if let quit = name(AppCommand.quit) { words.append("\(quit): quit.") }
        buffer.write("  " + words.joined(separator: " "), in: keys, style: context.theme[.muted])
    }
}
