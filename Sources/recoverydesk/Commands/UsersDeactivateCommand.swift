import ArgumentParser
import Foundation
import RecoveryModel
import RecoveryStore

/// `recoverydesk users deactivate`: they can no longer sign in; their records stay.
struct UsersDeactivateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deactivate",
        abstract: "Deactivate a member of staff (their records stay).",
        discussion: "Standard input: the acting administrator's PIN. \(CommandSupport.storeHelp)"
    )

    /// `--store PATH` is the root command's option (the app's own); it is read from there.
    @OptionGroup(visibility: .hidden) var root: RecoveryDeskCommand
    var store: String? { root.store }

    @OptionGroup var target: StaffChangeOptions

    func run() throws {
        try target.change(store: store) { opened, member, actor in
            try opened.deactivateStaff(member.id, by: actor, at: Date())
            CommandSupport.say("Deactivated \(member.name).")
        }
    }
}
