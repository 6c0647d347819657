import Foundation
import RecoveryFixtures
import RecoveryStore
import TUI

/// The command line. Public options: `--store PATH`, `--rebuild`, `--runs N` (first-frame starts),
/// `--repeat N` (runs behind each median), `--size WxH`, `--skip-all-checks`. The parent passes
/// `--child MODE`, `--home PATH` and `--spawned-at NS` to the copies of itself it starts.
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
    var scale = ProviderScaleOptions()

    static let usage = """
        usage: recoverydesk-bench [--store PATH] [--rebuild] [--runs N] [--repeat N] [--size WxH] [--skip-all-checks]

        Builds (or reuses) a provider-scale store (50 services, 5 years: about 365,000 MAR checks,
        100,000 findings, 50,000 escalations, 30,000 observations, 500 plans) and prints how long
        the app takes over it. Default store: $XDG_CACHE_HOME/recoverydesk/bench-provider.sqlite
        (~/.cache/recoverydesk/bench-provider.sqlite). See docs/performance.md.
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

    /// The arguments that pass these options on to a child.
    func childArguments(_ mode: String) -> [String] {
        ["--child", mode, "--store", storePath, "--home", home, "--repeat", String(repeats),
         "--size", "\(size.width)x\(size.height)"]
    }
}
