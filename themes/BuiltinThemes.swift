// The built-in colour themes live beside this file as YAML data (default.yaml, light.yaml, ...).
// This tiny target exists so the package copies them into a resource bundle; RecoveryApp reads
// them through `BuiltinThemes.directory`.
import Foundation

/// Where the built-in theme files are at run time.
public enum BuiltinThemes {
    /// The names of the themes that ship with RecoveryDesk.
    public static let names = ["default", "light", "high-contrast", "colour-blind", "monochrome"]

    /// The folder that holds the built-in theme files, or nil when the resource bundle is missing
    /// (for example a binary copied away from its build folder).
    public static var directory: URL? {
        // SwiftPM's own `Bundle.module` stops the process when the bundle is missing; we look for
        // it ourselves so a missing bundle is a clear message instead.
        let bundleName = "RecoveryDesk_BuiltinThemes.resources"
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(bundleName))
        for candidate in candidates {
            let marker = candidate.appendingPathComponent("default.yaml")
            if FileManager.default.fileExists(atPath: marker.path) { return candidate }
        }
        return nil
    }
}
