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

    /// Recording a step as done, skipped or a problem found.
    /// For a problem found: the pre-filled escalation to open once the entry is saved, about
    /// that entry, with what was typed for it carried into "What happened".
    static func escalationAfterProblem(plan: PlanRecord, step: PlanStep, outcome: StepOutcome, services: [Service],
                                       now: Date) -> (@Sendable (StoreReply) -> (any Screen)?)? {
        guard outcome == .problemFound, !services.isEmpty else { return nil }
        let links = EscalationLinks(planID: plan.id, stepID: step.id)
        let serviceID = plan.draft.serviceID
        return { reply in
            guard case .stepEntrySaved(let entry, _) = reply else { return nil }
            let due = EscalationDue.of(entry, step: step, plan: plan)
            let what = due?.whatHappened ?? "\(entry.note) (step \(step.definition.position) of \"\(plan.draft.title)\")"
            return EvidenceForms.escalation(services: services, serviceID: serviceID, whatHappened: what, links: links,
                                            sources: due.map { [$0.source] } ?? [], now: now)
        }
    }

    /// A problem found opens a pre-filled escalation once the entry is saved.
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
                FormField(label: noteLabel, hint: outcome == .done ? "Optional" : nil, validator: noteCheck),
                FormField(label: "Evidence", field: TextField(value: step.definition.recordedIn),
                          hint: "What record, and where"),
                FormField(label: "When it happened", field: TextField(value: stamp), hint: "dd/mm/yyyy hh:mm",
                          validator: { moment($0, now: now) == nil ? "Write dd/mm/yyyy hh:mm, e.g. 21/11/2026 14:05" : nil }),
            ],
            afterSave: escalationAfterProblem(plan: plan, step: step, outcome: outcome, services: services, now: now),
            makeRequest: { values in
                .recordStepEntry(planID: plan.id, stepID: step.id, outcome: outcome, note: values[0], evidence: values[1],
                                 occurredAt: moment(values[2], now: now) ?? now)
            })
    }

    static func measurement(plan: PlanRecord, today: Date) -> RecordFormScreen {
        let measures = plan.measures
        let names = measures.enumerated().map { "\($0.offset + 1) = \($0.element.definition.name)" }.joined(separator: "; ")
        // Last month, as "mm/yyyy".
        let defaultPeriod = String(LondonDay(today).startOfMonth.adding(months: -1).description.dropFirst(3))
        return RecordFormScreen(
            id: "plan-measurement", title: "Enter a result",
            intro: measures.isEmpty ? "This plan has no outcome measure." : "Measures: \(names)",
            fields: [
                FormField(label: "Measure number", field: TextField(value: measures.isEmpty ? "" : "1"),
                          validator: FieldChecks.whole(1...max(1, measures.count))),
                FormField(label: "Period", field: TextField(value: defaultPeriod), hint: "mm/yyyy, or a day for a week",
                          validator: { periodStart($0, period: .month) == nil ? "Write mm/yyyy or dd/mm/yyyy" : nil }),
                FormField(label: "How many met it", hint: "Or the count of occurrences", validator: FieldChecks.whole(0...100_000)),
                FormField(label: "Out of", hint: "How many were checked", validator: FieldChecks.whole(1...100_000)),
                FormField(label: "Sample described", hint: "Optional: what was checked"),
            ],
            crossCheck: { values in
                guard let met = Int(values[2]), let outOf = Int(values[3]) else { return nil }
                return met > outOf ? "\"how many met it\" cannot be more than \"out of\"" : nil
            },
            makeRequest: { values in
                let index = (Int(values[0]) ?? 1) - 1
                let measure = measures[min(max(0, index), measures.count - 1)]
                let start = periodStart(values[1], period: measure.definition.period) ?? today
                return .recordMeasurement(measureID: measure.id, result: PeriodResult(
                    periodStart: start, numerator: Int(values[2]) ?? 0, denominator: Int(values[3]) ?? 1,
                    note: values[4].isEmpty ? nil : values[4]))
            })
    }

    /// The governance review form. `suggestClose` starts the decision on "close" (the plan lacks
    /// only the review that signs its closure off).
    static func review(plan: PlanRecord, suggestClose: Bool = false) -> RecordFormScreen {
        let decisions = ReviewDecision.allCases.map { $0.title.lowercased() }
        return RecordFormScreen(
            id: "plan-review", title: "Record a governance review",
            intro: suggestClose
                ? "Targets met: a decision to close signs the closure off. Note any challenge."
                : "What the reviewer decided, and any challenge they made.",
            fields: [
                FormField(label: "Review by", field: TextField(value: "manager"), hint: "manager or provider",
                          validator: { ["manager", "provider"].contains($0.trimmed.lowercased()) ? nil : "Enter manager or provider" }),
                FormField(label: "Decision", field: TextField(value: suggestClose ? "close" : "continue"),
                          hint: decisions.joined(separator: ", "),
                          validator: { decisions.contains($0.trimmed.lowercased()) ? nil : "Enter one of: \(decisions.joined(separator: ", "))" }),
                FormField(label: "Note", validator: FieldChecks.required("what the review found")),
                FormField(label: "Challenge made", hint: "Optional"),
            ],
            makeRequest: { values in
                let decision = ReviewDecision.allCases.first { $0.title.lowercased() == values[1].lowercased() } ?? .continuePlan
                return .recordReview(planID: plan.id, kind: values[0].lowercased() == "provider" ? .provider : .manager,
                                     decision: decision, note: values[2], challenge: values[3])
            })
    }

    static func close(plan: PlanRecord) -> RecordFormScreen {
        RecordFormScreen(
            id: "plan-close", title: "Close the plan",
            intro: "Closes only with the targets met, a step done and a review deciding to close.",
            fields: [FormField(label: "Closing review note", validator: FieldChecks.required("a closing review note"))],
            makeRequest: { values in .closePlan(id: plan.id, note: values[0]) })
    }

    static func statusChange(plan: PlanRecord, to status: PlanStatus, title: String) -> RecordFormScreen {
        RecordFormScreen(
            id: "plan-status", title: title,
            intro: "Every change of status is kept with who, when and why.",
            fields: [FormField(label: "Reason", field: TextField(value: status == .active ? "Started" : ""),
                               validator: FieldChecks.required("the reason"))],
            makeRequest: { values in .changePlanStatus(id: plan.id, to: status, reason: values[0]) })
    }
}
