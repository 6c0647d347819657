import Foundation
import RecoveryFixtures
import RecoveryStore
import TUI

/// The command line. Public options: `--store PATH`, `--rebuild`, `--runs N` (first-frame starts),
/// `--repeat N` (runs behind each median), `--size WxH`, `--skip-all-checks`. The parent passes
/// `--child MODE`, `--home PATH` and `--years N` (which store: 5 or 1) to the copies of itself
/// it starts.
struct BenchOptions {
    var storePath: String
    var rebuild = false
    var frameRuns = 7
    var repeats = 7
    var size = Size(width: 120, height: 40)
    var skipAllChecks = false
    /// Profiling modes: also print what the figures were.
    var verbose = false
    var child: String?
    var home = ""
    /// The store a child works on: the standard provider over `years` (5, or 1 for the second store).
    var years = 5
    var scale: ProviderScaleOptions { smoke ? .small(services: 8, days: years * 14) : .standard(years: years) }
    /// `--smoke`: small stores (8 services over 70 and 14 days), to check the bench runs end to end
    /// in a debug build; its figures mean nothing.
    var smoke = false
    /// Seconds a slow figure may take before its repeats stop (at least one run is made).
    var budgetSeconds = 20.0

    static let usage = """
        usage: recoverydesk-bench [--store PATH] [--rebuild] [--runs N] [--repeat N] [--size WxH] [--skip-all-checks]

        Builds (or reuses) two provider-scale stores of the same 50 services: five years (about
        359,000 MAR checks, 100,000 findings, 50,000 escalations, 30,000 observations, 500 plans)
        and one year, and prints how long the app takes over them, each figure beside its target
        with PASS or MISS. Default store: $XDG_CACHE_HOME/recoverydesk/bench-provider.sqlite
        (~/.cache/recoverydesk/bench-provider.sqlite; the one-year store beside it,
        bench-provider-1y.sqlite). See docs/performance.md.
        """

    static func defaultStore(environment: [String: String]) -> String {
        let cache: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            cache = xdg
        } else {
            cache = (environment["HOME"] ?? NSHomeDirectory()) + "/.cache"
        }
        return cache + "/recoverydesk/bench-provider.sqlite"
    }

    static func parse(_ arguments: [String], environment: [String: String]) -> BenchOptions {
        var options = BenchOptions(storePath: defaultStore(environment: environment))
        var index = 0
        func value(_ name: String) -> String {
            index += 1
            guard index < arguments.count else { Bench.fail("\(name) needs a value\n\(usage)") }
            return arguments[index]
        }
        func number(_ name: String) -> Int {
            guard let number = Int(value(name)), number > 0 else { Bench.fail("\(name) takes a whole number above 0") }
            return number
        }
        while index < arguments.count {
            switch arguments[index] {
            case "--store": options.storePath = value("--store")
            case "--rebuild": options.rebuild = true
            case "--smoke": options.smoke = true
            case "--runs": options.frameRuns = number("--runs")
            case "--repeat": options.repeats = number("--repeat")
            case "--skip-all-checks": options.skipAllChecks = true
            case "--verbose": options.verbose = true
            case "--size":
                let parts = value("--size").split(separator: "x").compactMap { Int($0) }
                guard parts.count == 2, parts[0] >= 80, parts[1] >= 24 else { Bench.fail("--size takes WxH, at least 80x24") }
                options.size = Size(width: parts[0], height: parts[1])
            case "--child": options.child = value("--child")
            case "--home": options.home = value("--home")
            case "--years": options.years = number("--years")
            case "--budget": options.budgetSeconds = Double(number("--budget"))
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                Bench.fail("unknown option \(arguments[index])\n\(usage)")
            }
            index += 1
        }
        options.storePath = URL(fileURLWithPath: options.storePath).standardizedFileURL.path
        return options
    }

    /// The one-year store, beside the five-year one.
    var oneYearStorePath: String {
        let url = URL(fileURLWithPath: storePath)
        let stem = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(stem)-1y.\(url.pathExtension.isEmpty ? "sqlite" : url.pathExtension)").path
    }

    /// The arguments that pass these options on to a child working on `store` (of `years`).
    func childArguments(_ mode: String, store: String? = nil, years: Int? = nil) -> [String] {
        ["--child", mode, "--store", store ?? storePath, "--years", String(years ?? self.years), "--home", home,
         "--repeat", String(repeats), "--budget", String(Int(budgetSeconds)), "--size", "\(size.width)x\(size.height)"]
            + (smoke ? ["--smoke"] : [])
    }
}
