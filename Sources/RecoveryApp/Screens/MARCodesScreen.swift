import RecoveryModel
import RecoveryServices
import TUI

/// The MAR chart codes this provider's pharmacies use, each mapped to what it means. Codes are
/// retired rather than deleted, so old checks still read correctly.
public struct MARCodesScreen: ListScreen {
    public static let screenID = "mar-codes"
    public let id = MARCodesScreen.screenID
    public let title = "MAR chart codes"
    public var list = ListPane(columns: [
        TableColumn(title: "Code", width: .fixed(6)),
        TableColumn(title: "What it stands for", width: .flexible(minimum: 20)),
        TableColumn(title: "Counts as", width: .fixed(22)),
        TableColumn(title: "Status", width: .fixed(8)),
    ], emptyMessage: "No codes yet. Press a to add one.")
    private var codes: [MARCode] = []

    public init() {}

    public var rows: TableRows {
        TableRows(codes.map { [$0.code, $0.meaning, $0.outcome.title, $0.active ? "In use" : "Retired"] },
                  roles: Self.dimmed(unless: codes.map(\.active)))
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadMARCodes, context: context)] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        switch command.rawValue {
        case "mar-codes.add":
            return ScreenResponse(push: RecordFormScreen(
                id: "add-mar-code", title: "Add a MAR chart code",
                intro: "The letter or mark a pharmacy prints, and what it means here.",
                fields: [
                    FormField(label: "Code", hint: "As printed on the chart", validator: FieldChecks.required("the code")),
                    FormField(label: "What it stands for", validator: FieldChecks.required("what the code stands for")),
                    FormField(label: "Counts as", hint: "given, refused, withheld, away...", validator: FieldChecks.outcome),
                ],
                makeRequest: { values in
                    .addMARCode(code: values[0], meaning: values[1], outcome: FieldChecks.outcome(named: values[2]) ?? .other)
                }))
        case "mar-codes.toggle-active":
            guard codes.indices.contains(list.state.selected) else { return .done }
            let code = codes[list.state.selected]
            return ScreenResponse(effects: [ask(.setMARCodeActive(id: code.id, active: !code.active), context: context)])
        default:
            return .notHandled
        }
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .marCodes(let loaded):
            codes = loaded
            keepSelection(rowCount: loaded.count, context: context)
            return .done
        default:
            return savedOrFailed(reply, context: context) ?? .done
        }
    }
}
