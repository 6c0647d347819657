import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// A trail: the chronology of a plan (from the concern and baseline, through every status change,
/// step entry, escalation about it, measure result with where the figure comes from, and
/// governance review, to the outcome) or of an escalation (what it answers, its raising,
/// acknowledgement, response and resolution). Each line is dated and attributed; the selected
/// one is shown in full beneath the list, and Enter opens its record. `t` opens it from the plans
/// list, a plan's page or an escalation's page.
public struct TrailScreen: ListScreen {
    public static let screenID = "trail"
    public var title: String { "Trail: \(subjectTitle)" }
    /// Whose trail it is.
    public enum Subject: Hashable, Sendable {
        case plan(Int64)
        case escalation(Int64)
    }
    public let subject: Subject
    private var subjectTitle: String
    public var list = ListPane(columns: [
        TableColumn(title: "When", width: .fixed(16)),
        TableColumn(title: "What", width: .fixed(10)),
        TableColumn(title: "Who", width: .fixed(16)),
        TableColumn(title: "Record", width: .flexible(minimum: 20)),
    ], emptyMessage: "Reading the plan's records…")
    public private(set) var lines: [TrailLine] = []

    /// Rows under the list for the selected line in full.
    static let detailHeight = 4

    public init(planID: Int64, title: String) {
        self.init(.plan(planID), title: title)
    }

    public init(_ subject: Subject, title: String) {
        self.subject = subject
        subjectTitle = title
    }

    public var rows: TableRows {
        TableRows(lines.map { line in
            [UKDateFormat.dateTime(line.date), line.kind.title, line.who.isEmpty ? "–" : line.who, line.summary]
        }, roles: Dictionary(uniqueKeysWithValues: lines.enumerated().compactMap { index, line in
            line.kind == .escalation ? (index, StyleRole.warning) : nil
        }))
    }

    public var keyHints: [Hint]? {
        [.key(AppCommand.open, "open the record"), .key(AppCommand.search, "search"), .key(AppCommand.back, "back")]
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [task(LoadTrail(subject: subject))] }

    /// The subject's chronology (and a plan's title, which may have changed).
    struct LoadTrail: ScreenTask {
        var subject: Subject

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> (title: String?, lines: [TrailLine]) {
            switch subject {
            case .plan(let id):
                let trail = try services.planTrail(id, at: now)
                return (trail.plan.draft.title, trail.lines)
            case .escalation(let id):
                return (nil, try services.escalationTrail(id))
            }
        }

        func apply(_ trail: (title: String?, lines: [TrailLine]), to screen: inout TrailScreen,
                   context: ScreenContext) -> ScreenResponse {
            if let title = trail.title { screen.subjectTitle = title }
            screen.lines = trail.lines
            screen.list.emptyMessage = "Nothing recorded yet."
            screen.keepSelection(rowCount: trail.lines.count, context: screen.tableContext(context))
            return .done
        }

        static func == (left: LoadTrail, right: LoadTrail) -> Bool { left.subject == right.subject }
    }

    /// The selected line.
    public var selected: TrailLine? { lines.indices.contains(list.state.selected) ? lines[list.state.selected] : nil }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: tableContext(context)) { return .done }
        guard command == AppCommand.open, let line = selected else { return .notHandled }
        switch line.opens {
        case .escalation(let id):
            // An escalation's own lines open its page; on a plan's trail, its line opens it too.
            return ScreenResponse(push: EscalationDetailScreen(escalationID: id))
        case .steps(let planID): return ScreenResponse(push: StepThroughScreen(planID: planID))
        case .plan(let planID):
            if case .plan = subject { return ScreenResponse(push: PlanDetailScreen(planID: planID)) }
            return ScreenResponse(push: TrailScreen(.plan(planID), title: "the plan"))
        case .marCheck(let checkID): return ScreenResponse(push: MARCheckDetailScreen(checkID: checkID))
        }
    }

    /// The table's area and the selected line's, inside the screen's area.
    func areas(_ area: Rect) -> (table: Rect, detail: Rect) {
        var rows = RowCursor(area.inset(left: 1, right: 1))
        let detail = rows.bottom(height: Self.detailHeight)
        return (rows.rest(), detail)
    }

    /// The context with the height the table takes, so paging moves by what shows.
    func tableContext(_ context: ScreenContext) -> ScreenContext {
        var adjusted = context
        adjusted.contentHeight = max(2, context.contentHeight - Self.detailHeight)
        return adjusted
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let (table, detail) = areas(area)
        list.render(into: &buffer, area: table, source: rows, theme: context.theme)
        guard let line = selected else { return }
        var words = RowCursor(detail)
        let who = line.who.isEmpty ? "" : ", \(line.who)"
        words.text("\(UKDateFormat.dateTime(line.date))\(who) · from \(line.source)", into: &buffer,
                   style: context.theme[.muted], maxLines: 1)
        words.text(line.summary, into: &buffer, style: context.theme[.normal], maxLines: Self.detailHeight - 1)
    }
}
