import RecoveryModel
import TUI

/// A fixed set of values offered as a pick list, by their titles (category, severity, outcome...).
protocol Titled: CaseIterable, Sendable, Equatable where AllCases == [Self] {
    var title: String { get }
}

extension EscalationCategory: Titled {}
extension EscalationSeverity: Titled {}
extension ObservationKind: Titled {}
extension ChecklistAnswer: Titled {}
extension CompetencyOutcome: Titled {}
extension FollowUp: Titled {}
extension MARRound: Titled {}
extension FindingType: Titled {}
extension ReviewDecision: Titled {}
extension ReviewKind: Titled {}
extension Role: Titled {}
extension Cadence: Titled {}
extension PlanSource: Titled {}
extension Service.Kind: Titled {}
extension CanonicalOutcome: Titled {}

/// Pick lists of fixed values and of records (services, staff), read back as the value itself:
/// a form never types a fixed value and parses it back, so nothing outside the list is saved.
enum FormChoices {
    /// How a value is shown in its pick list: its title in lower case ("homecare visit").
    static func label<T: Titled>(_ value: T) -> String { value.title.lowercased() }

    /// The labels of staff in a pick list: their names, with the role added where two share a
    /// name (and the number where even that is shared), so every label picks one person.
    static func labels(_ staff: [StaffMember]) -> [String] {
        let counts = Dictionary(staff.map { ($0.name, 1) }, uniquingKeysWith: +)
        let withRole = staff.map { counts[$0.name, default: 0] > 1 ? "\($0.name) (\($0.role.title.lowercased()))" : $0.name }
        let roleCounts = Dictionary(withRole.map { ($0, 1) }, uniquingKeysWith: +)
        return zip(staff, withRole).map { person, label in roleCounts[label, default: 0] > 1 ? "\(label) #\(person.id)" : label }
    }

    /// The label of the person with `id` among `staff`, or nil.
    static func label(ofStaff id: Int64?, in staff: [StaffMember]) -> String? {
        guard let id, let index = staff.firstIndex(where: { $0.id == id }) else { return nil }
        return labels(staff)[index]
    }
}

extension FormField {
    /// A pick list of `cases` named `name`, starting on `selected` (or the first).
    static func pick<T: Titled>(_ name: FieldName, label: String, cases: [T] = T.allCases, selected: T? = nil,
                                hint: String? = nil) -> FormField {
        .pick(name, label: label, choices: cases.map { Choice(FormChoices.label($0)) },
              selected: selected.map(FormChoices.label), hint: hint)
    }

    /// A pick list of services by name, starting on the one with `selected` (or the first). With
    /// `none`, that label comes first and stands for no service.
    static func pick(_ name: FieldName, label: String, services: [Service], selected: Int64?, none: String? = nil,
                     hint: String? = nil) -> FormField {
        let names = (none.map { [$0] } ?? []) + services.map(\.name)
        let chosen = services.first { $0.id == selected }?.name ?? names.first
        return .pick(name, label: label, choices: names.map { Choice($0) }, selected: chosen, hint: hint)
    }

    /// A pick list of staff (see `FormChoices.labels`), starting on `selected` (or the first).
    /// With `none`, that label comes first and stands for nobody.
    static func pick(_ name: FieldName, label: String, staff: [StaffMember], selected: Int64?, none: String? = nil,
                     hint: String? = nil) -> FormField {
        let labels = (none.map { [$0] } ?? []) + FormChoices.labels(staff)
        return .pick(name, label: label, choices: labels.map { Choice($0) },
                     selected: FormChoices.label(ofStaff: selected, in: staff) ?? labels.first, hint: hint)
    }
}

extension Form {
    /// The value chosen in the pick list called `name`, among `cases`; nil when the field holds
    /// something else (never, for a pick list built from the same cases).
    func picked<T: Titled>(_ name: FieldName, among cases: [T] = T.allCases) -> T? {
        cases.first { FormChoices.label($0) == self[name] }
    }

    /// The service chosen in the pick list called `name`; nil for none.
    func pickedService(_ name: FieldName, in services: [Service]) -> Service? {
        services.first { $0.name == self[name] }
    }

    /// The person chosen in the pick list called `name`; nil for nobody.
    func pickedStaff(_ name: FieldName, in staff: [StaffMember]) -> StaffMember? {
        FormChoices.labels(staff).firstIndex(of: self[name]).map { staff[$0] }
    }

    /// The text of the field called `name` without surrounding spaces.
    func text(_ name: FieldName) -> String { self[name].trimmed }
}

extension PagedForm {
    /// The text of the field called `name` (on a fixed page) without surrounding spaces.
    func text(_ name: FieldName) -> String { self[name].trimmed }
}
