import Foundation
import RecoveryModel
import TUI

/// The whole state of a running app. A value: `update` changes it and returns effects;
/// `AppView` draws it. Nothing in here touches a terminal, a file or the clock.
public struct AppState: Sendable {
    /// The smallest terminal the app lays out in.
    public static let minimumSize = Size(width: 80, height: 24)

    public var environment: AppEnvironment
    public var theme: Theme
    public var keymap: Keymap
    public var size: Size
    public var now: Date
    /// Open screens with their generations; the dashboard is always at the bottom, the one
    /// shown is on top. Change it through `open`, `closeTop` and `replaceScreens`.
    public internal(set) var screens: [OpenScreen] = []
    /// The next generation number given to an opened screen.
    var nextGeneration = 1
    /// The store's change count as last read (`RecoveryDataStore.changeCount`, -1 before it has
    /// been): a screen whose data was read at another count is read again when shown again.
    public internal(set) var storeVersion: Int64 = -1
    /// The screen shown again (by generation) whose data waits on the change count's answer.
    var revisitPending: Int?
    /// Tasks asked for and not yet answered, by the generation of the screen that asked.
    public internal(set) var pendingTasks: [Int: PendingTasks] = [:]
    /// A question waiting for yes or no, if any.
    public var dialog: PendingDialog?
    /// The search prompt on the hint line, and the last search made.
    public var search = SearchState()
    /// The message on the status line, cleared by the next key.
    public var status: StatusMessage?
    /// Whether clicks and the wheel are listened to.
    public var mouseEnabled: Bool
    /// False once the app has been asked to stop.
    public var isRunning = true
    /// Who is signed in, the idle lock, and each locked-out person's parked screens.
    public var session: SessionState
    /// The newest record's moment, as the store last said (see `ClockWatch`).
    public var newestRecord: Date?
    /// The minute the store was last asked for it.
    var clockAskedMinute: Int64?

    /// How the app starts: set-up for a new store, sign-in for one already set up, or (for
    /// tests) with someone already signed in.
    public enum Start: Sendable {
        case setUp
        case signIn(Provider?)
        case signedIn(StaffMember, Provider?)
    }

    public init(environment: AppEnvironment, theme: Theme, keymap: Keymap, size: Size, now: Date,
                mouseEnabled: Bool = false, start: Start) {
        self.environment = environment
        self.theme = theme
        self.keymap = keymap
        self.size = size
        self.now = now
        self.mouseEnabled = mouseEnabled
        session = SessionState(lastActivity: now, idleLockMinutes: environment.configuration.idleLockMinutes)
        switch start {
        case .setUp:
            replaceScreens(with: [SetUpScreen()])
        case .signIn(let provider):
            session.provider = provider
            replaceScreens(with: [SignInScreen()])
        case .signedIn(let user, let provider):
            session.provider = provider
            session.user = user
            replaceScreens(with: [SectionScreens.make(.dashboard)])
        }
    }

    /// The open screens, bottom first.
    public var stack: [any Screen] { screens.map(\.screen) }

    /// The screen on top.
    public var current: any Screen { screens[screens.count - 1].screen }

    /// True when the terminal is below the minimum size and only the notice is shown.
    public var isTooSmall: Bool { !size.covers(Self.minimumSize) }

    /// The section the current screen belongs to (the one the bottom of its branch opened).
    public var section: Section {
        stack.count > 1 ? (SectionScreens.section(of: stack[1]) ?? .dashboard) : .dashboard
    }

    /// What a screen sees while it works.
    public var screenContext: ScreenContext {
        ScreenContext(theme: theme, now: now, environment: environment, keymap: keymap,
                      contentHeight: AppLayout(size: size).content.height, contentWidth: AppLayout(size: size).content.width,
                      user: session.user, provider: session.provider, clockBehind: clockBehind)
    }

    /// Key scopes listening right now, most specific first.
    public var activeScopes: [KeyScope] {
        if dialog != nil { return [.dialog] }
        return current.scopes + [.global]
    }

    /// True when any open screen would lose typed input if closed.
    public var hasUnsavedInput: Bool { screens.contains { $0.screen.hasUnsavedInput } }
}

/// An open screen and the number that tells its tasks' replies apart from those of a screen
/// closed before it (a string id would not: the same screen can be opened twice).
public struct OpenScreen: Sendable {
    public var screen: any Screen
    public let generation: Int
    /// The store's change count when the screen last read what it shows (its oldest read since
    /// it last asked), or `unread`.
    var dataVersion: Int64

    /// Not read yet, or reading: any change count differs from it.
    static let unread = Int64.max
}

/// The tasks one screen is waiting for.
public struct PendingTasks: Sendable, Equatable {
    public var count: Int
    /// When the oldest of them was asked for.
    public var since: Date
}

/// A yes/no question and what a yes does.
public struct PendingDialog: Sendable {
    public var title: String
    public var message: String
    public var onConfirm: Intent
    /// Words for the answers, after their keys Y and N.
    public var yesLabel = "Yes, lose it"
    public var noLabel = "No, go back"

    /// What the app does when the user says yes.
    public enum Intent: Sendable, Equatable {
        case quit
        case showSection(Section)
        case closeScreen
        case switchUser
    }
}

/// The `/` prompt and the remembered query for `n` and `N`.
public struct SearchState: Sendable {
    /// The query being typed, while the prompt is open.
    public var prompt: TextField?
    /// The last query searched for.
    public var lastQuery: String = ""
    public var isOpen: Bool { prompt != nil }
}
