import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Why an indicator reads as it does: the records behind its value now, newest first, under a
/// line restating the indicator, its value and state. Enter opens the record: a MAR check, an
/// escalation, a plan, or a member of staff's competency. A round with no check has no record
/// to open, so Enter shows the service's coverage instead and says so.
public struct IndicatorRecordsScreen: ListScreen {
    public static let screenID = "indicator-records"
    public var title: String { indicator.definition.name }
    public var list = ListPane(columns: [], emptyMessage: "Finding the records…")
    public let indicator: IndicatorID
    public let serviceID: Int64?
    public let serviceName: String
    public private(set) var value: IndicatorValue?
    public private(set) var loaded: IndicatorRecords?

    static let whenWidth = 16
    static let kindWidth = 10
    static let serviceWidth = 18
    /// Lines above the table and below it.
    static let headerHeight = 3
    static let footerHeight = 3

    /// The context with the height the table takes, so paging moves by what shows.
    static func tableContext(_ context: ScreenContext) -> ScreenContext {
        var adjusted = context
        adjusted.contentHeight = max(3, context.contentHeight - headerHeight - footerHeight + 1)
        return adjusted
    }

    public init(value: IndicatorValue, serviceID: Int64?, serviceName: String) {
        indicator = value.id
        self.value = value
        self.serviceID = serviceID
        self.serviceName = serviceName
    }

    public var lines: [IndicatorRecordLine] { loaded?.lines ?? [] }

    public var rows: TableRows {
        TableRows(lines.map { [UKDateFormat.dateTime($0.record.date), $0.serviceName, $0.record.summary] })
    }

    /// What Enter opens for a kind of record.
    static func opens(_ kind: IndicatorRecord.Kind) -> String {
        switch kind {
        case .marCheck: return "MAR check"
        case .escalation: return "Escalation"
        case .plan: return "Plan"
        case .staff: return "Competency"
        case .missingRound: return "No check"
        }
    }

    func columns() -> [TableColumn] {
        var columns = [TableColumn(title: "When", width: .fixed(Self.whenWidth))]
        if serviceID == nil { columns.append(TableColumn(title: "Service", width: .fixed(Self.serviceWidth))) }
        columns.append(TableColumn(title: "Record", width: .flexible(minimum: 20)))
        columns.append(TableColumn(title: "Opens", width: .fixed(Self.kindWidth)))
        return columns
    }

    func table() -> TableRows {
        TableRows(lines.map { line in
            var cells = [UKDateFormat.dateTime(line.record.date)]
            if serviceID == nil { cells.append(line.serviceName) }
            return cells + [line.record.summary, Self.opens(line.record.kind)]
        })
    }

    /// The selected record.
    public var selected: IndicatorRecordLine? {
        lines.indices.contains(list.state.selected) ? lines[list.state.selected] : nil
    }

    /// The lines above the table: the indicator, its value and state; how the figure was made
    /// and its thresholds (wrapped onto the third line when needed).
    func header(width: Int) -> [(String, StyleRole)] {
        let definition = indicator.definition
        let place = serviceID == nil ? "across all services" : "at \(serviceName)"
        guard let value else { return [(TextWidth.truncate("\(definition.name) \(place)", to: width), .header)] }
        let first = "\(IndicatorCells.labelled(value.state)) · \(definition.name): \(value.text) \(place)"
        let second = "\(value.basis.capitalisedFirst). \(value.threshold.describe(unit: definition.unit).capitalisedFirst)."
        return [(TextWidth.truncate(first, to: width), IndicatorCells.role(value.state))]
            + TextWrap.lines(second, width: width).prefix(Self.headerHeight - 1).map { ($0, StyleRole.normal) }
    }

    /// The lines below the table: the selected record in full, and what the open key (`open`,
    /// as bound now) does with it.
    func footer(width: Int, open: String = "Enter") -> [(String, StyleRole)] {
        guard let line = selected else { return [] }
        let action: String
        switch line.record.kind {
        case .missingRound:
            action = "No check was logged, so there is no record to open: \(open) shows the service's coverage."
        case .staff: action = "\(open) opens their competency and observations."
        case .marCheck: action = "\(open) opens the MAR check."
        case .escalation: action = "\(open) opens the escalation."
        case .plan: action = "\(open) opens the plan."
        }
        let text = (serviceID == nil ? "\(line.serviceName): " : "") + line.record.summary
        let summary = TextWrap.lines(text, width: width).prefix(Self.footerHeight - 1).map { ($0, StyleRole.normal) }
        return summary + [(TextWidth.truncate(action, to: width), .muted)]
    }

