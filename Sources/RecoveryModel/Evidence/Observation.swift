import Foundation

/// What kind of observation a supervisor made.
public enum ObservationKind: String, CaseIterable, Codable, Hashable, Sendable {
    case medicinesRound = "medicines-round"
    case competencyAssessment = "competency-assessment"
    case competencyReassessment = "competency-reassessment"
    case spotCheck = "spot-check"
    case refusalDiscussion = "refusal-discussion"
    case marRecordingCheck = "mar-recording-check"

    public var title: String {
        switch self {
        case .medicinesRound: return "Medicines round"
        case .competencyAssessment: return "Competency assessment"
        case .competencyReassessment: return "Competency reassessment"
        case .spotCheck: return "Spot check"
        case .refusalDiscussion: return "Refusal discussion"
        case .marRecordingCheck: return "MAR recording check"
        }
    }

    /// True for the kinds that assess (or reassess) medicines competency.
    public var assessesCompetency: Bool {
        self == .competencyAssessment || self == .competencyReassessment || self == .medicinesRound
    }
}

/// One item of the observation checklist.
public enum ChecklistItem: String, CaseIterable, Codable, Hashable, Sendable {
    case identityChecked = "identity-checked"
    case consentSought = "consent-sought"
    case rightMedicineDoseTime = "right-medicine-dose-time"
    case recordedAtTheTime = "recorded-at-the-time"
    case storageSafe = "storage-safe"
    case refusalsHandled = "refusals-handled"
    case prnFollowed = "prn-followed"
    case hygiene

    public var title: String {
        switch self {
        case .identityChecked: return "Identity checked"
        case .consentSought: return "Consent sought"
        case .rightMedicineDoseTime: return "Right medicine, dose and time"
        case .recordedAtTheTime: return "Recorded at the time"
        case .storageSafe: return "Stored safely"
        case .refusalsHandled: return "Refusals handled and recorded"
        case .prnFollowed: return "PRN protocol followed"
        case .hygiene: return "Hand hygiene"
        }
    }
}

/// An answer on the checklist.
public enum ChecklistAnswer: String, CaseIterable, Codable, Hashable, Sendable {
    case met
    case notMet = "not-met"
    case notApplicable = "not-applicable"

    public var title: String {
        switch self {
        case .met: return "Met"
        case .notMet: return "Not met"
        case .notApplicable: return "Not applicable"
        }
    }
}

/// The outcome of an observation.
public enum CompetencyOutcome: String, CaseIterable, Codable, Hashable, Sendable {
    case competent
    case borderline
    case notYetCompetent = "not-yet-competent"

    public var title: String {
        switch self {
        case .competent: return "Competent"
        case .borderline: return "Borderline"
        case .notYetCompetent: return "Not yet competent"
        }
    }
}

/// What follows an observation.
public enum FollowUp: String, CaseIterable, Codable, Hashable, Sendable {
    case none
    case supervisedPractice = "supervised-practice"
    case restricted = "restricted-from-medicines"
    case reassess

    public var title: String {
        switch self {
        case .none: return "None"
        case .supervisedPractice: return "Supervised practice"
        case .restricted: return "Restricted from giving medicines"
        case .reassess: return "Reassess by a date"
        }
    }
}

/// An observation as entered.
public struct ObservationDraft: Hashable, Codable, Sendable {
    public var staffID: Int64
    public var occurredAt: Date
    public var kind: ObservationKind
    public var checklist: [ChecklistItem: ChecklistAnswer]
    public var outcome: CompetencyOutcome
    public var followUp: FollowUp
    /// Required when `followUp` is `.reassess`.
    public var reassessBy: Date?
    public var note: String

    public init(staffID: Int64, occurredAt: Date, kind: ObservationKind, checklist: [ChecklistItem: ChecklistAnswer],
                outcome: CompetencyOutcome, followUp: FollowUp, reassessBy: Date? = nil, note: String = "") {
        self.staffID = staffID
        self.occurredAt = occurredAt
        self.kind = kind
        self.checklist = checklist
        self.outcome = outcome
        self.followUp = followUp
        self.reassessBy = reassessBy
        self.note = note
    }

    public var problems: [String] {
        var found: [String] = []
        if followUp == .reassess && reassessBy == nil { found.append("Give the date to reassess by.") }
        if outcome == .competent && checklist.values.contains(.notMet) {
            found.append("An item not met cannot go with a competent outcome; choose borderline or not yet competent.")
        }
        return found
    }
}

/// A stored observation.
public struct Observation: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var draft: ObservationDraft
    public var observedBy: String
    public var recordedAt: Date

    public init(id: Int64, draft: ObservationDraft, observedBy: String, recordedAt: Date) {
        self.id = id
        self.draft = draft
        self.observedBy = observedBy
        self.recordedAt = recordedAt
    }
}

/// A member of staff's medicines competency, worked out from their observations.
public enum CompetencyStatus: Hashable, Sendable {
    /// Assessed competent within 12 months; valid until the date.
    case current(until: Date)
    /// Current, but runs out within 30 days.
    case dueSoon(until: Date)
    case expired(since: Date)
    /// The latest outcome restricts them from giving medicines (or was not yet competent).
    case restricted
    case neverAssessed

    public var title: String {
        switch self {
        case .current(let until): return "Current until \(UKDateFormat.date(until))"
        case .dueSoon(let until): return "Due: runs out \(UKDateFormat.date(until))"
        case .expired(let since): return "Expired \(UKDateFormat.date(since))"
        case .restricted: return "Restricted"
        case .neverAssessed: return "Never assessed"
        }
    }

    /// True when they may give medicines.
    public var isCurrent: Bool {
        switch self {
        case .current, .dueSoon: return true
        default: return false
        }
    }
}
