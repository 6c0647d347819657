import Foundation
import RecoveryModel

/// Who is at the keyboard, and what a locked user left behind.
public struct SessionState: Sendable {
    /// The signed-in user, or nil while the sign-in (or set-up) screen shows.
    public var user: StaffMember?
    /// The provider, once known.
    public var provider: Provider?
    /// The last key press or click, for the idle lock.
    public var lastActivity: Date
    /// The screens of a user who was locked out by the idle lock or switch user, kept so the
    /// same user finds them as they left them. Thrown away if someone else signs in.
    public var parked: ParkedScreens?
    /// Minutes without a key before the screen locks.
    public var idleLockMinutes: Int

    public init(lastActivity: Date, idleLockMinutes: Int, provider: Provider? = nil) {
        self.lastActivity = lastActivity
        self.idleLockMinutes = idleLockMinutes
        self.provider = provider
    }

    /// When the screen will lock if nothing is pressed, while someone is signed in.
    public var lockDue: Date? {
        user == nil ? nil : lastActivity.addingTimeInterval(TimeInterval(idleLockMinutes * 60))
    }
}

/// A locked user's screens, waiting for them to sign back in.
public struct ParkedScreens: Sendable {
    public var userID: Int64
    public var stack: [any Screen]
}