    func areas(_ area: Rect) -> (header: Rect, table: Rect, footer: Rect) {
        let parts = area.inset(left: 1, right: 1)
            .splitRows([.fixed(Self.headerHeight), .flexible(minimum: 2), .fixed(Self.footerHeight)])
        return (parts[0], parts[1], parts[2])
    }

    /// The records behind the indicator, and its value as it stands now.
    struct LoadRecords: ScreenTask {
        typealias Target = IndicatorRecordsScreen
        var indicator: IndicatorID
        var serviceID: Int64?

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> IndicatorRecords {
            try services.indicatorRecords(indicator, serviceID: serviceID, at: now)
        }

        func apply(_ records: IndicatorRecords, to screen: inout IndicatorRecordsScreen, context: ScreenContext) -> ScreenResponse {
            screen.loaded = records
            screen.value = records.value ?? screen.value
            if screen.value?.state == .noData {
                screen.list.emptyMessage = "Nothing to judge by yet, so no records lie behind this figure."
            } else {
                screen.list.emptyMessage = "No records count towards this figure now."
            }
            screen.keepSelection(rowCount: records.lines.count, context: IndicatorRecordsScreen.tableContext(context))
            return .done
        }

        func refused(_ error: StoreError, screen: inout IndicatorRecordsScreen, context: ScreenContext) -> ScreenResponse {
            screen.list.emptyMessage = "The records could not be read."
            return .message(.error(error.description))
        }
    }

    public func appear(context: ScreenContext) -> [AppEffect] {
        [task(LoadRecords(indicator: indicator, serviceID: serviceID))]
    }

    public var keyHints: [Hint]? {
        [.key(AppCommand.open, "open the record"), .key(AppCommand.search, "search"), .key(AppCommand.back, "back")]
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: Self.tableContext(context)) { return .done }
        guard command == AppCommand.open else { return .notHandled }
        guard let line = selected, let loaded else { return .done }
        switch line.record.kind {
        case .marCheck(let checkID):
            guard let check = loaded.checks.first(where: { $0.id == checkID }) else {
                return .message(.info("That check could not be found; it may have been corrected since."))
            }
            return ScreenResponse(push: MARCheckDetailScreen(check: check, services: loaded.services, staff: loaded.staff))
        case .escalation(let escalationID):
            return ScreenResponse(push: EscalationDetailScreen(escalationID: escalationID))
        case .plan(let planID):
            return ScreenResponse(push: PlanDetailScreen(planID: planID))
        case .staff(let staffID):
            return ScreenResponse(push: StaffCompetencyScreen(staffID: staffID))
        case .missingRound:
            // The records hold the last 28 days of checks of the services they list.
            let covered = serviceID.map { [$0] } ?? loaded.lines.map(\.serviceID)
            return ScreenResponse(push: CoverageScreen(checks: loaded.checks, services: loaded.services, serviceID: line.serviceID,
                                                       covering: Set(covered)),
                                  status: .info("No check was logged for that round, so there is nothing to open."))
        }
    }

    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenResponse {
        let table = areas(area).table
        guard table.contains(point),
              let row = TableView(columns: columns()).rowIndex(atScreenRow: point.y, in: table, state: list.state,
                                                               rowCount: lines.count) else { return .done }
        let again = row == list.state.selected
        list.select(row, rowCount: lines.count, contentHeight: Self.tableContext(context).contentHeight)
        return again ? perform(AppCommand.open, context: context) : .done
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        let parts = areas(area)
        for (row, line) in header(width: parts.header.width).enumerated() {
            buffer.write(line.0, in: parts.header.row(row), style: theme[line.1])
        }
        TableView(columns: columns(), emptyMessage: list.emptyMessage)
            .render(table(), state: list.state, in: parts.table, into: &buffer, theme: theme)
        for (row, line) in footer(width: parts.footer.width, open: keyName(AppCommand.open, context: context)).prefix(parts.footer.height).enumerated() {
            buffer.write(line.0, in: parts.footer.row(row), style: theme[line.1])
        }
    }
}
