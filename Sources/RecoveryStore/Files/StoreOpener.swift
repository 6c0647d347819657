import Foundation
import GRDB
import RecoveryModel

/// Opens a store file, or refuses it with one plain sentence. Files that are not ours are only
/// looked at, never changed: the checks run on a plain connection before the WAL pool (which
/// would switch the file's journal mode) is opened.
///
/// Opening is cheap whatever the store's size: the header, the application id, the version and
/// a file shorter than its header says are checked here; SQLite's `quick_check`, which reads the
/// whole file, runs once a day beside the daily backup (`DailyBackup`, `quickCheck()`) and in
/// `verify` (its integrity check).
enum StoreOpener {
    static func open(at url: URL, createIfMissing: Bool, workingDays: WorkingDays = .weekendsOnly,
                     trace: (@Sendable (String) -> Void)? = nil) throws(StoreError) -> DatabasePool {
        let path = url.standardizedFileURL.path
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard createIfMissing else { throw StoreError.unusableStore("There is no store at \(path).") }
            try create(at: URL(fileURLWithPath: path))
        } else if isFolder.boolValue {
            throw StoreError.unusableStore("\(path) is a folder, not a store file.")
        } else {
            try inspect(path)
        }
        return try openPool(path, workingDays: workingDays, trace: trace)
    }

    /// The pool every store uses: WAL, synchronous FULL, foreign keys, a busy timeout; migrated.
    static func openPool(_ path: String, workingDays: WorkingDays = .weekendsOnly,
                         trace: (@Sendable (String) -> Void)? = nil) throws(StoreError) -> DatabasePool {
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(trace: trace))
            // GRDB puts a WAL writer on synchronous NORMAL after `prepareDatabase`; a store of
            // care records wants every commit on disk before it is acknowledged.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            try StoreMigrations.migrator(workingDays: workingDays).migrate(pool)
            return pool
        } catch {
            throw refusal(for: error, path: path)
        }
    }

    /// `trace`, when given, is handed every statement each connection runs, with its arguments
    /// written in (the bench's sqlite3 floor; never the app, since arguments can be care records).
    static func configuration(trace: (@Sendable (String) -> Void)? = nil) -> Configuration {
        var config = Configuration()
        config.label = "RecoveryDesk store"
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(StoreFormat.busyTimeout)
        config.publicStatementArguments = trace != nil
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Lists searched in the store fold case and accents as the screen does.
            db.add(function: ListSearchSQL.foldFunction)
            if let trace {
                db.trace(options: .statement) { event in
                    if case .statement(let statement) = event { trace(statement.expandedSQL) }
                }
            }
        }
        return config
    }

    // MARK: Refusals

    /// Checks an existing file is a RecoveryDesk store this build understands and is not cut
    /// short. Reads the first 100 bytes and two pragmas, never the whole file.
    static func inspect(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.unusableStore("RecoveryDesk cannot read \(path) (check the file's permissions).")
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty {
            throw StoreError.unusableStore("The file at \(path) is empty, so it is not a RecoveryDesk store.")
        }
        guard header.count >= 16, header.prefix(16) == Data("SQLite format 3\0".utf8) else {
            throw StoreError.unusableStore("The file at \(path) is not a RecoveryDesk store (it is not a SQLite database).")
        }
        if isShorterThanItsHeader(header, path: path) { throw StoreError.unusableStore(damagedMessage(path)) }
        do {
            var config = Configuration()
            config.busyMode = .timeout(StoreFormat.busyTimeout)
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.read { db throws in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                guard applicationID == StoreFormat.applicationID else {
                    throw StoreError.unusableStore("The file at \(path) is a SQLite database but not a RecoveryDesk store.")
                }
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                if version > StoreFormat.version {
                    throw StoreError.unusableStore(newerMessage(version))
                }
            }
        } catch {
            throw refusal(for: error, path: path)
        }
    }

    /// True when the header's page count (trusted only while its "valid for" number equals the
    /// change counter, as SQLite itself does) needs more bytes than the file has: a copy or a
    /// disk that stopped part way.
    static func isShorterThanItsHeader(_ header: Data, path: String) -> Bool {
        guard header.count >= 100 else { return false }
        func number(_ offset: Int) -> UInt32 {
            header.dropFirst(offset).prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
        let rawPageSize = (UInt32(header[header.startIndex + 16]) << 8) | UInt32(header[header.startIndex + 17])
        let pageSize = rawPageSize == 1 ? 65_536 : UInt64(rawPageSize)
        let pages = UInt64(number(28))
        guard pageSize >= 512, pages > 0, number(92) == number(24) else { return false }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.uint64Value ?? 0
        return size < pages * pageSize
    }

    static func newerMessage(_ version: Int) -> String {
        "This store was written by a newer RecoveryDesk (store version \(version)); this copy understands up to version \(StoreFormat.version). Update RecoveryDesk to open it."
    }

    static func damagedMessage(_ path: String) -> String {
        "The store at \(path) is damaged (truncated or corrupt), so RecoveryDesk will not use it; restore it from a backup."
    }

    static func refusal(for error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB:
                return .unusableStore("The file at \(path) is not a RecoveryDesk store (it is not a SQLite database).")
            case .SQLITE_CORRUPT:
                return .unusableStore(damagedMessage(path))
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY:
                return .unusableStore("RecoveryDesk cannot open \(path) for reading and writing (check the file's permissions).")
            default: break
            }
        }
        if "\(error)".contains("has been superseded") || "\(error)".contains("not registered") {
            return .unusableStore(newerMessage(StoreFormat.version + 1))
        }
        return StoreFailure.storeError(error)
    }

    // MARK: Creating

    /// Makes a new store: the folder (0700 when we create it), then the file (0600), built under
    /// a temporary name and linked into place only when complete, so a crash never leaves a
    /// half-made store at the real path.
    static func create(at url: URL) throws(StoreError) {
        let folder = url.deletingLastPathComponent()
        let manager = FileManager.default
        if !manager.fileExists(atPath: folder.path) {
            do {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
                chmod(folder.path, 0o700)
            } catch {
                throw StoreError.storage("RecoveryDesk could not make the folder \(folder.path) for the store.")
            }
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).creating-\(UUID().uuidString)").path
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw StoreError.storage("RecoveryDesk could not create a store in \(folder.path) (check the folder's permissions).")
        }
        fchmod(descriptor, 0o600)
        Glibc.close(descriptor)
        defer {
            unlink(temporary)
            unlink(temporary + "-wal")
            unlink(temporary + "-shm")
        }
        do {
            let pool = try DatabasePool(path: temporary, configuration: configuration())
            try StoreMigrations.migrator().migrate(pool)
            try pool.close()
        } catch {
            throw StoreFailure.storeError(error)
        }
        if link(temporary, url.path) != 0 {
            let problem = errno
            if problem == EEXIST { return }  // another process made it first: use theirs
            guard rename(temporary, url.path) == 0 else {
                throw StoreError.storage("RecoveryDesk could not put the new store at \(url.path): \(String(cString: strerror(problem))).")
            }
        }
    }
}
