import Foundation
import RecoveryModel
import RecoveryStore

/// The shape of a provider-scale store for benchmarks: how many services, years and records.
public struct ProviderScaleOptions: Hashable, Sendable {
    /// Services; the kinds cycle residential, nursing, domiciliary, supported living.
    public var services: Int
    /// Years of daily evidence, ending at `now`.
    public var years: Int
    /// Days of evidence instead of `years`, when set (small stores for tests).
    public var days: Int?
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

    public init(services: Int = 50, years: Int = 5, days: Int? = nil, findings: Int = 100_000, escalations: Int = 50_000,
                observations: Int = 30_000, plans: Int = 500, seed: UInt64 = 2026, now: Date = standardNow) {
        self.services = services
        self.years = years
        self.days = days
        self.findings = findings
        self.escalations = escalations
        self.observations = observations
        self.plans = plans
        self.seed = seed
        self.now = now
    }

    /// The standard provider (50 services) over `years`, its counts in proportion to five years'.
    /// The bench builds it over five years and over one, to show what history costs.
    public static func standard(years: Int) -> ProviderScaleOptions {
        let share = Double(years) / 5
        return ProviderScaleOptions(years: years, findings: Int(100_000 * share), escalations: Int(50_000 * share),
                                    observations: Int(30_000 * share), plans: max(50, Int(500 * share)))
    }

    /// A small store of the same shape, for tests: `services` services over `days` days.
    public static func small(services: Int = 4, days: Int = 28, seed: UInt64 = 2026) -> ProviderScaleOptions {
        ProviderScaleOptions(services: services, days: days, findings: services * days / 4, escalations: services * days / 8,
                             observations: services * 8, plans: services, seed: seed)
    }

    /// Days of records, ending today.
    public var dayCount: Int { days ?? years * 365 + years / 4 }

    /// The options, the builder's version and the store format in one line: a store is reused
    /// only when this is the same.
    public var shape: String {
        "provider-scale \(ProviderScaleBuilder.version); store format \(SQLiteRecoveryStore.formatVersion); \(services) services, "
            + "\(days.map { "\($0) days" } ?? "\(years) years"), \(findings) findings, \(escalations) escalations, \(observations) observations, "
            + "\(plans) plans; seed \(seed); as at \(SQLiteRecoveryStore.storedText(now))"
    }

    /// What is wrong with the options, in words; empty when a store can be built.
    public var problems: [String] {
        var found: [String] = []
        if !(4...500).contains(services) { found.append("A provider-scale store has from 4 to 500 services.") }
        if days == nil && !(1...10).contains(years) { found.append("A provider-scale store covers from 1 to 10 years.") }
        if let days, !(14...3660).contains(days) { found.append("A provider-scale store covers from 14 to 3,660 days.") }
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

    init(_ counts: StoreRowCounts) {
        services = counts.services
        staff = counts.staff
        marChecks = counts.marChecks
        findings = counts.findings
        escalations = counts.escalations
        escalationsOpen = counts.escalationsOpen
        escalationsOverdue = counts.escalationsOverdue
        observations = counts.observations
        plans = counts.plans
        plansFollowed = ["active", "monitoring", "reopened"].reduce(0) { $0 + counts.plansByStatus[$1, default: 0] }
        stepEntries = counts.stepEntries
        measureResults = counts.measureResults
        reviews = counts.reviews
        statusChanges = counts.statusChanges
        auditEntries = counts.auditEntries
    }

    public var lines: [String] {
        [
            "\(services) services, \(staff) staff; \(marChecks) MAR checks with \(findings) findings; \(observations) observations.",
            "\(escalations) escalations (\(escalationsOpen) open, \(escalationsOverdue) overdue).",
            "\(plans) plans (\(plansFollowed) active, monitoring or reopened) with \(stepEntries) step entries, "
                + "\(measureResults) measure results, \(reviews) reviews and \(statusChanges) status changes.",
            "\(auditEntries) audit entries; \(fileBytes / 1_048_576) MiB on disk.",
        ]
    }
}

/// Builds a store the size of a large provider, for benchmarks (`recoverydesk-bench`).
///
/// The store is a real RecoveryDesk store: it is created by `SQLiteRecoveryStore.open` (schema and
/// every migration), set up with `setUp`, and its services and staff are added through the public,
/// audited write path, as in the demo (`FixtureCast`). The bulk rows (MAR checks and findings,
/// observations, escalations and their sources, plans with their steps, entries, measures,
/// results, reviews and status changes) go in by the store's fast path (`BulkLoad`): prepared
/// `INSERT` statements in a few large transactions, matching the schema column for column (stamps,
/// UTC text moments, London day starts, plan JSON), then one audit entry for each row, chained like
/// any other, so `recoverydesk verify` passes. Never point the builder at a store with real
/// records: it only replaces a file that is itself a provider-scale store.
///
/// Deterministic: the same options (seed and `now`) give the same rows, apart from the
/// administrator's PIN salt.
public enum ProviderScaleBuilder {
    /// Raised whenever the builder makes different rows from the same options.
    public static let version = 2
    /// The reason on the audit entries of the rows loaded in bulk.
    static let auditReason = "Loaded in bulk by the provider-scale builder (made-up records)"
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
        return try? store.storeInfo(infoKey)
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
        try FixtureFile.refuseFolder(path)
        if let size = FixtureFile.size(path), size > 0, shape(of: target) == nil {
            throw StoreError.conflict("\(path) is not a provider-scale store; the bench only replaces its own stores.")
        }
        try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        var summary = try FixtureFile.build(at: target, label: "scale", fill: { store throws(StoreError) in
            let generator = ScaleGenerator(store: store, options: options, templates: templates, workingDays: workingDays)
            try generator.run()
            return try Self.summary(of: store, at: options.now)
        }, place: { temporary throws(StoreError) in
            for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
            if rename(temporary, path) != 0 {
                throw StoreError.storage("RecoveryDesk could not put the provider-scale store at \(path) (check the folder's permissions).")
            }
        })
        summary.fileBytes = FixtureFile.size(path) ?? 0
        return summary
    }

    /// Counts of what the store holds, as at `now` (for open and overdue escalations).
    public static func summary(of store: SQLiteRecoveryStore, at now: Date) throws(StoreError) -> ProviderScaleSummary {
        var summary = ProviderScaleSummary(try store.rowCounts(at: now))
        summary.fileBytes = FixtureFile.size(store.url.path) ?? 0
        return summary
    }
}
