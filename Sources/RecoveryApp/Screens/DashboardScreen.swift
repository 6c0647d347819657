import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// The home screen: the early-warning indicators of the whole provider (first row) and of each
/// active service. Each row shows the worst state with how many indicators are in it, then as
/// many of the key indicators (`IndicatorID.dashboardOrder`) as the width allows: a badge (a
/// symbol and a letter as well as a colour), the value and its last weeks as a sparkline.
/// Enter opens the row's page of every indicator, handed the row's figures. The figures are
/// worked out when the screen first appears, and again only when it is shown after the store
/// has changed.
public struct DashboardScreen: ListScreen {
    public static let screenID = Section.dashboard.rawValue
    public let title = Section.dashboard.title
    public var list = ListPane(columns: [], emptyMessage: DashboardScreen.loadingMessage)
    public private(set) var report: IndicatorReport?

    static let loadingMessage = "Working out the early-warning indicators…"
    static let noServicesMessage = "No services yet. An administrator adds them under F9 Admin."

    /// Widths of the columns.
    static let nameMinimum = 14
    static let nameWanted = 30
    static let overallWidth = 10
    static let cellWidth = 11
    /// Indicator columns shown at any width that allows them, before the names get more room.
    static let columnsBeforeNames = 4

    public init() {}

    /// The provider's row, then the services', as shown.
    public var shownRows: [ServiceIndicators] {
        guard let report, !report.services.isEmpty else { return [] }
        return [report.provider] + report.services
    }

    /// Searched by name and overall state.
    public var rows: TableRows {
        TableRows(shownRows.map { [$0.name, IndicatorCells.overall($0)] })
    }

    /// The indicators shown as columns in a content area `width` columns wide: at least four when
    /// they fit beside a short name, then more once the longest name has room.
    public static func indicatorColumns(width: Int, longestName: Int) -> [IndicatorID] {
        let tableWidth = ListPane.tableArea(in: Rect(x: 0, y: 0, width: width, height: 3)).width
        func fits(_ count: Int, name: Int) -> Bool {
            name + (1 + overallWidth) + count * (1 + cellWidth) <= tableWidth
        }
        let all = IndicatorID.dashboardOrder
        var count = 0
        while count < min(columnsBeforeNames, all.count), fits(count + 1, name: nameMinimum) { count += 1 }
        let wanted = min(max(longestName, nameMinimum), nameWanted)
        while count < all.count, fits(count + 1, name: wanted) { count += 1 }
        return Array(all.prefix(count))
    }

    /// The columns for the indicators shown.
    public static func columns(_ shown: [IndicatorID]) -> [TableColumn] {
        [TableColumn(title: "Service", width: .flexible(minimum: nameMinimum)),
         TableColumn(title: "Overall", width: .fixed(overallWidth))]
            + shown.map { TableColumn(title: $0.definition.shortName, width: .fixed(cellWidth)) }
    }

    /// One indicator's cell: badge, value (right-aligned to `valueWidth`) and the sparkline in
    /// what is left.
    public static func cell(_ value: IndicatorValue, valueWidth: Int) -> String {
        let badge = IndicatorCells.badge(value.state)
        let text = TextWidth.pad(value.text, to: valueWidth, alignment: .right)
        let sparkWidth = cellWidth - TextWidth.of(badge) - 1 - valueWidth - 1
        guard sparkWidth > 0 else { return "\(badge) \(text)" }
        return "\(badge) \(text) \(IndicatorCells.sparkline(value, width: sparkWidth))"
    }

    /// The table's rows for the indicators shown, each cell with its state's role.
    func table(_ shown: [IndicatorID]) -> StyledRows {
        let rows = shownRows
        let valueWidths = shown.map { id in
            min(5, max(1, rows.compactMap { $0[id].map { TextWidth.of($0.text) } }.max() ?? 1))
        }
        var cells: [[String]] = []
        var roles: [[StyleRole?]] = []
        for row in rows {
            var line = [row.name, IndicatorCells.overall(row)]
            var lineRoles: [StyleRole?] = [nil, IndicatorCells.role(row.overall)]
            for (index, id) in shown.enumerated() {
                guard let value = row[id] else { line.append(""); lineRoles.append(nil); continue }
                line.append(Self.cell(value, valueWidth: valueWidths[index]))
                lineRoles.append(IndicatorCells.role(value.state))
            }
            cells.append(line)
            roles.append(lineRoles)
        }
        return StyledRows(rows: cells, cellRoles: roles)
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [task(LoadIndicators())] }

    /// Every active service's indicators and the provider's.
    struct LoadIndicators: ScreenTask {
        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> IndicatorReport {
            try services.indicatorReport(at: now)
        }

        func apply(_ report: IndicatorReport, to screen: inout DashboardScreen, context: ScreenContext) -> ScreenResponse {
            screen.report = report
            screen.list.emptyMessage = DashboardScreen.noServicesMessage
            screen.keepSelection(rowCount: screen.shownRows.count, context: context)
            return .done
        }
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        guard command == AppCommand.open else { return .notHandled }
        let rows = shownRows
        guard let report, rows.indices.contains(list.state.selected) else { return .done }
        return ScreenResponse(push: IndicatorServiceScreen(indicators: rows[list.state.selected], report: report))
    }

    public var keyHints: [Hint]? {
        [.key(AppCommand.open, "a service's indicators"), .key(AppCommand.plans, "plans"), .key(AppCommand.marChecks, "MAR checks"),
         .key(AppCommand.escalations, "escalations")]
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let longest = shownRows.map { TextWidth.of($0.name) }.max() ?? 0
        let shown = Self.indicatorColumns(width: area.width, longestName: longest)
        var pane = list
        pane.columns = Self.columns(shown)
        pane.render(into: &buffer, area: area, source: table(shown), theme: context.theme)
        var note = " " + IndicatorCells.legend
        if let report {
            note = " As at \(UKDateFormat.date(report.asOf)) \(UKDateFormat.time(report.asOf)) ·" + note
            let more = " · Enter shows all \(IndicatorID.allCases.count) for a row"
            if TextWidth.of(note + more) < area.width { note += more }
        }
        buffer.write(note, in: area.row(-1), style: context.theme[.muted])
    }
}
