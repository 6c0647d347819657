import Foundation

/// Something recorded that must be escalated: a finding that calls for it, a check's charts
/// returned late, or a plan step that found a problem. Each one is timed on its own, by the
/// escalation that names it, against its own deadline in UK working days.
public struct EscalationDue: Hashable, Sendable {
    public var source: EscalationSource
    public var serviceID: Int64
    /// When it happened (the end of the check's round, or the step entry's moment).
    public var occurred: Date
    /// In a few words, for the "About" pick list: "02/12/2026 morning · Chart returned late (RM4)".
    public var summary: String
    /// Carried into the escalation's "What happened".
    public var whatHappened: String
    /// The category an escalation about it starts with.
    public var category: EscalationCategory
    /// The member of staff involved, if known.
    public var staffID: Int64?
    /// True for a chart returned late (counted by the late-return measure and indicator).
    public var isLateReturn: Bool

    public init(source: EscalationSource, serviceID: Int64, occurred: Date, summary: String, whatHappened: String,
                category: EscalationCategory, staffID: Int64? = nil, isLateReturn: Bool = false) {
        self.source = source
        self.serviceID = serviceID
        self.occurred = occurred
        self.summary = summary
        self.whatHappened = whatHappened
        self.category = category
        self.staffID = staffID
        self.isLateReturn = isLateReturn
    }

    /// Working days allowed to raise the escalation: by the end of the next working day.
    public static let standardWorkingDays = 1

    /// The last London day on which raising the escalation counts as in time.
    public func deadline(_ workingDays: WorkingDays, limit: Int = EscalationDue.standardWorkingDays) -> LondonDay {
        workingDays.deadline(limit, workingDaysAfter: LondonDay(occurred))
    }

    // MARK: From the records

    /// The sources of what a MAR check calls to be escalated, with whether each is a late return,
    /// without the words (for counting; `of(_:)` gives the words too). In the check's order.
    public static func sources(of check: MARCheck) -> [(source: EscalationSource, isLateReturn: Bool)] {
        var found: [(source: EscalationSource, isLateReturn: Bool)] = []
        var lateFinding = false
        for (index, finding) in check.draft.findings.enumerated() {
            if finding.type == .chartReturnedLate { lateFinding = true }
            guard finding.needsEscalation else { continue }
            found.append((.finding(checkID: check.id, number: finding.number ?? index + 1), finding.type == .chartReturnedLate))
        }
        if check.draft.chartsReturnedLate > 0 && !lateFinding { found.append((.lateReturn(checkID: check.id), true)) }
        return found
    }

    /// What a MAR check calls to be escalated (the items of `sources(of:)`), with their words.
    public static func of(_ check: MARCheck) -> [EscalationDue] {
        let moment = EvidenceDerivations.roundMoment(check.draft)
        let round = check.draft.round == .visit ? "homecare visits" : "\(check.draft.round.title.lowercased()) round"
        let when = "\(UKDateFormat.date(check.draft.date)) \(round)"
        return sources(of: check).compactMap { item -> EscalationDue? in
            switch item.source {
            case .finding(_, let number):
                guard let finding = check.draft.findings.enumerated().first(where: { ($0.element.number ?? $0.offset + 1) == number })?.element
                else { return nil }
                let what = "\(finding.type.title) for \(finding.personReference)" + (finding.note.isEmpty ? "" : ": \(finding.note)")
                return EscalationDue(source: item.source, serviceID: check.draft.serviceID, occurred: moment,
                                     summary: "\(when) · \(finding.type.title) (\(finding.personReference))",
                                     whatHappened: "\(what) (MAR check \(check.id), \(when)).",
                                     category: category(for: finding.type), staffID: finding.staffID,
                                     isLateReturn: item.isLateReturn)
            default:
                let late = check.draft.chartsReturnedLate
                let charts = "\(late) MAR \(late == 1 ? "chart" : "charts") returned to the office late"
                return EscalationDue(source: item.source, serviceID: check.draft.serviceID, occurred: moment,
                                     summary: "\(when) · \(late == 1 ? "1 chart" : "\(late) charts") returned late",
                                     whatHappened: "\(charts) (MAR check \(check.id), \(when)).",
                                     category: .lateMARReturn, isLateReturn: true)
            }
        }
    }

