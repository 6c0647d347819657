import Foundation
import RecoveryModel

/// One member of staff's medicines competency with every observation of them, newest first.
public struct StaffCompetency: Hashable, Sendable {
    public var person: StaffMember
    public var status: CompetencyStatus
    public var observations: [Observation]
    public var services: [Service]

    public init(person: StaffMember, status: CompetencyStatus, observations: [Observation], services: [Service]) {
        self.person = person
        self.status = status
        self.observations = observations
        self.services = services
    }
}

extension RecoveryServices {
    /// One member of staff's competency and observations.
    public func staffCompetency(_ staffID: Int64, at now: Date) throws(StoreError) -> StaffCompetency {
        guard let person = try store.staff(includingInactive: true).first(where: { $0.id == staffID }) else {
            throw .notFound("That member of staff is not in the store.")
        }
        let observations = try store.observations(staffID: staffID).sorted { $0.draft.occurredAt > $1.draft.occurredAt }
        return StaffCompetency(person: person, status: try store.competency(of: staffID, at: now), observations: observations,
                               services: try store.services(includingInactive: true))
    }

    /// Staff among `staffIDs` who have no current medicines competency at `now`.
    public func staffWithoutCompetency(_ staffIDs: Set<Int64>, at now: Date) throws(StoreError) -> [StaffMember] {
        let people = try store.staff(includingInactive: true).filter { staffIDs.contains($0.id) }
        var without: [StaffMember] = []
        for person in people where !(try store.competency(of: person.id, at: now)).isCurrent {
            without.append(person)
        }
        return without
    }
}
