import Foundation

/// Which MAR chart checks a list shows, newest round first (see `RecoveryDataStore.marCheckPage`).
public struct MARCheckQuery: Hashable, Sendable {
    /// One service's checks, or every service's.
    public var serviceID: Int64?
    /// The first round day shown (its London day), or nil for no limit.
    public var from: Date?
    /// The last round day shown (its London day), or nil for no limit.
    public var to: Date?
    /// Only the checks this member of staff logged.
    public var checkedByID: Int64?
    /// Text to find, ignoring case and accents, in what the list shows of a check: its date
    /// (dd/mm/yyyy), round, service and notes (`lateEntryNote`, `correctedNote`). Blank finds
    /// every check.
    public var search: String

    /// The note the list shows for a check entered late (and search finds it by).
    public static let lateEntryNote = "Late entry"
    /// The note the list shows for a check corrected since it was logged.
    public static let correctedNote = "Corrected"

    public init(serviceID: Int64? = nil, from: Date? = nil, to: Date? = nil, checkedByID: Int64? = nil, search: String = "") {
        self.serviceID = serviceID
        self.from = from
        self.to = to
        self.checkedByID = checkedByID
        self.search = search
    }
}

/// Which escalations a list shows: overdue first, then newest raised (see
/// `RecoveryDataStore.escalationPage`).
public struct EscalationQuery: Hashable, Sendable {
    /// Only those not yet resolved.
    public var openOnly: Bool
    /// One service's escalations, or every service's.
    public var serviceID: Int64?
    /// Text to find in what the list shows of an escalation: its due-by moment (dd/mm/yyyy
    /// hh:mm), status, severity, category and what happened. Blank finds every escalation.
    public var search: String

    public init(openOnly: Bool, serviceID: Int64? = nil, search: String = "") {
        self.openOnly = openOnly
        self.serviceID = serviceID
        self.search = search
    }
}

/// Which active staff the competency list shows, by name (see `RecoveryDataStore.competencyPage`).
public struct CompetencyQuery: Hashable, Sendable {
    /// Text to find in a person's name, role or competency ("Current", "Due", "Expired",
    /// "Restricted", "Never assessed"; the dates beside them are not searched). Blank finds everyone.
    public var search: String

    public init(search: String = "") { self.search = search }
}
