import Foundation
import RecoveryModel
@testable import RecoveryStore
import Testing

/// Online backups and the daily backup with its fortnight of copies.
@Suite struct BackupTests {
    @Test func aBackupOpensAndVerifies() throws {
        let setUp = try SetUpStore()
        _ = try setUp.add("Tina Leader", .teamLeader)
        let copy = setUp.folder.file("copies/backup.sqlite")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try setUp.store.backup(to: copy)
        #expect(mode(copy.path) == 0o600)
        let opened = try SQLiteRecoveryStore.open(at: copy, createIfMissing: false)
        #expect(try opened.verify().isSound)
        #expect(try opened.staff(includingInactive: true).map(\.name) == ["Ann Admin", "Tina Leader"])
        #expect(throws: StoreError.conflict("There is already a file at \(copy.path); choose a new name for the backup.")) {
            try setUp.store.backup(to: copy)
        }
    }

    @Test func theDailyBackupSitsBesideItsStoreNamedByStoreAndLondonDayAndKeepsFourteen() throws {
        let setUp = try SetUpStore(name: "recoverydesk.sqlite")
        let folder = setUp.folder.file("recoverydesk.sqlite.backups")
        #expect(DailyBackup.directory(forStore: setUp.url).path == folder.standardizedFileURL.path)
        // 23:30 UTC on 21 June is 00:30 on 22 June in London (summer time).
        let summerNight = try #require(ISO8601DateFormatter().date(from: "2026-06-21T23:30:00Z"))
        #expect(DailyBackup.fileName(forStore: setUp.url, on: summerNight) == "recoverydesk-2026-06-22.backup.sqlite")
        let first = try DailyBackup.runIfDue(store: setUp.store, now: summerNight)
        #expect(first?.lastPathComponent == "recoverydesk-2026-06-22.backup.sqlite")
        #expect(first?.deletingLastPathComponent().lastPathComponent == "recoverydesk.sqlite.backups")
        #expect(mode(folder.path) == 0o700)
        #expect(try DailyBackup.runIfDue(store: setUp.store, now: summerNight.addingTimeInterval(3600)) == nil, "one a day")
        // Something else in the folder is never removed by the fortnight's tidy-up.
        try Data("keep me".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        for day in 1...20 {
            _ = try DailyBackup.runIfDue(store: setUp.store, now: summerNight.addingTimeInterval(Double(day) * 86_400))
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".backup.sqlite") }.sorted()
        #expect(kept.count == 14)
        #expect(kept.first == "recoverydesk-2026-06-29.backup.sqlite")
        #expect(kept.last == "recoverydesk-2026-07-12.backup.sqlite")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.txt").path))
        let newest = try SQLiteRecoveryStore.open(at: folder.appendingPathComponent(kept.last!), createIfMissing: false)
        #expect(try newest.verify().isSound)
        #expect(try newest.provider()?.name == "Acme Care")
    }

    @Test func twoStoresOpenedOnOneDayEachGetTheirOwnBackup() throws {
        // Two stores side by side in one folder, and a third with the same file name elsewhere.
        let ashdown = try SetUpStore(name: "ashdown.sqlite")
        let lindenURL = ashdown.folder.file("linden.sqlite")
        let linden = try SQLiteRecoveryStore.open(at: lindenURL, createIfMissing: true)
        _ = try linden.setUp(SetUpRequest(providerName: "Linden Group", serviceName: "Linden Court", serviceKind: .supportedLiving,
                                          administratorName: "Lee Admin", pin: SetUpStore.adminPIN), at: SetUpStore.start)
        let elsewhere = try SetUpStore(name: "ashdown.sqlite")
        let morning = try #require(ISO8601DateFormatter().date(from: "2026-12-03T08:10:00Z"))

        let first = try #require(try DailyBackup.runIfDue(store: ashdown.store, now: morning))
        let second = try #require(try DailyBackup.runIfDue(store: linden, now: morning.addingTimeInterval(600)))
        let third = try #require(try DailyBackup.runIfDue(store: elsewhere.store, now: morning.addingTimeInterval(1200)))
        #expect(first.path.hasSuffix("/ashdown.sqlite.backups/ashdown-2026-12-03.backup.sqlite"))
        #expect(second.path.hasSuffix("/linden.sqlite.backups/linden-2026-12-03.backup.sqlite"))
        #expect(third.path.hasSuffix("/ashdown.sqlite.backups/ashdown-2026-12-03.backup.sqlite"))
        #expect(first.deletingLastPathComponent() != third.deletingLastPathComponent())
        #expect(first.deletingLastPathComponent().deletingLastPathComponent() == second.deletingLastPathComponent().deletingLastPathComponent())
        // Each backup is a copy of its own store.
        #expect(try SQLiteRecoveryStore.open(at: first, createIfMissing: false).provider()?.name == "Acme Care")
        #expect(try SQLiteRecoveryStore.open(at: second, createIfMissing: false).provider()?.name == "Linden Group")
        // Opening them again the same day makes nothing new.
        #expect(try DailyBackup.runIfDue(store: ashdown.store, now: morning.addingTimeInterval(7200)) == nil)
        #expect(try DailyBackup.runIfDue(store: linden, now: morning.addingTimeInterval(7200)) == nil)
    }

    @Test func aStoreWithoutAnExtensionIsNamedWhole() {
        let store = URL(fileURLWithPath: "/srv/care/branch-two")
        #expect(DailyBackup.directory(forStore: store).path == "/srv/care/branch-two.backups")
        let day = Date(timeIntervalSince1970: 1_795_000_000)
        #expect(DailyBackup.fileName(forStore: store, on: day) == "branch-two-\(DailyBackup.dayStamp(day)).backup.sqlite")
        #expect(DailyBackup.isDailyBackup("branch-two-2026-11-12.backup.sqlite", ofStore: store))
        #expect(!DailyBackup.isDailyBackup("branch-three-2026-11-12.backup.sqlite", ofStore: store))
        #expect(!DailyBackup.isDailyBackup("branch-two-2026-11.backup.sqlite", ofStore: store))
    }
}
