import Foundation

/// What an escalation is about.
public enum EscalationCategory: String, CaseIterable, Codable, Hashable, Sendable {
    case medicationError = "medication-error"
    case omission
    case refusalWithoutFollowUp = "refusal-without-follow-up"
    case lateMARReturn = "late-mar-return"
    case competencyConcern = "competency-concern"
    case deterioration
    case safeguarding
    case complaint
    case other

    public var title: String {
        switch self {
        case .medicationError: return "Medication error"
        case .omission: return "Omission"
        case .refusalWithoutFollowUp: return "Refusal without follow-up"
        case .lateMARReturn: return "Late MAR return"
        case .competencyConcern: return "Competency concern"
        case .deterioration: return "Deterioration"
        case .safeguarding: return "Safeguarding"
        case .complaint: return "Complaint"
        case .other: return "Other"
        }
    }
}

/// How serious it is.
public enum EscalationSeverity: String, CaseIterable, Codable, Hashable, Sendable {
    case low, moderate, high
    case potentialHarm = "potential-harm"

    public var title: String {
        switch self {
        case .low: return "Low"
        case .moderate: return "Moderate"
        case .high: return "High"
        case .potentialHarm: return "Potential harm"
        }
    }
}

/// Where an escalation stands.
public enum EscalationStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case open, acknowledged, responded, resolved

    public var title: String {
        switch self {
        case .open: return "Open"
        case .acknowledged: return "Acknowledged"
        case .responded: return "Responded"
        case .resolved: return "Resolved"
        }
    }
}

/// What an escalation can be linked to.
public struct EscalationLinks: Hashable, Codable, Sendable {
    public var planID: Int64?
    public var stepID: Int64?
    public var marCheckID: Int64?
    public var observationID: Int64?
    public var staffID: Int64?

    public init(planID: Int64? = nil, stepID: Int64? = nil, marCheckID: Int64? = nil, observationID: Int64? = nil,
                staffID: Int64? = nil) {
        self.planID = planID
        self.stepID = stepID
        self.marCheckID = marCheckID
        self.observationID = observationID
        self.staffID = staffID
    }
}

/// An escalation as raised.
public struct EscalationDraft: Hashable, Codable, Sendable {
    public var serviceID: Int64
    public var category: EscalationCategory
    public var severity: EscalationSeverity
    public var occurredAt: Date
    public var escalatedToRole: Role
    public var escalatedToName: String
    public var links: EscalationLinks
    public var whatHappened: String
    public var immediateAction: String
    /// What it answers (the "About" field): findings, late returns, step entries or an
    /// observation; empty when raised directly.
    public var sources: [EscalationSource]

    public init(serviceID: Int64, category: EscalationCategory, severity: EscalationSeverity, occurredAt: Date,
                escalatedToRole: Role, escalatedToName: String = "", links: EscalationLinks = EscalationLinks(),
                whatHappened: String, immediateAction: String = "", sources: [EscalationSource] = []) {
        self.sources = sources
        self.serviceID = serviceID
        self.category = category
        self.severity = severity
        self.occurredAt = occurredAt
        self.escalatedToRole = escalatedToRole
        self.escalatedToName = escalatedToName
        self.links = links
        self.whatHappened = whatHappened
        self.immediateAction = immediateAction
    }
}

/// A stored escalation with its lifecycle.
public struct Escalation: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var draft: EscalationDraft
    public var raisedBy: String
    public var raisedAt: Date
    /// The end of the day it is due by (working days from the policy).
    public var dueBy: Date
    public var status: EscalationStatus
    public var acknowledgedAt: Date?
    public var respondedAt: Date?
    public var response: String
    public var resolvedAt: Date?
    public var outcome: String
    /// Set once it is resolved: whether it was resolved by its deadline.
    public var handledInTime: Bool?

    public init(id: Int64, draft: EscalationDraft, raisedBy: String, raisedAt: Date, dueBy: Date,
                status: EscalationStatus, acknowledgedAt: Date? = nil, respondedAt: Date? = nil, response: String = "",
                resolvedAt: Date? = nil, outcome: String = "", handledInTime: Bool? = nil) {
        self.id = id
        self.draft = draft
        self.raisedBy = raisedBy
        self.raisedAt = raisedAt
        self.dueBy = dueBy
        self.status = status
        self.acknowledgedAt = acknowledgedAt
        self.respondedAt = respondedAt
        self.response = response
        self.resolvedAt = resolvedAt
        self.outcome = outcome
        self.handledInTime = handledInTime
    }

    /// Still open after its due-by moment.
    public func isOverdue(at now: Date) -> Bool { status != .resolved && now > dueBy }
}

/// How many working days an escalation has, by category and severity. Editable by an
/// administrator; 0 means the same working day.
public struct EscalationPolicy: Hashable, Codable, Sendable {
    /// Specific rules win over the severity defaults.
    public var byCategory: [EscalationCategory: Int]
    public var bySeverity: [EscalationSeverity: Int]

    public init(byCategory: [EscalationCategory: Int], bySeverity: [EscalationSeverity: Int]) {
        self.byCategory = byCategory
        self.bySeverity = bySeverity
    }

    /// Late MAR returns within one working day, potential harm the same day, otherwise by
    /// severity: high 1, moderate 2, low 5.
    public static let standard = EscalationPolicy(
        byCategory: [.lateMARReturn: 1, .safeguarding: 0],
        bySeverity: [.potentialHarm: 0, .high: 1, .moderate: 2, .low: 5])

    /// Working days allowed. Potential harm is always the same day, whatever the category.
    public func workingDays(category: EscalationCategory, severity: EscalationSeverity) -> Int {
        if severity == .potentialHarm { return 0 }
        return byCategory[category] ?? bySeverity[severity] ?? 2
    }

    /// The end of the London day by which it must be handled.
    public func dueBy(category: EscalationCategory, severity: EscalationSeverity, raisedAt: Date,
                      workingDays: WorkingDays) -> Date {
        let days = self.workingDays(category: category, severity: severity)
        let day = workingDays.adding(days, workingDaysTo: LondonDay(raisedAt))
        return day.adding(days: 1).start.addingTimeInterval(-1)
    }
}
