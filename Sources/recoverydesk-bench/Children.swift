import Foundation
import PlanLibrary
import RecoveryApp
import RecoveryModel
import RecoveryFixtures
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

/// The all-service indicators over one store (figure 1), and the SELECTs the read ran.
struct IndicatorsReport: Codable {
    var store: [Double] = []
    var engine: [Double] = []
    var total: [Double] = []
    var checks = 0
    var escalations = 0
    var observations = 0
    var plans = 0
    var peakKiB = 0
    var floorSQL = ""
}

/// The screens a manager opens (figures 4 to 7), through the app as it runs, and the peak
/// memory of the process doing them (figure 10).
struct MeasureReport: Codable {
    var servicePage: [Double] = []
    var serviceName = ""
    var plansList: [Double] = []
    var planDetail: [Double] = []
    var planTitle = ""
    var peakKiBAfterServicePage = 0
    var peakKiB = 0
}

/// Every scripted key's time to its frame and to its data on screen (figures 12 and 13).
struct KeysReport: Codable {
    struct Step: Codable {
        var label: String
        var frameMs: Double
        var dataMs: Double
    }
    var steps: [Step] = []
    var peakKiB = 0
}

/// One write: a MAR check with three findings, through the store's audited write path (figure 11).
struct WriteReport: Codable {
    var writes: [Double] = []
    var peakKiB = 0
}

