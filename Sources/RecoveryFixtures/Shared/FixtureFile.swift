import Foundation
import RecoveryModel
import RecoveryStore

/// How every fixture store is made: in a new file under a temporary name beside the target
/// (created with every migration by `SQLiteRecoveryStore.open`), filled, checkpointed so the
/// file alone holds everything, closed, and only then put in place, so a failed build never
/// leaves a half-made store at the real path.
enum FixtureFile {
    /// Builds with `fill`, then `place` moves the finished file (its path given) to `target`.
    static func build<T>(at target: URL, label: String, fill: (SQLiteRecoveryStore) throws(StoreError) -> T,
                         place: (String) throws(StoreError) -> Void) throws(StoreError) -> T {
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(label)-\(UUID().uuidString)")
        defer {
            for suffix in ["", "-wal", "-shm"] { unlink(temporary.path + suffix) }
        }
        let store = try SQLiteRecoveryStore.open(at: temporary, createIfMissing: true)
        let result: T
        do {
            result = try fill(store)
            try store.checkpointAndClose()
        } catch {
            try? store.close()
            throw error
        }
        try place(temporary.path)
        return result
    }

    /// The size of the file at `path` in bytes, nil when there is none.
    static func size(_ path: String) -> Int64? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
    }

    /// Refuses a folder at `path`.
    static func refuseFolder(_ path: String) throws(StoreError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw StoreError.unusableStore("\(path) is a folder, not a store file.")
        }
    }
}
