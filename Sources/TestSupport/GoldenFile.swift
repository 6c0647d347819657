// Plain-text golden files for snapshot tests. Only test targets depend on this module.
import Foundation

/// Compares text with a golden file kept beside the tests. Set `RECORD_GOLDEN=1` to write the
/// files afresh; review the change in git like any other code.
public enum GoldenFile {
    /// Returns nil when `actual` matches the golden file (or was just recorded), otherwise a
    /// message showing the first differing line.
    public static func mismatch(_ actual: String, named name: String, in directory: URL) -> String? {
        let url = directory.appendingPathComponent(name + ".txt")
        let recording = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        if recording {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            do { try (actual + "\n").write(to: url, atomically: true, encoding: .utf8) } catch {
                return "could not record \(url.path): \(error)"
            }
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "no golden file at \(url.path); run the tests with RECORD_GOLDEN=1 to create it"
        }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        actualLines.append("")
        if expectedLines == actualLines { return nil }
        let count = max(expectedLines.count, actualLines.count)
        for index in 0..<count {
            let e = index < expectedLines.count ? expectedLines[index] : "<missing>"
            let a = index < actualLines.count ? actualLines[index] : "<missing>"
            if e != a {
                return "\(name): line \(index + 1) differs\n expected: |\(e)|\n   actual: |\(a)|\n\nwhole actual:\n\(actual)"
            }
        }
        return "\(name): differs"
    }

    /// The `Golden` folder next to the test file that calls this (pass `#filePath`).
    public static func directory(besides filePath: String) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }
}
