import Foundation

// recoverydesk-bench: how RecoveryDesk performs over a provider-scale store. See docs/performance.md.
let mainAt = Bench.nanoseconds()
let options = BenchOptions.parse(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
do {
    switch options.child {
    case nil: try Orchestrator.run(options)
    case "build": try Children.build(options)
    case "first-frame": try Children.firstFrame(options, mainAt: mainAt)
    case "indicators": try Children.indicators(options)
    case "measure": try Children.measure(options)
    case "write": try Children.write(options)
    case "keys": try Children.keys(options)
    case "all-checks": try Children.allChecks(options)
    case "profile-indicators": try Children.profileIndicators(options)
    case "profile-plans": try Children.profilePlans(options)
    case "profile-engine": try Children.profileEngine(options)
    case let mode?: Bench.fail("unknown child mode \(mode)")
    }
} catch {
    Bench.fail("\(error)")
}
