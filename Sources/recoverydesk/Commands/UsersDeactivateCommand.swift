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

    @Option(name: .long, help: ArgumentHelp("Their name.", valueName: "name"))
    var name: String

    @Option(name: .customLong("as"), help: ArgumentHelp("The administrator making the change.", valueName: "name"))
    var actingAs: String?

    func run() throws {
        try CommandSupport.guarded {
            let opened = try CommandSupport.openStore(store)
            let member = try CommandSupport.staffMember(opened, named: name)
            let actor = try CommandSupport.signIn(opened, as: actingAs)
            try opened.deactivateStaff(member.id, by: actor, at: Date())
            CommandSupport.say("Deactivated \(member.name).")
        }
    }
}
