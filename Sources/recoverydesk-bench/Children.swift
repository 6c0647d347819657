import Foundation
import PlanLibrary
import RecoveryApp
import RecoveryModel
import RecoveryStore
import TUI

// What each child process measures and reports (one JSON line on standard output). Each figure
// is measured in a process of its own, so each peak memory belongs to that work alone.

struct BuildReport: Codable {
    var seconds: Double
    var lines: [String]
    var marChecks: Int
    var findings: Int
    var escalations: Int
    var observations: Int
    var plans: Int
    var fileBytes: Int64
}

struct FirstFrameReport: Codable {
    /// Monotonic nanoseconds at the child's first line of `main`, when the frame was presented,
    /// and when the indicator report was ready after it.
    var mainAt: UInt64
    var frameAt: UInt64
    var indicatorsAt: UInt64
    var prepareMs: Double
    var openMs: Double
    /// Inside `openMs`: the app's preparation (configuration, theme, templates, bank holidays),
    /// opening the store, and reading who signs in.
    var appPrepareMs: Double
    var storeOpenMs: Double
    var signInMs: Double
    var drawMs: Double
    var indicatorsMs: Double
    var dashboardShown: Bool
    var peakKiBAtFrame: Int
    var peakKiB: Int
}

struct KeyTiming: Codable {
    var label: String
    var ms: Double
}

struct MeasureReport: Codable {
    var indicatorStore: [Double] = []
    var indicatorEngine: [Double] = []
    var indicatorTotal: [Double] = []
    var evidenceChecks = 0
    var evidenceEscalations = 0
    var evidenceObservations = 0
    var evidencePlans = 0
    var evidenceSince = ""
    var evidenceAllServices = false
    var engineInit: [Double] = []
    var servicePage: [Double] = []
    var serviceName = ""
    var serviceRecords = 0
    var marLoad28: [Double] = []
    var marLoad28Count = 0
    var marRequest28: [Double] = []
    var marLoadSince: [Double] = []
    var marLoadSinceCount = 0
    var keys: [KeyTiming] = []
    var peakKiBAfterIndicators = 0
    var peakKiBAfterMAR = 0
    var peakKiB = 0
    var floorSQL = ""
    var floorFirstDay = ""
}

struct AllChecksReport: Codable {
    var loadMs = 0.0
    var count = 0
    var lazyPages: [Double] = []
    var peakKiBAfterLoad = 0
    var openMs = 0.0
    var pages: [Double] = []
    var endMs = 0.0
    var peakKiB = 0
}

enum Children {
    static func workingDays() throws -> WorkingDays { WorkingDays(holidays: try BankHolidayFile.builtin()) }

    // MARK: build

    static func build(_ options: BenchOptions) throws {
        let templates = try PlanTemplateLibrary.builtin()
        let (summary, ms) = try Bench.timed {
            try ProviderScaleBuilder.build(at: URL(fileURLWithPath: options.storePath), options: options.scale,
                                           templates: templates, workingDays: try workingDays())
        }
        Bench.report(BuildReport(seconds: ms / 1000, lines: summary.lines, marChecks: summary.marChecks, findings: summary.findings,
                                 escalations: summary.escalations, observations: summary.observations, plans: summary.plans,
                                 fileBytes: summary.fileBytes))
    }

    // MARK: first-frame

    /// From the start of `main` to the dashboard drawn into a terminal in memory; then the
    /// indicator report the dashboard is to show (store read and engine), after the frame.
    static func firstFrame(_ options: BenchOptions, mainAt: UInt64) throws {
        let home = URL(fileURLWithPath: options.home)
        let terminal = TestTerminal(size: options.size)
        let t0 = Bench.nanoseconds()
        var split = BenchApp.Split()
        let (app, prepareAndOpen) = try Bench.timed {
            try BenchApp.make(storePath: options.storePath, home: home, size: options.size, now: options.scale.now, terminal: terminal,
                              split: &split)
        }
        let t1 = Bench.nanoseconds()
        app.runner.runUntilIdle()
        let frameAt = Bench.nanoseconds()
        let peakAtFrame = Bench.peakKiB()
        let shown = terminal.screenText.contains(Section.dashboard.title) && terminal.frames.count >= 1
        let evidence = try app.store.indicatorEvidence(at: options.scale.now, workingDays: app.workingDays)
        let report = IndicatorEngine(evidence: evidence, thresholds: try app.store.indicatorThresholds(), now: options.scale.now,
                                     workingDays: app.workingDays).report()
        let indicatorsAt = Bench.nanoseconds()
        _ = report.services.count
        Bench.report(FirstFrameReport(
            mainAt: mainAt, frameAt: frameAt, indicatorsAt: indicatorsAt, prepareMs: Double(t0 - mainAt) / 1e6,
            openMs: prepareAndOpen, appPrepareMs: split.prepare, storeOpenMs: split.open, signInMs: split.signIn, drawMs: Double(frameAt - t1) / 1e6, indicatorsMs: Double(indicatorsAt - frameAt) / 1e6,
            dashboardShown: shown, peakKiBAtFrame: peakAtFrame, peakKiB: Bench.peakKiB()))
    }

