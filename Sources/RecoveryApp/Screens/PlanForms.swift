import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// The small forms of a plan: a measure's result, a governance review, closing (through the
/// closure guard) and a change of status with its reason.
enum PlanForms {
    /// "mm/yyyy" for a month, or any day "dd/mm/yyyy" (its week or month is used).
    static func periodStart(_ text: String, period: MeasurePeriod) -> Date? {
        let value = text.trimmed
        let parts = value.split(separator: "/")
        if parts.count == 2, let month = Int(parts[0]), let year = Int(parts[1]), parts[1].count == 4,
           let day = LondonDay(year: year, month: month, day: 1) {
            return period.start(containing: day).start
        }
        return UKDateFormat.parseDate(value).map { period.start(containing: LondonDay($0)).start }
    }

    /// "21/11/2026 14:05" or "21/11/2026" (then the time is now's, or midday for another day).
    static func moment(_ text: String, now: Date) -> Date? {
        let parts = text.trimmed.split(separator: " ")
        guard let first = parts.first, let day = UKDateFormat.parseDate(String(first)) else { return nil }
        if parts.count == 1 { return LondonDay(day) == LondonDay(now) ? now : day.addingTimeInterval(12 * 3600) }
        let clock = parts[1].split(separator: ":")
        guard parts.count == 2, clock.count == 2, let hour = Int(clock[0]), let minute = Int(clock[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = UKDateFormat.timeZone
        return calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day)
    }

    /// Recording a step as done, skipped or a problem found. A problem found opens a
    /// pre-filled escalation about that entry once it is saved (when there are `services`).
    static func stepEntry(plan: PlanRecord, step: PlanStep, outcome: StepOutcome, services: [Service] = [],
                          now: Date) -> RecordFormScreen {
        let noteLabel: String
        let noteCheck: Validator?
        switch outcome {
        case .done: noteLabel = "Note"; noteCheck = nil
        case .skipped: noteLabel = "Why it was skipped"; noteCheck = FieldChecks.required("why the step was skipped")
        case .problemFound: noteLabel = "What was found"; noteCheck = FieldChecks.required("what was found")
        }
        let stamp = "\(UKDateFormat.date(now)) \(UKDateFormat.time(now))"
        return RecordFormScreen(
            id: "step-entry", title: "Step \(step.definition.position): \(outcome.title.lowercased())",
            intro: step.definition.action,
            fields: [
                FormField("note", label: noteLabel, hint: outcome == .done ? "Optional" : nil, validator: noteCheck),
                FormField("evidence", label: "Evidence", field: TextField(value: step.definition.recordedIn),
                          hint: "What record, and where"),
                FormField("when", label: "When it happened", field: TextField(value: stamp), hint: "dd/mm/yyyy hh:mm",
                          validator: { moment($0, now: now) == nil ? "Write dd/mm/yyyy hh:mm, e.g. 21/11/2026 14:05" : nil }),
            ]
        ) { form throws(FormRefusal) in
            RecordStepEntry(plan: plan, step: step, outcome: outcome, note: form.text("note"), evidence: form.text("evidence"),
                            occurredAt: moment(form.text("when"), now: now) ?? now,
                            escalateWith: outcome == .problemFound ? services : [])
        }
    }

    /// Records a step entry; for a problem found with services to choose from, the escalation
    /// about it opens next, with what was typed carried into "What happened".
    struct RecordStepEntry: RecordWrite {
        var plan: PlanRecord
        var step: PlanStep
        var outcome: StepOutcome
        var note: String
        var evidence: String
        var occurredAt: Date
        var escalateWith: [Service]

        func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten {
            let entry = try services.store.recordStepEntry(planID: plan.id, stepID: step.id, outcome: outcome, note: note,
                                                           evidence: evidence, occurredAt: occurredAt, by: actor, at: now)
            let message = "Step recorded as \(entry.outcome.title.lowercased())."
            guard entry.outcome == .problemFound, !escalateWith.isEmpty else { return RecordWritten(message) }
            let due = EscalationDue.of(entry, step: step, plan: plan)
            let what = due?.whatHappened ?? "\(entry.note) (step \(step.definition.position) of \"\(plan.draft.title)\")"
            return RecordWritten(message, next: EvidenceForms.escalation(
                services: escalateWith, serviceID: plan.draft.serviceID, whatHappened: what,
                links: EscalationLinks(planID: plan.id, stepID: step.id), sources: due.map { [$0.source] } ?? [], now: now))
        }
    }

    /// Entering a measure's result for a period. The measure is a pick list of the plan's measures.
    static func measurement(plan: PlanRecord, today: Date) -> RecordFormScreen {
        let measures = plan.measures
        let labels = measures.enumerated().map { "\($0.offset + 1). \($0.element.definition.name)" }
        // Last month, as "mm/yyyy".
        let defaultPeriod = String(LondonDay(today).startOfMonth.adding(months: -1).description.dropFirst(3))
        return RecordFormScreen(
            id: "plan-measurement", title: "Enter a result",
            intro: measures.isEmpty ? "This plan has no outcome measure." : "Which measure, the period, and the figures.",
            fields: [
                .pick("measure", label: "Measure", choices: labels.map { Choice($0) }),
                FormField("period", label: "Period", field: TextField(value: defaultPeriod), hint: "mm/yyyy, or a day for a week",
                          validator: { periodStart($0, period: .month) == nil ? "Write mm/yyyy or dd/mm/yyyy" : nil }),
                FormField("met", label: "How many met it", hint: "Or the count of occurrences",
                          validator: FieldChecks.whole(0...100_000)),
                FormField("out-of", label: "Out of", hint: "How many were checked", validator: FieldChecks.whole(1...100_000)),
                FormField("sample", label: "Sample described", hint: "Optional: what was checked"),
            ]
        ) { form throws(FormRefusal) in
            guard let index = form.selectedIndex(of: "measure"), measures.indices.contains(index) else {
                throw FormRefusal("this plan has no outcome measure to enter a result for")
            }
            let met = Int(form.text("met")) ?? 0, outOf = Int(form.text("out-of")) ?? 1
            if met > outOf { throw FormRefusal("\"how many met it\" cannot be more than \"out of\"", field: "met") }
            let measure = measures[index]
            let start = periodStart(form.text("period"), period: measure.definition.period) ?? today
            let sample = form.text("sample")
            return RecordMeasurement(measureID: measure.id, result: PeriodResult(
                periodStart: start, numerator: met, denominator: outOf, note: sample.isEmpty ? nil : sample))
        }
    }

    /// Records a period's figure for a measure.
    struct RecordMeasurement: RecordWrite {
        var measureID: Int64
        var result: PeriodResult

        func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten {
            try services.store.recordMeasurement(measureID: measureID, result: result, by: actor, at: now)
            return RecordWritten("Result recorded.")
        }
    }

    /// The governance review form. `suggestClose` starts the decision on "close" (the plan lacks
    /// only the review that signs its closure off). Who reviewed and the decision are pick lists.
    static func review(plan: PlanRecord, suggestClose: Bool = false) -> RecordFormScreen {
        let planID = plan.id
        return RecordFormScreen(
            id: "plan-review", title: "Record a governance review",
            intro: suggestClose
                ? "Targets met: a decision to close signs the closure off. Note any challenge."
                : "What the reviewer decided, and any challenge they made.",
            fields: [
                .pick("kind", label: "Review by", selected: ReviewKind.manager),
                .pick("decision", label: "Decision", selected: suggestClose ? ReviewDecision.close : .continuePlan),
                FormField("note", label: "Note", validator: FieldChecks.required("what the review found")),
                FormField("challenge", label: "Challenge made", hint: "Optional"),
            ]
        ) { form throws(FormRefusal) in
            RecordReview(planID: planID, kind: form.picked("kind") ?? .manager, decision: form.picked("decision") ?? .continuePlan,
                         note: form.text("note"), challenge: form.text("challenge"))
        }
    }

    /// Records a governance review, dated now.
    struct RecordReview: RecordWrite {
        var planID: Int64
        var kind: ReviewKind
        var decision: ReviewDecision
        var note: String
        var challenge: String

        func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten {
            let review = try services.store.recordReview(planID: planID, kind: kind, decision: decision, note: note,
                                                         challenge: challenge, occurredAt: now, by: actor, at: now)
            return RecordWritten("\(review.kind.title) recorded: \(review.decision.title.lowercased()).")
        }
    }

    /// Closing the plan through the closure guard.
    static func close(plan: PlanRecord) -> RecordFormScreen {
        let planID = plan.id
        return RecordFormScreen(
            id: "plan-close", title: "Close the plan",
            intro: "Closes only with the targets met, a step done and a review deciding to close.",
            fields: [FormField("note", label: "Closing review note", validator: FieldChecks.required("a closing review note"))]
        ) { form throws(FormRefusal) in ClosePlan(planID: planID, note: form.text("note")) }
    }

    /// Closes a plan (the closure guard may refuse, with its reasons).
    struct ClosePlan: RecordWrite {
        var planID: Int64
        var note: String

        func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten {
            try services.store.closePlan(planID, note: note, workingDays: services.workingDays, by: actor, at: now)
            return RecordWritten("Plan closed: every measure met its target and a review signed it off.")
        }
    }

    /// A change of a plan's status, with its reason.
    static func statusChange(plan: PlanRecord, to status: PlanStatus, title: String) -> RecordFormScreen {
        let planID = plan.id
        return RecordFormScreen(
            id: "plan-status", title: title,
            intro: "Every change of status is kept with who, when and why.",
            fields: [FormField("reason", label: "Reason", field: TextField(value: status == .active ? "Started" : ""),
                               validator: FieldChecks.required("the reason"))]
        ) { form throws(FormRefusal) in ChangePlanStatus(planID: planID, status: status, reason: form.text("reason")) }
    }

    /// Changes a plan's status.
    struct ChangePlanStatus: RecordWrite {
        var planID: Int64
        var status: PlanStatus
        var reason: String

        func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten {
            try services.store.changePlanStatus(planID, to: status, reason: reason, by: actor, at: now)
            return RecordWritten("Plan now \(status.title.lowercased()).")
        }
    }
}
