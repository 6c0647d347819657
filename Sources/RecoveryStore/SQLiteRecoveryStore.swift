import Foundation
import GRDB
import RecoveryModel

/// The RecoveryDesk store in one SQLite file, through a GRDB `DatabasePool` (WAL). Several
/// processes may use one store at once; each write waits its turn for up to five seconds.
/// Every change goes through `WritePath`: permission checked inside the transaction, stamped
/// with who and when, and added to the hash-chained audit log.
public final class SQLiteRecoveryStore: RecoveryDataStore {
    let pool: DatabasePool
    /// The store file.
    public let url: URL
    let pinHasher: PINHasher
    /// The working days (bank holidays) the summaries work plans' standing and closures out with.
    let workingDays: WorkingDays

    init(pool: DatabasePool, url: URL, pinHasher: PINHasher = PINHasher(), workingDays: WorkingDays = .weekendsOnly) {
        self.pool = pool
        self.url = url
        self.pinHasher = pinHasher
        self.workingDays = workingDays
    }

    /// Opens the store at `url`, creating it (folder 0700, file 0600) when it is missing and
    /// `createIfMissing` is true. Refuses, with `StoreError.unusableStore` and one plain
    /// sentence, a file that is empty, not SQLite, not a RecoveryDesk store, damaged, or from a
    /// newer RecoveryDesk. `workingDays` are the bank holidays in force, for the plans' standing
    /// and closure verdicts the store keeps (`SummaryKeeper`).
    public static func open(at url: URL, createIfMissing: Bool,
                            workingDays: WorkingDays = .weekendsOnly) throws(StoreError) -> SQLiteRecoveryStore {
        let pool = try StoreOpener.open(at: url, createIfMissing: createIfMissing, workingDays: workingDays)
        return SQLiteRecoveryStore(pool: pool, url: url.standardizedFileURL, workingDays: workingDays)
    }

    /// Closes the connections; the store cannot be used afterwards.
    public func close() throws(StoreError) {
        try StoreFailure.catching { try pool.close() }
    }

    /// Reads inside one consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        // In batch mode (`WriteBatch`) reads use the batch's connection, to see its own writes.
        if let batch = WriteBatch.current, batch.owns(pool) { return try StoreFailure.catching { try body(batch.db) } }
        return try StoreFailure.catching { try pool.read(body) }
    }
}
