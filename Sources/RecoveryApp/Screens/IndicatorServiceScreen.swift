import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Every early-warning indicator of one service, or of the whole provider: state, value, trend
/// over 12 weeks and (when wide enough) the thresholds and how the figure was made. Under the
/// list, the selected indicator's basis, thresholds and what it measures. Enter lists the records
/// behind the figure.
///
/// The provider's page shows the pooled figures (the services' counts added together) with the
/// worst service's state, and names that service for the selected indicator.
public struct IndicatorServiceScreen: ListScreen {
    public static let screenID = "service-indicators"
    public var title: String { indicators.name }
    public var list = ListPane(columns: [], emptyMessage: "No indicators.")
    public let serviceID: Int64?
    public private(set) var indicators: ServiceIndicators
    private var report: IndicatorReport?

    /// Rows of the detail under the list.
    static let detailHeight = 4
    static let stateWidth = 10
    static let valueWidth = 6
    static let sparkWidth = IndicatorEngine.historyWeeks
    static let trendWidth = sparkWidth + 1 + 8
    static let thresholdWidth = 28
    static let nameMinimum = 22

    public init(indicators: ServiceIndicators, report: IndicatorReport? = nil) {
        self.indicators = indicators
        serviceID = indicators.serviceID
        self.report = report
    }

    public var isProvider: Bool { serviceID == nil }

    public var rows: TableRows {
        TableRows(indicators.values.map { [$0.id.definition.name, IndicatorCells.labelled($0.state), $0.text] })
    }

    /// Which optional columns fit in a table `width` columns wide.
    static func columns(width: Int) -> (threshold: Bool, basis: Bool) {
        let base = nameMinimum + 3 + stateWidth + valueWidth + trendWidth
        let threshold = base + 1 + thresholdWidth <= width
        let basis = threshold && base + 2 + thresholdWidth + 30 <= width
        return (threshold, basis)
    }

    static func tableColumns(width: Int) -> [TableColumn] {
        let wide = columns(width: width)
        var columns = [
            TableColumn(title: "Indicator", width: .flexible(minimum: nameMinimum)),
            TableColumn(title: "State", width: .fixed(stateWidth)),
            TableColumn(title: "Value", width: .fixed(valueWidth), alignment: .right),
            TableColumn(title: "Trend (12 weeks)", width: .fixed(trendWidth)),
        ]
        if wide.threshold { columns.append(TableColumn(title: "Thresholds", width: .fixed(thresholdWidth))) }
        if wide.basis { columns.append(TableColumn(title: "Basis", width: .flexible(minimum: 30))) }
        return columns
    }

    static func trendWord(_ trend: IndicatorTrend) -> String { trend == .unknown ? "no trend" : trend.title }

    func table(width: Int) -> StyledRows {
        let wide = Self.columns(width: width)
        var cells: [[String]] = []
        var roles: [[StyleRole?]] = []
        for value in indicators.values {
            let definition = value.id.definition
            var line = [definition.name, IndicatorCells.labelled(value.state), value.text,
                        IndicatorCells.sparkline(value, width: Self.sparkWidth) + " " + Self.trendWord(value.trend)]
            var lineRoles: [StyleRole?] = [nil, IndicatorCells.role(value.state), IndicatorCells.role(value.state), nil]
            if wide.threshold { line.append(value.threshold.describe(unit: definition.unit)); lineRoles.append(.muted) }
            if wide.basis { line.append(value.basis); lineRoles.append(nil) }
            cells.append(line)
            roles.append(lineRoles)
        }
        return StyledRows(rows: cells, cellRoles: roles)
    }

    /// The selected indicator.
    public var selected: IndicatorValue? {
        indicators.values.indices.contains(list.state.selected) ? indicators.values[list.state.selected] : nil
    }

