import Foundation
import GRDB
import RecoveryModel

/// The shape of a provider-scale store for benchmarks: how many services, years and records.
public struct ProviderScaleOptions: Hashable, Sendable {
    /// Services; the kinds cycle residential, nursing, domiciliary, supported living.
    public var services: Int
    /// Years of daily evidence, ending at `now`.
    public var years: Int
    /// MAR check findings (about; late-return findings included).
    public var findings: Int
    public var escalations: Int
    public var observations: Int
    /// Plans, about ten a service, a few of them provider-wide.
    public var plans: Int
    /// The same seed and `now` give the same store.
    public var seed: UInt64
    /// The last moment with records; every figure is judged as at this moment.
    public var now: Date

    /// Saturday 21/11/2026 09:30 in London, the day the bench was first run.
    public static let standardNow = Date(timeIntervalSince1970: 1_795_253_400)

    public init(services: Int = 50, years: Int = 5, findings: Int = 100_000, escalations: Int = 50_000,
                observations: Int = 30_000, plans: Int = 500, seed: UInt64 = 2026, now: Date = standardNow) {
        self.services = services
        self.years = years
        self.findings = findings
        self.escalations = escalations
        self.observations = observations
        self.plans = plans
        self.seed = seed
        self.now = now
    }

    /// The options, the builder's version and the store format in one line: a store is reused
    /// only when this is the same.
    public var shape: String {
        "provider-scale \(ProviderScaleBuilder.version); store format \(StoreFormat.version); \(services) services, "
            + "\(years) years, \(findings) findings, \(escalations) escalations, \(observations) observations, "
            + "\(plans) plans; seed \(seed); as at \(Timestamp.text(now))"
    }

    /// What is wrong with the options, in words; empty when a store can be built.
    public var problems: [String] {
        var found: [String] = []
        if !(4...500).contains(services) { found.append("A provider-scale store has from 4 to 500 services.") }
        if !(1...10).contains(years) { found.append("A provider-scale store covers from 1 to 10 years.") }
        if findings < 0 || escalations < 0 || observations < 0 { found.append("Counts cannot be negative.") }
        if plans < services { found.append("A provider-scale store has at least one plan for each service.") }
        return found
    }
}

/// What a provider-scale store holds.
public struct ProviderScaleSummary: Hashable, Sendable {
    public var services = 0
    public var staff = 0
    public var marChecks = 0
    public var findings = 0
    public var escalations = 0
    public var escalationsOpen = 0
    public var escalationsOverdue = 0
    public var observations = 0
    public var plans = 0
    public var plansFollowed = 0
    public var stepEntries = 0
    public var measureResults = 0
    public var reviews = 0
    public var statusChanges = 0
    public var auditEntries = 0
    public var fileBytes: Int64 = 0

    public var lines: [String] {
        [
            "\(services) services, \(staff) staff; \(marChecks) MAR checks with \(findings) findings; \(observations) observations.",
            "\(escalations) escalations (\(escalationsOpen) open, \(escalationsOverdue) overdue).",
            "\(plans) plans (\(plansFollowed) active, monitoring or reopened) with \(stepEntries) step entries, "
                + "\(measureResults) measure results, \(reviews) reviews and \(statusChanges) status changes.",
            "\(auditEntries) audit entries (services and staff only); \(fileBytes / 1_048_576) MiB on disk.",
        ]
    }
}

/// Builds a store the size of a large provider, for benchmarks (`recoverydesk-bench`).
///
/// The store is a real RecoveryDesk store: it is created by `SQLiteRecoveryStore.open` (schema and
/// every migration), set up with `setUp`, and its services and staff are added through the public,
/// audited write path. The bulk rows (MAR checks and findings, observations, escalations, plans
/// with their steps, entries, measures, results, reviews and status changes) go in by a fast path:
/// prepared `INSERT` statements in a few large transactions, matching the schema column for column
/// (stamps, UTC text moments, London day starts, plan JSON). **These rows bypass the audit log**, so
/// `recoverydesk verify` reports them ("mar_check row 1 has no audit entry") and is not expected
/// to pass on a provider-scale store. Never point the builder at a store with real records: it
/// only replaces a file that is itself a provider-scale store.
///
/// Deterministic: the same options (seed and `now`) give the same rows, apart from the
/// administrator's PIN salt.
public enum ProviderScaleBuilder {
    /// Raised whenever the builder makes different rows from the same options.
    public static let version = 1
    /// The administrator's PIN (the bench signs in without it).
    public static let pin = "1234"
    /// The `store_info` key holding the shape of the store.
    static let infoKey = "provider_scale"

