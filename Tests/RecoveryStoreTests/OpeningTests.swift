import Foundation
import GRDB
import RecoveryModel
@testable import RecoveryStore
import Testing

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

    @Test func aStoreWithCorruptPagesIsRefused() throws {
        let (folder, url) = try biggerStore()
        _ = folder
        var data = try Data(contentsOf: url)
        let pageSize = 4096
        #expect(data.count > pageSize * 8)
        // Scribble over pages 3 to 6 (the first page and the schema stay readable).
        for offset in (pageSize * 2)..<(pageSize * 6) { data[offset] = UInt8(truncatingIfNeeded: offset &* 31 &+ 7) }
        try data.write(to: url)
        let message = refusal(opening: url)
        #expect(message == "The store at \(url.path) is damaged (truncated or corrupt), so RecoveryDesk will not use it; restore it from a backup.")
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
