import Foundation

/// A medicines round (or a homecare visit) whose MAR charts are checked.
public enum MARRound: String, CaseIterable, Codable, Hashable, Sendable {
    case morning, lunchtime, teatime, night, visit

    public var title: String {
        switch self {
        case .morning: return "Morning"
        case .lunchtime: return "Lunchtime"
        case .teatime: return "Teatime"
        case .night: return "Night"
        case .visit: return "Homecare visit"
        }
    }

    /// The hour the round usually ends (London time), for the late-entry rule.
    public var usualEndHour: Int {
        switch self {
        case .morning: return 10
        case .lunchtime: return 14
        case .teatime: return 18
        case .night: return 22
        case .visit: return 20
        }
    }

    /// The rounds of a care home's day (a homecare branch checks visits instead).
    public static let careHomeRounds: [MARRound] = [.morning, .lunchtime, .teatime, .night]
}

/// What a MAR chart check found wrong.
public enum FindingType: String, CaseIterable, Codable, Hashable, Sendable {
    case missingSignature = "missing-signature"
    case unexplainedGap = "unexplained-gap"
    case refusalWithoutReason = "refusal-without-reason"
    case refusalWithoutAction = "refusal-without-action"
    case prnWithoutReasonOrOutcome = "prn-without-reason-or-outcome"
    case handwrittenNotCountersigned = "handwritten-not-countersigned"
    case stockCountMismatch = "stock-count-mismatch"
    case chartReturnedLate = "chart-returned-late"
    case codeNotInKey = "code-not-in-key"
    case other

    public var title: String {
        switch self {
        case .missingSignature: return "Missing signature"
        case .unexplainedGap: return "Unexplained gap"
        case .refusalWithoutReason: return "Refusal without a reason"
        case .refusalWithoutAction: return "Refusal without action or escalation"
        case .prnWithoutReasonOrOutcome: return "PRN dose without reason or outcome"
        case .handwrittenNotCountersigned: return "Handwritten entry not countersigned"
        case .stockCountMismatch: return "Stock count does not match"
        case .chartReturnedLate: return "Chart returned late"
        case .codeNotInKey: return "Code not in the key"
        case .other: return "Other"
        }
    }
}

/// One finding of a MAR check.
public struct MARFinding: Hashable, Codable, Sendable {
    /// True when it must be escalated: a chart returned late, a refusal without action or
    /// escalation, or anything marked to escalate.
    public var needsEscalation: Bool {
        escalate || type == .chartReturnedLate || type == .refusalWithoutAction
    }

    public var type: FindingType
    /// Initials or room, never a full name.
    public var personReference: String
    /// The member of staff involved, if known.
    public var staffID: Int64?
    public var note: String
    public var actionTaken: String
    /// True when it should be escalated (the app then opens a pre-filled escalation). Whether it
    /// was escalated is worked out from the escalations that name it, never from this.
    public var escalate: Bool
    /// Its number within its check, given when first saved and kept through corrections (nil
    /// for a finding not saved yet). Escalations name a finding by its check and number.
    public var number: Int?

    public init(type: FindingType, personReference: String, staffID: Int64? = nil, note: String = "",
                actionTaken: String = "", escalate: Bool = false, number: Int? = nil) {
        self.number = number
        self.type = type
        self.personReference = personReference
        self.staffID = staffID
        self.note = note
        self.actionTaken = actionTaken
        self.escalate = escalate
    }
}

/// A daily MAR chart check as entered.
public struct MARCheckDraft: Hashable, Codable, Sendable {
    public var serviceID: Int64
    /// The day of the round (start of the London day).
    public var date: Date
    public var round: MARRound
    public var chartsChecked: Int
    public var refusalsSeen: Int
    /// Refusals with reason, action and escalation decision all recorded.
    public var refusalsComplete: Int
    /// Homecare: charts that came back to the office late.
    public var chartsReturnedLate: Int
    public var findings: [MARFinding]
    /// Required when the entry is made long after the round (see `LateEntryRule`).
    public var lateEntryReason: String?