    /// The shape recorded in the store at `url` (`ProviderScaleOptions.shape`), or nil when there
    /// is no file there or it is not a provider-scale store.
    public static func shape(of url: URL) -> String? {
        guard FileManager.default.fileExists(atPath: url.path),
              let store = try? SQLiteRecoveryStore.open(at: url, createIfMissing: false) else { return nil }
        defer { try? store.close() }
        return try? store.providerScaleShape()
    }

    /// Builds the store at `url`. An existing file is replaced only if it is a provider-scale
    /// store (or empty); anything else is refused. Built under a temporary name in the same folder
    /// and moved into place when complete.
    public static func build(at url: URL, options: ProviderScaleOptions, templates: [PlanTemplate],
                             workingDays: WorkingDays) throws(StoreError) -> ProviderScaleSummary {
        if !options.problems.isEmpty { throw StoreError.invalid(options.problems.joined(separator: " ")) }
        guard ScaleTime.agreesWithStore(around: options.now) else {
            throw StoreError.storage("The provider-scale builder's timestamps differ from the store's; not building.")
        }
        let target = url.standardizedFileURL
        let path = target.path
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw StoreError.unusableStore("\(path) is a folder, not a store file.") }
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 1
            if size > 0 && shape(of: target) == nil {
                throw StoreError.conflict("\(path) is not a provider-scale store; the bench only replaces its own stores.")
            }
        }
        try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).scale-\(UUID().uuidString)")
        defer {
            for suffix in ["", "-wal", "-shm"] { unlink(temporary.path + suffix) }
        }
        let store = try SQLiteRecoveryStore.open(at: temporary, createIfMissing: true)
        var summary: ProviderScaleSummary
        do {
            let generator = ScaleGenerator(store: store, options: options, templates: templates, workingDays: workingDays)
            try generator.run()
            summary = try store.providerScaleSummary(at: options.now)
            try store.checkpointAndClose()
        } catch {
            try? store.close()
            throw error
        }
        for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
        if rename(temporary.path, path) != 0 {
            throw StoreError.storage("RecoveryDesk could not put the provider-scale store at \(path) (check the folder's permissions).")
        }
        summary.fileBytes = Int64((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0)
        return summary
    }
}

extension SQLiteRecoveryStore {
    /// The shape of a provider-scale store (`ProviderScaleOptions.shape`), nil for any other store.
    public func providerScaleShape() throws(StoreError) -> String? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM store_info WHERE key = ?", arguments: [ProviderScaleBuilder.infoKey])
        }
    }

    /// Counts of what the store holds, as at `now` (for open and overdue escalations).
    public func providerScaleSummary(at now: Date) throws(StoreError) -> ProviderScaleSummary {
        let nowText = Timestamp.text(now)
        var summary = try read { db in
            func count(_ sql: String, _ arguments: StatementArguments = []) throws -> Int {
                try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0
            }
            var summary = ProviderScaleSummary()
            summary.services = try count("SELECT COUNT(*) FROM service")
            summary.staff = try count("SELECT COUNT(*) FROM staff")
            summary.marChecks = try count("SELECT COUNT(*) FROM mar_check")
            summary.findings = try count("SELECT COUNT(*) FROM mar_finding")
            summary.escalations = try count("SELECT COUNT(*) FROM escalation")
            summary.escalationsOpen = try count("SELECT COUNT(*) FROM escalation WHERE status <> 'resolved'")
            summary.escalationsOverdue = try count("SELECT COUNT(*) FROM escalation WHERE status <> 'resolved' AND due_by < ?", [nowText])
            summary.observations = try count("SELECT COUNT(*) FROM observation")
            summary.plans = try count("SELECT COUNT(*) FROM plan")
            summary.plansFollowed = try count("SELECT COUNT(*) FROM plan WHERE status IN ('active', 'monitoring', 'reopened')")
            summary.stepEntries = try count("SELECT COUNT(*) FROM plan_step_entry")
            summary.measureResults = try count("SELECT COUNT(*) FROM plan_measure_result")
            summary.reviews = try count("SELECT COUNT(*) FROM plan_review")
            summary.statusChanges = try count("SELECT COUNT(*) FROM plan_status_change")
            summary.auditEntries = try count("SELECT COUNT(*) FROM audit_log")
            return summary
        }
        summary.fileBytes = Int64((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value ?? 0)
        return summary
    }
}

extension ProviderScaleBuilder {
    /// A moment as the store writes it (UTC text, `2026-11-21T09:30:00.000Z`), for reproducing the
    /// store's own SQL by hand (the bench's sqlite3 floor).
    public static func storedText(_ date: Date) -> String { Timestamp.text(date) }
}
