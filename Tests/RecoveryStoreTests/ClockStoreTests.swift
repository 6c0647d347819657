import Foundation
import RecoveryModel
@testable import RecoveryStore
import TestSupport
import Testing

/// The newest record's moment, and `verify` naming a clock that is behind it.
@Suite struct ClockStoreTests {
    /// A new file holds only the reference data its migration seeded, stamped with the real
    /// clock: housekeeping, not a record, so it cannot make a test's (or a person's) clock look behind.
    @Test func aStoreWithNoRecordsHasNoNewestRecord() throws {
        let folder = TestFolder()
        let store = try SQLiteRecoveryStore.open(at: folder.file("new.sqlite"), createIfMissing: true)
        #expect(try store.newestRecordTime() == nil)
    }

    @Test func theNewestRecordIsTheLatestRecordedMomentEvenAfterAnEarlierOneIsWritten() throws {
        let setUp = try SetUpStore()
        #expect(try setUp.store.newestRecordTime() == SetUpStore.start)
        let later = SetUpStore.start.addingTimeInterval(2 * 86_400 + 0.25)
        _ = try setUp.store.addService(name: "Elm Court", kind: .nursing, registeredManager: nil,
                                       by: setUp.admin.actor, at: later)
        #expect(try setUp.store.newestRecordTime() == later)
        // Written afterwards by a clock that is behind: the newer record still counts, so one
        // entry stamped too early cannot hide the problem.
        _ = try setUp.store.addService(name: "Ash Lodge", kind: .nursing, registeredManager: nil,
                                       by: setUp.admin.actor, at: SetUpStore.start)
        #expect(try setUp.store.newestRecordTime() == later)
    }

    @Test func verifyWarnsOfAClockBehindTheRecordsAndStillExitsZero() throws {
        let setUp = try SetUpStore()
        let tomorrow = Date().addingTimeInterval(86_400)
        _ = try setUp.store.addService(name: "Elm Court", kind: .nursing, registeredManager: nil,
                                       by: setUp.admin.actor, at: tomorrow)
        let result = try ChildProcess.run(["verify", "--store", setUp.url.path])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("Warning: Clock behind: this computer says \(UKDateFormat.date(Date()))") == true)
        #expect(lines.first?.contains("but records go up to \(UKDateFormat.dateTime(tomorrow)).") == true)
        #expect(lines.first?.hasSuffix("ask for the computer's clock to be put right.") == true)
        #expect(lines.last?.hasPrefix("The store is sound:") == true)

        // Damage still fails with exit code 1, and the clock is still named.
        try setUp.raw("UPDATE service SET registered_manager = 'Nobody' WHERE id = \(setUp.firstService.id)")
        let damaged = try ChildProcess.run(["verify", "--store", setUp.url.path])
        #expect(damaged.status == 1)
        #expect(damaged.output.hasPrefix("Warning: Clock behind:"))
        #expect(damaged.errors.contains("differs from its last audited state"))
    }

    @Test func verifySaysNothingOfTheClockWhenItIsRight() throws {
        let setUp = try SetUpStore()
        _ = try setUp.store.addService(name: "Elm Court", kind: .nursing, registeredManager: nil,
                                       by: setUp.admin.actor, at: Date().addingTimeInterval(-60))
        let result = try ChildProcess.run(["verify", "--store", setUp.url.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(!result.output.contains("Clock behind"))
        #expect(result.output.hasPrefix("The store is sound:"))
    }
}
