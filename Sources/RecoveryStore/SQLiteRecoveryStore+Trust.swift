import Foundation
import GRDB
import RecoveryModel

/// Verification and backups.
extension SQLiteRecoveryStore {
    public func verify() throws(StoreError) -> VerificationReport {
        try read { db in try StoreVerifier.run(db) }
    }

    /// Copies the store with SQLite's online backup (one consistent snapshot, safe while other
    /// processes write) to a new file at `destination` (mode 0600). Refuses to overwrite.
    public func backup(to destination: URL) throws(StoreError) {
        let target = destination.standardizedFileURL
        let folder = target.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw StoreError.notFound("There is no folder at \(folder.path) to put the backup in.")
        }
        if FileManager.default.fileExists(atPath: target.path) {
            throw StoreError.conflict("There is already a file at \(target.path); choose a new name for the backup.")
        }
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)").path
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw StoreError.storage("RecoveryDesk could not write in \(folder.path) (check the folder's permissions).")
        }
        fchmod(descriptor, 0o600)
        Glibc.close(descriptor)
        defer {
            unlink(temporary)
            unlink(temporary + "-wal")
            unlink(temporary + "-shm")
        }
        try StoreFailure.catching {
            let copy = try DatabaseQueue(path: temporary)
            try pool.backup(to: copy)
            try copy.close()
        }
        if link(temporary, target.path) != 0 {
            let problem = errno
            if problem == EEXIST {
                throw StoreError.conflict("There is already a file at \(target.path); choose a new name for the backup.")
            }
            guard rename(temporary, target.path) == 0 else {
                throw StoreError.storage("RecoveryDesk could not put the backup at \(target.path): \(String(cString: strerror(problem))).")
            }
        }
    }
}