    // MARK: measure (figures 3 to 6)

    static func measure(_ options: BenchOptions) throws {
        let now = options.scale.now
        var report = MeasureReport()
        let store = try SQLiteRecoveryStore.open(at: URL(fileURLWithPath: options.storePath), createIfMissing: false)
        let days = try workingDays()
        let thresholds = try store.indicatorThresholds()

        // 3. All-service indicators: the store's read, then the engine. Their evidence is let go
        // before figure 5, as a screen would keep only the report.
        let floor = try indicatorsAndServicePage(store: store, days: days, thresholds: thresholds, now: now,
                                                 repeats: options.repeats, into: &report)
        report.peakKiBAfterIndicators = Bench.peakKiB()

        // 5. The MAR checks screen's read (every service, the last 28 days), and the same
        // through the app's request (with the services and staff it also loads).
        let from = LondonDay(now).adding(days: -28).start
        let runner = StoreRequestRunner(store: store, workingDays: days)
        for _ in 0..<options.repeats {
            let (checks, ms) = try Bench.timed { try store.marChecks(serviceID: nil, from: from, to: now) }
            report.marLoad28.append(ms)
            report.marLoad28Count = checks.count
            let (_, requestMs) = Bench.timed { runner.perform(.loadMARChecks(days: 28, search: "", .first(20)), actor: nil, now: now) }
            report.marRequest28.append(requestMs)
        }
        report.peakKiBAfterMAR = Bench.peakKiB()

        // 6. Keystroke to frame over a scripted navigation.
        let terminal = FrameSink(size: options.size)
        let app = try BenchApp.make(storePath: options.storePath, home: URL(fileURLWithPath: options.home), size: options.size,
                                    now: now, terminal: terminal)
        app.runner.runUntilIdle()
        for step in KeyScript.steps() {
            let (_, ms) = Bench.timed { app.runner.handle(.key(step.key)) }
            report.keys.append(KeyTiming(label: step.label, ms: ms))
        }
        guard terminal.screenText.contains(Section.dashboard.title) else {
            throw BenchError("the key script did not end on the dashboard")
        }
        report.peakKiB = Bench.peakKiB()

        // For the profile (after the peak is taken): the checks the indicators' plan evidence reads
        // (every service, since the earliest start of a plan read).
        if let since = floor.sinceDate {
            for _ in 0..<min(3, options.repeats) {
                let (checks, ms) = try Bench.timed { try store.marChecks(serviceID: nil, from: since, to: now) }
                report.marLoadSince.append(ms)
                report.marLoadSinceCount = checks.count
            }
        }
        Bench.report(report)
    }

