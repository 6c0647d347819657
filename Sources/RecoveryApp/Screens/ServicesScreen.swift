import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Administrators' list of services: add one, retire or restore one. Nothing is deleted.
public struct ServicesScreen: ListScreen {
    public static let screenID = "services"
    public let title = "Services"
    public var list = ListPane(columns: [
        TableColumn(title: "Service", width: .flexible(minimum: 18)),
        TableColumn(title: "Kind", width: .fixed(24)),
        TableColumn(title: "Registered manager", width: .fixed(20)),
        TableColumn(title: "Status", width: .fixed(9)),
    ], emptyMessage: "No services yet.")
    public private(set) var services: [Service] = []

    public init() {}

    public var rows: TableRows {
        TableRows(services.map { [$0.name, $0.kind.title, $0.registeredManager ?? "", $0.active ? "In use" : "Retired"] },
                  roles: Self.dimmed(unless: services.map(\.active)))
    }

    // MARK: Commands

    public static let add: CommandID = "services.add"
    public static let toggleActive: CommandID = "services.toggle-active"

    public static let commands = [
        binding(add, keys: [.character("a")], label: "Add", help: "Add a new one", inKeyBar: true),
        binding(toggleActive, keys: [.character("d")], label: "Retire/restore",
                help: "Retire the selected row, or bring it back (nothing is deleted)", inKeyBar: true),
    ]

    public var keyHints: [Hint]? {
        [.key(Self.add, "add"), .key(Self.toggleActive, "retire/restore"), .key(AppCommand.search, "search"),
         .key(AppCommand.back)]
    }

    // MARK: Tasks

    /// Every service, retired ones too.
    struct LoadServices: ScreenTask {
        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> [Service] {
            try services.store.services(includingInactive: true)
        }

        func apply(_ loaded: [Service], to screen: inout ServicesScreen, context: ScreenContext) -> ScreenResponse {
            screen.services = loaded
            screen.keepSelection(rowCount: loaded.count, context: context)
            return .done
        }
    }

    /// Retires a service, or brings it back into use (administrators); the reply holds the
    /// services after, so the list and the message change together.
    struct SetActive: ScreenTask {
        var serviceID: Int64
        var active: Bool
        var changesStore: Bool { true }

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> [Service] {
            try services.setServiceActive(serviceID, active: active, as: actor, at: now)
        }

        func apply(_ loaded: [Service], to screen: inout ServicesScreen, context: ScreenContext) -> ScreenResponse {
            screen.services = loaded
            screen.keepSelection(rowCount: loaded.count, context: context)
            return .message(.ok(active ? "Service brought back into use." : "Service retired; its records are kept."))
        }
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [task(LoadServices())] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        switch command {
        case Self.add:
            return ScreenResponse(push: Self.addForm())
        case Self.toggleActive:
            guard services.indices.contains(list.state.selected) else { return .done }
            let service = services[list.state.selected]
            return ScreenResponse(effects: [task(SetActive(serviceID: service.id, active: !service.active))])
        default:
            return .notHandled
        }
    }

    /// The form adding a service. Its save still goes through the store request of the form
    /// screen (`RecordFormScreen` takes a request, not yet a task).
    static func addForm() -> RecordFormScreen {
        RecordFormScreen(
            id: "add-service", title: "Add a service", intro: "A home, a homecare branch or a supported living service.",
            fields: [
                FormField("name", label: "Name", validator: FieldChecks.required("the service's name")),
                .pick("kind", label: "Kind", cases: Service.Kind.allCases, selected: .residential),
                FormField("manager", label: "Registered manager", hint: "Optional"),
            ]
        ) { form throws(FormRefusal) in
            let manager = form.text("manager")
            return AddService(name: form.text("name"), kind: form.picked("kind", among: Service.Kind.allCases) ?? .residential,
                              registeredManager: manager.isEmpty ? nil : manager)
        }
    }

    /// Adds a service.
    struct AddService: RecordWrite {
        var name: String
        var kind: Service.Kind
        var registeredManager: String?

        func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten {
            let service = try services.store.addService(name: name, kind: kind, registeredManager: registeredManager,
                                                        by: actor, at: now)
            return RecordWritten("Service \"\(service.name)\" added.")
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        var pane = list
        pane.emptyMessage = AdminText.empty("No services yet.", add: Self.add, "to add one", screen: self, context: context)
        pane.render(into: &buffer, area: area, source: rows, theme: context.theme)
    }
}
