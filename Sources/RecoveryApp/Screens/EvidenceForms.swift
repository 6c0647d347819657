import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// A choice made by typing its title (category, severity, outcome...).
protocol Titled: CaseIterable, Sendable where AllCases == [Self] {
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

/// Forms for the daily evidence: raising an escalation, recording an observation, moving an
/// escalation on.
enum EvidenceForms {
    /// A choice by its title, in any case; a unique start of a title is enough.
    static func named<T: Titled>(_ value: String, as type: T.Type) -> T? {
        let folded = value.trimmed.lowercased()
        guard !folded.isEmpty else { return nil }
        return T.allCases.first { $0.title.lowercased() == folded } ?? T.allCases.first { $0.title.lowercased().hasPrefix(folded) }
    }

    static func choice<T: Titled>(_ type: T.Type) -> Validator {
        { value in
            named(value, as: T.self) == nil ? "Enter one of: " + T.allCases.map { $0.title.lowercased() }.joined(separator: ", ") : nil
        }
    }

    static func service(_ value: String, in services: [Service]) -> Service? {
        services.first { $0.name.lowercased() == value.trimmed.lowercased() }
    }

    /// A pre-filled escalation form (see `EscalationFormScreen`).
    static func escalation(services: [Service], serviceID: Int64?, category: EscalationCategory = .other,
                           severity: EscalationSeverity = .moderate, whatHappened: String = "",
                           links: EscalationLinks = EscalationLinks(), sources: [EscalationSource] = [],
                           now: Date) -> EscalationFormScreen {
        EscalationFormScreen(services: services, serviceID: serviceID, category: category, severity: severity,
                             whatHappened: whatHappened, links: links, sources: sources, now: now)
    }

    /// The category an escalation from a MAR finding starts with.
    static func category(for finding: FindingType) -> EscalationCategory { EscalationDue.category(for: finding) }

    static func observation(staff: [StaffMember], now: Date) -> RecordFormScreen {
        let stamp = "\(UKDateFormat.date(now)) \(UKDateFormat.time(now))"
        let items = ChecklistItem.allCases
        var fields = [
            FormField(label: "Staff member", validator: { value in
                staff.contains { $0.name.lowercased() == value.trimmed.lowercased() } ? nil : "No member of staff of that name"
            }),
            FormField(label: "When", field: TextField(value: stamp), hint: "dd/mm/yyyy hh:mm",
                      validator: { PlanForms.moment($0, now: now) == nil ? "Write dd/mm/yyyy hh:mm" : nil }),
            FormField(label: "Kind", field: TextField(value: "medicines round"),
                      validator: choice(ObservationKind.self)),
        ]
        for item in items {
            fields.append(FormField(label: item.title, field: TextField(value: "met"), hint: "met, not met, not applicable",
                                    validator: choice(ChecklistAnswer.self)))
        }
        fields += [
            FormField(label: "Outcome", field: TextField(value: "competent"), hint: "competent, borderline, not yet competent",
                      validator: choice(CompetencyOutcome.self)),
            FormField(label: "Follow-up", field: TextField(value: "none"), hint: "none, supervised practice, restricted…",
                      validator: choice(FollowUp.self)),
            FormField(label: "Reassess by", hint: "dd/mm/yyyy if reassessing", validator: FieldChecks.date(optional: true)),
            FormField(label: "Note"),
        ]
        let count = items.count
        return RecordFormScreen(
            id: "record-observation", title: "Record an observation",
            intro: "Each checklist item: met, not met or not applicable.", fields: fields, compact: true,
            crossCheck: { values in
                let outcome = named(values[3 + count], as: CompetencyOutcome.self)
                let anyNotMet = (0..<count).contains { named(values[3 + $0], as: ChecklistAnswer.self) == .notMet }
                if outcome == .competent && anyNotMet { return "an item not met cannot go with a competent outcome" }
                let followUp = named(values[4 + count], as: FollowUp.self)
                if followUp == .reassess && values[5 + count].isEmpty { return "give the date to reassess by" }
                return nil
            },
            makeRequest: { values in
                var checklist: [ChecklistItem: ChecklistAnswer] = [:]
                for (offset, item) in items.enumerated() {
                    checklist[item] = named(values[3 + offset], as: ChecklistAnswer.self) ?? .notApplicable
                }
                let person = staff.first { $0.name.lowercased() == values[0].lowercased() }
                return .recordObservation(ObservationDraft(
                    staffID: person?.id ?? 0, occurredAt: PlanForms.moment(values[1], now: now) ?? now,
                    kind: named(values[2], as: ObservationKind.self) ?? .medicinesRound,
                    checklist: checklist,
                    outcome: named(values[3 + count], as: CompetencyOutcome.self) ?? .borderline,
                    followUp: named(values[4 + count], as: FollowUp.self) ?? .none,
                    reassessBy: UKDateFormat.parseDate(values[5 + count]), note: values[6 + count]))
            })
    }

    static func advance(_ escalation: Escalation, to status: EscalationStatus) -> RecordFormScreen {
        let label = status == .resolved ? "Outcome" : "Response"
        return RecordFormScreen(
            id: "advance-escalation", title: status == .resolved ? "Resolve the escalation" : "Record the response",
            intro: escalation.draft.whatHappened,
            fields: [FormField(label: label, validator: FieldChecks.required(status == .resolved ? "the outcome" : "the response"))],
            makeRequest: { values in .advanceEscalation(id: escalation.id, to: status, note: values[0]) })
    }
}
