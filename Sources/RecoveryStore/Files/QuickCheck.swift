import Foundation
import GRDB
import RecoveryModel

/// SQLite's `quick_check` over the whole file: the damage check that used to run on every open.
/// It reads every page (about 185 ms for a 165 MiB provider-scale store), so it runs once a day,
/// before the daily backup (`DailyBackup.runIfDue(store:now:keep:)`), and `verify` runs SQLite's
/// fuller integrity check every time.
extension SQLiteRecoveryStore {
    /// Throws `StoreError.unusableStore` with the damaged-store sentence when SQLite finds the
    /// file damaged; returns quietly when it is sound.
    public func quickCheck() throws(StoreError) {
        let answer: [String]
        do {
            answer = try pool.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            throw StoreError.unusableStore(StoreOpener.damagedMessage(url.path))
        } catch {
            throw StoreFailure.storeError(error)
        }
        guard answer == ["ok"] else { throw StoreError.unusableStore(StoreOpener.damagedMessage(url.path)) }
    }
}
