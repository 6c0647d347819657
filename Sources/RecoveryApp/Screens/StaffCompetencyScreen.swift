import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// One member of staff's medicines competency, worked out from their observations, with every
/// observation of them, newest first. Opened from the records behind the staff competency
/// indicator; Up and Down scroll.
public struct StaffCompetencyScreen: Screen {
    public static let screenID = "staff-competency"
    public var title: String { detail.map { "\($0.person.name): competency" } ?? "Staff competency" }
    public var scopes: [KeyScope] { [.screen(id), .list] }
    public let staffID: Int64
    public private(set) var detail: StaffCompetency?
    private var body = ScrollingText()

    /// Columns between the screen's edge and the text.
    static let margin = 2

    public init(staffID: Int64) { self.staffID = staffID }

    public var keyHints: [Hint]? {
        [.key(AppCommand.down, "scroll"), .key(AppCommand.observations, "everyone's competency"), .key(AppCommand.back, "back")]
    }

    /// The person's competency and every observation of them.
    struct LoadCompetency: ScreenTask {
        typealias Target = StaffCompetencyScreen
        var staffID: Int64

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> StaffCompetency {
            try services.staffCompetency(staffID, at: now)
        }

        func apply(_ loaded: StaffCompetency, to screen: inout StaffCompetencyScreen, context: ScreenContext) -> ScreenResponse {
            screen.detail = loaded
            return .done
        }
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [task(LoadCompetency(staffID: staffID))] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        let lines = self.lines(width: ScrollingText.bodyWidth(context.contentWidth, margin: Self.margin))
        if body.perform(command, lineCount: lines.count, height: ScrollingText.bodyHeight(context.contentHeight)) {
            return .done
        }
        return command == AppCommand.open ? .done : .notHandled
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
        let all = lines(width: ScrollingText.bodyWidth(area.width, margin: Self.margin))
        body.render(all, in: area, margin: Self.margin, into: &buffer, theme: context.theme)
    }
}
