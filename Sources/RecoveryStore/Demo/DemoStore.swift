import Foundation
import GRDB
import RecoveryModel

/// The demo: a fictional provider with a year (or more) of realistic evidence, built through
/// the store's own audited write path, so `verify` passes on it like on any store.
public enum DemoStore {
    /// Every demo user's PIN.
    public static let pin = "1234"
    /// Who the audit log names for what the generator does itself (marking the store as a demo).
    static let actorName = "Demo data generator"

    /// Builds a demo store at `url`, a path where there is no store yet (an empty file is
    /// replaced; anything else is refused). The store is built under a temporary name in the
    /// same folder and linked into place only when complete. The same `options.seed` and `now`
    /// give the same content (ids, text, times); only the PIN salts differ.
    public static func build(at url: URL, options: DemoOptions, templates: [PlanTemplate], workingDays: WorkingDays,
                             now: Date) throws(StoreError) -> DemoSummary {
        if !options.problems.isEmpty { throw StoreError.invalid(options.problems.joined(separator: " ")) }
        let target = url.standardizedFileURL
        let path = target.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw StoreError.unusableStore("\(path) is a folder, not a store file.") }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 1
            guard size == 0 else { throw refusal(path) }
            unlink(path)
        }
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).demo-\(UUID().uuidString)")
        defer {
            for suffix in ["", "-wal", "-shm"] { unlink(temporary.path + suffix) }
        }
        let store = try SQLiteRecoveryStore.open(at: temporary, createIfMissing: true)
        let summary: DemoSummary
        do {
            let generator = DemoGenerator(store: store, options: options, templates: templates, workingDays: workingDays,
                                          now: now)
            try generator.run()
            summary = try generator.summary()
            // Everything into the main file before it is linked into place (the -wal file stays behind).
            try store.checkpointAndClose()
        } catch {
            try? store.close()
            throw error
        }
        if link(temporary.path, path) != 0 {
            if errno == EEXIST { throw refusal(path) }
            throw StoreError.storage("RecoveryDesk could not put the demo store at \(path) (check the folder's permissions).")
        }
        return summary
    }

    static func refusal(_ path: String) -> StoreError {
        .conflict("There is already a store at \(path); a demo is only made in a new file, so give another path or move that file away first.")
    }
}

extension SQLiteRecoveryStore {
    /// True when the store was made by the demo generator (fictional data; every PIN is 1234).
    public func isDemo() throws(StoreError) -> Bool {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Settings.demo]) == "true"
        }
    }

    /// Copies the write-ahead log into the main file and closes the store, so the file alone
    /// holds everything.
    func checkpointAndClose() throws(StoreError) {
        try StoreFailure.catching {
            try pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            try pool.close()
        }
        let wal = url.path + "-wal"
        let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? NSNumber)?.intValue ?? 0
        if size > 0 { throw StoreError.storage("The demo store could not be finished: its write-ahead log was not emptied.") }
    }

    /// Marks the store as a demo, through the audited write path.
    func markAsDemo(at now: Date) throws(StoreError) {
        _ = try WritePath.writeAsSystem(pool, actorName: DemoStore.actorName, at: now) { writer in
            try writer.insert(into: .setting, ["key": Settings.demo, "value": "true"], action: "change")
        }
    }
}
