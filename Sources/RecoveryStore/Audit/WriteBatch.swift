import Foundation
import GRDB
import RecoveryModel

/// Batch mode for building a store in bulk (the demo generator, benchmarks): many writes share
/// one open transaction on the writer connection, committed every `commitEvery` writes, instead
/// of one `IMMEDIATE` transaction (and, under `synchronous = FULL`, one disk sync) each.
///
/// Nothing else changes. Every write still goes through `WritePath` with the same checks, the
/// same `AuditedWriter` stamps and the same audit entries in the same order, so the audit chain
/// is exactly the one single writes would make. Each write runs in its own savepoint, so a
/// refused write is rolled back on its own, as it would be alone. Reads made through the store
/// inside the batch (`SQLiteRecoveryStore.read`) use the writer connection, so they see the
/// batch's own uncommitted writes.
///
/// Limits: other connections (another process, the app) see the batch's writes only when it
/// commits, and wait for the write lock meanwhile; if the body throws, writes since the last
/// commit are rolled back. It is for building a store nobody else is using yet.
final class WriteBatch: @unchecked Sendable {
    /// The batch of the current thread of work, if any (a task-local value, so another thread
    /// using the same store never writes into it).
    @TaskLocal static var current: WriteBatch?

    let db: Database
    private let writer: ObjectIdentifier
    private let commitEvery: Int
    private(set) var writes = 0

    private init(db: Database, writer: ObjectIdentifier, commitEvery: Int) {
        self.db = db
        self.writer = writer
        self.commitEvery = max(1, commitEvery)
    }

    /// True when this batch is writing to `writer`.
    func owns(_ writer: any DatabaseWriter) -> Bool { self.writer == ObjectIdentifier(writer as AnyObject) }

    /// One write of the write path, in a savepoint of the batch's transaction.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        var result: T?
        try db.inSavepoint {
            result = try body(db)
            return .commit
        }
        writes += 1
        if writes % commitEvery == 0 {
            try db.commit()
            try db.beginTransaction(.immediate)
        }
        return result!
    }

    /// Runs `body` with every write and read of the store on `writer` in one batch.
    static func run<T>(_ writer: any DatabaseWriter, commitEvery: Int, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        if let current, current.owns(writer) { return try body() }
        return try StoreFailure.catching {
            try writer.writeWithoutTransaction { db in
                let batch = WriteBatch(db: db, writer: ObjectIdentifier(writer as AnyObject), commitEvery: commitEvery)
                try db.beginTransaction(.immediate)
                do {
                    let result = try $current.withValue(batch) { try body() }
                    try db.commit()
                    return result
                } catch {
                    if db.isInsideTransaction { try? db.rollback() }
                    throw error
                }
            }
        }
    }
}

extension SQLiteRecoveryStore {
    /// Runs `body` in batch mode (see `WriteBatch`): the store's writes inside it share one
    /// transaction, committed every `commitEvery` writes and at the end. For building
    /// a new store in bulk, such as the demo (`package`: for RecoveryFixtures).
    package func withBatch<T>(commitEvery: Int = 4000, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try WriteBatch.run(pool, commitEvery: commitEvery, body)
    }
}
