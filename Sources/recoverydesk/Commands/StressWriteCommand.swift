import ArgumentParser
import Foundation
import RecoveryModel
import RecoveryStore

/// Hidden: adds services named LABEL-1 ... LABEL-N, one transaction each through the write
/// path, printing each acknowledged id on its own line as soon as it is committed. Used by the
/// tests of two processes writing at once and of a process killed mid-loop.
struct StressWriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress-write",
        abstract: "Add many services, one transaction each (for tests).",
        shouldDisplay: false
    )

    /// `--store PATH` is the root command's option (the app's own); it is read from there.
    @OptionGroup(visibility: .hidden) var root: RecoveryDeskCommand
    var store: String? { root.store }

    @Option(name: .long, help: "How many to add.")
    var count: Int

    @Option(name: .long, help: "The start of each service's name.")
    var label: String

    @Option(name: .customLong("as"), help: ArgumentHelp("The administrator making the change.", valueName: "name"))
    var actingAs: String?

    func run() throws {
        try CommandSupport.guarded {
            let opened = try CommandSupport.openStore(store)
            let actor = try CommandSupport.signIn(opened, as: actingAs)
            for index in 1...max(1, count) {
                let service = try opened.addService(name: "\(label)-\(index)", kind: .residential, registeredManager: nil,
                                                    by: actor, at: Date())
                CommandSupport.say(String(service.id))
            }
        }
    }
}
