import Foundation
import GRDB
import RecoveryModel

/// The one door for every change. In ONE immediate transaction it works out who the actor really
/// is from the staff table (an `Actor` value claiming a role is not trusted) with their services,
/// checks the permission, runs the change through an `AuditedWriter` (stamps plus audit entries), and
/// commits; any refusal or failure rolls the whole change back.
enum WritePath {
    /// A change made by a signed-in member of staff who needs `permission`.
    static func write<T>(_ writer: any DatabaseWriter, by actor: Actor, needing permission: Permission,
                         at now: Date, _ body: (AuditedWriter) throws -> T) throws(StoreError) -> T {
        try run(writer) { db in
            guard let userID = actor.userID,
                  let row = try Row.fetchOne(db, sql: "SELECT name, role, active FROM staff WHERE id = ?", arguments: [userID])
            else { throw StoreError.notAllowed(permission, actor.role) }
            let role = Role(rawValue: row["role"] as String) ?? actor.role
            let name: String = row["name"]
            guard row["active"] as Bool else {
                throw StoreError.invalid("\(name) is no longer active, so cannot make changes.")
            }
            guard Permissions.allows(role, permission) else { throw StoreError.notAllowed(permission, role) }
            // Their services, read here too: the service scope is checked against the store, not the caller.
            let acting = ActingStaff(id: userID, name: name, role: role, serviceIDs: try ActingStaff.services(db, of: userID))
            return try body(AuditedWriter(db: db, stamp: WriteStamp(actorID: userID, actorName: name, recordedAt: now),
                                          acting: acting))
        }
    }

    /// A change RecoveryDesk makes itself, with no signed-in user to check: first-run set-up,
    /// reference data from a migration, counting wrong PINs. `actorName` says who or what.
    static func writeAsSystem<T>(_ writer: any DatabaseWriter, actorID: Int64? = nil, actorName: String, at now: Date,
                                 _ body: (AuditedWriter) throws -> T) throws(StoreError) -> T {
        try run(writer) { db in
            try body(AuditedWriter(db: db, stamp: WriteStamp(actorID: actorID, actorName: actorName, recordedAt: now)))
        }
    }

    /// Runs `body` in an IMMEDIATE transaction (the write lock is taken at the start, so another
    /// process never makes it fail half-way with "database is locked"; it waits instead).
    private static func run<T>(_ writer: any DatabaseWriter, _ body: (Database) throws -> T) throws(StoreError) -> T {
        // In batch mode (`WriteBatch`) the same change runs in a savepoint of the batch's transaction.
        if let batch = WriteBatch.current, batch.owns(writer) {
            return try StoreFailure.catching { try batch.write(body) }
        }
        return try StoreFailure.catching {
            try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        }
    }
}
