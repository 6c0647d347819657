import ArgumentParser
import Foundation
import RecoveryModel
import RecoveryStore

/// `recoverydesk thresholds`: the provider's red/amber/green thresholds for each indicator, and
/// changing one (administrators; the PIN is the first line of standard input).
struct ThresholdsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thresholds",
        abstract: "List or change when each early-warning indicator turns amber and red.",
        discussion: """
        Every indicator counts something going wrong, so a value at or above the amber threshold is \
        amber and at or above the red one is red. With --set ID --amber N --red N an administrator \
        changes one for the whole provider; --reset ID puts back the standard thresholds. \
        \(CommandSupport.storeHelp)
        """
    )

    @OptionGroup(visibility: .hidden) var root: RecoveryDeskCommand
    var store: String? { root.store }

    @Option(name: .long, help: ArgumentHelp("The indicator to change (its id, as listed).", valueName: "id"))
    var set: String?

    @Option(name: .long, help: "The value at which it turns amber.")
    var amber: Double?

    @Option(name: .long, help: "The value at which it turns red.")
    var red: Double?

    @Option(name: .long, help: ArgumentHelp("Put back the standard thresholds of this indicator.", valueName: "id"))
    var reset: String?

    @Option(name: [.customLong("as")], help: ArgumentHelp("The administrator making the change.", valueName: "name"))
    var actingAs: String?

    func run() throws {
        try CommandSupport.guarded {
            let opened = try CommandSupport.openStore(store)
            if let wanted = set ?? reset {
                let id = try CommandSupport.indicator(named: wanted)
                var threshold: IndicatorThreshold?
                if set != nil {
                    guard let amber, let red else { throw CommandFailure("Give both --amber and --red with --set.") }
                    threshold = IndicatorThreshold(amber: amber, red: red)
                    if let problem = threshold.flatMap({ IndicatorThresholds.problems($0).first }) { throw CommandFailure(problem) }
                }
                let now = Date()
                let actor = try CommandSupport.signIn(opened, as: actingAs, now: now)
                try opened.setIndicatorThreshold(id, to: threshold, by: actor, at: now)
                let current = try opened.indicatorThresholds()[id]
                CommandSupport.say("\(id.definition.name): \(current.describe(unit: id.definition.unit)).")
                return
            }
            let thresholds = try opened.indicatorThresholds()
            let lines = IndicatorID.allCases.map { id -> String in
                let own = thresholds.overrides[id] == nil ? "" : " (set by the provider)"
                return "\(id.rawValue.padding(toLength: 27, withPad: " ", startingAt: 0)) \(id.definition.name): \(thresholds[id].describe(unit: id.definition.unit))\(own)"
            }
            CommandSupport.say(lines.joined(separator: "\n"))
        }
    }
}
