import Foundation
import RecoveryModel
import RecoveryStore

/// The SELECTs the all-service indicator read (`indicatorSummaries(at:workingDays:)`) actually
/// runs, taken from SQLite itself: the store is opened with statement tracing
/// (`SQLiteRecoveryStore.open(at:tracing:)`), the read is made once, and every SELECT it ran is
/// kept with its arguments written in. Whatever the read becomes (summary tables, other bounds),
/// the floor is timed over its own statements, with nothing to keep in step by hand.
enum FloorSQL {
    /// The statements, one a line, ready for `sqlite3 -readonly STORE < FILE`.
    static func capture(storePath: String, now: Date, workingDays: WorkingDays) throws -> String {
        final class Collected: @unchecked Sendable {
            let lock = NSLock()
            var statements: [String] = []
            func add(_ text: String) { lock.withLock { statements.append(text) } }
        }
        let collected = Collected()
        let store = try SQLiteRecoveryStore.open(at: URL(fileURLWithPath: storePath), tracing: { collected.add($0) })
        defer { try? store.close() }
        collected.lock.withLock { collected.statements.removeAll() }  // opening and migrating
        _ = try store.indicatorSummaries(at: now, workingDays: workingDays)
        let selects = collected.lock.withLock { collected.statements }.map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " ")
        }.filter {
            let upper = $0.uppercased()
            return (upper.hasPrefix("SELECT") || upper.hasPrefix("WITH")) && !upper.contains("SQLITE_MASTER")
        }
        return selects.map { $0.hasSuffix(";") ? $0 : $0 + ";" }.joined(separator: "\n") + "\n"
    }
}
