import Foundation
import RecoveryModel

/// The use cases the app's screens and the command line share: one place that turns a question
/// ("the dashboard's indicators", "log this check and say who was not competent") into calls on
/// the store. The app's screens run these off the input loop as typed tasks; `recoverydesk`
/// runs the same methods, so a figure on screen and in a report come from one computation.
///
/// A plain read or write that is one store call is reached as `store`; anything that takes more
/// than one call, or works something out, is a method here.
public struct RecoveryServices: Sendable {
    /// The open store (SQLite, built by the launcher at start-up).
    public let store: any RecoveryDataStore
    /// The provider's working days (targets, the closure guard, due times).
    public let workingDays: WorkingDays

    public init(store: any RecoveryDataStore, workingDays: WorkingDays = .weekendsOnly) {
        self.store = store
        self.workingDays = workingDays
    }

    /// The signed-in user, or a refusal in words when nobody is.
    public func signedIn(_ actor: Actor?) throws(StoreError) -> Actor {
        guard let actor else { throw .invalid("Sign in first.") }
        return actor
    }
}
