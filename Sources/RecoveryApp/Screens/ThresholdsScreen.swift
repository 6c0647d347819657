import RecoveryModel
import RecoveryServices
import TUI

/// Admin › Indicator thresholds: when each early-warning indicator turns amber and red for this
/// provider. Everyone can look; administrators change one (`e`) or put back the standard ones
/// (`r`); the store refuses anyone else.
public struct ThresholdsScreen: ListScreen {
    public static let screenID = "thresholds"
    public let id = ThresholdsScreen.screenID
    public let title = "Indicator thresholds"
    public var list = ListPane(columns: [
        TableColumn(title: "Indicator", width: .flexible(minimum: 24)),
        TableColumn(title: "Amber from", width: .fixed(10)),
        TableColumn(title: "Red from", width: .fixed(9)),
        TableColumn(title: "Set by", width: .fixed(9)),
    ], emptyMessage: "Loading…")
    private var thresholds: IndicatorThresholds?

    public init() {}

    public var rows: TableRows {
        guard let thresholds else { return TableRows([]) }
        return TableRows(IndicatorID.allCases.map { id in
            let unit = id.definition.unit
            return [id.definition.name, IndicatorFormat.number(thresholds[id].amber, unit: unit),
                    IndicatorFormat.number(thresholds[id].red, unit: unit), thresholds.overrides[id] == nil ? "Standard" : "Provider"]
        })
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadIndicatorThresholds, context: context)] }

    var selected: IndicatorID? {
        IndicatorID.allCases.indices.contains(list.state.selected) ? IndicatorID.allCases[list.state.selected] : nil
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        guard let id = selected, let thresholds else { return command.rawValue.hasPrefix("thresholds.") ? .done : .notHandled }
        switch command.rawValue {
        case "thresholds.change":
            let unit = id.definition.unit
            var form = RecordFormScreen(
                id: "change-threshold", title: "Thresholds: \(id.definition.name)",
                intro: "\(id.definition.measures) At or above the amber figure it shows amber; at or above the red one, red.",
                fields: [
                    FormField(label: "Amber from", hint: unit == .percent ? "A percentage" : "A number",
                              validator: FieldChecks.threshold),
                    FormField(label: "Red from", validator: FieldChecks.threshold),
                ],
                crossCheck: { values in
                    guard let amber = Double(values[0]), let red = Double(values[1]) else { return nil }
                    return IndicatorThresholds.problems(IndicatorThreshold(amber: amber, red: red)).first.map {
                        $0.prefix(1).lowercased() + $0.dropFirst().dropLast()
                    }
                },
                makeRequest: { values in
                    .setIndicatorThreshold(id: id, threshold: IndicatorThreshold(amber: Double(values[0]) ?? 0, red: Double(values[1]) ?? 0))
                })
            form.prefill(0, with: IndicatorFormat.number(thresholds[id].amber, unit: .count))
            form.prefill(1, with: IndicatorFormat.number(thresholds[id].red, unit: .count))
            return ScreenResponse(push: form)
        case "thresholds.reset":
            return ScreenResponse(effects: [ask(.setIndicatorThreshold(id: id, threshold: nil), context: context)])
        default:
            return .notHandled
        }
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .indicatorThresholds(let loaded):
            thresholds = loaded
            keepSelection(rowCount: IndicatorID.allCases.count, context: context)
            return .done
        default:
            return savedOrFailed(reply, context: context) ?? .done
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        list.render(into: &buffer, area: Rect(x: area.x, y: area.y, width: area.width, height: max(0, area.height - 2)),
                    source: rows, theme: context.theme)
        if let id = selected {
            buffer.write(" \(id.definition.measures)", in: area.row(-2), style: context.theme[.muted])
        }
        buffer.write(" Higher is worse for every indicator. Only administrators can change them.",
                     in: area.row(-1), style: context.theme[.muted])
    }
}