struct AllChecksReport: Codable {
    var loadMs = 0.0
    var count = 0
    var lazyPages: [Double] = []
    var peakKiBAfterLoad = 0
    var openMs = 0.0
    var pages: [Double] = []
    /// The same PgDn keys, to their first frame (before the page arrives).
    var pageFrames: [Double] = []
    /// The same pages read straight from the store (no app), for where the time goes.
    var pageReads: [Double] = []
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
        // The first frame is drawn at once (the dashboard's figures are still being worked out
        // on the store's worker); then the frame with the figures in it.
        app.runner.runKeysOnly()
        let frameAt = Bench.nanoseconds()
        let peakAtFrame = Bench.peakKiB()
        let shown = terminal.screenText.contains(Section.dashboard.title) && terminal.frames.count >= 1
        app.runner.settle()
        let indicatorsAt = Bench.nanoseconds()
        guard terminal.screenText.contains("Whole provider") else { throw BenchError("the dashboard's figures did not show") }
        Bench.report(FirstFrameReport(
            mainAt: mainAt, frameAt: frameAt, indicatorsAt: indicatorsAt, prepareMs: Double(t0 - mainAt) / 1e6,
            openMs: prepareAndOpen, appPrepareMs: split.prepare, storeOpenMs: split.open, signInMs: split.signIn, drawMs: Double(frameAt - t1) / 1e6, indicatorsMs: Double(indicatorsAt - frameAt) / 1e6,
            dashboardShown: shown, peakKiBAtFrame: peakAtFrame, peakKiB: Bench.peakKiB()))
    }

    /// Runs `body` `repeats` times, or fewer once `budgetSeconds` have gone (at least once).
    static func sample(_ options: BenchOptions, _ body: () throws -> Double) rethrows -> [Double] {
        var times: [Double] = []
        let start = Bench.nanoseconds()
        while times.count < options.repeats {
            times.append(try body())
            if Double(Bench.nanoseconds() - start) / 1e9 > options.budgetSeconds { break }
        }
        return times
    }

    // MARK: indicators (figures 1 and 2, for each store)

    static func indicators(_ options: BenchOptions) throws {
        let now = options.scale.now
        var report = IndicatorsReport()
        let store = try SQLiteRecoveryStore.open(at: URL(fileURLWithPath: options.storePath), createIfMissing: false)
        let days = try workingDays()
        let thresholds = try store.indicatorThresholds()
        report.total = try sample(options) {
            let (summaries, storeMs) = try Bench.timed { try store.indicatorSummaries(at: now, workingDays: days) }
            let (_, engineMs) = Bench.timed {
                IndicatorFigures(summaries: summaries, thresholds: thresholds, now: now, workingDays: days).report()
            }
            report.store.append(storeMs)
            report.engine.append(engineMs)
            report.checks = summaries.checkDays.count
            report.escalations = summaries.escalations.count
            report.observations = summaries.observations.count
            report.plans = summaries.plans.count
            return storeMs + engineMs
        }
        report.peakKiB = Bench.peakKiB()
        try store.close()
        report.floorSQL = try FloorSQL.capture(storePath: options.storePath, now: now, workingDays: days)
        Bench.report(report)
    }

    // MARK: measure (figures 4 to 6 and 10)

    /// The app on the five-year store, signed in at the dashboard with its indicators; then, each
    /// timed from the key (or request) to the frame: a service's page (Enter on the dashboard's
    /// first service), the plans list (F3), one plan's detail with its evidence (the request its
    /// screen makes, `.loadPlan`, for the first plan being followed).
    static func measure(_ options: BenchOptions) throws {
        let now = options.scale.now
        var report = MeasureReport()
        let terminal = FrameSink(size: options.size)
        let app = try BenchApp.make(storePath: options.storePath, home: URL(fileURLWithPath: options.home), size: options.size,
                                    now: now, terminal: terminal)
        app.runner.runUntilIdle()
        guard terminal.screenText.contains(Section.dashboard.title) else { throw BenchError("the dashboard did not show") }

        // A service's page: the first row of the dashboard is the provider's; Down to a service.
        // Each figure runs from the key to the frame with the screen's data in it.
        app.runner.handle(.key(.down))
        report.servicePage = sample(options) {
            let ms = app.keyToData(.enter).data
            app.runner.handle(.key(.escape))
            app.runner.settle()
            return ms
        }
        report.serviceName = terminal.screenText.split(separator: "\n").first.map(String.init) ?? ""
        report.peakKiBAfterServicePage = Bench.peakKiB()

        // The plans list, as F3 opens it.
        report.plansList = sample(options) {
            let ms = app.keyToData(.function(3)).data
            app.runner.handle(.key(.function(2)))
            app.runner.settle()
            return ms
        }

        // One plan's detail with its evidence: Enter on the first plan of the list.
        _ = app.keyToData(.function(3))
        report.planTitle = terminal.screenText.split(separator: "\n").dropFirst(3).first.map(String.init) ?? ""
        report.planDetail = sample(options) {
            let ms = app.keyToData(.enter).data
            app.runner.handle(.key(.escape))
            app.runner.settle()
            return ms
        }
        report.peakKiB = Bench.peakKiB()
        Bench.report(report)
    }

    // MARK: keys (figures 12 and 13)

    /// The scripted navigation (`KeyScript`) through the app on the five-year store: for every
    /// key, the time to its frame (the input loop never waits for the store) and the time until
    /// the data it asked for is on screen.
    static func keys(_ options: BenchOptions) throws {
        var report = KeysReport()
        let terminal = FrameSink(size: options.size)
        let app = try BenchApp.make(storePath: options.storePath, home: URL(fileURLWithPath: options.home), size: options.size,
                                    now: options.scale.now, terminal: terminal)
        app.runner.runUntilIdle()
        for _ in 0..<max(1, options.repeats / 2) {
            for step in KeyScript.steps() {
                let (frame, data) = app.keyToData(step.key)
                report.steps.append(KeysReport.Step(label: step.label, frameMs: frame, dataMs: data))
            }
            app.runner.handle(.key(.function(2)))
            app.runner.settle()
        }
        report.peakKiB = Bench.peakKiB()
        Bench.report(report)
    }

    // MARK: write (figure 11)

    /// MAR checks with three findings each, logged through the store's audited write path by a
    /// team leader of the first service, as re-checks of yesterday's night round (the store
    /// already holds that round). Run on a copy of the store, so the bench store stays as built.
    static func write(_ options: BenchOptions) throws {
        let now = options.scale.now
        var report = WriteReport()
        let store = try SQLiteRecoveryStore.open(at: URL(fileURLWithPath: options.storePath), createIfMissing: false)
        let staff = try store.staff(includingInactive: false)
        guard let leader = staff.first(where: { $0.role == .teamLeader && !$0.serviceIDs.isEmpty }),
              let serviceID = leader.serviceIDs.first else { throw BenchError("no team leader to log a check") }
        let actor = Actor(userID: leader.id, name: leader.name, role: leader.role)
        let named = staff.filter { $0.serviceIDs.contains(serviceID) }.prefix(3).map(\.id)
        let yesterday = LondonDay(now).adding(days: -1).start
        var number = 0
        report.writes = try sample(options) {
            number += 1
            let findings = [FindingType.missingSignature, .unexplainedGap, .refusalWithoutAction].enumerated().map { index, type in
                MARFinding(type: type, personReference: "Rm \(index + 1)", staffID: named.isEmpty ? nil : named[index % named.count],
                           note: "Found at the bench's check \(number).", actionTaken: "Spoken to.", escalate: type == .refusalWithoutAction)
            }
            var draft = MARCheckDraft(serviceID: serviceID, date: yesterday, round: .night, chartsChecked: 24, refusalsSeen: 1,
                                      refusalsComplete: 0, findings: findings)
            draft.lateEntryReason = "Entered by the bench."
            return try Bench.timed {
                _ = try store.logMARCheck(draft, lateEntryRule: LateEntryRule(), recheck: true, by: actor,
                                          at: now.addingTimeInterval(Double(number)))
            }.1
        }
        report.peakKiB = Bench.peakKiB()
        try store.close()
        Bench.report(report)
    }

    // MARK: profiling aids (not run by the parent)

    /// Only the all-service indicators, `--repeat` times, for a profiler (`perf record`).
    static func profileIndicators(_ options: BenchOptions) throws {
        let store = try SQLiteRecoveryStore.open(at: URL(fileURLWithPath: options.storePath), createIfMissing: false)
        let days = try workingDays()
        for _ in 0..<options.repeats {
            let (summaries, storeMs) = try Bench.timed { try store.indicatorSummaries(at: options.scale.now, workingDays: days) }
            let (report, engineMs) = Bench.timed {
                IndicatorFigures(summaries: summaries, now: options.scale.now, workingDays: days).report()
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
        let summaries = try store.indicatorSummaries(at: options.scale.now, workingDays: days)
        for _ in 0..<(options.repeats * 5) {
            let ((made, report), ms) = Bench.timed { () -> (IndicatorFigures, IndicatorReport) in
                let made = IndicatorFigures(summaries: summaries, now: options.scale.now, workingDays: days)
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
        for _ in 0..<options.repeats {
            let (_, ms) = Bench.timed { _ = try? store.planList(serviceID: nil, at: options.scale.now) }
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

        // The real MAR checks screen showing every check (F4, then f): open, page down, jump to
        // the end, each from the key to the frame with its rows.
        let terminal = FrameSink(size: options.size)
        let app = try BenchApp.make(storePath: options.storePath, home: URL(fileURLWithPath: options.home), size: options.size,
                                    now: now, terminal: terminal)
        app.runner.runUntilIdle()
        _ = app.keyToData(.function(4))
        report.openMs = app.keyToData(.character("f")).data
        guard terminal.screenText.contains("every check") else { throw BenchError("the MAR checks screen did not show every check") }
        for _ in 0..<20 {
            let (frame, data) = app.keyToData(.pageDown)
            report.pages.append(data)
            report.pageFrames.append(frame)
        }
        if let services = app.runner.services.recovery, let list = app.runner.state.current as? MARChecksScreen {
            var request = list.paging.reload(pageSize: 20)
            for _ in 0..<20 {
                let (page, ms) = Bench.timed { try? services.marCheckPage(days: nil, search: "", request, at: now) }
                report.pageReads.append(ms)
                guard let last = page?.cursors.last else { break }
                request = PageRequest(.after(last), limit: 20)
            }
        }
        report.endMs = app.keyToData(.end).data
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
