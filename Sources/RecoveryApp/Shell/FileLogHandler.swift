import Foundation
import Logging

/// A swift-log handler that appends lines to a file. While the screen belongs to the app,
/// nothing may be written to the terminal, so every log line goes here instead.
public struct FileLogHandler: LogHandler {
    private let sink: LogFileSink
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String

    public init(label: String, sink: LogFileSink) {
        self.label = label
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let stamp = ISO8601DateFormatter().string(from: Date())
        sink.write("\(stamp) \(event.level) \(label): \(event.message)\n")
    }
}

/// An open log file shared by every logger. Writes are serialised by a lock.
public final class LogFileSink: @unchecked Sendable {
    private let handle: FileHandle?
    private let lock = NSLock()

    /// Opens (creating if needed) the log file; when that fails, logging is silently dropped
    /// rather than written to the screen.
    public init(url: URL) {
        let manager = FileManager.default
        try? manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                     attributes: [.posixPermissions: 0o700])
        if !manager.fileExists(atPath: url.path) {
            _ = manager.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        handle = try? FileHandle(forWritingTo: url)
        _ = try? handle?.seekToEnd()
    }

    /// A sink that drops everything (for tests).
    public init() { handle = nil }

    func write(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        try? handle?.write(contentsOf: Data(text.utf8))
    }
}
