import Foundation
import GRDB
import RecoveryModel

/// Signing in with a PIN, the lock after five wrong PINs, and the PIN rules.
extension SQLiteRecoveryStore {
    public func signInList() throws(StoreError) -> [StaffMember] {
        try read { db in
            try Self.loadStaff(db, where: "s.active = 1 AND EXISTS (SELECT 1 FROM staff_credential c WHERE c.id = s.id)")
        }
    }

    public func signIn(staffID: Int64, pin: String, at now: Date) throws(StoreError) -> SignInResult {
        // Read the salt first and work the hash out outside any write lock (it takes ~26 ms).
        let found: (StaffMember, Row)? = try read { db in
            guard let member = try Self.loadStaff(db, where: "s.id = ?", arguments: [staffID]).first,
                  let credential = try Row.fetchOne(db, sql: "SELECT * FROM staff_credential WHERE id = ?", arguments: [staffID])
            else { return nil }
            return (member, credential)
        }
        guard let (member, credential) = found else {
            throw StoreError.notFound("There is no member of staff with a PIN and id \(staffID).")
        }
        guard member.active else { throw StoreError.invalid("\(member.name) is no longer active and cannot sign in.") }
        let lockout = Self.lockout(credential)
        if lockout.isLocked(at: now), let until = lockout.lockedUntil { return .locked(until: until) }
        let matches = try PINHasher.matches(pin: pin, salt: credential["salt"], hash: credential["hash"],
                                            rounds: credential["rounds"])
        let actorName = matches ? member.name : "Sign-in attempt as \(member.name)"
        return try WritePath.writeAsSystem(pool, actorID: matches ? member.id : nil, actorName: actorName, at: now) { writer in
            // Read again inside the lock: another terminal may have counted a wrong PIN meanwhile.
            guard let fresh = try Row.fetchOne(writer.db, sql: "SELECT * FROM staff_credential WHERE id = ?", arguments: [staffID])
            else { throw StoreError.notFound("There is no member of staff with a PIN and id \(staffID).") }
            let current = Self.lockout(fresh)
            if current.isLocked(at: now), let until = current.lockedUntil { return .locked(until: until) }
            if matches {
                if current.failedAttempts != 0 || current.lockedUntil != nil {
                    try writer.update(.staffCredential, id: staffID, set: ["failed_attempts": 0, "locked_until": nil],
                                      action: "signed in; wrong-PIN count cleared")
                }
                return .signedIn(member)
            }
            let next = current.recordingFailure(at: now)
            try writer.update(.staffCredential, id: staffID, set: [
                "failed_attempts": next.failedAttempts, "locked_until": next.lockedUntil.map(Timestamp.text),
            ], action: next.isLocked(at: now) ? "wrong PIN; locked" : "wrong PIN")
            if next.isLocked(at: now), let until = next.lockedUntil { return .locked(until: until) }
            return .wrongPIN(attemptsLeft: next.attemptsLeft(at: now))
        }
    }

    public func pinPolicy() throws(StoreError) -> PINPolicy {
        try read { db in try Self.pinPolicy(db) }
    }

    public func setMinimumPINLength(_ length: Int, by actor: Actor, at now: Date) throws(StoreError) {
        try WritePath.write(pool, by: actor, needing: .manageUsers, at: now) { writer in
            guard (4...12).contains(length) else {
                throw StoreError.invalid("The shortest PIN allowed must be between 4 and 12 digits.")
            }
            guard let id = try Int64.fetchOne(writer.db, sql: "SELECT id FROM setting WHERE key = ?",
                                              arguments: [Settings.minimumPINLength]) else {
                try writer.insert(into: .setting, ["key": Settings.minimumPINLength, "value": String(length)])
                return
            }
            try writer.update(.setting, id: id, set: ["value": String(length)], action: "change")
        }
    }

    // MARK: Helpers

    static func pinPolicy(_ db: Database) throws -> PINPolicy {
        let text = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Settings.minimumPINLength])
        return PINPolicy(minimumLength: text.flatMap { Int($0) } ?? 4)
    }

    static func lockout(_ credential: Row) -> LoginLockout {
        LoginLockout(failedAttempts: credential["failed_attempts"],
                     lockedUntil: (credential["locked_until"] as String?).flatMap(Timestamp.date))
    }

    /// Stores a new PIN credential for `staffID` (and clears any lock), audited without the
    /// salt or hash.
    static func storeCredential(_ credential: PINHasher.Credential, for staffID: Int64, writer: AuditedWriter,
                                action: String) throws {
        let values: [String: (any DatabaseValueConvertible)?] = [
            "kdf": PINHasher.kdfName, "rounds": credential.rounds, "salt": credential.salt, "hash": credential.hash,
            "fingerprint": credential.fingerprint, "failed_attempts": 0, "locked_until": nil,
        ]
        if try Bool.fetchOne(writer.db, sql: "SELECT EXISTS (SELECT 1 FROM staff_credential WHERE id = ?)", arguments: [staffID]) ?? false {
            try writer.update(.staffCredential, id: staffID, set: values, action: action)
        } else {
            var withID = values
            withID["id"] = staffID
            try writer.insert(into: .staffCredential, withID, action: action)
        }
    }
}
