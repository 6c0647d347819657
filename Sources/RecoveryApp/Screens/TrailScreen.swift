import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// A plan's trail: its chronology from the concern and baseline, through every status change,
/// step entry, escalation about it, measure result (with where the figure comes from) and
/// governance review, to the outcome. Each line is dated and attributed; the selected one is
/// shown in full beneath the list, and Enter opens its record (an escalation's page, the plan's
/// steps, or the plan itself). `t` on the plans list or a plan's page opens it.
public struct TrailScreen: ListScreen {
    public static let screenID = "trail"
    public var title: String { "Trail: \(planTitle)" }
    public let planID: Int64
    private var planTitle: String
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
        self.planID = planID
        planTitle = title
    }

    public var rows: TableRows {
        TableRows(lines.map { line in
            [UKDateFormat.dateTime(line.date), line.kind.title, line.who.isEmpty ? "(records)" : line.who, line.summary]
        }, roles: Dictionary(uniqueKeysWithValues: lines.enumerated().compactMap { index, line in
            line.kind == .escalation ? (index, StyleRole.warning) : nil
        }))
    }

    public var keyHints: [Hint]? {
        [.key(AppCommand.open, "open the record"), .key(AppCommand.search, "search"), .key(AppCommand.back, "back")]
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [task(LoadTrail(planID: planID))] }

    /// The plan and its chronology.
    struct LoadTrail: ScreenTask {
        var planID: Int64

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> PlanTrailRecords {
            try services.planTrail(planID, at: now)
        }

        func apply(_ trail: PlanTrailRecords, to screen: inout TrailScreen, context: ScreenContext) -> ScreenResponse {
            screen.planTitle = trail.plan.draft.title
            screen.lines = trail.lines
            screen.list.emptyMessage = "Nothing recorded for this plan yet."
            screen.keepSelection(rowCount: trail.lines.count, context: screen.tableContext(context))
            return .done
        }
    }

    /// The selected line.
    public var selected: TrailLine? { lines.indices.contains(list.state.selected) ? lines[list.state.selected] : nil }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: tableContext(context)) { return .done }
        guard command == AppCommand.open, let line = selected else { return .notHandled }
        switch line.opens {
        case .escalation(let id): return ScreenResponse(push: EscalationDetailScreen(escalationID: id))
        case .step: return ScreenResponse(push: StepThroughScreen(planID: planID))
        case .plan: return ScreenResponse(push: PlanDetailScreen(planID: planID))
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
