import Foundation

/// Where the built-in data files (plan templates, bank holidays) are at run time.
public enum LibraryFiles {
    /// The `Resources` folder of the built-in library, or nil when the resource bundle is missing
    /// (for example a binary copied away from its build folder). SwiftPM's `Bundle.module` would
    /// stop the process in that case; this reports it instead.
    public static var directory: URL? {
        let bundleName = "RecoveryDesk_PlanLibrary.resources"
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        candidates.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(bundleName))
        for candidate in candidates {
            let resources = candidate.appendingPathComponent("Resources")
            if FileManager.default.fileExists(atPath: resources.path) { return resources }
        }
        return nil
    }
}
