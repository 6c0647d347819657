import ArgumentParser
import Foundation
import RecoveryModel
import RecoveryStore

/// `recoverydesk users list`: everyone on the staff list, as text or JSON.
struct UsersListCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List staff with their role, services and whether they are active.",
        discussion: CommandSupport.storeHelp
    )

    /// `--store PATH` is the root command's option (the app's own); it is read from there.
    @OptionGroup(visibility: .hidden) var root: RecoveryDeskCommand
    var store: String? { root.store }

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    func run() throws {
        try CommandSupport.guarded {
            let opened = try CommandSupport.openStore(store)
            let services = Dictionary(uniqueKeysWithValues: try opened.services(includingInactive: true).map { ($0.id, $0.name) })
            let staff = try opened.staff(includingInactive: true)
            switch format {
            case .json:
                let items: [[String: Any]] = staff.map { member in
                    ["name": member.name, "role": member.role.rawValue,
                     "services": member.serviceIDs.compactMap { services[$0] },
                     "active": member.active, "can_sign_in": member.canSignIn]
                }
                let data = try JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys])
                CommandSupport.say(String(decoding: data, as: UTF8.self))
            case .text:
                if staff.isEmpty { CommandSupport.say("No staff yet.") }
                for member in staff {
                    let where_ = member.serviceIDs.compactMap { services[$0] }.joined(separator: ", ")
                    let state = member.active ? (member.canSignIn ? "active, signs in" : "active, no PIN") : "deactivated"
                    CommandSupport.say("\(member.name) — \(member.role.title) — \(where_.isEmpty ? "no service" : where_) — \(state)")
                }
            }
        }
    }
}
