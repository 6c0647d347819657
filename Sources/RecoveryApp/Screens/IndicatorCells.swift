import RecoveryModel
import RecoveryServices
import TUI

/// How the indicator screens write a state, a value and a trend: a symbol and a letter for the
/// state (never colour alone), the theme's red, amber or green role, and a sparkline scaled from
/// zero to the red threshold (or the highest week, if higher) so a full bar means red.
enum IndicatorCells {
    /// The red, amber or green of a state; nil when there is nothing to judge by.
    static func rag(_ state: IndicatorState) -> RAG? { state.rag }

    /// "▲R", "◆A", "●G", or "··" when there is no data.
    static func badge(_ state: IndicatorState) -> String { state.badge }

    static let noDataBadge = IndicatorState.noDataBadge

    /// The theme role of a state (muted for no data).
    static func role(_ state: IndicatorState) -> StyleRole { rag(state)?.role ?? .muted }

    /// "▲R Red", "·· No data".
    static func labelled(_ state: IndicatorState) -> String { "\(badge(state)) \(state.title)" }

    /// The 12-week history as a sparkline `width` columns wide.
    static func sparkline(_ value: IndicatorValue, width: Int) -> String {
        let highest = value.history.compactMap { $0 }.max() ?? 0
        let top = max(value.threshold.red, highest, 1)
        return Sparkline(values: value.history, range: 0...top).text(width: width)
    }

    /// The dashboard's summary of a row: the worst state and how many indicators are in it.
    static func overall(_ row: ServiceIndicators) -> String {
        let state = row.overall
        switch state {
        case .red, .amber: return "\(badge(state)) \(row.count(state)) \(state.title.lowercased())"
        case .green: return "\(badge(state)) green"
        case .noData: return "\(badge(state)) no data"
        }
    }

    /// The key to the badges, for a line under a table.
    static let legend = "▲R red  ◆A amber  ●G green  ·· no data"

    /// The service whose state is worst for an indicator (the highest value among equals), for
    /// the provider's page.
    static func worstService(_ id: IndicatorID, in report: IndicatorReport) -> (name: String, value: IndicatorValue)? {
        let candidates = report.services.compactMap { row in row[id].map { (row.name, $0) } }
        return candidates.max { lhs, rhs in
            if lhs.1.state != rhs.1.state { return lhs.1.state < rhs.1.state }
            return (lhs.1.value ?? -1) < (rhs.1.value ?? -1)
        }
    }
}

/// Rows for a table whose cells each carry their own role (a badge coloured by its state).
struct StyledRows: TableDataSource {
    var rows: [[String]]
    /// A role for each cell, by row then column; nil leaves the row's role.
    var cellRoles: [[StyleRole?]]

    var rowCount: Int { rows.count }
    func cells(at row: Int) -> [String] { rows[row] }
    func cellRole(at row: Int, column: Int) -> StyleRole? {
        guard cellRoles.indices.contains(row), cellRoles[row].indices.contains(column) else { return nil }
        return cellRoles[row][column]
    }
}

extension String {
    /// The text with its first letter a capital.
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension IndicatorState {
    /// The red, amber or green of a state; nil when there is nothing to judge by.
    public var rag: RAG? {
        switch self {
        case .red: return .red
        case .amber: return .amber
        case .green: return .green
        case .noData: return nil
        }
    }

    /// "▲R", "◆A", "●G", or "··" when there is no data: the same on every screen and in the
    /// command's text.
    public var badge: String { rag?.badge ?? Self.noDataBadge }

    public static let noDataBadge = "··"
}
