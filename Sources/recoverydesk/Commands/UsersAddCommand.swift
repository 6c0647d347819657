import ArgumentParser
import Foundation
import RecoveryModel
import RecoveryStore

/// `recoverydesk users add`: a new member of staff, with a PIN so they can sign in.
struct UsersAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a member of staff.",
        discussion: """
        Standard input: the acting administrator's PIN, then the new person's PIN (unless \
        --no-pin). ROLE by its name in any case, with spaces or hyphens (e.g. "team leader"). \
        A service-level role (everyone but the quality lead, nominated individual, provider \
        operations lead, safeguarding lead and administrator) needs --service, unless the \
        provider has only one service, which is then used; the first --service is their home \
        service, where their forms start. \
        \(CommandSupport.storeHelp)
        """
    )

    /// `--store PATH` is the root command's option (the app's own); it is read from there.
    @OptionGroup(visibility: .hidden) var root: RecoveryDeskCommand
    var store: String? { root.store }

    @Option(name: .long, help: ArgumentHelp("Their name.", valueName: "name"))
    var name: String

    @Option(name: .long, help: ArgumentHelp("Their role, e.g. team-leader or \"Registered manager\".", valueName: "role"))
    var role: String

    @Option(name: .long, help: ArgumentHelp("A service they work in (repeat for more).", valueName: "name"))
    var service: [String] = []

    @Option(name: .customLong("as"), help: ArgumentHelp("The administrator making the change.", valueName: "name"))
    var actingAs: String?

    @Flag(name: .customLong("no-pin"), help: "Add them without a PIN: they are named in records but do not sign in.")
    var noPIN = false

    func run() throws {
        try CommandSupport.guarded {
            guard let parsedRole = Role(name: role) else {
                throw CommandFailure("\(role) is not a role RecoveryDesk knows; try e.g. \"team leader\" or \"registered manager\".")
            }
            let opened = try CommandSupport.openStore(store)
            let services = try opened.services(includingInactive: false)
            var serviceIDs = try service.map { wanted in
                guard let found = services.first(where: { $0.name.caseInsensitiveCompare(wanted) == .orderedSame }) else {
                    throw CommandFailure("There is no active service called \(wanted).")
                }
                return found.id
            }
            // A service-level role works somewhere: the only service, or the one named.
            if serviceIDs.isEmpty && !ServiceScope.isProviderWide(parsedRole) {
                guard services.count == 1 else {
                    throw CommandFailure("A \(parsedRole.title.lowercased()) works at one service or more: name it with --service "
                                         + "(one of \(ServiceScope.list(services.map(\.name)))).")
                }
                serviceIDs = [services[0].id]
            }
            let actor = try CommandSupport.signIn(opened, as: actingAs)
            let pin = noPIN ? nil : try CommandSupport.readPIN("the new PIN for \(name)")
            let member = try opened.addStaff(name: name, role: parsedRole, serviceIDs: serviceIDs, pin: pin, by: actor, at: Date())
            CommandSupport.say("Added \(member.name), \(member.role.title.lowercased())\(member.canSignIn ? ", who can sign in" : "").")
        }
    }
}
