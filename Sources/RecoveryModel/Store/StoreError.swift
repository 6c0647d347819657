import Foundation

/// Why a store refused or failed, in one plain sentence for the screen or the terminal.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The actor's role does not allow this.
    case notAllowed(Permission, Role)
    /// The actor's role allows it, but not for this service: they work elsewhere (`ServiceScope`).
    case outsideScope(String)
    /// The input is wrong (a blank name, a short PIN); the words say what to change.
    case invalid(String)
    /// No such record.
    case notFound(String)
    /// It clashes with something already there (a name in use, set-up done twice).
    case conflict(String)
    /// The file cannot be used as a store (not SQLite, not ours, damaged, from a newer version).
    case unusableStore(String)
    /// Reading or writing failed.
    case storage(String)

    public var description: String {
        switch self {
        case .notAllowed(let permission, let role):
            return "A \(role.title.lowercased()) may not \(permission.rawValue); that needs: \(Permissions.whoMay(permission))."
        case .outsideScope(let message), .invalid(let message), .notFound(let message), .conflict(let message),
             .unusableStore(let message), .storage(let message):
            return message
        }
    }
}
