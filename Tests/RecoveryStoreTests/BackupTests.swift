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

    @Test func theDailyBackupIsNamedByTheLondonDayAndKeepsFourteen() throws {
        let setUp = try SetUpStore()
        let folder = setUp.folder.file("backups")
        // 23:30 UTC on 21 June is 00:30 on 22 June in London (summer time).
        let summerNight = try #require(ISO8601DateFormatter().date(from: "2026-06-21T23:30:00Z"))
        #expect(DailyBackup.fileName(for: summerNight) == "recoverydesk-2026-06-22.sqlite")
        let first = try DailyBackup.runIfDue(store: setUp.store, directory: folder, now: summerNight)
        #expect(first?.lastPathComponent == "recoverydesk-2026-06-22.sqlite")
        #expect(mode(folder.path) == 0o700)
        #expect(try DailyBackup.runIfDue(store: setUp.store, directory: folder, now: summerNight.addingTimeInterval(3600)) == nil,
                "one a day")
        for day in 1...20 {
            _ = try DailyBackup.runIfDue(store: setUp.store, directory: folder, now: summerNight.addingTimeInterval(Double(day) * 86_400))
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(kept.count == 14)
        #expect(kept.first == "recoverydesk-2026-06-29.sqlite")
        #expect(kept.last == "recoverydesk-2026-07-12.sqlite")
        let newest = try SQLiteRecoveryStore.open(at: folder.appendingPathComponent(kept.last!), createIfMissing: false)
        #expect(try newest.verify().isSound)
    }

    @Test func theDefaultBackupFolderFollowsXDG() {
        #expect(DailyBackup.defaultDirectory(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"]).path == "/data/recoverydesk/backups")
        #expect(DailyBackup.defaultDirectory(environment: ["HOME": "/home/a"]).path == "/home/a/.local/share/recoverydesk/backups")
    }
}
