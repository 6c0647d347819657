import Foundation

/// A member of staff's medicines competency and their latest observation: a row of the
/// competency list.
public struct CompetencyRow: Hashable, Sendable {
    public var person: StaffMember
    public var status: CompetencyStatus
    /// Their most recent observation of any kind, if any.
    public var latest: Observation?

    public init(person: StaffMember, status: CompetencyStatus, latest: Observation?) {
        self.person = person
        self.status = status
        self.latest = latest
    }
}
