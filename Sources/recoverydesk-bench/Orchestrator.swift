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
        var rows: [Row] = []
        func say(_ text: String) { FileHandle.standardError.write(Data("… \(text)\n".utf8)) }
        func child<T: Decodable>(_ type: T.Type, _ mode: String, store: String, years: Int) -> T {
            let result = Bench.run(me, options.childArguments(mode, store: store, years: years))
            guard result.status == 0, let report = Bench.decode(type, from: result.output) else {
                Bench.fail("the \(mode) run failed:\n\(result.error)")
            }
            return report
        }

        // The two stores: five years and one year of the same 50 services.
        let stores = [(years: 5, path: options.storePath), (years: 1, path: options.oneYearStorePath)]
        var summaries: [Int: ProviderScaleSummary] = [:]
        var builds: [Int: String] = [:]
        for (years, path) in stores {
            var shaped = options
            shaped.years = years
            let existing = ProviderScaleBuilder.shape(of: URL(fileURLWithPath: path))
            builds[years] = "reused"
            if options.rebuild || existing != shaped.scale.shape {
                say("\(existing == nil ? "building" : "rebuilding") the \(years)-year store at \(path)")
                let built = child(BuildReport.self, "build", store: path, years: years)
                builds[years] = String(format: "%.1f s", built.seconds)
            }
            let store = try SQLiteRecoveryStore.open(at: URL(fileURLWithPath: path), createIfMissing: false)
            summaries[years] = try ProviderScaleBuilder.summary(of: store, at: shaped.scale.now)
            try store.close()
        }

        // 1–3. All-service indicators over each store, and the sqlite3 floor of their SELECTs.
        var indicatorMedian: [Int: Double] = [:]
        for (years, path) in stores {
            say("all-service indicators, \(years)-year store (\(options.repeats) runs)")
            let report = child(IndicatorsReport.self, "indicators", store: path, years: years)
            let floor = try Floor.measure(sql: report.floorSQL, store: path, home: home, repeats: options.repeats)
            let sqlCopy = URL(fileURLWithPath: path).deletingPathExtension().appendingPathExtension("indicator-queries.sql")
            try? report.floorSQL.write(to: sqlCopy, atomically: true, encoding: .utf8)
            let median = Bench.median(report.total)
            indicatorMedian[years] = median
            rows.append(Row("1. All-service indicators, \(years) \(years == 1 ? "year" : "years") (median of \(report.total.count))",
                            ms(median), "≤50 ms", median <= 50))
            rows.append(Row("   store read / engine", "\(ms(Bench.median(report.store))) / \(ms(Bench.median(report.engine)))"))
            rows.append(Row("   summaries read", "\(report.checks) check-day rows, \(report.escalations) escalations, \(report.observations) observations, \(report.plans) plans"))
            let ratio = median / floor.floorMs
            rows.append(Row("2. ÷ sqlite3 floor of its own SELECTs, \(years) \(years == 1 ? "year" : "years")",
                            String(format: "%.1f× (floor %@, %d statements)", ratio, ms(floor.floorMs), floor.statements), "≤1.5×", ratio <= 1.5))
            for slow in floor.slowest.prefix(3) { rows.append(Row("   sqlite3 slowest: \(slow.0)", ms(slow.1))) }
            rows.append(Row("   (the SELECTs: \(sqlCopy.path))", ""))
        }
        if let five = indicatorMedian[5], let one = indicatorMedian[1] {
            let ratio = five / one
            rows.append(Row("3. Indicators at 5 years ÷ at 1 year", String(format: "%.2f×", ratio), "≤1.25×", ratio <= 1.25))
        }

        // 4. Cold start to the first dashboard frame with its indicators, each in a new process.
        say("first frame: \(options.frameRuns) starts")
        var frames: [Double] = []
        var withIndicators: [Double] = []
        var framePeaks: [Int] = []
        for _ in 0..<options.frameRuns {
            let spawned = Bench.nanoseconds()
            let report = child(FirstFrameReport.self, "first-frame", store: options.storePath, years: 5)
            guard report.dashboardShown else { Bench.fail("the first-frame run did not show the dashboard") }
            frames.append(Double(report.frameAt - spawned) / 1e6)
            withIndicators.append(Double(report.indicatorsAt - spawned) / 1e6)
            framePeaks.append(report.peakKiB)
        }
        let firstFrame = Bench.median(withIndicators)
        rows.append(Row("4. Spawn → first dashboard frame with its indicators (median of \(frames.count))", ms(firstFrame), "≤150 ms",
                        firstFrame <= 150))
        rows.append(Row("   spawn → the first frame (drawn at once, the figures still on their way)", ms(Bench.median(frames))))

        // 5–7 and 10: the screens, through the app, on the five-year store.
        say("service page, plans list and plan detail (up to \(options.repeats) runs or \(Int(options.budgetSeconds)) s each)")
        let m = child(MeasureReport.self, "measure", store: options.storePath, years: 5)
        let service = Bench.median(m.servicePage)
        rows.append(Row("5. A service page (Enter on the dashboard; median of \(m.servicePage.count))", ms(service), "≤20 ms", service <= 20))
        let plans = Bench.median(m.plansList)
        rows.append(Row("6. Plans list (F3; median of \(m.plansList.count))", ms(plans), "≤50 ms", plans <= 50))
        let detail = Bench.median(m.planDetail)
        rows.append(Row("7. One plan's detail with its evidence (Enter on the first plan; median of \(m.planDetail.count))", ms(detail), "≤30 ms", detail <= 30))

        // 8–9. The MAR checks screen over every check of five years.
        if !options.skipAllChecks {
            say("the MAR checks screen over every check")
            let all = child(AllChecksReport.self, "all-checks", store: options.storePath, years: 5)
            rows.append(Row("8. MAR checks over every check (\(all.count)): open (F4, f)", ms(all.openMs), "≤30 ms", all.openMs <= 30))
            let page = Bench.median(all.pages)
            rows.append(Row("9. … a page (PgDn, median of \(all.pages.count))", ms(page), "≤5 ms", page <= 5))
            rows.append(Row("   … its first frame / the page read alone", "\(ms(Bench.median(all.pageFrames))) / \(ms(Bench.median(all.pageReads)))"))
            rows.append(Row("   peak memory of that process", mib(all.peakKiB)))
        }
        rows.append(Row("10. Peak memory of the measuring process (figures 5–7)", mib(m.peakKiB), "≤64 MiB", m.peakKiB <= 64 * 1024))
        rows.append(Row("    after the service page / first-frame child at most", "\(mib(m.peakKiBAfterServicePage)) / \(mib(framePeaks.max() ?? 0))"))

        // 11. One write, on a copy of the five-year store.
        say("writes (a MAR check with three findings)")
        let copy = home.appendingPathComponent("write-copy.sqlite").path
        try FileManager.default.copyItem(atPath: options.storePath, toPath: copy)
        let w = child(WriteReport.self, "write", store: copy, years: 5)
        try? FileManager.default.removeItem(atPath: copy)
        let write = Bench.median(w.writes)
        rows.append(Row("11. One write: a MAR check with three findings (median of \(w.writes.count))", ms(write), "≤15 ms", write <= 15))

        // 12–13. The scripted keys: each key's frame, and its data on screen.
        say("scripted keys: frames and data")
        let k = child(KeysReport.self, "keys", store: options.storePath, years: 5)
        let frames99 = Bench.percentile(k.steps.map(\.frameMs), 0.99)
        rows.append(Row("12. Keystroke → frame, p99 over \(k.steps.count) scripted keys", ms(frames99), "≤16 ms", frames99 <= 16))
        var worstByScreen: [String: Double] = [:]
        var order: [String] = []
        for step in k.steps where !step.label.hasPrefix("Down") && !step.label.hasPrefix("Up") {
            if worstByScreen[step.label] == nil { order.append(step.label) }
            worstByScreen[step.label] = max(worstByScreen[step.label] ?? 0, step.dataMs)
        }
        let worst = worstByScreen.values.max() ?? 0
        rows.append(Row("13. Key → its data on screen, worst screen (of \(order.count))", ms(worst), "≤100 ms", worst <= 100))
        for label in order { rows.append(Row("    \(label)", ms(worstByScreen[label] ?? 0))) }
        let moves = k.steps.filter { $0.label.hasPrefix("Down") || $0.label.hasPrefix("Up") }.map(\.dataMs)
        rows.append(Row("    moving in a list (worst of \(moves.count))", ms(moves.max() ?? 0)))
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
        for (years, path) in stores {
            var shaped = options
            shaped.years = years
            print("Store (\(years) \(years == 1 ? "year" : "years"), \(builds[years] ?? "")): \(path)")
            print("       \(shaped.scale.shape)")
            for line in summaries[years]?.lines ?? [] { print("       \(line)") }
        }
        print("Terminal \(options.size.width)x\(options.size.height); times are wall clock, release build if built with -c release.")
        print("")
        let width = max(58, rows.map { $0.figure.count }.max() ?? 0)
        let valueWidth = max(24, rows.map { $0.value.count }.max() ?? 0)
        for row in rows {
            let verdict = row.pass.map { "\(row.target)  \($0 ? "PASS" : "MISS")" } ?? ""
            print(row.figure.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                  + row.value.padding(toLength: valueWidth, withPad: " ", startingAt: 0) + "  " + verdict)
        }
    }

    /// One line of the table: the figure, what was measured, and its target with PASS or MISS.
    struct Row {
        var figure: String
        var value: String
        var target = ""
        var pass: Bool?

        init(_ figure: String, _ value: String, _ target: String = "", _ pass: Bool? = nil) {
            self.figure = figure
            self.value = value
            self.target = target
            self.pass = pass
        }
    }

    static func ms(_ value: Double) -> String { String(format: value < 10 ? "%.2f ms" : "%.0f ms", value) }
    static func mib(_ kib: Int) -> String { String(format: "%.1f MiB", Double(kib) / 1024) }
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
