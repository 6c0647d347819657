import Foundation
import GRDB
import RecoveryModel

/// Services (locations, branches): added and retired by administrators, never deleted.
extension SQLiteRecoveryStore {
    public func services(includingInactive: Bool) throws(StoreError) -> [Service] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.serviceColumns) FROM service s \(includingInactive ? "" : "WHERE s.active = 1") ORDER BY s.name COLLATE NOCASE, s.id")
                .map(Self.service)
        }
    }

    public func addService(name: String, kind: Service.Kind, registeredManager: String?, by actor: Actor,
                           at now: Date) throws(StoreError) -> Service {
        let name = try NameRules.clean(name, what: "the service's name")
        var manager: String?
        if let registeredManager, !registeredManager.trimmingCharacters(in: .whitespaces).isEmpty {
            manager = try NameRules.clean(registeredManager, what: "the registered manager's name")
        }
        return try WritePath.write(pool, by: actor, needing: .manageServices, at: now) { writer in
            if try Bool.fetchOne(writer.db, sql: "SELECT EXISTS (SELECT 1 FROM service WHERE active = 1 AND name = ? COLLATE NOCASE)",
                                 arguments: [name]) ?? false {
                throw StoreError.conflict("There is already an active service called \(name).")
            }
            let id = try writer.insert(into: .service, [
                "name": name, "kind": kind.rawValue, "registered_manager": manager, "active": true,
            ])
            return Service(id: id, name: name, kind: kind, registeredManager: manager, active: true, addedAt: now)
        }
    }

    public func setServiceActive(_ serviceID: Int64, active: Bool, by actor: Actor, at now: Date) throws(StoreError) {
        try WritePath.write(pool, by: actor, needing: .manageServices, at: now) { writer in
            guard let row = try Row.fetchOne(writer.db, sql: "SELECT \(Self.serviceColumns) FROM service s WHERE s.id = ?",
                                             arguments: [serviceID]) else {
                throw StoreError.notFound("There is no service with id \(serviceID).")
            }
            let current = Self.service(row)
            guard current.active != active else { return }
            if active, try Bool.fetchOne(writer.db, sql: "SELECT EXISTS (SELECT 1 FROM service WHERE active = 1 AND name = ? COLLATE NOCASE)",
                                         arguments: [current.name]) ?? false {
                throw StoreError.conflict("There is already an active service called \(current.name).")
            }
            try writer.update(.service, id: serviceID, set: ["active": active], action: active ? "bring back" : "retire")
        }
    }

    /// The columns `service(_:)` reads, from `service s`: the row and `added_at`, the moment of its
    /// first audit entry (when it was added; later changes such as retiring it move `recorded_at`).
    static let serviceColumns = """
        s.*, COALESCE((SELECT a.recorded_at FROM audit_log a WHERE a.table_name = 'service' AND a.row_id = s.id
                       ORDER BY a.seq LIMIT 1), s.recorded_at) AS added_at
        """

    static func service(_ row: Row) -> Service {
        Service(id: row["id"], name: row["name"], kind: Service.Kind(rawValue: row["kind"]) ?? .residential,
                registeredManager: row["registered_manager"], active: row["active"],
                addedAt: (row["added_at"] as String?).flatMap(Timestamp.date))
    }
}
