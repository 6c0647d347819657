import Foundation
import GRDB
import RecoveryModel

/// First-run set-up: the provider, the first service and the first administrator.
extension SQLiteRecoveryStore {
    public func isSetUp() throws(StoreError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM provider)") ?? false }
    }

    public func provider() throws(StoreError) -> Provider? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT id, name FROM provider ORDER BY id LIMIT 1").map {
                Provider(id: $0["id"], name: $0["name"])
            }
        }
    }

    public func setUp(_ request: SetUpRequest, at now: Date) throws(StoreError) -> StaffMember {
        let providerName = try NameRules.clean(request.providerName, what: "the provider's name")
        let serviceName = try NameRules.clean(request.serviceName, what: "the first service's name")
        let adminName = try NameRules.clean(request.administratorName, what: "the administrator's name")
        if let problem = PINPolicy().problem(with: request.pin) { throw StoreError.invalid(problem + ".") }
        let credential = try pinHasher.make(pin: request.pin)
        return try WritePath.writeAsSystem(pool, actorName: "First-run set-up (\(adminName))", at: now) { writer in
            let db = writer.db
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM provider)") ?? false {
                throw StoreError.conflict("This store is already set up.")
            }
            let policy = try Self.pinPolicy(db)
            if let problem = policy.problem(with: request.pin) { throw StoreError.invalid(problem + ".") }
            try writer.insert(into: .provider, ["name": providerName])
            let serviceID = try writer.insert(into: .service, [
                "name": serviceName, "kind": request.serviceKind.rawValue, "active": true,
            ])
            let adminID = try writer.insert(into: .staff, [
                "name": adminName, "role": Role.administrator.rawValue, "active": true,
            ])
            try writer.insert(into: .staffService, ["staff_id": adminID, "service_id": serviceID, "active": true])
            try Self.storeCredential(credential, for: adminID, writer: writer, action: "set PIN")
            return StaffMember(id: adminID, name: adminName, role: .administrator, serviceIDs: [serviceID],
                               active: true, canSignIn: true)
        }
    }
}