    /// A plan step entry that found a problem, with the text typed for it.
    public static func of(_ entry: StepEntry, step: PlanStep, plan: PlanRecord) -> EscalationDue? {
        guard entry.outcome == .problemFound, let serviceID = plan.draft.serviceID else { return nil }
        return stepProblem(entryID: entry.id, note: entry.note, occurredAt: entry.occurredAt, serviceID: serviceID,
                           planTitle: plan.draft.title, stepPosition: step.definition.position)
    }

    /// A "problem found" step entry from its parts (the store reads just these for the About list).
    public static func stepProblem(entryID: Int64, note: String, occurredAt: Date, serviceID: Int64, planTitle: String,
                                   stepPosition: Int) -> EscalationDue {
        let what = note.isEmpty ? "A problem was found at step \(stepPosition)" : note
        return EscalationDue(source: .stepEntry(entryID: entryID), serviceID: serviceID, occurred: occurredAt,
                             summary: "\(UKDateFormat.date(occurredAt)) · \(planTitle), step \(stepPosition): problem found",
                             whatHappened: "\(what) (\(planTitle), step \(stepPosition), \(UKDateFormat.dateTime(occurredAt))).",
                             category: .other)
    }

    /// The category an escalation about a finding of this type starts with.
    public static func category(for type: FindingType) -> EscalationCategory {
        switch type {
        case .refusalWithoutReason, .refusalWithoutAction: return .refusalWithoutFollowUp
        case .chartReturnedLate: return .lateMARReturn
        case .unexplainedGap, .missingSignature: return .omission
        default: return .medicationError
        }
    }
}

/// Whether something that had to be escalated was, and in time.
public enum EscalationTimeliness: Hashable, Sendable {
    /// Escalated (the first escalation naming it) by its deadline.
    case inTime(escalationID: Int64, raisedAt: Date)
    /// Escalated, but after its deadline.
    case late(escalationID: Int64, raisedAt: Date, deadline: LondonDay)
    /// Not escalated yet, and still within its deadline.
    case awaiting(deadline: LondonDay)
    /// Not escalated, and its deadline has passed.
    case overdue(deadline: LondonDay)

    /// Works it out from the escalations that name the item (any order), at `now`.
    public static func of(_ due: EscalationDue, answeredBy escalations: [Escalation], at now: Date,
                          workingDays: WorkingDays, limit: Int = EscalationDue.standardWorkingDays) -> EscalationTimeliness {
        of(deadline: due.deadline(workingDays, limit: limit), answeredBy: escalations, at: now)
    }

    /// The same, for an item whose last in-time day is `deadline`.
    public static func of(deadline: LondonDay, answeredBy escalations: [Escalation], at now: Date) -> EscalationTimeliness {
        let first = escalations.filter { $0.raisedAt <= now }.min { ($0.raisedAt, $0.id) < ($1.raisedAt, $1.id) }
        if let first {
            return LondonDay(first.raisedAt) <= deadline
                ? .inTime(escalationID: first.id, raisedAt: first.raisedAt)
                : .late(escalationID: first.id, raisedAt: first.raisedAt, deadline: deadline)
        }
        return LondonDay(now) > deadline ? .overdue(deadline: deadline) : .awaiting(deadline: deadline)
    }

    /// The escalation that answered it, if any.
    public var escalationID: Int64? {
        switch self {
        case .inTime(let id, _), .late(let id, _, _): return id
        default: return nil
        }
    }

    /// True once escalated.
    public var isEscalated: Bool { escalationID != nil }

    /// In words: "escalated E-123 on 26/08/2025 10:04 — handled in time", "not escalated (due
    /// by 27/08/2025)", "overdue: not escalated by 27/08/2025".
    public var words: String {
        switch self {
        case .inTime(let id, let at):
            return "escalated E-\(id) on \(UKDateFormat.dateTime(at)) — handled in time"
        case .late(let id, let at, let deadline):
            return "escalated E-\(id) on \(UKDateFormat.dateTime(at)) — late (due by \(deadline))"
        case .awaiting(let deadline):
            return "not escalated (due by \(deadline))"
        case .overdue(let deadline):
            return "overdue: not escalated by \(deadline)"
        }
    }
}

extension Array where Element == Escalation {
    /// The escalations naming each source.
    public func bySource() -> [EscalationSource: [Escalation]] {
        var index: [EscalationSource: [Escalation]] = [:]
        for escalation in self {
            for source in escalation.draft.sources { index[source, default: []].append(escalation) }
        }
        return index
    }
}