    /// The lines under the list for the selected indicator, wrapped to `width`, the weekly
    /// figures only when they fit in `height`.
    func detail(width: Int, height: Int) -> [(String, StyleRole)] {
        guard let value = selected else { return [] }
        let definition = value.id.definition
        var facts = "\(value.basis.capitalisedFirst). \(value.threshold.describe(unit: definition.unit).capitalisedFirst)"
        facts += "; trend \(value.trend.title)."
        if isProvider, let report, let worst = IndicatorCells.worstService(value.id, in: report) {
            facts += " Worst: \(worst.name) (\(IndicatorCells.badge(worst.value.state)) \(worst.value.text))."
        }
        var lines = TextWrap.lines(facts, width: width).map { ($0, StyleRole.normal) }
        lines += TextWrap.lines(definition.measures, width: width).map { ($0, StyleRole.muted) }
        // The weekly figures behind the sparkline, when there is room for them.
        let weekly = value.history.map { $0.map { IndicatorFormat.number($0, unit: definition.unit) } ?? "–" }
        let figures = TextWrap.lines("Week by week, oldest first: " + weekly.joined(separator: ", "), width: width)
        if lines.count + 1 + figures.count <= height {
            lines.append(("", .normal))
            lines += figures.map { ($0, StyleRole.muted) }
        }
        return lines
    }

    /// The table's area and the detail's, inside the screen's area.
    func areas(_ area: Rect) -> (table: Rect, detail: Rect) {
        let inner = area.inset(left: 1, right: 1)
        let wanted = indicators.values.count + 1
        let detailHeight = max(Self.detailHeight, inner.height - wanted)
        let tableHeight = max(2, inner.height - detailHeight)
        return (Rect(x: inner.x, y: inner.y, width: inner.width, height: tableHeight),
                Rect(x: inner.x, y: inner.y + tableHeight, width: inner.width, height: max(0, inner.height - tableHeight)))
    }

    /// The context with the height the table takes, so paging moves by what shows.
    func tableContext(_ context: ScreenContext) -> ScreenContext {
        var adjusted = context
        let area = Rect(x: 0, y: 0, width: 80, height: context.contentHeight)
        adjusted.contentHeight = areas(area).table.height + 1
        return adjusted
    }

    /// The figures came from the screen that opened this one: nothing is read on opening.
    public func appear(context: ScreenContext) -> [AppEffect] { [] }

    /// Shown again after the store changed: this service's figures (or the provider's) afresh.
    public func refresh(context: ScreenContext) -> [AppEffect] { [task(LoadIndicators(serviceID: serviceID))] }

    public var keyHints: [Hint]? { [.key(AppCommand.open, "the records behind it"), .note(IndicatorCells.legend), .key(AppCommand.back, "back")] }

    /// The figures of one service, or of every service and the provider (`serviceID` nil).
    struct LoadIndicators: ScreenTask {
        var serviceID: Int64?

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> IndicatorReport {
            try services.indicatorReport(at: now, serviceID: serviceID)
        }

        func apply(_ loaded: IndicatorReport, to screen: inout IndicatorServiceScreen, context: ScreenContext) -> ScreenResponse {
            if let serviceID {
                if let fresh = loaded.services.first(where: { $0.serviceID == serviceID }) { screen.indicators = fresh }
            } else {
                screen.report = loaded
                screen.indicators = loaded.provider
            }
            screen.keepSelection(rowCount: screen.indicators.values.count, context: screen.tableContext(context))
            return .done
        }
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: tableContext(context)) { return .done }
        guard command == AppCommand.open else { return .notHandled }
        guard let value = selected else { return .done }
        return ScreenResponse(push: IndicatorRecordsScreen(value: value, serviceID: serviceID, serviceName: indicators.name))
    }

    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenResponse {
        let table = areas(area).table
        let view = TableView(columns: Self.tableColumns(width: table.width))
        guard let row = view.rowIndex(atScreenRow: point.y, in: table, state: list.state, rowCount: indicators.values.count),
              table.contains(point) else { return .done }
        let again = row == list.state.selected
        list.select(row, rowCount: indicators.values.count, contentHeight: tableContext(context).contentHeight)
        return again ? perform(AppCommand.open, context: context) : .done
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let (tableArea, detailArea) = areas(area)
        TableView(columns: Self.tableColumns(width: tableArea.width), emptyMessage: list.emptyMessage)
            .render(table(width: tableArea.width), state: list.state, in: tableArea, into: &buffer, theme: context.theme)
        let lines = detail(width: detailArea.width, height: detailArea.height)
        for (row, line) in lines.prefix(detailArea.height).enumerated() {
            // A line cut short by the bottom of the screen ends with "…" rather than mid-sentence.
            let cut = row == detailArea.height - 1 && lines.count > detailArea.height
            let text = cut ? TextWidth.truncate(line.0 + " …", to: detailArea.width) : line.0
            buffer.write(text, in: detailArea.row(row), style: context.theme[line.1])
        }
    }
}
