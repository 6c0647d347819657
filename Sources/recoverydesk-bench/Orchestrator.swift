import Foundation
import RecoveryModel
import RecoveryFixtures
import RecoveryStore
#if canImport(Glibc)
import Glibc
#endif

/// The parent process: builds or reuses the store, starts a child for each figure, times the
/// sqlite3 floor, and prints the table.
enum Orchestrator {
    static func run(_ given: BenchOptions) throws {
        var options = given
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("rd-bench-\(getpid())")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        options.home = home.path
        let me = Bench.executablePath()
        var rows: [(String, String, String)] = []
        func row(_ figure: String, _ value: String, _ target: String = "") { rows.append((figure, value, target)) }
        func say(_ text: String) { FileHandle.standardError.write(Data("… \(text)\n".utf8)) }

        // 1. The store.
        let storeURL = URL(fileURLWithPath: options.storePath)
        let existing = ProviderScaleBuilder.shape(of: storeURL)
        var buildText = "reused"
        if options.rebuild || existing != options.scale.shape {
            say(existing == nil ? "building the provider-scale store at \(options.storePath)"
                : "rebuilding the provider-scale store at \(options.storePath)")
            let result = Bench.run(me, options.childArguments("build"))
            guard result.status == 0, let built = Bench.decode(BuildReport.self, from: result.output) else {
                Bench.fail("building the store failed:\n\(result.error)")
            }
            buildText = String(format: "%.1f s", built.seconds)
        }
        let store = try SQLiteRecoveryStore.open(at: storeURL, createIfMissing: false)
        let summary = try ProviderScaleBuilder.summary(of: store, at: options.scale.now)
        try store.close()

        // 2. Cold start to the first dashboard frame, each in a new process.
        say("first frame: \(options.frameRuns) starts")
        var frames: [Double] = []
        var withIndicators: [Double] = []
        var frameReports: [FirstFrameReport] = []
        var framePeaks: [Int] = []
        var toMain: [Double] = []
        for _ in 0..<options.frameRuns {
            let spawned = Bench.nanoseconds()
            let result = Bench.run(me, options.childArguments("first-frame"))
            guard result.status == 0, let report = Bench.decode(FirstFrameReport.self, from: result.output), report.dashboardShown else {
                Bench.fail("the first-frame run failed:\n\(result.error)")
            }
            frames.append(Double(report.frameAt - spawned) / 1e6)
            withIndicators.append(Double(report.indicatorsAt - spawned) / 1e6)
            frameReports.append(report)
            toMain.append(Double(report.mainAt - spawned) / 1e6)
            framePeaks.append(report.peakKiBAtFrame)
        }

        // 3–6, and 7 for them.
        say("indicators, service page, MAR checks and keystrokes (\(options.repeats) runs each)")
        let measured = Bench.run(me, options.childArguments("measure"))
        guard measured.status == 0, let m = Bench.decode(MeasureReport.self, from: measured.output) else {
            Bench.fail("the measuring run failed:\n\(measured.error)")
        }
        var all: AllChecksReport?
        if !options.skipAllChecks {
            say("the MAR checks screen over every check")
            let result = Bench.run(me, options.childArguments("all-checks"))
            guard result.status == 0, let report = Bench.decode(AllChecksReport.self, from: result.output) else {
                Bench.fail("the all-checks run failed:\n\(result.error)")
            }
            all = report
        }

        // 8. The floor: the same SELECTs in the sqlite3 shell.
        say("sqlite3 floor")
        let floor = try Floor.measure(sql: m.floorSQL, store: options.storePath, home: home, repeats: options.repeats)
        // Kept beside the store, to run by hand: sqlite3 -readonly STORE < FILE (add .timer on).
        let sqlCopy = storeURL.deletingLastPathComponent().appendingPathComponent("bench-indicator-queries.sql")
        try? m.floorSQL.write(to: sqlCopy, atomically: true, encoding: .utf8)

        // The table.
        let ms = { (value: Double) in String(format: value < 10 ? "%.2f ms" : "%.0f ms", value) }
        let mib = { (kib: Int) in String(format: "%.1f MiB", Double(kib) / 1024) }
        func verdict(_ ok: Bool, _ target: String) -> String { "\(target): \(ok ? "pass" : "MISS")" }
        row("1. Build the store", buildText)
        let frame = Bench.median(frames)
        row("2. Cold start → first dashboard frame (median of \(frames.count))", ms(frame) + " (min \(ms(frames.min()!)), max \(ms(frames.max()!)))",
            verdict(frame <= 150, "≤150 ms"))
        row("   of which: spawn → main / prepare + open store / first draw (medians)",
            "\(ms(Bench.median(toMain))) / \(ms(Bench.median(frameReports.map(\.openMs)))) / \(ms(Bench.median(frameReports.map(\.drawMs))))")
        row("   prepare+open: app preparation / store open / sign-in list (medians)",
            "\(ms(Bench.median(frameReports.map(\.appPrepareMs)))) / \(ms(Bench.median(frameReports.map(\.storeOpenMs)))) / \(ms(Bench.median(frameReports.map(\.signInMs))))")
        let withIndicatorsMedian = Bench.median(withIndicators)
        row("   … plus the indicator report (dashboard with indicators)", ms(withIndicatorsMedian), verdict(withIndicatorsMedian <= 150, "≤150 ms"))
        let total = Bench.median(m.indicatorTotal)
        row("3. All-service indicators (median of \(m.indicatorTotal.count))", ms(total), verdict(total <= 50, "≤50 ms"))
        row("   store read (indicatorEvidence) / engine (init + report)",
            "\(ms(Bench.median(m.indicatorStore))) / \(ms(Bench.median(m.indicatorEngine))) (engine init \(ms(Bench.median(m.engineInit))))")
        row("   evidence read", "\(m.evidenceChecks) checks, \(m.evidenceEscalations) escalations, \(m.evidenceObservations) observations, \(m.evidencePlans) plans")
        if !m.marLoadSince.isEmpty {
            row("   plans' evidence: every check since \(m.evidenceSince.prefix(10))", "\(m.marLoadSinceCount) checks, read alone in \(ms(Bench.median(m.marLoadSince)))")
        }
        row("4. One service page (indicators + records, median)", ms(Bench.median(m.servicePage)),
            "\(m.serviceName): \(m.serviceRecords) records")
        row("5. MAR checks screen read: every service, 28 days", ms(Bench.median(m.marLoad28)) + " (\(m.marLoad28Count) checks)")
        row("   the screen's request (checks + services + staff)", ms(Bench.median(m.marRequest28)))
        let marPages = m.keys.filter { $0.label.hasPrefix("PgDn (MAR") }.map(\.ms)
        row("   paging that screen (PgDn, p50 / max)", "\(ms(Bench.median(marPages))) / \(ms(marPages.max() ?? .nan))")
        if let all {
            row("   every check (\(all.count)): read", ms(all.loadMs))
            row("   … the screen given them all: open (F4) / PgDn p50 / End", "\(ms(all.openMs)) / \(ms(Bench.median(all.pages))) / \(ms(all.endMs))")
            row("   … a table that asks only for the rows it shows: page p50", ms(Bench.median(all.lazyPages)))
        }
        let keys = m.keys.map(\.ms)
        let p99 = Bench.percentile(keys, 99)
        row("6. Keystroke → frame over \(keys.count) keys: p50 / p99",
            "\(ms(Bench.percentile(keys, 50))) / \(ms(p99))", verdict(p99 <= 10, "p99 ≤10 ms"))
        for key in m.keys.sorted(by: { $0.ms > $1.ms }).prefix(4) { row("   slowest: \(key.label)", ms(key.ms)) }
        row("7. Peak memory, figures 3–6 (ru_maxrss)", mib(m.peakKiB), verdict(m.peakKiB < 64 * 1024, "<64 MiB"))
        row("   after 3–4 / after 5 / after 6", "\(mib(m.peakKiBAfterIndicators)) / \(mib(m.peakKiBAfterMAR)) / \(mib(m.peakKiB))")
        let framePeak = framePeaks.max() ?? 0
        row("   first-frame child at its frame / with indicators", "\(mib(framePeak)) / \(mib(frameReports.map(\.peakKiB).max() ?? 0))",
            verdict(framePeak < 64 * 1024, "<64 MiB"))
        if let all { row("   all-checks child", mib(all.peakKiB)) }
        row("8. sqlite3 floor for the indicator SELECTs (median)", ms(floor.floorMs) + " (\(floor.statements) statements)")
        let ratio = total / floor.floorMs
        row("   ours ÷ floor", String(format: "%.1f×", ratio), verdict(ratio <= 1.5, "≤1.5×"))
        for slow in floor.slowest.prefix(5) { row("   sqlite3 slowest: \(slow.0)", ms(slow.1)) }
        row("   (the SELECTs are in \(sqlCopy.path))", "")

        // Print.
        var uts = utsname()
        uname(&uts)
        func text<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        }
        let machine = "\(text(uts.sysname)) \(text(uts.release)) \(text(uts.machine))"
        let memory = String(format: "%.1f GiB", Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824)
        print("RecoveryDesk bench — \(UKDateFormat.dateTime(Date())) (London)")
        print("Machine: \(machine); \(ProcessInfo.processInfo.activeProcessorCount) CPUs; \(memory)")
        print("Store: \(options.storePath)")
        print("       \(options.scale.shape)")
        for line in summary.lines { print("       \(line)") }
        print("Terminal \(options.size.width)x\(options.size.height); times are wall clock, release build if built with -c release.")
        print("")
        let width = max(58, rows.map { $0.0.count }.max() ?? 0)
        let valueWidth = max(24, rows.map { $0.1.count }.max() ?? 0)
        for (figure, value, target) in rows {
            print(figure.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                  + value.padding(toLength: valueWidth, withPad: " ", startingAt: 0) + "  " + target)
        }
    }
}

