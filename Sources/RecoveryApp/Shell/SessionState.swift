import Foundation
import RecoveryModel

/// Who is at the keyboard, and what each locked-out person left behind.
public struct SessionState: Sendable {
    /// The signed-in user, or nil while the sign-in (or set-up) screen shows.
    public var user: StaffMember?
    /// The provider, once known.
    public var provider: Provider?
    /// The last key press or click, for the idle lock.
    public var lastActivity: Date
    /// The screens of everyone locked out by the idle lock or switch user, by staff id, kept
    /// (with anything half typed) until that same person signs back in or the app stops.
    /// Nobody else ever sees them.
    public var parked: [Int64: ParkedScreens] = [:]
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

    /// Locked-out people whose parked screens hold unsaved input, in the order they were locked out.
    public var waitingWork: [ParkedScreens] {
        parked.values.filter { !$0.unsavedForms.isEmpty }.sorted { ($0.parkedAt, $0.userID) < ($1.parkedAt, $1.userID) }
    }
}

/// A locked-out person's screens, waiting for them to sign back in.
public struct ParkedScreens: Sendable {
    public var userID: Int64
    /// Their name, for the question asked before quitting.
    public var name: String
    /// When the screen locked on them.
    public var parkedAt: Date
    public var stack: [any Screen]

    public init(userID: Int64, name: String, parkedAt: Date, stack: [any Screen]) {
        self.userID = userID
        self.name = name
        self.parkedAt = parkedAt
        self.stack = stack
    }

    /// What kind of form each screen holding unsaved input is ("escalation form"), bottom first.
    public var unsavedForms: [String] {
        stack.filter(\.hasUnsavedInput).map { UnsavedWork.formName(forTitle: $0.title) }
    }
}
