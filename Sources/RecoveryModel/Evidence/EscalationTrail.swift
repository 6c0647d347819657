import Foundation

/// An escalation's chronology: what it answers (a MAR check's finding or late charts, a plan's
/// step entry, an observation), the plan it is about, its raising, acknowledgement, response and
/// resolution, in time order.
public enum EscalationTrail {
    /// `checks`: the MAR checks its sources name (for their dates and findings); `plans`: plans
    /// that may hold the step entries it answers.
    public static func lines(escalation: Escalation, checks: [MARCheck], plans: [PlanRecord] = []) -> [TrailLine] {
        let draft = escalation.draft
        var lines: [TrailLine] = []
        for source in draft.sources {
            if let checkID = source.checkID, let check = checks.first(where: { $0.id == checkID }) {
                var words = "\(check.draft.round.title) round of \(UKDateFormat.date(check.draft.date)): "
                switch source {
                case .finding(_, let number):
                    let finding = check.draft.findings.first { $0.number == number }
                    words += "finding \(number)"
                    if let finding { words += ", \(finding.type.title.lowercased()) (\(finding.personReference)). \(finding.note)" }
                default:
                    words += "\(check.draft.chartsReturnedLate) charts returned late"
                }
                lines.append(TrailLine(date: check.recordedAt, who: check.checkedBy, kind: .check, summary: words,
                                       source: "MAR check", opens: .marCheck(check.id)))
            } else if case .stepEntry(let entryID) = source {
                for plan in plans {
                    for step in plan.steps {
                        guard let entry = step.entries.first(where: { $0.id == entryID }) else { continue }
                        var words = "\(plan.draft.title), step \(step.definition.position): \(entry.outcome.title.lowercased())"
                        if !entry.note.isEmpty { words += ". \(entry.note)" }
                        lines.append(TrailLine(date: entry.occurredAt, who: entry.recordedBy, kind: .step, summary: words,
                                               source: "plan step entry", opens: .steps(planID: plan.id)))
                    }
                }
            }
        }
        if let planID = draft.links.planID {
            lines.append(TrailLine(date: escalation.raisedAt, who: "", kind: .concern, summary: "About a recovery plan: Enter opens its trail",
                                   source: "the plan", opens: .plan(planID)))
        }
        var raised = "\(draft.category.title), \(draft.severity.title.lowercased()), to the \(draft.escalatedToRole.title.lowercased())"
        raised += ": \(draft.whatHappened)"
        if !draft.immediateAction.isEmpty { raised += ". Done at once: \(draft.immediateAction)" }
        raised += ". Due by \(UKDateFormat.dateTime(escalation.dueBy))."
        lines.append(TrailLine(date: escalation.raisedAt, who: escalation.raisedBy, kind: .escalation, summary: raised,
                               source: "escalation", opens: .escalation(escalation.id)))
        if let at = escalation.acknowledgedAt {
            lines.append(TrailLine(date: at, who: "", kind: .status, summary: "Acknowledged", source: "escalation",
                                   opens: .escalation(escalation.id)))
        }
        if let at = escalation.respondedAt {
            lines.append(TrailLine(date: at, who: "", kind: .status, summary: "Response: \(escalation.response)",
                                   source: "escalation", opens: .escalation(escalation.id)))
        }
        if let at = escalation.resolvedAt {
            var words = "Resolved: \(escalation.outcome)"
            if let inTime = escalation.handledInTime { words += inTime ? " (handled in time)" : " (handled late)" }
            lines.append(TrailLine(date: at, who: "", kind: .outcome, summary: words, source: "escalation",
                                   opens: .escalation(escalation.id)))
        }
        return PlanTrail.inTimeOrder(lines)
    }
}
