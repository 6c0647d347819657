import Foundation
import RecoveryModel
import RecoveryStore

/// Opening the store at start-up: create it on first run (the set-up form follows), make the
/// day's backup, and work out which screen comes first.
public enum StoreOpening {
    /// An open store and how the app should start on it.
    public struct Opened: Sendable {
        public var store: any RecoveryDataStore
        public var start: AppState.Start
    }

    /// Opens (or creates) the store at `path`. A file that is not a usable store is refused with
    /// one plain sentence. On the first open of the day of a store already set up, SQLite's
    /// damage check runs and then the daily backup is made, beside the store in its own
    /// `<file name>.backups` folder. A damaged store is refused with the damaged-store sentence
    /// (nothing more is written to it; see decisions.md, "Fixtures: quick_check once a day"); a
    /// failed backup does not stop the app (it is logged by the caller from `backupProblem`).
    public static func open(path: String, now: Date,
                            workingDays: WorkingDays = .weekendsOnly) throws(StoreError) -> (Opened, backupProblem: String?) {
        let store = try SQLiteRecoveryStore.open(at: URL(fileURLWithPath: path), createIfMissing: true, workingDays: workingDays)
        guard try store.isSetUp() else { return (Opened(store: store, start: .setUp), nil) }
        var problem: String?
        do {
            _ = try DailyBackup.runIfDue(store: store, now: now)
        } catch .unusableStore(let damaged) {
            try? store.close()
            throw StoreError.unusableStore(damaged)
        } catch {
            problem = error.description
        }
        return (Opened(store: store, start: .signIn(try store.provider())), problem)
    }
}

extension AppEnvironment {
    /// The folder beside the store that holds its daily backups (`<store file name>.backups`).
    public var backupsDirectory: URL { DailyBackup.directory(forStore: URL(fileURLWithPath: storePath)) }
}
