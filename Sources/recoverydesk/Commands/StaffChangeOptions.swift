import ArgumentParser
import RecoveryModel
import RecoveryStore

/// The options of a command that changes one member of staff as an administrator: who, and who
/// is making the change. Shared by `users deactivate` and `users reset-pin`.
struct StaffChangeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Their name.", valueName: "name"))
    var name: String

    @Option(name: .customLong("as"), help: ArgumentHelp("The administrator making the change.", valueName: "name"))
    var actingAs: String?

    /// Opens the store, finds the member of staff, signs the administrator in (PIN from standard
    /// input) and runs the change.
    func change(store path: String?,
                _ body: (SQLiteRecoveryStore, StaffMember, Actor) throws -> Void) throws {
        try CommandSupport.guarded {
            let opened = try CommandSupport.openStore(path)
            let member = try CommandSupport.staffMember(opened, named: name)
            let actor = try CommandSupport.signIn(opened, as: actingAs)
            try body(opened, member, actor)
        }
    }
}
