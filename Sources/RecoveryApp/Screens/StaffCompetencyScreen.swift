import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// One member of staff's medicines competency, worked out from their observations, with every
/// observation of them, newest first. Opened from the records behind the staff competency
/// indicator; Up and Down scroll.
public struct StaffCompetencyScreen: Screen {
    public static let screenID = "staff-competency"
    public let id = StaffCompetencyScreen.screenID
    public var title: String { detail.map { "\($0.person.name): competency" } ?? "Staff competency" }
    public var scopes: [KeyScope] { [.screen(id), .list] }
    public let staffID: Int64
    public private(set) var detail: StaffCompetency?
    private var scroll = 0

    public init(staffID: Int64) { self.staffID = staffID }

    public var hints: [String]? { ["↑↓ scroll", "F5 everyone's competency", "Esc back"] }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadStaffCompetency(staffID: staffID), context: context)] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        let page = max(1, context.contentHeight - 2)
        switch command {
        case AppCommand.down: scroll += 1
        case AppCommand.up: scroll = max(0, scroll - 1)
        case AppCommand.pageDown: scroll += page
        case AppCommand.pageUp: scroll = max(0, scroll - page)
        case AppCommand.first: scroll = 0
        case AppCommand.last: scroll = Int.max / 2
        case AppCommand.open: break
        default: return .notHandled
        }
        return .done
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .staffCompetency(let loaded):
            detail = loaded
            return .done
        case .failed(let message):
            return .message(.error(message))
        default:
            return .done
        }
    }

    /// The screen as lines with their roles, wrapped to `width`.
    func lines(width: Int) -> [(String, StyleRole)] {
        guard let detail else { return [("Loading…", .muted)] }
        var out: [(String, StyleRole)] = []
        func add(_ text: String, _ role: StyleRole = .normal, indent: String = "") {
            for line in TextWrap.lines(text, width: max(10, width - indent.count)) { out.append((indent + line, role)) }
        }
        let person = detail.person
        let services = person.serviceIDs.compactMap { id in detail.services.first { $0.id == id }?.name }
        add("\(person.name) · \(person.role.title)" + (services.isEmpty ? "" : " · \(services.joined(separator: ", "))")
            + (person.active ? "" : " · left"), .header)
        let (mark, role) = ObservationsScreen.badge(detail.status)
        add("Medicines competency: \(mark) \(detail.status.title)", role)
        let kinds = person.serviceIDs.compactMap { id in detail.services.first { $0.id == id }?.kind }
        if !kinds.contains(where: { person.role.givesMedicines(in: $0) }) {
            add("Their role does not usually give medicines; they count once their records show they do.", .muted)
        }
        out.append(("", .normal))
        guard !detail.observations.isEmpty else {
            add("No observations recorded, so their competency has never been assessed.", .muted)
            return out
        }
        out.append(("Observations, newest first:", .header))
        for observation in detail.observations {
            let draft = observation.draft
            add("\(UKDateFormat.dateTime(draft.occurredAt)) \(draft.kind.title) · \(draft.outcome.title) · by \(observation.observedBy)")
            var more: [String] = []
            if draft.followUp != .none { more.append("Follow-up: \(draft.followUp.title.lowercased())") }
            if let by = draft.reassessBy { more.append("reassess by \(UKDateFormat.date(by))") }
            if !draft.note.isEmpty { more.append(draft.note) }
            if !more.isEmpty { add(more.joined(separator: "; "), .muted, indent: "  ") }
        }
        return out
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let inner = area.inset(top: 1, left: 2, bottom: 0, right: 2)
        let all = lines(width: inner.width)
        let first = min(scroll, max(0, all.count - inner.height))
        for (row, line) in all.dropFirst(first).prefix(inner.height).enumerated() {
            buffer.write(line.0, in: inner.row(row), style: context.theme[line.1])
        }
    }
}
