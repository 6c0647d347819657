import Foundation
import GRDB
import RecoveryModel
@testable import RecoveryStore
import Testing
import TestSupport

/// Creating, migrating and reopening a store, and refusing files that are not usable stores.
@Suite struct OpeningTests {
    @Test func aNewStoreIsMigratedFromEmptyAndReopens() throws {
        let folder = TestFolder()
        let url = folder.file("new/inner/store.sqlite")
        let store = try SQLiteRecoveryStore.open(at: url, createIfMissing: true)
        #expect(try store.isSetUp() == false)
        #expect(try store.provider() == nil)
        let statements = try store.qualityStatements()
        #expect(statements.count == 34)
        let counts = Dictionary(grouping: statements, by: \.keyQuestion).mapValues(\.count)
        #expect(counts == [.safe: 8, .effective: 6, .caring: 5, .responsive: 7, .wellLed: 8])
        #expect(statements.allSatisfy { $0.framework == "cqc-2024" })
        #expect(statements.contains { $0.code == "S8" && $0.title == "Medicines optimisation" })
        #expect(try store.regulations().map(\.number) == Array(9...20))
        #expect(try store.regulations().first { $0.number == 12 }?.title == "Safe care and treatment")
        let enforcement = try store.enforcementTypes().map(\.code)
        #expect(["requirement-notice", "warning-notice", "conditions", "special-measures"].allSatisfy(enforcement.contains))
        let codes = try store.marCodes(includingRetired: false)
        #expect(codes.first { $0.code == "R" }?.outcome == .refused)
        #expect(codes.first { $0.code == "NR" }?.outcome == .notRequired)
        #expect(Set(codes.map(\.outcome)) == Set(CanonicalOutcome.allCases))
        #expect(try store.pinPolicy().minimumLength == 4)
        #expect(try store.verify().isSound)
        try store.close()

        #expect(mode(url.path) == 0o600)
        #expect(mode(url.deletingLastPathComponent().path) == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
            .filter { $0.contains("creating") }.isEmpty, "no temporary file left behind")

