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

    /// The words standing for no service in the service pick list.
    static let noService = "none (provider-wide)"

    /// The form adding a member of staff: name, role and service picked from lists, an optional PIN.
    static func addForm(services: [Service]) -> RecordFormScreen {
        RecordFormScreen(
            id: "add-staff", title: "Add a member of staff",
            intro: "Give a PIN if they will sign in; leave it blank for someone only named in records.",
            fields: [
                FormField("name", label: "Name", validator: FieldChecks.required("their name")),
                .pick("role", label: "Role", cases: Role.allCases, selected: .careWorker),
                .pick("service", label: "Service", services: services, selected: services.first?.id, none: noService),
                FormField("pin", label: "PIN", field: TextField(masked: true), hint: "Optional, 4+ digits",
                          validator: FieldChecks.pin(optional: true)),
                FormField("pin2", label: "PIN again", field: TextField(masked: true), validator: FieldChecks.pin(optional: true)),
            ]
        ) { form throws(FormRefusal) in
            let role = form.picked("role", among: Role.allCases) ?? .careWorker
            var ids = form.pickedService("service", in: services).map { [$0.id] } ?? []
            // A service-level role works somewhere (the store refuses otherwise).
            if ids.isEmpty, !ServiceScope.isProviderWide(role) {
                guard services.count == 1 else {
                    throw FormRefusal("a \(role.title.lowercased()) works at a service; pick it", field: "service")
                }
                ids = [services[0].id]
            }
            try FieldChecks.pinsMatch(form, "pin", "pin2")
            let pin = form.text("pin")
            return AddStaff(name: form.text("name"), role: role, serviceIDs: ids, pin: pin.isEmpty ? nil : pin)
        }
    }

    /// The form setting a new PIN for `person`.
    static func resetPINForm(for person: StaffMember) -> RecordFormScreen {
        RecordFormScreen(
            id: "reset-pin", title: "New PIN for \(person.name)",
            intro: "The new PIN works at once and clears any lock.",
            fields: [
                FormField("pin", label: "New PIN", field: TextField(masked: true), validator: FieldChecks.pin(optional: false)),
                FormField("pin2", label: "New PIN again", field: TextField(masked: true), validator: FieldChecks.pin(optional: false)),
            ]
        ) { form throws(FormRefusal) in
            try FieldChecks.pinsMatch(form, "pin", "pin2")
            return ResetPIN(staffID: person.id, pin: form.text("pin"))
        }
    }

    /// Adds a member of staff.
    struct AddStaff: RecordWrite, CustomStringConvertible {
        var name: String
        var role: Role
        var serviceIDs: [Int64]
        var pin: String?

        func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten {
            let member = try services.store.addStaff(name: name, role: role, serviceIDs: serviceIDs, pin: pin, by: actor, at: now)
            return RecordWritten("\(member.name) added as \(member.role.title.lowercased())\(member.canSignIn ? " and can sign in" : "").")
        }

        /// Never the PIN (descriptions of slow tasks go to the log).
        var description: String { "AddStaff(name: \(name), role: \(role.rawValue), serviceIDs: \(serviceIDs))" }
    }

    /// Sets a new PIN.
    struct ResetPIN: RecordWrite, CustomStringConvertible {
        var staffID: Int64
        var pin: String

        func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten {
            try services.store.resetPIN(staffID, pin: pin, by: actor, at: now)
            return RecordWritten("PIN changed.")
        }

        /// Never the PIN (descriptions of slow tasks go to the log).
        var description: String { "ResetPIN(staffID: \(staffID))" }
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        switch command {
        case Self.add:
            let services = self.services.filter(\.active)
            let serviceNames = services.map(\.name)
            return ScreenResponse(push: Self.addForm(services: services))
        case Self.toggleActive:
            guard let person = selected else { return .done }
            guard person.active else { return .message(.info("\(person.name) has already left; their records are kept.")) }
            return ScreenResponse(effects: [task(Deactivate(staffID: person.id))])
        case Self.resetPIN:
            guard let person = selected else { return .done }
            return ScreenResponse(push: Self.resetPINForm(for: person))
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
