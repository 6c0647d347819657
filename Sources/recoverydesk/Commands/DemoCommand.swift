import ArgumentParser
import Foundation
import PlanLibrary
import RecoveryModel
import RecoveryFixtures
import RecoveryStore

/// `recoverydesk demo`: builds a fictional provider with a year of evidence in a new store.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo store: a fictional provider with a year of MAR checks, escalations and plans.",
        discussion: """
        The demo store is made in a new file (an existing store is never overwritten). Every demo user's \
        PIN is 1234. The same seed on the same day gives the same store. \(CommandSupport.storeHelp)
        """
    )

    /// `--store PATH` is the root command's option (the app's own); it is read from there.
    @OptionGroup(visibility: .hidden) var root: RecoveryDeskCommand
    var store: String? { root.store }

    @Option(name: .long, help: "How many services (kinds cycle residential, nursing, homecare, supported living).")
    var services = 5

    @Option(name: .long, help: "Years of evidence, ending today.")
    var years = 1

    @Option(name: .long, help: ArgumentHelp("Days of evidence instead of years.", visibility: .hidden))
    var days: Int?

    @Option(name: .long, help: "The seed: the same seed on the same day gives the same store.")
    var seed: UInt64 = 2026

    /// The demo's last day (dd/mm/yyyy), ending at noon London time, for tests and to repeat a
    /// demo exactly; now when not given.
    @Option(name: .long, help: .hidden)
    var today: String?

    func run() throws {
        try CommandSupport.guarded {
            let now = try CommandSupport.moment(today: today)
            let templates: [PlanTemplate]
            let holidays: BankHolidays
            do {
                templates = try PlanTemplateLibrary.builtin()
                holidays = try BankHolidayFile.builtin()
            } catch {
                throw CommandFailure("\(error)")
            }
            let url = CommandSupport.storeURL(store)
            let started = Date()
            let summary = try DemoStore.build(at: url, options: DemoOptions(services: services, years: years, days: days, seed: seed),
                                              templates: templates, workingDays: WorkingDays(holidays: holidays), now: now)
            CommandSupport.say("Demo store made at \(url.standardizedFileURL.path) in \(String(format: "%.1f", Date().timeIntervalSince(started))) seconds.")
            for line in summary.lines { CommandSupport.say(line) }
            CommandSupport.say("All demo PINs are \(DemoStore.pin).")
        }
    }
}