    /// Figures 3 and 4; returns the floor SQL made from the evidence read.
    static func indicatorsAndServicePage(store: SQLiteRecoveryStore, days: WorkingDays, thresholds: IndicatorThresholds,
                                         now: Date, repeats: Int, into report: inout MeasureReport) throws -> FloorSQL {
        var evidence: IndicatorEvidence?
        var engine: IndicatorEngine?
        for _ in 0..<repeats {
            evidence = nil
            engine = nil
            let (loaded, storeMs) = try Bench.timed { try store.indicatorEvidence(at: now, workingDays: days) }
            let ((made, _), engineMs) = Bench.timed { () -> (IndicatorEngine, IndicatorReport) in
                let made = IndicatorEngine(evidence: loaded, thresholds: thresholds, now: now, workingDays: days)
                return (made, made.report())
            }
            report.indicatorStore.append(storeMs)
            report.indicatorEngine.append(engineMs)
            report.indicatorTotal.append(storeMs + engineMs)
            evidence = loaded
            engine = made
        }
        guard let evidence, let engine else { throw BenchError("no indicator run") }
        for _ in 0..<repeats {
            let (_, ms) = Bench.timed { IndicatorEngine(evidence: evidence, thresholds: thresholds, now: now, workingDays: days) }
            report.engineInit.append(ms)
        }
        report.evidenceChecks = evidence.checks.count
        report.evidenceEscalations = evidence.escalations.count
        report.evidenceObservations = evidence.observations.count
        report.evidencePlans = evidence.plans.count
        let floor = FloorSQL.make(evidence: evidence, now: now)
        report.floorSQL = floor.sql
        report.evidenceSince = floor.since
        report.evidenceAllServices = floor.allServices
        report.floorFirstDay = floor.firstDay

        // 4. One service page: the service's indicators and the records behind every one.
        let fullReport = engine.report()
        let chosen = fullReport.services.max { ($0.overall, -($0.serviceID ?? 0)) < ($1.overall, -($1.serviceID ?? 0)) }
        guard let service = chosen, let serviceID = service.serviceID else { throw BenchError("no service to open") }
        report.serviceName = service.name
        for _ in 0..<repeats {
            let (records, ms) = Bench.timed { () -> Int in
                _ = engine.indicators(for: serviceID)
                return IndicatorID.allCases.reduce(0) { $0 + engine.records($1, serviceID: serviceID).count }
            }
            report.servicePage.append(ms)
            report.serviceRecords = records
        }
        return floor
    }

    // MARK: profiling aids (not run by the parent)

    /// Only the all-service indicators, `--repeat` times, for a profiler (`perf record`).
    static func profileIndicators(_ options: BenchOptions) throws {
        let store = try SQLiteRecoveryStore.open(at: URL(fileURLWithPath: options.storePath), createIfMissing: false)
        let days = try workingDays()
        for _ in 0..<options.repeats {
            let (evidence, storeMs) = try Bench.timed { try store.indicatorEvidence(at: options.scale.now, workingDays: days) }
            let (report, engineMs) = Bench.timed {
                IndicatorEngine(evidence: evidence, now: options.scale.now, workingDays: days).report()
            }
            print(String(format: "store %.1f ms, engine %.1f ms, report digest %016llx", storeMs, engineMs, digest(report)))
            if options.verbose {
                for id in IndicatorID.allCases {
                    let states = report.services.compactMap { $0[id]?.state }
                    let counts = [IndicatorState.red, .amber, .green, .noData].map { state in "\(states.filter { $0 == state }.count) \(state.rawValue)" }
                    print("  \(id.definition.name): provider \(report.provider[id]?.text ?? "–"); services \(counts.joined(separator: ", "))")
                }
            }
        }
    }

    /// The evidence read once, then only the engine, `--repeat` times ×5, for a profiler.
    static func profileEngine(_ options: BenchOptions) throws {
        let store = try SQLiteRecoveryStore.open(at: URL(fileURLWithPath: options.storePath), createIfMissing: false)
        let days = try workingDays()
        let evidence = try store.indicatorEvidence(at: options.scale.now, workingDays: days)
        for _ in 0..<(options.repeats * 5) {
            let ((made, report), ms) = Bench.timed { () -> (IndicatorEngine, IndicatorReport) in
                let made = IndicatorEngine(evidence: evidence, now: options.scale.now, workingDays: days)
                return (made, made.report())
            }
            _ = made
            print(String(format: "engine %.1f ms, report digest %016llx", ms, digest(report)))
        }
    }

