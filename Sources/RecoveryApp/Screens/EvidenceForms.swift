import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Forms for the daily evidence: raising an escalation, recording an observation, moving an
/// escalation on.
enum EvidenceForms {
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

    /// Recording an observation of one of `staff` (active staff, a pick list starting on
    /// `selected`, or on a choice that must be changed). Kind, each checklist answer, outcome and
    /// follow-up are pick lists.
    static func observation(staff: [StaffMember], selected: Int64? = nil, now: Date) -> RecordFormScreen {
        let stamp = "\(UKDateFormat.date(now)) \(UKDateFormat.time(now))"
        var person = FormField.pick("staff", label: "Staff member", staff: staff, selected: selected, none: choosePerson)
        person.validator = { $0 == choosePerson ? "Choose the member of staff observed" : nil }
        var fields: [FormField] = [
            person,
            FormField("when", label: "When", field: TextField(value: stamp), hint: "dd/mm/yyyy hh:mm",
                      validator: { PlanForms.moment($0, now: now) == nil ? "Write dd/mm/yyyy hh:mm" : nil }),
            .pick("kind", label: "Kind", selected: ObservationKind.medicinesRound),
        ]
        for item in ChecklistItem.allCases {
            fields.append(.pick(checklistField(item), label: item.title, selected: ChecklistAnswer.met))
        }
        fields += [
            .pick("outcome", label: "Outcome", selected: CompetencyOutcome.competent),
            .pick("follow-up", label: "Follow-up", selected: FollowUp.none),
            FormField("reassess-by", label: "Reassess by", hint: "dd/mm/yyyy if reassessing",
                      validator: FieldChecks.date(optional: true)),
            FormField("note", label: "Note"),
        ]
        return RecordFormScreen(
            id: "record-observation", title: "Record an observation",
            intro: "Each checklist item: met, not met or not applicable.", fields: fields, compact: true
        ) { form throws(FormRefusal) in
            var checklist: [ChecklistItem: ChecklistAnswer] = [:]
            for item in ChecklistItem.allCases { checklist[item] = form.picked(checklistField(item)) ?? .notApplicable }
            let outcome: CompetencyOutcome = form.picked("outcome") ?? .borderline
            let followUp: FollowUp = form.picked("follow-up") ?? .none
            if outcome == .competent && checklist.values.contains(.notMet) {
                throw FormRefusal("an item not met cannot go with a competent outcome", field: "outcome")
            }
            if followUp == .reassess && form.text("reassess-by").isEmpty {
                throw FormRefusal("give the date to reassess by", field: "reassess-by")
            }
            guard let person = form.pickedStaff("staff", in: staff) else {
                throw FormRefusal("choose the member of staff observed", field: "staff")
            }
            return RecordObservation(draft: ObservationDraft(
                staffID: person.id, occurredAt: PlanForms.moment(form.text("when"), now: now) ?? now,
                kind: form.picked("kind") ?? .medicinesRound, checklist: checklist, outcome: outcome, followUp: followUp,
                reassessBy: UKDateFormat.parseDate(form.text("reassess-by")), note: form.text("note")))
        }
    }

    /// The observation form's first staff choice, which cannot be saved.
    static let choosePerson = "(choose a person)"

    /// The name of a checklist item's field in the observation form.
    static func checklistField(_ item: ChecklistItem) -> FieldName { FieldName("checklist-\(item.rawValue)") }

    /// Records an observation.
    struct RecordObservation: RecordWrite {
        var draft: ObservationDraft

        func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten {
            let observation = try services.store.recordObservation(draft, by: actor, at: now)
            return RecordWritten("Observation recorded: \(observation.draft.outcome.title.lowercased()).")
        }
    }

    /// Recording the response to an escalation, or resolving it with the outcome.
    static func advance(_ escalation: Escalation, to status: EscalationStatus) -> RecordFormScreen {
        let label = status == .resolved ? "Outcome" : "Response"
        let id = escalation.id
        return RecordFormScreen(
            id: "advance-escalation", title: status == .resolved ? "Resolve the escalation" : "Record the response",
            intro: escalation.draft.whatHappened,
            fields: [FormField("note", label: label,
                               validator: FieldChecks.required(status == .resolved ? "the outcome" : "the response"))]
        ) { form throws(FormRefusal) in AdvanceEscalation(id: id, status: status, note: form.text("note")) }
    }

    /// Moves an escalation on (responded, resolved) with a note.
    struct AdvanceEscalation: RecordWrite {
        var id: Int64
        var status: EscalationStatus
        var note: String

        func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten {
            let escalation = try services.store.advanceEscalation(id, to: status, note: note, by: actor, at: now)
            var message = "Escalation \(escalation.status.title.lowercased())."
            if let inTime = escalation.handledInTime { message += inTime ? " Handled in time." : " Handled late." }
            return RecordWritten(message)
        }
    }
}
