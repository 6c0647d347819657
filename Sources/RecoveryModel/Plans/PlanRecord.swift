import Foundation

/// A plan as stored: its draft, status and everything recorded against it.
public struct PlanRecord: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var draft: PlanDraft
    public var status: PlanStatus
    public var steps: [PlanStep]
    public var measures: [PlanMeasure]
    public var reviews: [PlanReview]
    public var statusChanges: [PlanStatusChange]
    /// When and by whom it was created.
    public var createdAt: Date
    public var createdBy: String

    public init(id: Int64, draft: PlanDraft, status: PlanStatus, steps: [PlanStep], measures: [PlanMeasure],
                reviews: [PlanReview], statusChanges: [PlanStatusChange], createdAt: Date, createdBy: String) {
        self.id = id
        self.draft = draft
        self.status = status
        self.steps = steps
        self.measures = measures
        self.reviews = reviews
        self.statusChanges = statusChanges
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

/// A stored step with what has been recorded against it.
public struct PlanStep: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var definition: PlanStepDefinition
    public var firstDue: Date
    /// Newest last.
    public var entries: [StepEntry]

    public init(id: Int64, definition: PlanStepDefinition, firstDue: Date, entries: [StepEntry]) {
        self.id = id
        self.definition = definition
        self.firstDue = firstDue
        self.entries = entries
    }
}

/// What happened when a step came due.
public enum StepOutcome: String, CaseIterable, Codable, Hashable, Sendable {
    case done
    /// Not done this time; a reason is required.
    case skipped
    /// Done, and a problem was found that needs escalating.
    case problemFound = "problem-found"

    public var title: String {
        switch self {
        case .done: return "Done"
        case .skipped: return "Skipped"
        case .problemFound: return "Problem found"
        }
    }

    /// Drawn with the outcome so it reads without colour, and a skip never looks done:
    /// ✓ done, ⤼ skipped, ⚑ done with a problem found.
    public var symbol: String {
        switch self {
        case .done: return "✓"
        case .skipped: return "⤼"
        case .problemFound: return "⚑"
        }
    }
}

/// One record against a step.
public struct StepEntry: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var outcome: StepOutcome
    public var note: String
    /// What record shows it, and where.
    public var evidence: String
    /// When it happened.
    public var occurredAt: Date
    /// When it was entered, and by whom.
    public var recordedAt: Date
    public var recordedBy: String
    /// The escalations raised about it (a "problem found" entry), oldest first; worked out
    /// from the escalations' links when read.
    public var escalationIDs: [Int64] = []

    public init(id: Int64, outcome: StepOutcome, note: String, evidence: String, occurredAt: Date,
                recordedAt: Date, recordedBy: String) {
        self.id = id
        self.outcome = outcome
        self.note = note
        self.evidence = evidence
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}

/// A stored measure with its figures.
public struct PlanMeasure: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var definition: OutcomeMeasureDefinition
    /// The figures the target judges: those of its declared source.
    public var results: [PeriodResult]
    public var events: [HandledEvent]
    /// For a measure worked out from records: the periods that also have a figure entered by
    /// hand, both figures side by side.
    public var comparisons: [SourceComparison]

    public init(id: Int64, definition: OutcomeMeasureDefinition, results: [PeriodResult], events: [HandledEvent] = [],
                comparisons: [SourceComparison] = []) {
        self.id = id
        self.definition = definition
        self.results = results
        self.events = events
        self.comparisons = comparisons
    }

    /// The periods where the hand-entered figure and the records disagree.
    public var disagreements: [SourceComparison] { comparisons.filter(\.disagree) }

    public var records: MeasureRecords { MeasureRecords(results: results, events: events) }
}

/// Who reviews: the registered manager (every few weeks) or the provider / nominated individual.
public enum ReviewKind: String, CaseIterable, Codable, Hashable, Sendable {
    case manager
    case provider

    public var title: String { self == .manager ? "Registered manager review" : "Provider review" }
}

/// What a governance review decided.
public enum ReviewDecision: String, CaseIterable, Codable, Hashable, Sendable {
    case continuePlan = "continue"
    case strengthenOversight = "strengthen-oversight"
    case reduceOversight = "reduce-oversight"
    case escalateToProvider = "escalate-to-provider"
    case close

    public var title: String {
        switch self {
        case .continuePlan: return "Continue"
        case .strengthenOversight: return "Strengthen oversight"
        case .reduceOversight: return "Reduce oversight"
        case .escalateToProvider: return "Escalate to provider"
        case .close: return "Close"
        }
    }
}

/// A governance review of a plan.
public struct PlanReview: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var kind: ReviewKind
    public var decision: ReviewDecision
    public var note: String
    /// Any challenge the reviewer made, in their words.
    public var challenge: String
    public var occurredAt: Date
    public var recordedBy: String

    public init(id: Int64, kind: ReviewKind, decision: ReviewDecision, note: String, challenge: String,
                occurredAt: Date, recordedBy: String) {
        self.id = id
        self.kind = kind
        self.decision = decision
        self.note = note
        self.challenge = challenge
        self.occurredAt = occurredAt
        self.recordedBy = recordedBy
    }
}

/// One change of a plan's status, with who, when and why.
public struct PlanStatusChange: Hashable, Sendable {
    public var from: PlanStatus?
    public var to: PlanStatus
    public var reason: String
    public var at: Date
    public var by: String

    public init(from: PlanStatus?, to: PlanStatus, reason: String, at: Date, by: String) {
        self.from = from
        self.to = to
        self.reason = reason
        self.at = at
        self.by = by
    }
}