    /// A digest of every figure, state and history of a report (FNV-1a over their text), to show
    /// that a speed-up left the figures as they were.
    static func digest(_ report: IndicatorReport) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for row in [report.provider] + report.services {
            for value in row.values {
                let text = "\(row.name)|\(value.id.rawValue)|\(value.value.map { String($0) } ?? "-")|\(value.state.rawValue)|"
                    + value.history.map { $0.map { String($0) } ?? "-" }.joined(separator: ",") + "|\(value.basis)"
                for byte in text.utf8 {
                    hash ^= UInt64(byte)
                    hash = hash &* 0x0000_0100_0000_01B3
                }
            }
        }
        return hash
    }

    /// Only the plans screen's request (every plan, with its evidence), for a profiler.
    static func profilePlans(_ options: BenchOptions) throws {
        let store = try SQLiteRecoveryStore.open(at: URL(fileURLWithPath: options.storePath), createIfMissing: false)
        let runner = StoreRequestRunner(store: store, workingDays: try workingDays())
        for _ in 0..<options.repeats {
            let (_, ms) = Bench.timed { runner.perform(.loadPlans, actor: nil, now: options.scale.now) }
            print(String(format: "plans %.1f ms", ms))
        }
    }

    // MARK: all-checks (figure 5 over every check)

    static func allChecks(_ options: BenchOptions) throws {
        let now = options.scale.now
        var report = AllChecksReport()
        let store = try SQLiteRecoveryStore.open(at: URL(fileURLWithPath: options.storePath), createIfMissing: false)
        let first = LondonDay(now).adding(days: -(options.scale.years * 366 + 2)).start
        do {
            let (checks, ms) = try Bench.timed { try store.marChecks(serviceID: nil, from: first, to: now) }
            report.loadMs = ms
            report.count = checks.count
            let names = Dictionary(uniqueKeysWithValues: try store.services(includingInactive: true).map { ($0.id, $0.name) })
            // A table that asks only for the rows it shows (the TableView contract), paged through.
            let source = LazyCheckRows(checks: checks, serviceNames: names)
            let table = TableView(columns: [
                TableColumn(title: "Date", width: .fixed(10)), TableColumn(title: "Round", width: .fixed(14)),
                TableColumn(title: "Service", width: .flexible(minimum: 12)),
                TableColumn(title: "Charts", width: .fixed(6), alignment: .right), TableColumn(title: "Refusals", width: .fixed(9)),
                TableColumn(title: "Findings", width: .fixed(8), alignment: .right),
            ])
            let rect = Rect(x: 1, y: 2, width: options.size.width - 2, height: options.size.height - 6)
            var state = TableState()
            var buffer = Buffer(size: options.size)
            for _ in 0..<40 {
                state.move(.pageDown, rowCount: source.rowCount, pageSize: table.pageSize(for: rect))
                let (_, pageMs) = Bench.timed { table.render(source, state: state, in: rect, into: &buffer, theme: .monochrome) }
                report.lazyPages.append(pageMs)
            }
        }
        report.peakKiBAfterLoad = Bench.peakKiB()
        try? store.close()

        // The real MAR checks screen given every check: open it, page down, jump to the end.
        let terminal = FrameSink(size: options.size)
        let app = try BenchApp.make(storePath: options.storePath, home: URL(fileURLWithPath: options.home), size: options.size,
                                    now: now, terminal: terminal,
                                    wrap: { AllChecksServices(base: $0, days: options.scale.years * 366 + 2) })
        app.runner.runUntilIdle()
        let (_, openMs) = Bench.timed { app.runner.handle(.key(.function(4))) }
        report.openMs = openMs
        guard terminal.screenText.contains(Section.marChecks.title) else { throw BenchError("the MAR checks screen did not open") }
        for _ in 0..<20 {
            let (_, ms) = Bench.timed { app.runner.handle(.key(.pageDown)) }
            report.pages.append(ms)
        }
        let (_, endMs) = Bench.timed { app.runner.handle(.key(.end)) }
        report.endMs = endMs
        report.peakKiB = Bench.peakKiB()
        Bench.report(report)
    }
}

/// MAR checks as table rows, each row made only when the table asks for it.
struct LazyCheckRows: TableDataSource {
    let checks: [MARCheck]
    let serviceNames: [Int64: String]

    var rowCount: Int { checks.count }

    func cells(at row: Int) -> [String] {
        let draft = checks[row].draft
        return [UKDateFormat.date(draft.date), draft.round.title, serviceNames[draft.serviceID] ?? "?", String(draft.chartsChecked),
                draft.refusalsSeen == 0 ? "none" : "\(draft.refusalsComplete)/\(draft.refusalsSeen) full", String(draft.findings.count)]
    }
}
