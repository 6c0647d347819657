import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Who is at the keyboard: choose your name from the list (type part of a name or role to
/// narrow it), then enter your PIN. Five wrong PINs lock that person for five minutes.
public struct SignInScreen: Screen {
    public static let screenID = "sign-in"
    public static let idleNotice = "The screen locked because nothing was pressed for a while. Sign in to carry on."
    public static let switchNotice = "Locked for a change of user. The next person can sign in below."

    public let title = "Sign in"
    public var isTyping: Bool { true }

    /// Why the screen is showing, when it was locked.
    public let notice: String?
    public private(set) var everyone: [StaffMember] = []
    private var filter = TextField()
    private var list = ListPane(columns: [
        TableColumn(title: "Name", width: .flexible(minimum: 20)),
        TableColumn(title: "Role", width: .fixed(28)),
    ], emptyMessage: "No one matches.")
    /// The person chosen and their PIN so far.
    private var chosen: (member: StaffMember, pin: TextField)?
    /// The last problem, shown on the screen as well as the status line.
    public private(set) var problem: String?
    public private(set) var loaded = false

    public init(notice: String? = nil) { self.notice = notice }

    public var scopes: [KeyScope] { chosen == nil ? [.screen(Self.screenID), .list, .form] : [.screen(Self.screenID), .form] }

    /// The people shown: active users whose name or role contains the filter text.
    public var shown: [StaffMember] {
        let query = filter.value.trimmed
        guard !query.isEmpty else { return everyone }
        return everyone.filter { ListSearch.matches(query, in: $0.name) || ListSearch.matches(query, in: $0.role.title) }
    }

    public var keyHints: [Hint]? {
        chosen == nil
            ? [.note("Type to narrow the list"), .key(AppCommand.down, "next"), .key(AppCommand.up, "previous"),
               .key(AppCommand.open, "select"), .key(AppCommand.clearField, "clear")]
            : [.key(AppCommand.submit, "sign in"), .key(AppCommand.back, "choose someone else")]
    }

    /// The person whose PIN is being asked for.
    public var chosenName: String? { chosen?.member.name }

    private func tableRows() -> TableRows { TableRows(shown.map { [$0.name, $0.role.title] }) }

    // MARK: Tasks

    /// The active people who can sign in.
    struct LoadSignInList: ScreenTask {
        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> [StaffMember] {
            try services.store.signInList()
        }

        func apply(_ people: [StaffMember], to screen: inout SignInScreen, context: ScreenContext) -> ScreenResponse {
            screen.everyone = people
            screen.loaded = true
            return .done
        }
    }

    /// Checks a PIN: right, the app starts the person's session; wrong or locked, the screen
    /// stays with the reason.
    struct SignIn: ScreenTask, CustomStringConvertible {
        var staffID: Int64
        var pin: String

        /// Never the PIN (task descriptions reach the log).
        var description: String { "SignIn(staffID: \(staffID))" }

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> SignInResult {
            try services.store.signIn(staffID: staffID, pin: pin, at: now)
        }

        func apply(_ result: SignInResult, to screen: inout SignInScreen, context: ScreenContext) -> ScreenResponse {
            switch result {
            case .signedIn(let member):
                return ScreenResponse(signedIn: member)
            case .wrongPIN(let left):
                let name = screen.chosen?.member.name ?? "this person"
                return screen.show("That PIN is not right. \(left) \(left == 1 ? "try" : "tries") left before \(name) is locked for five minutes.")
            case .locked(let until):
                let name = screen.chosen?.member.name ?? "This person"
                return screen.show("\(name) is locked after five wrong PINs. Try again after \(UKDateFormat.time(until)), or ask an administrator to reset the PIN.")
            }
        }

        func refused(_ error: StoreError, screen: inout SignInScreen, context: ScreenContext) -> ScreenResponse {
            screen.show(error.description)
        }
    }

    /// A problem shown on the screen and on the status line.
    mutating func show(_ problem: String) -> ScreenResponse {
        self.problem = problem
        return .message(.error(problem))
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [task(LoadSignInList())] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if var current = chosen {
            switch command {
            case AppCommand.back:
                chosen = nil
                problem = nil
                return .done
            case AppCommand.submit, AppCommand.save:
                let pin = current.pin.value
                guard !pin.isEmpty else { return .message(.error("Enter your PIN.")) }
                current.pin = TextField(masked: true)
                chosen = current
                return ScreenResponse(effects: [task(SignIn(staffID: current.member.id, pin: pin))])
            default:
                if let key = DefaultKeymap.editingKeys[command] {
                    _ = current.pin.handle(key)
                    chosen = current
                    return .done
                }
                return .notHandled
            }
        }
        if list.perform(command, rowCount: tableRows().rowCount, contentHeight: context.contentHeight - 4) { return .done }
        switch command {
        case AppCommand.open:
            let people = shown
            guard people.indices.contains(list.state.selected) else {
                return .message(.info(everyone.isEmpty ? "No one can sign in yet." : "No one matches what you typed."))
            }
            chosen = (people[list.state.selected], TextField(masked: true))
            problem = nil
            return .done
        case AppCommand.back:
            guard !filter.value.isEmpty else { return .notHandled }
            filter = TextField()
            list.state = TableState()
            return .done
        default:
            if let key = DefaultKeymap.editingKeys[command] {
                _ = filter.handle(key)
                list.state = TableState()
                return .done
            }
            return .notHandled
        }
    }

    public mutating func type(_ key: Key, context: ScreenContext) -> ScreenResponse {
        if var current = chosen {
            _ = current.pin.handle(key)
            chosen = current
        } else {
            _ = filter.handle(key)
            list.state = TableState()
        }
        return .done
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        var rows = RowCursor(area)
        let problemArea = rows.bottom(height: 2).inset(left: 2, right: 2)
        rows.skip()
        if let notice {
            rows.text(notice, into: &buffer, style: theme[.warning], indent: 2)
            rows.skip()
        }
        if let behind = context.clockBehind {
            // Said before anyone signs in, so nobody types into a store whose records look
            // half gone and whose new entries would be stamped too early.
            rows.text("! \(behind.message). \(ClockCheck.advice)", into: &buffer, style: theme[.warning], indent: 2)
            rows.skip()
        }
        if context.environment.isDemoStore {
            rows.text("This is a demo store with made-up people and records: every PIN is 1234.",
                      into: &buffer, style: theme[.status], indent: 2)
            rows.skip()
        }
        let enter = AdminText.keyName(AppCommand.submit, screen: self, context: context) ?? "Enter"
        if let current = chosen {
            rows.text("\(current.member.name), \(current.member.role.title.lowercased())", into: &buffer, style: theme[.header], indent: 2)
            rows.skip()
            let pinRow = rows.next().inset(left: 2).splitLabel(width: 5)
            buffer.write("PIN:", in: pinRow.label, style: theme[.normal])
            current.pin.render(in: Rect(x: pinRow.value.x, y: pinRow.value.y, width: min(14, pinRow.value.width), height: 1),
                               into: &buffer, theme: theme, focused: true)
            rows.skip()
            let back = AdminText.keyName(AppCommand.back, screen: self, context: context)
            rows.text("\(enter) signs in." + (back.map { " \($0) chooses someone else." } ?? ""),
                      into: &buffer, style: theme[.muted], indent: 2)
        } else {
            let open = AdminText.keyName(AppCommand.open, screen: self, context: context) ?? enter
            rows.text("Who are you? Type part of your name or role, then \(open).", into: &buffer, style: theme[.header],
                      indent: 2, maxLines: 1)
            let findRow = rows.next().inset(left: 2).splitLabel(width: 6)
            buffer.write("Find:", in: findRow.label, style: theme[.normal])
            filter.render(in: Rect(x: findRow.value.x, y: findRow.value.y, width: min(30, findRow.value.width), height: 1),
                          into: &buffer, theme: theme, focused: true)
            rows.skip()
            if loaded {
                var pane = list
                let clear = AdminText.keyName(AppCommand.clearField, screen: self, context: context)
                pane.emptyMessage = "No one matches." + (clear.map { " Clear the search (\($0)) to see everyone." } ?? "")
                pane.render(into: &buffer, area: rows.rest(), source: tableRows(), theme: theme)
            }
        }
        if let problem {
            buffer.writeWrapped("! " + problem, in: problemArea, style: theme[.error])
        }
    }
}
