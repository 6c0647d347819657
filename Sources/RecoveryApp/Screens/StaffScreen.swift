import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Administrators' list of staff and users: add someone (with a PIN they can sign in),
/// deactivate them, or set a new PIN. Records of people who leave are kept.
public struct StaffScreen: ListScreen {
    public static let screenID = "staff"
    public let title = "Staff and users"
    public var list = ListPane(columns: [
        TableColumn(title: "Name", width: .flexible(minimum: 16)),
        TableColumn(title: "Role", width: .fixed(22)),
        TableColumn(title: "Services", width: .fixed(18)),
        TableColumn(title: "Signs in", width: .fixed(8)),
        TableColumn(title: "Status", width: .fixed(8)),
    ], emptyMessage: "No staff yet.")
    public private(set) var people: [StaffMember] = []
    public private(set) var services: [Service] = []

    public init() {}

    public var rows: TableRows {
        let names = Dictionary(uniqueKeysWithValues: services.map { ($0.id, $0.name) })
        return TableRows(people.map { person in
            [person.name, person.role.title, person.serviceIDs.compactMap { names[$0] }.joined(separator: ", "),
             person.canSignIn ? "yes" : "no", person.active ? "Active" : "Left"]
        }, roles: Self.dimmed(unless: people.map(\.active)))
    }

    // MARK: Commands

    public static let add: CommandID = "staff.add"
    public static let toggleActive: CommandID = "staff.toggle-active"
    public static let resetPIN: CommandID = "staff.reset-pin"

    public static let commands = [
        binding(add, keys: [.character("a")], label: "Add", help: "Add a new one", inKeyBar: true),
        binding(toggleActive, keys: [.character("d")], label: "Deactivate",
                help: "Deactivate the selected person (records are kept)", inKeyBar: true),
        binding(resetPIN, keys: [.character("p")], label: "Reset PIN",
                help: "Set a new PIN for the selected person", inKeyBar: true),
    ]

    public var keyHints: [Hint]? {
        [.key(Self.add, "add"), .key(Self.toggleActive, "deactivate"), .key(Self.resetPIN, "new PIN"),
         .key(AppCommand.search, "search"), .key(AppCommand.back)]
    }

    // MARK: Tasks

    /// Everyone (leavers too) with every service, to name their services.
    struct LoadStaff: ScreenTask {
        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> StaffList {
            try services.staffList()
        }

        func apply(_ loaded: StaffList, to screen: inout StaffScreen, context: ScreenContext) -> ScreenResponse {
            screen.people = loaded.staff
            screen.services = loaded.services
            screen.keepSelection(rowCount: loaded.staff.count, context: context)
            return .done
        }
    }

    /// Deactivates someone who has left: they can no longer sign in; their records stay. The
    /// reply holds the staff list after, so the list and the message change together.
    struct Deactivate: ScreenTask {
        var staffID: Int64
        var changesStore: Bool { true }

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> StaffList {
            try services.deactivateStaff(staffID, as: actor, at: now)
        }

        func apply(_ loaded: StaffList, to screen: inout StaffScreen, context: ScreenContext) -> ScreenResponse {
            screen.people = loaded.staff
            screen.services = loaded.services
            screen.keepSelection(rowCount: loaded.staff.count, context: context)
            return .message(.ok("Deactivated: they can no longer sign in, and their records are kept."))
        }
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [task(LoadStaff())] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        switch command {
        case Self.add:
            let services = self.services.filter(\.active)
            let serviceNames = services.map(\.name)
            return ScreenResponse(push: RecordFormScreen(
                id: "add-staff", title: "Add a member of staff",
                intro: "Give a PIN if they will sign in; leave it blank for someone only named in records.",
                fields: [
                    FormField(label: "Name", validator: FieldChecks.required("their name")),
                    FormField(label: "Role", hint: "e.g. team leader", validator: FieldChecks.role),
                    FormField(label: "Service", field: TextField(value: serviceNames.first ?? ""),
                              hint: "Blank only for provider-wide roles", validator: { value in
                                  value.trimmed.isEmpty || serviceNames.contains(where: { $0.lowercased() == value.trimmed.lowercased() })
                                      ? nil : "No service of that name"
                              }),
                    FormField(label: "PIN", field: TextField(masked: true), hint: "Optional, 4+ digits",
                              validator: FieldChecks.pin(optional: true)),
                    FormField(label: "PIN again", field: TextField(masked: true), validator: FieldChecks.pin(optional: true)),
                ],
                crossCheck: { values in
                    // A service-level role works somewhere (the store refuses otherwise).
                    if values[2].isEmpty, services.count != 1, let role = Role(name: values[1]), !ServiceScope.isProviderWide(role) {
                        return "a \(role.title.lowercased()) works at a service; name it"
                    }
                    return FieldChecks.pinsMatch(3, 4)(values)
                },
                makeRequest: { values in
                    var ids = services.filter { $0.name.lowercased() == values[2].lowercased() }.map(\.id)
                    if ids.isEmpty, services.count == 1, let role = Role(name: values[1]), !ServiceScope.isProviderWide(role) {
                        ids = [services[0].id]
                    }
                    return .addStaff(name: values[0], role: Role(name: values[1]) ?? .careWorker, serviceIDs: ids,
                                     pin: values[3].isEmpty ? nil : values[3])
                }))
        case Self.toggleActive:
            guard let person = selected else { return .done }
            guard person.active else { return .message(.info("\(person.name) has already left; their records are kept.")) }
            return ScreenResponse(effects: [task(Deactivate(staffID: person.id))])
        case Self.resetPIN:
            guard let person = selected else { return .done }
            return ScreenResponse(push: RecordFormScreen(
                id: "reset-pin", title: "New PIN for \(person.name)",
                intro: "The new PIN works at once and clears any lock.",
                fields: [
                    FormField(label: "New PIN", field: TextField(masked: true), validator: FieldChecks.pin(optional: false)),
                    FormField(label: "New PIN again", field: TextField(masked: true), validator: FieldChecks.pin(optional: false)),
                ],
                crossCheck: FieldChecks.pinsMatch(0, 1),
                makeRequest: { values in .resetPIN(id: person.id, pin: values[0]) }))
        default:
            return .notHandled
        }
    }

    private var selected: StaffMember? {
        people.indices.contains(list.state.selected) ? people[list.state.selected] : nil
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        var pane = list
        pane.emptyMessage = AdminText.empty("No staff yet.", add: Self.add, "to add someone", screen: self, context: context)
        pane.render(into: &buffer, area: area, source: rows, theme: context.theme)
    }
}