    public init(serviceID: Int64, date: Date, round: MARRound, chartsChecked: Int, refusalsSeen: Int = 0,
                refusalsComplete: Int = 0, chartsReturnedLate: Int = 0, findings: [MARFinding] = [],
                lateEntryReason: String? = nil) {
        self.serviceID = serviceID
        self.date = date
        self.round = round
        self.chartsChecked = chartsChecked
        self.refusalsSeen = refusalsSeen
        self.refusalsComplete = refusalsComplete
        self.chartsReturnedLate = chartsReturnedLate
        self.findings = findings
        self.lateEntryReason = lateEntryReason
    }

    /// What is wrong with it, in words; empty when it can be saved.
    public var problems: [String] {
        var found: [String] = []
        if chartsChecked < 1 { found.append("At least one chart must have been checked.") }
        if refusalsSeen < 0 || refusalsComplete < 0 || chartsReturnedLate < 0 { found.append("Counts cannot be negative.") }
        if refusalsComplete > refusalsSeen { found.append("Fully recorded refusals cannot be more than the refusals seen.") }
        if chartsReturnedLate > chartsChecked { found.append("Late charts cannot be more than the charts checked.") }
        for finding in findings where finding.personReference.trimmingCharacters(in: .whitespaces).isEmpty {
            found.append("Each finding needs a person reference (initials or room).")
            break
        }
        for finding in findings where finding.personReference.split(separator: " ").count > 2 {
            found.append("Use initials or a room for the person, not a full name.")
            break
        }
        return found
    }
}

/// A stored MAR check.
public struct MARCheck: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var draft: MARCheckDraft
    public var checkedBy: String
    public var checkedByID: Int64?
    public var recordedAt: Date
    /// Entered after the late-entry limit.
    public var isLateEntry: Bool
    /// Corrections, oldest first; `draft` is the current version.
    public var amendments: [Amendment]
    /// True when an earlier check of the same service, day and round was logged first (worked
    /// out when read, never stored).
    public var isRecheck: Bool = false

    public init(id: Int64, draft: MARCheckDraft, checkedBy: String, checkedByID: Int64?, recordedAt: Date,
                isLateEntry: Bool, amendments: [Amendment] = []) {
        self.id = id
        self.draft = draft
        self.checkedBy = checkedBy
        self.checkedByID = checkedByID
        self.recordedAt = recordedAt
        self.isLateEntry = isLateEntry
        self.amendments = amendments
    }
}

/// A correction of a record: the reason, who and when, and the version it replaced.
public struct Amendment: Hashable, Sendable {
    public var reason: String
    public var by: String
    public var at: Date
    /// The earlier version, in words, kept visible beside the current one.
    public var previous: String

    public init(reason: String, by: String, at: Date, previous: String) {
        self.reason = reason
        self.by = by
        self.at = at
        self.previous = previous
    }
}

/// Entries made long after the event are flagged and need a reason.
public struct LateEntryRule: Hashable, Sendable {
    /// Hours after the end of the round before an entry counts as late (default 24).
    public var hours: Int

    public init(hours: Int = 24) { self.hours = max(1, hours) }

    /// The end of a round on its day, in London time.
    public static func roundEnd(date: Date, round: MARRound) -> Date {
        // Built from the London clock time, so the two days the clocks change are right too.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = UKDateFormat.timeZone
        let day = LondonDay(date).start
        return calendar.date(bySettingHour: round.usualEndHour, minute: 0, second: 0, of: day)
            ?? day.addingTimeInterval(TimeInterval(round.usualEndHour * 3600))
    }

    /// True when an entry made at `enteredAt` for this round is late.
    public func isLate(date: Date, round: MARRound, enteredAt: Date) -> Bool {
        enteredAt.timeIntervalSince(Self.roundEnd(date: date, round: round)) > TimeInterval(hours * 3600)
    }
}
