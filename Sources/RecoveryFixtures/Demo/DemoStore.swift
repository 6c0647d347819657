import Foundation
import RecoveryModel
import RecoveryStore

/// The demo: a fictional provider with a year (or more) of realistic evidence, built through
/// the store's own audited write path, so `verify` passes on it like on any store.
public enum DemoStore {
    /// Every demo user's PIN.
    public static let pin = "1234"
    /// Who the audit log names for what the generator does itself (marking the store as a demo).
    static let actorName = "Demo data generator"

    /// Builds a demo store at `url`, a path where there is no store yet (an empty file is
    /// replaced; anything else is refused). The store is built under a temporary name in the
    /// same folder and linked into place only when complete. The same `options.seed` and `now`
    /// give the same content (ids, text, times); only the PIN salts differ.
    public static func build(at url: URL, options: DemoOptions, templates: [PlanTemplate], workingDays: WorkingDays,
                             now: Date) throws(StoreError) -> DemoSummary {
        if !options.problems.isEmpty { throw StoreError.invalid(options.problems.joined(separator: " ")) }
        let target = url.standardizedFileURL
        let path = target.path
        try FixtureFile.refuseFolder(path)
        if let size = FixtureFile.size(path) {
            guard size == 0 else { throw refusal(path) }
            unlink(path)
        }
        return try FixtureFile.build(at: target, label: "demo", fill: { store throws(StoreError) in
            let generator = DemoGenerator(store: store, options: options, templates: templates, workingDays: workingDays, now: now)
            try generator.run()
            return try generator.summary()
        }, place: { temporary throws(StoreError) in
            if link(temporary, path) != 0 {
                if errno == EEXIST { throw refusal(path) }
                throw StoreError.storage("RecoveryDesk could not put the demo store at \(path) (check the folder's permissions).")
            }
        })
    }

    static func refusal(_ path: String) -> StoreError {
        .conflict("There is already a store at \(path); a demo is only made in a new file, so give another path or move that file away first.")
    }
}
