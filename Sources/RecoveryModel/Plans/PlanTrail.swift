import Foundation

/// One line of a plan's chronology: when, who, what kind of record, what it says, where its
/// figures come from, and the record it opens.
public struct TrailLine: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case concern, check, status, step, escalation, result, review, outcome

        /// The word in the trail's "What" column.
        public var title: String {
            switch self {
            case .concern: return "Concern"
            case .check: return "MAR check"
            case .status: return "Status"
            case .step: return "Step"
            case .escalation: return "Escalation"
            case .result: return "Result"
            case .review: return "Review"
            case .outcome: return "Outcome"
            }
        }
    }

    /// The record a line opens.
    public enum Opens: Hashable, Sendable {
        case plan(Int64)
        case steps(planID: Int64)
        case escalation(Int64)
        case marCheck(Int64)
    }

    public var date: Date
    /// Who recorded it ("" when the figure comes from the records themselves).
    public var who: String
    public var kind: Kind
    public var summary: String
    /// Where it comes from, in words ("step entry", "MAR chart checks", "entered by hand").
    public var source: String
    public var opens: Opens

    public init(date: Date, who: String, kind: Kind, summary: String, source: String, opens: Opens) {
        self.date = date
        self.who = who
        self.kind = kind
        self.summary = summary
        self.source = source
        self.opens = opens
    }
}

/// A plan's chronology from concern to outcome: the concern and baseline, every status change,
/// each step entry, the escalations about the plan or its steps, each measure's results by period
/// (at the period's last moment, when the figure is complete) with their source, and the governance reviews with their decision and challenge, in time order
/// (records of the same moment in the order they happen: concern, status, step, escalation,
/// result, review, outcome).
public enum PlanTrail {
    /// The chronology as it stands at `now` (a period still running is shown at `now`, "so far").
    public static func lines(plan: PlanRecord, escalations: [Escalation], now: Date) -> [TrailLine] {
        var lines: [TrailLine] = []
        let draft = plan.draft
        var concern = "\(draft.title). Raised from \(draft.source.title.lowercased())"
        if !draft.sourceReference.isEmpty { concern += " (\(draft.sourceReference))" }
        concern += "."
        if !draft.baseline.isEmpty { concern += " Baseline: \(draft.baseline)" }
        lines.append(TrailLine(date: plan.createdAt, who: plan.createdBy, kind: .concern, summary: concern,
                               source: "the plan", opens: .plan(plan.id)))
        for change in plan.statusChanges {
            let kind: TrailLine.Kind = change.to == .closed ? .outcome : .status
            var words = change.from.map { "\($0.title) → \(change.to.title)" } ?? change.to.title
            if !change.reason.isEmpty { words += ": \(change.reason)" }
            lines.append(TrailLine(date: change.at, who: change.by, kind: kind, summary: words, source: "status change", opens: .plan(plan.id)))
        }
        for step in plan.steps {
            for entry in step.entries {
                var words = "Step \(step.definition.position), \(step.definition.action): \(entry.outcome.title.lowercased())"
                if !entry.note.isEmpty { words += ". \(entry.note)" }
                if !entry.evidence.isEmpty { words += ". Evidence: \(entry.evidence)" }
                lines.append(TrailLine(date: entry.occurredAt, who: entry.recordedBy, kind: .step, summary: words,
                                       source: "step entry", opens: .steps(planID: plan.id)))
            }
        }
        for escalation in escalations {
            let draft = escalation.draft
            var words = "\(draft.category.title), \(draft.severity.title.lowercased()): \(draft.whatHappened)"
            words += " (\(escalation.status.title.lowercased())"
            if let inTime = escalation.handledInTime { words += inTime ? ", handled in time" : ", handled late" }
            words += ")"
            lines.append(TrailLine(date: escalation.raisedAt, who: escalation.raisedBy, kind: .escalation, summary: words,
                                   source: "escalation", opens: .escalation(escalation.id)))
        }
        for measure in plan.measures {
            let definition = measure.definition
            for result in measure.results {
                // A period's figure stands at the end of its period (when it is complete), or now
                // while the period is still running.
                let first = definition.period.start(containing: LondonDay(result.periodStart))
                let end = definition.period.start(after: first).start.addingTimeInterval(-1)
                var words = "\(definition.name), \(definition.periodName(result.periodStart))\(end > now ? " so far" : ""): "
                    + definition.figure(result)
                if let note = result.note, !note.isEmpty { words += ". \(note)" }
                lines.append(TrailLine(date: min(end, now), who: "", kind: .result, summary: words,
                                       source: definition.source.origin, opens: .plan(plan.id)))
            }
        }
        for review in plan.reviews {
            var words = "\(review.kind.title): \(review.decision.title.lowercased())"
            if !review.note.isEmpty { words += ". \(review.note)" }
            if !review.challenge.isEmpty { words += ". Challenge: \(review.challenge)" }
            lines.append(TrailLine(date: review.occurredAt, who: review.recordedBy, kind: .review, summary: words,
                                   source: "governance review", opens: .plan(plan.id)))
        }
        return inTimeOrder(lines)
    }

    /// Lines by date; lines of the same moment in the order records happen (`Kind`'s order), then
    /// as given.
    static func inTimeOrder(_ lines: [TrailLine]) -> [TrailLine] {
        let order = Dictionary(uniqueKeysWithValues: TrailLine.Kind.allCases.enumerated().map { ($1, $0) })
        return lines.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if a.date != b.date { return a.date < b.date }
            if a.kind != b.kind { return order[a.kind, default: 0] < order[b.kind, default: 0] }
            return left.offset < right.offset
        }.map(\.element)
    }
}
