import Foundation
import RecoveryApp
import Testing
import TUI

/// Shared helpers for the configuration tests.
enum ConfigurationTestSupport {
    /// The repository's themes folder, found from this source file.
    static let themesDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes", isDirectory: true)

    static let builtinNames = ["default", "light", "high-contrast", "colour-blind", "monochrome"]

    static func builtinText(_ name: String) throws -> String {
        try String(contentsOf: themesDirectory.appendingPathComponent(name + ".yaml"), encoding: .utf8)
    }

    /// A fresh empty folder under the system's temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("recoverydesk-config-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The error a throwing call gives, or nil when it does not throw.
    static func error<T>(_ body: () throws(ConfigurationError) -> T) -> ConfigurationError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }
}
