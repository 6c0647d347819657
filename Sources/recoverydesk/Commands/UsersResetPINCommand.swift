import ArgumentParser
import Foundation
import RecoveryModel
import RecoveryStore

/// `recoverydesk users reset-pin`: a new PIN, which also clears any lock.
struct UsersResetPINCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-pin",
        abstract: "Give a member of staff a new PIN (and clear any lock).",
        discussion: "Standard input: the acting administrator's PIN, then the new PIN. \(CommandSupport.storeHelp)"
    )

    /// `--store PATH` is the root command's option (the app's own); it is read from there.
    @OptionGroup(visibility: .hidden) var root: RecoveryDeskCommand
    var store: String? { root.store }

    @OptionGroup var target: StaffChangeOptions

    func run() throws {
        try target.change(store: store) { opened, member, actor in
            let pin = try CommandSupport.readPIN("the new PIN for \(member.name)")
            try opened.resetPIN(member.id, pin: pin, by: actor, at: Date())
            CommandSupport.say("Set a new PIN for \(member.name).")
        }
    }
}
