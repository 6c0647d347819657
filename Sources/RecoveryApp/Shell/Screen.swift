import Foundation
import RecoveryModel
import TUI

/// One screen of the app: its own state, how it answers commands and how it draws itself.
/// Screens are values; the app keeps them in a stack (the dashboard at the bottom).
public protocol Screen: Sendable {
    /// The screen's stable identifier, also the key scope of the commands it declares.
    static var screenID: String { get }
    /// The commands this screen answers besides the global, list and form ones, with their
    /// default keys and words; the keymap, key bar, hint line and help are made from them.
    static var commands: [KeyBinding] { get }
    /// A stable identifier, also the key scope of bindings that belong to this screen only.
    var id: String { get }
    /// The heading drawn above the screen.
    var title: String { get }
    /// Key scopes this screen listens to, most specific first (never `.global`; the app adds it).
    var scopes: [KeyScope] { get }
    /// True while a text field has focus, so printable keys are typed rather than run as commands.
    var isTyping: Bool { get }
    /// True when the screen wants `key` itself before the keymap sees it (an open pick list, or
    /// ↑/↓ on a focused pick list); the key then goes to `type(_:context:)`.
    func claims(_ key: Key) -> Bool
    /// True when leaving would lose something the user typed.
    var hasUnsavedInput: Bool { get }

    /// Runs a command from the keymap. Return `.notHandled` to let the app say the key does
    /// nothing here.
    mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse
    /// A printable key typed while `isTyping`.
    mutating func type(_ key: Key, context: ScreenContext) -> ScreenResponse
    /// A mouse click inside the screen's area.
    mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenResponse
    /// Draws the screen into its area.
    func render(into buffer: inout Buffer, area: Rect, context: ScreenContext)
    /// Effects to run when the screen is first shown (e.g. loading its rows).
    func appear(context: ScreenContext) -> [AppEffect]
    /// The hint line: commands (named by their keys as bound now) and notes; nil: the keymap's
    /// own hints for this screen.
    var keyHints: [Hint]? { get }
    /// Effects to run when the screen is shown again after the store changed (by default the
    /// same as `appear`). A screen handed its data by the screen that opened it asks for
    /// nothing in `appear` and reads again here.
    func refresh(context: ScreenContext) -> [AppEffect]
}

extension Screen {
    public static var screenID: String { "\(Self.self)" }
    public static var commands: [KeyBinding] { [] }
    public var id: String { Self.screenID }
    public var keyHints: [Hint]? { nil }
    public func refresh(context: ScreenContext) -> [AppEffect] { appear(context: context) }
    public var scopes: [KeyScope] { [.screen(id)] }
    public var isTyping: Bool { false }
    public func claims(_ key: Key) -> Bool { false }
    public var hasUnsavedInput: Bool { false }
    public mutating func type(_ key: Key, context: ScreenContext) -> ScreenResponse { .notHandled }
    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenResponse { .notHandled }
    public func appear(context: ScreenContext) -> [AppEffect] { [] }
}

/// A screen that shows a list the user can search with `/`, `n` and `N`.
public protocol SearchableScreen: Screen {
    /// The rows searched, in display order.
    var searchRows: any TableDataSource { get }
    /// The selected row.
    var selectedRow: Int { get }
    /// Moves the selection to a row (a search match).
    mutating func selectRow(_ row: Int, context: ScreenContext)
}

/// What a screen can see of the app while it works: the theme, the clock, the environment and
/// the size of the area it was given last.
public struct ScreenContext: Sendable {
    public var theme: Theme
    public var now: Date
    public var environment: AppEnvironment
    public var keymap: Keymap
    /// Rows available to the screen's content (for paging).
    public var contentHeight: Int
    /// Columns available to the screen's content (for screens that wrap text and scroll it).
    public var contentWidth: Int = 80
    /// Who is signed in, if anyone.
    public var user: StaffMember?
    /// The provider, once the store is set up.
    public var provider: Provider?
    /// Set while the computer's clock is behind the newest record.
    public var clockBehind: ClockCheck?
}

/// A screen's answer to a command: what to change in the app around it.
public struct ScreenResponse: Sendable {
    public var handled: Bool
    /// A screen to open on top of this one.
    public var push: (any Screen)?
    /// Close this screen.
    public var pop: Bool
    /// A message for the status line.
    public var status: StatusMessage?
    /// Work for the run loop (saving, loading).
    public var effects: [AppEffect]
    /// Someone has just signed in (or set up the store): the app starts their session.
    public var signedIn: StaffMember?
    /// The provider, when signing in or set-up has just learnt it.
    public var provider: Provider?

    public init(handled: Bool = true, push: (any Screen)? = nil, pop: Bool = false,
                status: StatusMessage? = nil, effects: [AppEffect] = [], signedIn: StaffMember? = nil,
                provider: Provider? = nil) {
        self.handled = handled
        self.push = push
        self.pop = pop
        self.status = status
        self.effects = effects
        self.signedIn = signedIn
        self.provider = provider
    }

    public static let done = ScreenResponse()
    public static let notHandled = ScreenResponse(handled: false)
    public static func message(_ status: StatusMessage) -> ScreenResponse { ScreenResponse(status: status) }
}
