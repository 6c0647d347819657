import Foundation
import GRDB
import RecoveryModel

/// Who is making a change, as the store knows them inside the write transaction: the role and
/// the services read from `staff` and `staff_service`, never taken from the caller's `Actor`.
struct ActingStaff: Sendable {
    let id: Int64
    let name: String
    let role: Role
    /// Their active services, in the order they were added to them.
    let serviceIDs: [Int64]

    /// A member of staff's active services, in the order they were added to them.
    static func services(_ db: Database, of staffID: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT service_id FROM staff_service WHERE staff_id = ? AND active = 1 ORDER BY id",
                           arguments: [staffID])
    }

    /// Service names by id, for refusals.
    static func serviceNames(_ db: Database, _ ids: [Int64]) throws -> [String] {
        try ids.map { id in try String.fetchOne(db, sql: "SELECT name FROM service WHERE id = ?", arguments: [id]) ?? "service \(id)" }
    }
}

extension AuditedWriter {
    /// Refuses (`StoreError.outsideScope`) unless the acting member of staff may act on the
    /// service `serviceID` (`ServiceScope`); nil is a record of the whole provider. `doing`
    /// words what was refused from the service's name: `{ "log a check for \($0)" }`.
    /// Changes RecoveryDesk makes itself (no acting member of staff) are not limited.
    func requireScope(of serviceID: Int64?, cannot doing: (String) -> String) throws {
        guard let acting, !ServiceScope.may(acting.role, actorServices: acting.serviceIDs, actOn: serviceID) else { return }
        let target = try serviceID.map { try ActingStaff.serviceNames(db, [$0])[0] } ?? "the whole provider"
        throw StoreError.outsideScope(ServiceScope.refusal(actorServiceNames: try ActingStaff.serviceNames(db, acting.serviceIDs),
                                                           cannot: doing(target)))
    }

    /// Refuses (`StoreError.outsideScope`) unless the acting member of staff may act on the
    /// member of staff `staffID`: a service-level role only on someone who works at one of their
    /// services. `doing` words what was refused from the person's name.
    func requireScope(ofStaff staffID: Int64, cannot doing: (String) -> String) throws {
        guard let acting, !ServiceScope.isProviderWide(acting.role) else { return }
        let theirs = try ActingStaff.services(db, of: staffID)
        guard !ServiceScope.may(acting.role, actorServices: acting.serviceIDs, actOnStaffAt: theirs) else { return }
        let name = try String.fetchOne(db, sql: "SELECT name FROM staff WHERE id = ?", arguments: [staffID]) ?? "staff member \(staffID)"
        let whereTheyWork = theirs.isEmpty ? "who does not work at any service"
            : "who works at " + ServiceScope.list(try ActingStaff.serviceNames(db, theirs))
        throw StoreError.outsideScope(ServiceScope.refusal(actorServiceNames: try ActingStaff.serviceNames(db, acting.serviceIDs),
                                                           cannot: doing(name) + ", " + whereTheyWork))
    }
}
