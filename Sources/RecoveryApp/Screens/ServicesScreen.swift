import RecoveryModel
import RecoveryServices
import TUI

/// Administrators' list of services: add one, retire or restore one. Nothing is deleted.
public struct ServicesScreen: ListScreen {
    public static let screenID = "services"
    public let id = ServicesScreen.screenID
    public let title = "Services"
    public var list = ListPane(columns: [
        TableColumn(title: "Service", width: .flexible(minimum: 18)),
        TableColumn(title: "Kind", width: .fixed(24)),
        TableColumn(title: "Registered manager", width: .fixed(20)),
        TableColumn(title: "Status", width: .fixed(9)),
    ], emptyMessage: "No services yet. Press a to add one.")
    private var services: [Service] = []

    public init() {}

    public var rows: TableRows {
        TableRows(services.map { [$0.name, $0.kind.title, $0.registeredManager ?? "", $0.active ? "In use" : "Retired"] },
                  roles: Self.dimmed(unless: services.map(\.active)))
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadServices, context: context)] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        switch command.rawValue {
        case "services.add":
            return ScreenResponse(push: RecordFormScreen(
                id: "add-service", title: "Add a service", intro: "A home, a homecare branch or a supported living service.",
                fields: [
                    FormField(label: "Name", validator: FieldChecks.required("the service's name")),
                    FormField(label: "Kind", field: TextField(value: "residential"),
                              hint: "residential, nursing, domiciliary, supported living", validator: FieldChecks.serviceKind),
                    FormField(label: "Registered manager", hint: "Optional"),
                ],
                makeRequest: { values in
                    .addService(name: values[0], kind: Service.Kind(name: values[1]) ?? .residential,
                                registeredManager: values[2].isEmpty ? nil : values[2])
                }))
        case "services.toggle-active":
            guard services.indices.contains(list.state.selected) else { return .done }
            let service = services[list.state.selected]
            return ScreenResponse(effects: [ask(.setServiceActive(id: service.id, active: !service.active), context: context)])
        default:
            return .notHandled
        }
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .services(let loaded):
            services = loaded
            keepSelection(rowCount: loaded.count, context: context)
            return .done
        default:
            return savedOrFailed(reply, context: context) ?? .done
        }
    }
}
