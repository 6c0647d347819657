import Foundation
import GRDB
import RecoveryModel

/// Turns whatever GRDB or the file system threw into a `StoreError` with plain words.
enum StoreFailure {
    static func catching<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw storeError(error)
        }
    }

    static func storeError(_ error: any Error) -> StoreError {
        guard let error = error as? DatabaseError else {
            return .storage("The store could not be read or written: \(error.localizedDescription)")
        }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .storage("The store stayed busy with another RecoveryDesk for too long; try again in a moment.")
        case .SQLITE_FULL:
            return .storage("The disk is full, so the change was not saved.")
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
            return .storage("The store cannot be written here (check the file's permissions).")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .unusableStore("The store is damaged (truncated or corrupt); restore it from a backup.")
        case .SQLITE_CONSTRAINT:
            let words = (error.message ?? "").trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            return .conflict(words.isEmpty ? "The change was refused by the store's rules." : "The change was refused: \(words).")
        default:
            return .storage("The store could not be read or written: \(error.message ?? "\(error.resultCode)").")
        }
    }
}
