import Foundation
import RecoveryModel

/// One backup per calendar day (Europe/London), made on the first open of the day, named
/// `recoverydesk-2026-11-21.sqlite`, keeping the newest `keep` (14 by default).
public enum DailyBackup {
    /// `$XDG_DATA_HOME/recoverydesk/backups` (or `~/.local/share/recoverydesk/backups`).
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let data: URL
        if let value = environment["XDG_DATA_HOME"], value.hasPrefix("/") {
            data = URL(fileURLWithPath: value, isDirectory: true)
        } else {
            let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? NSHomeDirectory()
            data = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".local/share", isDirectory: true)
        }
        return data.appendingPathComponent("recoverydesk/backups", isDirectory: true)
    }

    /// The file name for the backup of the London day containing `date`.
    public static func fileName(for date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = UKDateFormat.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "recoverydesk-%04d-%02d-%02d.sqlite", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Makes today's backup in `directory` unless it exists, then removes all but the newest
    /// `keep`. Returns the new backup, or nil when today's was already made.
    @discardableResult
    public static func runIfDue(store: some RecoveryDataStore, directory: URL, now: Date,
                                keep: Int = 14) throws(StoreError) -> URL? {
        let manager = FileManager.default
        if !manager.fileExists(atPath: directory.path) {
            do {
                try manager.createDirectory(at: directory, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.storage("RecoveryDesk could not make the backups folder \(directory.path).")
            }
        }
        let target = directory.appendingPathComponent(fileName(for: now))
        var made: URL?
        if !manager.fileExists(atPath: target.path) {
            do {
                try store.backup(to: target)
                made = target
            } catch .conflict {
                made = nil  // another process made today's backup a moment ago
            }
        }
        let pattern = #/^recoverydesk-\d{4}-\d{2}-\d{2}\.sqlite$/#
        let backups = ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.wholeMatch(of: pattern) != nil }
            .sorted(by: >)
        for old in backups.dropFirst(max(keep, 1)) {
            try? manager.removeItem(at: directory.appendingPathComponent(old))
        }
        return made
    }
}
