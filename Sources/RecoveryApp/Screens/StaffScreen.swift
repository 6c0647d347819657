import RecoveryModel
import RecoveryServices
import TUI

/// Administrators' list of staff and users: add someone (with a PIN they can sign in),
/// deactivate them, or set a new PIN. Records of people who leave are kept.
public struct StaffScreen: ListScreen {
    public static let screenID = "staff"
    public let id = StaffScreen.screenID
    public let title = "Staff and users"
    public var list = ListPane(columns: [
        TableColumn(title: "Name", width: .flexible(minimum: 16)),
        TableColumn(title: "Role", width: .fixed(22)),
        TableColumn(title: "Services", width: .fixed(18)),
        TableColumn(title: "Signs in", width: .fixed(8)),
        TableColumn(title: "Status", width: .fixed(8)),
    ], emptyMessage: "No staff yet. Press a to add someone.")
    private var people: [StaffMember] = []
    private var services: [Service] = []

    public init() {}

    public var rows: TableRows {
        let names = Dictionary(uniqueKeysWithValues: services.map { ($0.id, $0.name) })
        return TableRows(people.map { person in
            [person.name, person.role.title, person.serviceIDs.compactMap { names[$0] }.joined(separator: ", "),
             person.canSignIn ? "yes" : "no", person.active ? "Active" : "Left"]
        }, roles: Self.dimmed(unless: people.map(\.active)))
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadStaff, context: context)] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        switch command.rawValue {
        case "staff.add":
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
        case "staff.toggle-active":
            guard let person = selected else { return .done }
            guard person.active else { return .message(.info("\(person.name) has already left; their records are kept.")) }
            return ScreenResponse(effects: [ask(.deactivateStaff(id: person.id), context: context)])
        case "staff.reset-pin":
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

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .staff(let loaded, let services):
            people = loaded
            self.services = services
            keepSelection(rowCount: loaded.count, context: context)
            return .done
        default:
            return savedOrFailed(reply, context: context) ?? .done
        }
    }
}
