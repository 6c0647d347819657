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

    public let id = SignInScreen.screenID
    public let title = "Sign in"
    public var isTyping: Bool { true }

    /// Why the screen is showing, when it was locked.
    public let notice: String?
    private var everyone: [StaffMember] = []
    private var filter = TextField()
    private var list = ListPane(columns: [
        TableColumn(title: "Name", width: .flexible(minimum: 20)),
        TableColumn(title: "Role", width: .fixed(28)),
    ], emptyMessage: "No one matches. Clear the search (Ctrl-U) to see everyone.")
    /// The person chosen and their PIN so far.
    private var chosen: (member: StaffMember, pin: TextField)?
    /// The last problem, shown on the screen as well as the status line.
    public private(set) var problem: String?
    private var loaded = false

    public init(notice: String? = nil) { self.notice = notice }

    public var scopes: [KeyScope] { chosen == nil ? [.screen(id), .list, .form] : [.screen(id), .form] }

    /// The people shown: active users whose name or role contains the filter text.
    public var shown: [StaffMember] {
        let query = filter.value.trimmed
        guard !query.isEmpty else { return everyone }
        return everyone.filter { ListSearch.matches(query, in: $0.name) || ListSearch.matches(query, in: $0.role.title) }
    }

    public var hints: [String]? {
        chosen == nil ? ["Type to narrow the list", "Up/Down choose", "Enter select", "Ctrl-U clear"]
            : ["Enter sign in", "Esc choose someone else"]
    }

    /// The person whose PIN is being asked for.
    public var chosenName: String? { chosen?.member.name }

    private var rows: TableRows { TableRows(shown.map { [$0.name, $0.role.title] }) }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadSignInList, context: context)] }

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
                return ScreenResponse(effects: [ask(.signIn(staffID: current.member.id, pin: pin), context: context)])
            default:
                if let key = DefaultKeymap.editingKeys[command] {
                    _ = current.pin.handle(key)
                    chosen = current
                    return .done
                }
                return .notHandled
            }
        }
        if list.perform(command, rowCount: rows.rowCount, contentHeight: context.contentHeight - 4) { return .done }
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

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .signInList(let people):
            everyone = people
            loaded = true
            return .done
        case .signIn(.wrongPIN(let left)):
            let name = chosen?.member.name ?? "this person"
            problem = "That PIN is not right. \(left) \(left == 1 ? "try" : "tries") left before \(name) is locked for five minutes."
            return .message(.error(problem ?? ""))
        case .signIn(.locked(let until)):
            let name = chosen?.member.name ?? "This person"
            problem = "\(name) is locked after five wrong PINs. Try again after \(UKDateFormat.time(until)), or ask an administrator to reset the PIN."
            return .message(.error(problem ?? ""))
        case .failed(let message):
            problem = message
            return .message(.error(message))
        default:
            return .done
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        var y = area.y + 1
        if let notice {
            buffer.write("  " + notice, in: Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.warning])
            y += 2
        }
        if let behind = context.clockBehind {
            // Said before anyone signs in, so nobody types into a store whose records look
            // half gone and whose new entries would be stamped too early.
            for line in TextWrap.lines("! \(behind.message). \(ClockCheck.advice)", width: max(1, area.width - 4)) {
                buffer.write("  " + line, in: Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.warning])
                y += 1
            }
            y += 1
        }
        if context.environment.isDemoStore {
            buffer.write("  This is a demo store with made-up people and records: every PIN is 1234.",
                         in: Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.status])
            y += 2
        }
        if let current = chosen {
            buffer.write("  \(current.member.name), \(current.member.role.title.lowercased())",
                         in: Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.header])
            y += 2
            buffer.write("  PIN: ", x: area.x, y: y, style: theme[.normal])
            current.pin.render(in: Rect(x: area.x + 7, y: y, width: 14, height: 1), into: &buffer, theme: theme, focused: true)
            y += 2
            buffer.write("  Enter signs in. Esc chooses someone else.", in: Rect(x: area.x, y: y, width: area.width, height: 1),
                         style: theme[.muted])
            y += 2
        } else {
            buffer.write("  Who are you? Type part of your name or role, then Enter.",
                         in: Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.header])
            y += 1
            buffer.write("  Find: ", x: area.x, y: y, style: theme[.normal])
            filter.render(in: Rect(x: area.x + 8, y: y, width: 30, height: 1), into: &buffer, theme: theme, focused: true)
            y += 2
            let listArea = Rect(x: area.x, y: y, width: area.width, height: max(0, area.maxY - y - 2))
            if loaded {
                list.render(into: &buffer, area: listArea, source: rows, theme: theme)
            }
        }
        if let problem {
            let lines = TextWrap.lines("! " + problem, width: max(1, area.width - 4))
            for (offset, line) in lines.prefix(2).enumerated() {
                buffer.write("  " + line, in: Rect(x: area.x, y: area.maxY - 2 + offset, width: area.width, height: 1),
                             style: theme[.error])
            }
        }
    }
}
