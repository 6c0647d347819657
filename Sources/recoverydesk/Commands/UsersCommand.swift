import ArgumentParser

/// `recoverydesk users`: add, list, deactivate and reset the PIN of staff.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Manage staff and the users who sign in.",
        discussion: """
        Changes are made by an administrator: name them with --as NAME (not needed when there is \
        only one). Standard input gives their PIN on the first line and, where a new PIN is \
        needed, the new PIN on the second. \(CommandSupport.storeHelp)
        """,
        subcommands: [UsersAddCommand.self, UsersListCommand.self, UsersDeactivateCommand.self, UsersResetPINCommand.self]
    )
}
