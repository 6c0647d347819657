import Foundation
import GRDB
import RecoveryModel

/// Staff and users: staff with a PIN can sign in. Deactivated, never deleted.
extension SQLiteRecoveryStore {
    public func staff(includingInactive: Bool) throws(StoreError) -> [StaffMember] {
        try read { db in try Self.loadStaff(db, where: includingInactive ? nil : "s.active = 1") }
    }

    public func addStaff(name: String, role: Role, serviceIDs: [Int64], pin: String?, by actor: Actor,
                         at now: Date) throws(StoreError) -> StaffMember {
        let name = try NameRules.clean(name, what: "the person's name")
        // Check the PIN against the rules before the slow hash; checked again inside the write.
        let policy = try pinPolicy()
        if let pin, let problem = policy.problem(with: pin) { throw StoreError.invalid(problem + ".") }
        let credential = try pin.map { (pin) throws(StoreError) in try pinHasher.make(pin: pin) }
        // In the order given, once each: the first is their home service, where their forms start.
        var services: [Int64] = []
        for id in serviceIDs where !services.contains(id) { services.append(id) }
        if services.isEmpty && !ServiceScope.isProviderWide(role) {
            throw StoreError.invalid("A \(role.title.lowercased()) works at a service: name the service they work at.")
        }
        return try WritePath.write(pool, by: actor, needing: .manageUsers, at: now) { writer in
            let db = writer.db
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staff WHERE active = 1 AND name = ? COLLATE NOCASE)",
                                 arguments: [name]) ?? false {
                throw StoreError.conflict("There is already an active member of staff called \(name).")
            }
            for serviceID in services {
                guard try Bool.fetchOne(db, sql: "SELECT active FROM service WHERE id = ?", arguments: [serviceID]) == true else {
                    throw StoreError.notFound("There is no active service with id \(serviceID).")
                }
            }
            if let pin, let problem = try Self.pinPolicy(db).problem(with: pin) { throw StoreError.invalid(problem + ".") }
            let id = try writer.insert(into: .staff, ["name": name, "role": role.rawValue, "active": true])
            for serviceID in services {
                try writer.insert(into: .staffService, ["staff_id": id, "service_id": serviceID, "active": true])
            }
            if let credential { try Self.storeCredential(credential, for: id, writer: writer, action: "set PIN") }
            return StaffMember(id: id, name: name, role: role, serviceIDs: services, active: true, canSignIn: credential != nil)
        }
    }

    public func deactivateStaff(_ staffID: Int64, by actor: Actor, at now: Date) throws(StoreError) {
        try WritePath.write(pool, by: actor, needing: .manageUsers, at: now) { writer in
            guard let member = try Self.loadStaff(writer.db, where: "s.id = ?", arguments: [staffID]).first else {
                throw StoreError.notFound("There is no member of staff with id \(staffID).")
            }
            guard member.active else { return }
            if member.role == .administrator {
                let others = try Int.fetchOne(writer.db, sql: "SELECT COUNT(*) FROM staff WHERE active = 1 AND role = ? AND id <> ?",
                                              arguments: [Role.administrator.rawValue, staffID]) ?? 0
                if others == 0 {
                    throw StoreError.conflict("\(member.name) is the only active administrator; add another administrator first.")
                }
            }
            try writer.update(.staff, id: staffID, set: ["active": false], action: "deactivate")
        }
    }

    public func resetPIN(_ staffID: Int64, pin: String, by actor: Actor, at now: Date) throws(StoreError) {
        let policy = try pinPolicy()
        if let problem = policy.problem(with: pin) { throw StoreError.invalid(problem + ".") }
        let credential = try pinHasher.make(pin: pin)
        try WritePath.write(pool, by: actor, needing: .manageUsers, at: now) { writer in
            guard let member = try Self.loadStaff(writer.db, where: "s.id = ?", arguments: [staffID]).first else {
                throw StoreError.notFound("There is no member of staff with id \(staffID).")
            }
            guard member.active else { throw StoreError.invalid("\(member.name) is no longer active; bring them back before setting a PIN.") }
            if let problem = try Self.pinPolicy(writer.db).problem(with: pin) { throw StoreError.invalid(problem + ".") }
            try Self.storeCredential(credential, for: staffID, writer: writer, action: "reset PIN")
        }
    }

    /// Staff rows with their active services (in the order they were added to them) and whether
    /// they have a PIN, by name.
    static func loadStaff(_ db: Database, where condition: String? = nil,
                          arguments: StatementArguments = []) throws -> [StaffMember] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.id, s.name, s.role, s.active,
                   EXISTS (SELECT 1 FROM staff_credential c WHERE c.id = s.id) AS has_pin
            FROM staff s \(condition.map { "WHERE \($0)" } ?? "")
            ORDER BY s.name COLLATE NOCASE, s.id
            """, arguments: arguments)
        // Every member's services in one read (a query per member cost a thousand round trips
        // at a large provider).
        var servicesByStaff: [Int64: [Int64]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT staff_id, service_id FROM staff_service WHERE active = 1 ORDER BY id") {
            servicesByStaff[row[0], default: []].append(row[1])
        }
        return rows.map { row in
            let id: Int64 = row["id"]
            let services = servicesByStaff[id] ?? []
            let active: Bool = row["active"]
            let hasPIN: Bool = row["has_pin"]
            return StaffMember(id: id, name: row["name"], role: Role(rawValue: row["role"]) ?? .careWorker,
                               serviceIDs: services, active: active, canSignIn: active && hasPIN)
        }
    }
}