/// The indicator SELECTs timed in the sqlite3 shell: the wall time of `sqlite3 < queries.sql`
/// (output to /dev/null) less that of a run that only opens the store, and one run with
/// `.timer on` for each statement's time.
enum Floor {
    struct Result {
        var floorMs: Double
        var statements: Int
        var slowest: [(String, Double)]
    }

    static func measure(sql: String, store: String, home: URL, repeats: Int) throws -> Result {
        let queries = home.appendingPathComponent("indicator-queries.sql")
        let empty = home.appendingPathComponent("empty.sql")
        let timed = home.appendingPathComponent("timed.sql")
        try sql.write(to: queries, atomically: true, encoding: .utf8)
        try "SELECT 1;\n".write(to: empty, atomically: true, encoding: .utf8)
        try (".timer on\n.output /dev/null\n" + sql).write(to: timed, atomically: true, encoding: .utf8)
        let program = ["/usr/bin/sqlite3", "/usr/local/bin/sqlite3", "/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let program else { throw BenchError("the sqlite3 shell is not installed (apt-get install sqlite3)") }
        func wall(_ file: URL) -> Double {
            let start = Bench.nanoseconds()
            let result = Bench.run(program, ["-batch", "-readonly", store], input: file.path, discardOutput: true)
            if result.status != 0 { Bench.fail("sqlite3 failed: \(result.error)") }
            return Double(Bench.nanoseconds() - start) / 1e6
        }
        _ = wall(queries)  // page cache, as for our own runs
        var full: [Double] = []
        var base: [Double] = []
        for _ in 0..<max(3, repeats) {
            full.append(wall(queries))
            base.append(wall(empty))
        }
        let statements = sql.split(separator: "\n").filter { !$0.isEmpty }
        let result = Bench.run(program, ["-batch", "-readonly", store], input: timed.path)
        var times: [Double] = []
        for line in result.output.split(separator: "\n") where line.hasPrefix("Run Time: real ") {
            let number = line.dropFirst("Run Time: real ".count).split(separator: " ").first.flatMap { Double($0) } ?? 0
            times.append(number * 1000)
        }
        var slowest: [(String, Double)] = []
        for (index, statement) in statements.enumerated() where index < times.count {
            slowest.append((String(statement.prefix(60)) + (statement.count > 60 ? "…" : ""), times[index]))
        }
        slowest.sort { $0.1 > $1.1 }
        return Result(floorMs: Bench.median(full) - Bench.median(base), statements: statements.count, slowest: slowest)
    }
}
