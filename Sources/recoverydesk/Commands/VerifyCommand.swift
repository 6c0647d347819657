import ArgumentParser
import Foundation
import RecoveryModel
import RecoveryStore

/// `recoverydesk verify`: integrity, the audit chain, and every record against its audit.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the store for damage and for changes made behind RecoveryDesk's back.",
        discussion: """
            Exit 0 when all is well; 1 with the first problem named. A computer clock more than five \
            minutes behind the newest record is reported as a warning and does not change the exit code. \
            \(CommandSupport.storeHelp)
            """
    )

    /// `--store PATH` is the root command's option (the app's own); it is read from there.
    @OptionGroup(visibility: .hidden) var root: RecoveryDeskCommand
    var store: String? { root.store }

    func run() throws {
        try CommandSupport.guarded {
            let opened = try CommandSupport.openStore(store)
            let report = try opened.verify()
            // The clock is a warning, not damage: said first, whatever the records' state.
            if let behind = ClockCheck.behind(now: Date(), newestRecord: try opened.newestRecordTime()) {
                CommandSupport.say("Warning: \(behind.message). \(ClockCheck.advice)")
            }
            if let first = report.problems.first {
                let more = report.problems.count - 1
                CommandSupport.fail(first + (more > 0 ? " (and \(more) more \(more == 1 ? "problem" : "problems"))" : "") + ".")
            }
            CommandSupport.say("The store is sound: \(report.auditEntries) audit entries in an unbroken chain, \(report.recordsChecked) records match their audited state.")
        }
    }
}
