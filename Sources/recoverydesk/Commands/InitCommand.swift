import ArgumentParser
import Foundation
import RecoveryModel
import RecoveryStore

/// `recoverydesk init`: first-run set-up without the screen. The administrator's PIN is read
/// from standard input (one line).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up a new store: the provider, its first service and the first administrator.",
        discussion: "The administrator's PIN is read from standard input (one line of 4 to 12 digits). \(CommandSupport.storeHelp)"
    )

    /// `--store PATH` is the root command's option (the app's own); it is read from there.
    @OptionGroup(visibility: .hidden) var root: RecoveryDeskCommand
    var store: String? { root.store }

    @Option(name: .long, help: ArgumentHelp("The provider's name.", valueName: "name"))
    var provider: String

    @Option(name: .long, help: ArgumentHelp("The first service's name.", valueName: "name"))
    var service: String

    @Option(name: .long, help: ArgumentHelp("residential, nursing, domiciliary or supported-living (default residential).", valueName: "kind"))
    var kind: String = "residential"

    @Option(name: .long, help: ArgumentHelp("The first administrator's name.", valueName: "name"))
    var admin: String

    func run() throws {
        try CommandSupport.guarded {
            guard let serviceKind = Service.Kind(name: kind) else {
                throw CommandFailure("\(kind) is not a kind of service; use residential, nursing, domiciliary or supported-living.")
            }
            let pin = try CommandSupport.readPIN("the administrator's PIN")
            if let problem = PINPolicy().problem(with: pin) { throw CommandFailure(problem + ".") }
            let opened = try CommandSupport.openStore(store, createIfMissing: true)
            let member = try opened.setUp(SetUpRequest(providerName: provider, serviceName: service, serviceKind: serviceKind,
                                                       administratorName: admin, pin: pin), at: Date())
            CommandSupport.say("Set up \(opened.url.path): \(provider), service \(service), administrator \(member.name).")
        }
    }
}
