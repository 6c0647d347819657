import Foundation
import GRDB
import RecoveryModel
@testable import RecoveryStore
import Testing

/// PINs as slow salted hashes; wrong PINs, the five-minute lock and its end, with a fixed clock.
@Suite struct PINTests {
    @Test func hashRoundTripWithSaltAndRounds() throws {
        let hasher = PINHasher()
        #expect(hasher.rounds >= 210_000)
        let one = try hasher.make(pin: "482913")
        let two = try hasher.make(pin: "482913")
        #expect(one.salt != two.salt, "a fresh salt each time")
        #expect(one.hash != two.hash)
        #expect(try PINHasher.matches(pin: "482913", salt: one.salt, hash: one.hash, rounds: one.rounds))
        #expect(try !PINHasher.matches(pin: "482914", salt: one.salt, hash: one.hash, rounds: one.rounds))
    }

    @Test func signInRightAndWrongAndTheStoredFormHoldsNoPIN() throws {
        let setUp = try SetUpStore()
        let store = setUp.store
        let now = SetUpStore.start
        #expect(try store.signIn(staffID: setUp.admin.id, pin: "2468", at: now) == .signedIn(setUp.admin))
        #expect(try store.signIn(staffID: setUp.admin.id, pin: "0000", at: now) == .wrongPIN(attemptsLeft: 4))

        let row = try #require(try store.pool.read { try Row.fetchOne($0, sql: "SELECT * FROM staff_credential WHERE id = ?", arguments: [setUp.admin.id]) })
        #expect(row["kdf"] as String == "pbkdf2-sha256")
        #expect(row["rounds"] as Int >= 210_000)
        #expect((row["salt"] as Data).count == 16)
        let hashHex = (row["hash"] as Data).map { String(format: "%02x", $0) }.joined()
        let saltHex = (row["salt"] as Data).map { String(format: "%02x", $0) }.joined()
        let audit = try store.pool.read { try String.fetchAll($0, sql: "SELECT state || ' ' || action || ' ' || actor_name FROM audit_log") }.joined()
        #expect(!audit.contains(hashHex) && !audit.contains(saltHex))
        #expect(!audit.contains("2468"))
        #expect(try store.verify().isSound)
    }

    @Test func fiveWrongPINsLockForFiveMinutesWithoutCheckingThePIN() throws {
        let setUp = try SetUpStore()
        let store = setUp.store
        let leader = try setUp.add("Tina Leader", .teamLeader, pin: "1357")
        let start = SetUpStore.start
        for left in stride(from: 4, through: 1, by: -1) {
            #expect(try store.signIn(staffID: leader.id, pin: "9999", at: start) == .wrongPIN(attemptsLeft: left))
        }
        let lockedUntil = start.addingTimeInterval(300)
        #expect(try store.signIn(staffID: leader.id, pin: "9999", at: start) == .locked(until: lockedUntil))
        // Locked: even the right PIN is refused, and the attempt changes nothing.
        let entries = try store.verify().auditEntries
        #expect(try store.signIn(staffID: leader.id, pin: "1357", at: start.addingTimeInterval(299)) == .locked(until: lockedUntil))
        #expect(try store.verify().auditEntries == entries)
        // The lock is kept in the store: a second process sees it.
        let other = try SQLiteRecoveryStore.open(at: setUp.url, createIfMissing: false)
        #expect(try other.signIn(staffID: leader.id, pin: "1357", at: start.addingTimeInterval(60)) == .locked(until: lockedUntil))
        // Other users are not affected.
        #expect(try store.signIn(staffID: setUp.admin.id, pin: "2468", at: start) == .signedIn(setUp.admin))
        // After five minutes the right PIN works and clears the count.
        #expect(try store.signIn(staffID: leader.id, pin: "1357", at: start.addingTimeInterval(300)) == .signedIn(leader))
        #expect(try store.signIn(staffID: leader.id, pin: "0000", at: start.addingTimeInterval(301)) == .wrongPIN(attemptsLeft: 4))
        #expect(try store.verify().isSound)
    }

    @Test func successClearsTheCountAndAResetClearsALock() throws {
        let setUp = try SetUpStore()
        let store = setUp.store
        let carer = try setUp.add("Cal Carer", .careWorker, pin: "1111")
        let now = SetUpStore.start
        for _ in 1...3 { _ = try store.signIn(staffID: carer.id, pin: "2222", at: now) }
        #expect(try store.signIn(staffID: carer.id, pin: "1111", at: now) == .signedIn(carer))
        #expect(try store.signIn(staffID: carer.id, pin: "2222", at: now) == .wrongPIN(attemptsLeft: 4))
        for _ in 1...4 { _ = try store.signIn(staffID: carer.id, pin: "2222", at: now) }
        #expect(try store.signIn(staffID: carer.id, pin: "1111", at: now) == .locked(until: now.addingTimeInterval(300)))
        try store.resetPIN(carer.id, pin: "3333", by: setUp.admin.actor, at: now)
        #expect(try store.signIn(staffID: carer.id, pin: "1111", at: now) == .wrongPIN(attemptsLeft: 4))
        #expect(try store.signIn(staffID: carer.id, pin: "3333", at: now) == .signedIn(carer))
    }

    @Test func theMinimumPINLengthIsAnAdministratorSetting() throws {
        let setUp = try SetUpStore()
        try setUp.store.setMinimumPINLength(6, by: setUp.admin.actor, at: SetUpStore.start)
        #expect(try setUp.store.pinPolicy().minimumLength == 6)
        #expect(throws: StoreError.invalid("A PIN needs at least 6 digits.")) {
            _ = try setUp.add("Short Pin", .careWorker, pin: "12345")
        }
        #expect(throws: StoreError.invalid("The shortest PIN allowed must be between 4 and 12 digits.")) {
            try setUp.store.setMinimumPINLength(3, by: setUp.admin.actor, at: SetUpStore.start)
        }
        _ = try setUp.add("Long Pin", .careWorker, pin: "123456")
    }

    @Test func deactivatedStaffCannotSignIn() throws {
        let setUp = try SetUpStore()
        let carer = try setUp.add("Cal Carer", .careWorker, pin: "1111")
        try setUp.store.deactivateStaff(carer.id, by: setUp.admin.actor, at: SetUpStore.start)
        #expect(throws: StoreError.invalid("Cal Carer is no longer active and cannot sign in.")) {
            _ = try setUp.store.signIn(staffID: carer.id, pin: "1111", at: SetUpStore.start)
        }
    }
}