        let again = try SQLiteRecoveryStore.open(at: url, createIfMissing: false)
        #expect(try again.qualityStatements().count == 34, "reopening does not seed twice")
        #expect(try again.verify().isSound)
        let version = try again.pool.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        #expect(version == StoreFormat.version)
        let journal = try again.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        let foreignKeys = try again.pool.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == true)
        let synchronous = try again.pool.write { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(synchronous == 2, "FULL")
    }

    @Test func aMissingStoreIsNotCreatedUnlessAsked() {
        let folder = TestFolder()
        let url = folder.file("absent.sqlite")
        #expect(refusal(opening: url) == "There is no store at \(url.path).")
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test func anEmptyFileIsRefused() throws {
        let folder = TestFolder()
        let url = folder.file("empty.sqlite")
        _ = FileManager.default.createFile(atPath: url.path, contents: Data())
        #expect(refusal(opening: url, createIfMissing: true) == "The file at \(url.path) is empty, so it is not a RecoveryDesk store.")
        #expect(try Data(contentsOf: url).isEmpty, "left as it was")
    }

    @Test func aTextFileIsRefused() throws {
        let folder = TestFolder()
        let url = folder.file("notes.txt")
        try Data("Shopping list: milk, bread\n".utf8).write(to: url)
        #expect(refusal(opening: url) == "The file at \(url.path) is not a RecoveryDesk store (it is not a SQLite database).")
    }

    @Test func someoneElsesSQLiteDatabaseIsRefusedAndLeftAlone() throws {
        let folder = TestFolder()
        let url = folder.file("other.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { try $0.execute(sql: "CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)") }
        try queue.close()
        let before = try Data(contentsOf: url)
        #expect(refusal(opening: url) == "The file at \(url.path) is a SQLite database but not a RecoveryDesk store.")
        #expect(try Data(contentsOf: url) == before, "not switched to WAL or changed in any way")
    }

    /// A store with enough rows to span many pages, closed so everything is in the main file.
    func biggerStore() throws -> (TestFolder, URL) {
        let setUp = try SetUpStore()
        for index in 1...150 {
            _ = try setUp.store.addService(name: "Service number \(index) with a long name to fill pages", kind: .nursing,
                                           registeredManager: "Manager \(index)", by: setUp.admin.actor, at: SetUpStore.start)
        }
        try setUp.store.close()
        return (setUp.folder, setUp.url)
    }

    @Test func aTruncatedStoreIsRefused() throws {
        let (folder, url) = try biggerStore()
        _ = folder
        let data = try Data(contentsOf: url)
        try data.prefix(data.count / 2).write(to: url)
        let message = refusal(opening: url)
        #expect(message == "The store at \(url.path) is damaged (truncated or corrupt), so RecoveryDesk will not use it; restore it from a backup.")
    }

    /// Scribbles over the last `pages` pages of the file (the services' rows; the first page and
    /// the schema stay readable, so the store opens).
    func scribble(_ url: URL, pages: Int = 4) throws {
        var data = try Data(contentsOf: url)
        let pageSize = 4096
        #expect(data.count > pageSize * 8)
        for offset in (data.count - pageSize * pages)..<(data.count - 16) { data[offset] = UInt8(truncatingIfNeeded: offset &* 31 &+ 7) }
        try data.write(to: url)
    }

    func damaged(_ url: URL) -> String {
        "The store at \(url.path) is damaged (truncated or corrupt), so RecoveryDesk will not use it; restore it from a backup."
    }

    @Test func aStoreWithCorruptPagesOpensWithoutReadingEveryPageAndTheDaysCheckRefusesIt() throws {
        let (folder, url) = try biggerStore()
        _ = folder
        try scribble(url)
        // Opening reads the header and two pragmas only, so it does not notice...
        let store = try SQLiteRecoveryStore.open(at: url, createIfMissing: false)
        // ...but the day's check, before the day's backup, does; and no backup is made of it.
        let morning = SetUpStore.start.addingTimeInterval(86_400)
        #expect(throws: StoreError.unusableStore(damaged(url))) { try DailyBackup.runIfDue(store: store, now: morning) }
        let backups = (try? FileManager.default.contentsOfDirectory(atPath: DailyBackup.directory(forStore: url).path)) ?? []
        #expect(backups.isEmpty, "a damaged store is not backed up over the good backups")
        #expect(throws: StoreError.unusableStore(damaged(url))) { try store.quickCheck() }
        // verify says so too (SQLite's integrity check, or the damaged read itself).
        do {
            let report = try store.verify()
            #expect(!report.isSound)
            #expect(report.problems.first?.hasPrefix("SQLite's integrity check failed") == true)
        } catch {
            #expect(error.description.contains("damaged"))
        }
        try store.close()
    }

    @Test func theDaysCheckRunsOnceADayBeforeTheBackup() throws {
        let (folder, url) = try biggerStore()
        _ = folder
        let first = SetUpStore.start.addingTimeInterval(86_400)
        let store = try SQLiteRecoveryStore.open(at: url, createIfMissing: false)
        let made = try #require(try DailyBackup.runIfDue(store: store, now: first), "a sound store is checked and backed up")
        try store.close()
        try scribble(url)
        let again = try SQLiteRecoveryStore.open(at: url, createIfMissing: false)
        #expect(!DailyBackup.isDue(forStore: url, now: first.addingTimeInterval(3600)))
        #expect(try DailyBackup.runIfDue(store: again, now: first.addingTimeInterval(3600)) == nil,
                "later opens the same day skip the check")
        #expect(throws: StoreError.unusableStore(damaged(url))) {
            try DailyBackup.runIfDue(store: again, now: first.addingTimeInterval(86_400))
        }
        let backups = try FileManager.default.contentsOfDirectory(atPath: DailyBackup.directory(forStore: url).path)
        #expect(backups == [made.lastPathComponent], "only the good backup of the day before")
        try again.close()
    }

    @Test func theAppAndVerifyRefuseADamagedStoreWithOneSentenceAndExitOne() throws {
        let (folder, url) = try biggerStore()
        try scribble(url)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder.url.path
        environment["XDG_CONFIG_HOME"] = folder.file("config").path
        environment["XDG_STATE_HOME"] = folder.file("state").path
        let app = try ChildProcess.run(ChildProcess.recoverydesk, ["--store", url.path], environment: ChildProcess.storeEnvironment(environment))
        #expect(app.status == 1)
        #expect(app.errors.contains(damaged(url)), "\(app.errors)")
        let verify = try ChildProcess.run(["verify", "--store", url.path])
        #expect(verify.status == 1)
        #expect(verify.errors.contains("integrity check failed") || verify.errors.contains("damaged"), "\(verify.errors)")
        #expect(!verify.output.contains("The store is sound"))
    }

    @Test func aStoreFromANewerRecoveryDeskIsRefusedNamingBothVersions() throws {
        let setUp = try SetUpStore()
        try setUp.store.close()
        try setUp.raw("PRAGMA user_version = \(StoreFormat.version + 1)")
        #expect(refusal(opening: setUp.url) == "This store was written by a newer RecoveryDesk (store version \(StoreFormat.version + 1)); this copy understands up to version \(StoreFormat.version). Update RecoveryDesk to open it.")
    }

    @Test func aFolderIsRefused() {
        let folder = TestFolder()
        #expect(refusal(opening: folder.url) == "\(folder.url.path) is a folder, not a store file.")
    }
}
