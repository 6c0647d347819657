import RecoveryModel
import RecoveryServices
import TUI

/// First run: the provider, its first service and the first administrator with a PIN.
public struct SetUpScreen: Screen {
    public static let screenID = "set-up"
    public let id = SetUpScreen.screenID
    public let title = "Welcome to RecoveryDesk: set up this store"
    public var scopes: [KeyScope] { [.screen(id), .form] }
    public var isTyping: Bool { true }
    public var hasUnsavedInput: Bool { form.hasUnsavedInput }
    public private(set) var form: Form

    public init() {
        form = Form(fields: [
            FormField(label: "Provider name", hint: "The organisation", validator: FieldChecks.required("the provider's name")),
            FormField(label: "First service", hint: "A home or branch", validator: FieldChecks.required("a service name")),
            FormField(label: "Kind of service", field: TextField(value: "residential"),
                      hint: "residential, nursing, domiciliary, supported living", validator: FieldChecks.serviceKind),
            FormField(label: "Your name", hint: "You become the administrator", validator: FieldChecks.required("your name")),
            FormField(label: "Your PIN", field: TextField(masked: true), hint: "At least 4 digits",
                      validator: FieldChecks.pin(optional: false)),
            FormField(label: "PIN again", field: TextField(masked: true), validator: FieldChecks.pin(optional: false)),
        ], labelWidth: 22, fieldWidth: 24)
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        switch FormCommands.perform(command, on: &form) {
        case .handled: return FormCommands.status(form)
        case .notHandled: return .notHandled
        case .save:
            if let refusal = FormCommands.refusal(&form) { return refusal }
            let values = form.values.map(\.trimmed)
            if let problem = FieldChecks.pinsMatch(4, 5)(values) { return .message(.error("Not saved: \(problem)")) }
            let request = SetUpRequest(providerName: values[0], serviceName: values[1],
                                       serviceKind: Service.Kind(name: values[2]) ?? .residential,
                                       administratorName: values[3], pin: values[4])
            return ScreenResponse(effects: [ask(.setUp(request), context: context)])
        }
    }

    public mutating func type(_ key: Key, context: ScreenContext) -> ScreenResponse {
        _ = form.handle(key)
        return .done
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        if case .failed(let message) = reply { return .message(.error("Not set up: \(message)")) }
        return .done
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let intro = "This store is new. Name your organisation and its first service, and set yourself up as the administrator; you can add more services and staff afterwards (F9 Admin)."
        for (offset, line) in TextWrap.lines(intro, width: max(1, area.width - 4)).prefix(2).enumerated() {
            buffer.write("  " + line, in: area.row(1 + offset), style: context.theme[.normal])
        }
        form.render(in: area.inset(top: 4, left: 2, bottom: 2, right: 1), into: &buffer, theme: context.theme)
        buffer.write("  Tab: next field. Ctrl-S, or Enter on the last field: save. F10: quit.",
                     in: area.row(-1), style: context.theme[.muted])
    }
}
