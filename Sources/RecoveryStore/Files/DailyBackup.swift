import Foundation
import RecoveryModel

/// One backup per store per calendar day (Europe/London), made on the first open of the day.
/// Each store keeps its own backups beside it, in `<store file name>.backups/` (made 0700), named
/// after the store and the day: the store `recoverydesk.sqlite` is backed up on 3 December 2026
/// as `recoverydesk.sqlite.backups/recoverydesk-2026-12-03.backup.sqlite`. The newest `keep`
/// (14 by default) of that store's daily backups are kept; nothing else in the folder is touched.
///
/// The day's damage check goes with it: before the day's backup of a `SQLiteRecoveryStore` is
/// made, SQLite's `quick_check` runs over the whole file, so a damaged store is refused (and never
/// copied over the good backups) on the first open of the day. Later opens that day find the
/// backup made and skip both.
public enum DailyBackup {
    /// The folder beside `store` that holds its daily backups: `<store file name>.backups`.
    public static func directory(forStore store: URL) -> URL {
        let file = store.standardizedFileURL
        return file.deletingLastPathComponent()
            .appendingPathComponent(file.lastPathComponent + ".backups", isDirectory: true)
    }

    /// The store's name in its backups' names: its file name without the last extension
    /// (`recoverydesk.sqlite` gives `recoverydesk`; a name with no extension is used whole).
    public static func stem(ofStore store: URL) -> String {
        let name = store.standardizedFileURL.lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }

    /// `2026-12-03` for the London day containing `date`.
    public static func dayStamp(_ date: Date) -> String {
        let day = LondonDay(date)
        return String(format: "%04d-%02d-%02d", day.year, day.month, day.day)
    }

    /// The daily backup's file name for `store` on the London day containing `date`, e.g.
    /// `recoverydesk-2026-12-03.backup.sqlite`.
    public static func fileName(forStore store: URL, on date: Date) -> String {
        "\(stem(ofStore: store))-\(dayStamp(date)).backup.sqlite"
    }

    /// True when `name` is one of `store`'s daily backups (its stem, a day, `.backup.sqlite`).
    static func isDailyBackup(_ name: String, ofStore store: URL) -> Bool {
        let prefix = stem(ofStore: store) + "-"
        let suffix = ".backup.sqlite"
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return false }
        let day = name.dropFirst(prefix.count).dropLast(suffix.count)
        return day.wholeMatch(of: #/\d{4}-\d{2}-\d{2}/#) != nil
    }

    /// True when today's backup of the store at `file` is still to be made (so the day's check
    /// is still to run).
    public static func isDue(forStore file: URL, now: Date) -> Bool {
        !FileManager.default.fileExists(atPath: directory(forStore: file).appendingPathComponent(fileName(forStore: file, on: now)).path)
    }

    /// Once a day: checks `store` for damage (`quickCheck`), then makes today's backup in its own
    /// backups folder unless it exists, then removes all but the newest `keep` of that store's
    /// daily backups. Returns the new backup, or nil when today's was already made. A damaged
    /// store throws `StoreError.unusableStore` with the damaged-store sentence, and no backup is
    /// made or removed.
    @discardableResult
    public static func runIfDue(store: SQLiteRecoveryStore, now: Date, keep: Int = 14) throws(StoreError) -> URL? {
        guard isDue(forStore: store.url, now: now) else { return nil }
        try store.quickCheck()
        return try runIfDue(store: store, file: store.url, now: now, keep: keep)
    }

    /// The same for any store that can back itself up, with the file it lives in.
    @discardableResult
    public static func runIfDue(store: some RecoveryDataStore, file: URL, now: Date,
                                keep: Int = 14) throws(StoreError) -> URL? {
        let manager = FileManager.default
        let directory = directory(forStore: file)
        if !manager.fileExists(atPath: directory.path) {
            do {
                try manager.createDirectory(at: directory, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
            } catch {
                throw StoreError.storage("RecoveryDesk could not make the backups folder \(directory.path).")
            }
        }
        let target = directory.appendingPathComponent(fileName(forStore: file, on: now))
        var made: URL?
        if !manager.fileExists(atPath: target.path) {
            do {
                try store.backup(to: target)
                made = target
            } catch .conflict {
                made = nil  // another process made today's backup a moment ago
            }
        }
        // The day stamp sorts by date, and every name shares the same stem.
        let backups = ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { isDailyBackup($0, ofStore: file) }
            .sorted(by: >)
        for old in backups.dropFirst(max(keep, 1)) {
            try? manager.removeItem(at: directory.appendingPathComponent(old))
        }
        return made
    }
}
