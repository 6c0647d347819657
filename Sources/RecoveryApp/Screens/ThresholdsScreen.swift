import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Admin › Indicator thresholds: when each early-warning indicator turns amber and red for this
/// provider. Everyone can look; administrators change one (`change`) or put back the standard
/// ones (`reset`); the store refuses anyone else.
public struct ThresholdsScreen: ListScreen {
    public static let screenID = "thresholds"
    public let title = "Indicator thresholds"
    public var list = ListPane(columns: [
        TableColumn(title: "Indicator", width: .flexible(minimum: 24)),
        TableColumn(title: "Amber from", width: .fixed(10)),
        TableColumn(title: "Red from", width: .fixed(9)),
        TableColumn(title: "Set by", width: .fixed(9)),
    ], emptyMessage: "Loading…")
    public private(set) var thresholds: IndicatorThresholds?

    public init() {}

    public var rows: TableRows {
        guard let thresholds else { return TableRows([]) }
        return TableRows(IndicatorID.allCases.map { id in
            let unit = id.definition.unit
            return [id.definition.name, IndicatorFormat.number(thresholds[id].amber, unit: unit),
                    IndicatorFormat.number(thresholds[id].red, unit: unit), thresholds.overrides[id] == nil ? "Standard" : "Provider"]
        })
    }

    // MARK: Commands

    public static let change: CommandID = "thresholds.change"
    public static let reset: CommandID = "thresholds.reset"

    public static let commands = [
        binding(change, keys: [.character("e")], label: "Change",
                help: "Change when the selected indicator turns amber and red (administrators)", inKeyBar: true),
        binding(reset, keys: [.character("r")], label: "Standard",
                help: "Put back the standard thresholds of the selected indicator (administrators)", inKeyBar: true),
    ]

    public var keyHints: [Hint]? {
        [.key(Self.change, "change"), .key(Self.reset, "put back the standard"), .key(AppCommand.search, "search"),
         .key(AppCommand.back)]
    }

    // MARK: Tasks

    /// The provider's thresholds.
    struct LoadThresholds: ScreenTask {
        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> IndicatorThresholds {
            try services.store.indicatorThresholds()
        }

        func apply(_ loaded: IndicatorThresholds, to screen: inout ThresholdsScreen, context: ScreenContext) -> ScreenResponse {
            screen.thresholds = loaded
            screen.keepSelection(rowCount: IndicatorID.allCases.count, context: context)
            return .done
        }
    }

    /// Puts back the standard thresholds of one indicator (administrators); the reply holds the
    /// thresholds now in force, so nothing is read again.
    struct ResetThreshold: ScreenTask {
        var id: IndicatorID
        var changesStore: Bool { true }

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> IndicatorThresholds {
            try services.setIndicatorThreshold(id, to: nil, as: actor, at: now)
        }

        func apply(_ loaded: IndicatorThresholds, to screen: inout ThresholdsScreen, context: ScreenContext) -> ScreenResponse {
            screen.thresholds = loaded
            return .message(.ok("\(id.definition.name): \(loaded[id].describe(unit: id.definition.unit))."))
        }
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [task(LoadThresholds())] }

    var selected: IndicatorID? {
        IndicatorID.allCases.indices.contains(list.state.selected) ? IndicatorID.allCases[list.state.selected] : nil
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        switch command {
        case Self.change:
            guard let id = selected, let thresholds else { return .done }
            return ScreenResponse(push: Self.changeForm(id, current: thresholds[id]))
        case Self.reset:
            guard let id = selected, thresholds != nil else { return .done }
            return ScreenResponse(effects: [task(ResetThreshold(id: id))])
        default:
            return .notHandled
        }
    }

    /// The form changing one indicator's thresholds. Its save still goes through the store
    /// request of the form screen (`RecordFormScreen` takes a request, not yet a task).
    static func changeForm(_ id: IndicatorID, current: IndicatorThreshold) -> RecordFormScreen {
        let unit = id.definition.unit
        var form = RecordFormScreen(
            id: "change-threshold", title: "Thresholds: \(id.definition.name)",
            intro: "\(id.definition.measures) At or above the amber figure it shows amber; at or above the red one, red.",
            fields: [
                FormField("amber", label: "Amber from", hint: unit == .percent ? "A percentage" : "A number",
                          validator: FieldChecks.threshold),
                FormField("red", label: "Red from", validator: FieldChecks.threshold),
            ]
        ) { form throws(FormRefusal) in
            let threshold = IndicatorThreshold(amber: Double(form.text("amber")) ?? 0, red: Double(form.text("red")) ?? 0)
            if let problem = IndicatorThresholds.problems(threshold).first {
                // Words after "Not saved: ".
                throw FormRefusal(problem.prefix(1).lowercased() + problem.dropFirst().dropLast(), field: "red")
            }
            return SetThreshold(id: id, threshold: threshold)
        }
        form.prefill("amber", with: IndicatorFormat.number(current.amber, unit: .count))
        form.prefill("red", with: IndicatorFormat.number(current.red, unit: .count))
        return form
    }

    /// Sets one indicator's thresholds.
    struct SetThreshold: RecordWrite {
        var id: IndicatorID
        var threshold: IndicatorThreshold

        func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten {
            try services.store.setIndicatorThreshold(id, to: threshold, by: actor, at: now)
            let current = try services.store.indicatorThresholds()[id]
            return RecordWritten("\(id.definition.name): \(current.describe(unit: id.definition.unit)).")
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        var rows = RowCursor(area)
        let note = rows.bottom()
        let measures = rows.bottom()
        list.render(into: &buffer, area: rows.rest(), source: self.rows, theme: context.theme)
        if let id = selected {
            buffer.write(" \(id.definition.measures)", in: measures, style: context.theme[.muted])
        }
        buffer.write(" Higher is worse for every indicator. Only administrators can change them.",
                     in: note, style: context.theme[.muted])
    }
}
