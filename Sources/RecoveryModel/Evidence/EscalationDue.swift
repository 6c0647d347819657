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

    /// What a MAR check calls to be escalated: every finding that needs it, and its charts
    /// returned late when no finding of its own says so. In the check's order.
    public static func of(_ check: MARCheck) -> [EscalationDue] {
        let moment = EvidenceDerivations.roundMoment(check.draft)
        let round = check.draft.round == .visit ? "homecare visits" : "\(check.draft.round.title.lowercased()) round"
        let when = "\(UKDateFormat.date(check.draft.date)) \(round)"
        var due: [EscalationDue] = []
        for (index, finding) in check.draft.findings.enumerated() where finding.needsEscalation {
            let number = finding.number ?? index + 1
            let what = "\(finding.type.title) for \(finding.personReference)" + (finding.note.isEmpty ? "" : ": \(finding.note)")
            due.append(EscalationDue(source: .finding(checkID: check.id, number: number), serviceID: check.draft.serviceID,
                                     occurred: moment,
                                     summary: "\(when) · \(finding.type.title) (\(finding.personReference))",
                                     whatHappened: "\(what) (MAR check \(check.id), \(when)).",
                                     category: category(for: finding.type), staffID: finding.staffID,
                                     isLateReturn: finding.type == .chartReturnedLate))
        }
        let late = check.draft.chartsReturnedLate
        if late > 0 && !check.draft.findings.contains(where: { $0.type == .chartReturnedLate }) {
            let charts = "\(late) MAR \(late == 1 ? "chart" : "charts") returned to the office late"
            due.append(EscalationDue(source: .lateReturn(checkID: check.id), serviceID: check.draft.serviceID, occurred: moment,
                                     summary: "\(when) · \(late == 1 ? "1 chart" : "\(late) charts") returned late",
                                     whatHappened: "\(charts) (MAR check \(check.id), \(when)).",
                                     category: .lateMARReturn, isLateReturn: true))
        }
        return due
    }

    /// A plan step entry that found a problem, with the text typed for it.
    public static func of(_ entry: StepEntry, step: PlanStep, plan: PlanRecord) -> EscalationDue? {
        guard entry.outcome == .problemFound, let serviceID = plan.draft.serviceID else { return nil }
        let what = entry.note.isEmpty ? "A problem was found at step \(step.definition.position)" : entry.note
        return EscalationDue(source: .stepEntry(entryID: entry.id), serviceID: serviceID, occurred: entry.occurredAt,
                             summary: "\(UKDateFormat.date(entry.occurredAt)) · \(plan.draft.title), step \(step.definition.position): problem found",
                             whatHappened: "\(what) (\(plan.draft.title), step \(step.definition.position), \(UKDateFormat.dateTime(entry.occurredAt))).",
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
        let deadline = due.deadline(workingDays, limit: limit)
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
