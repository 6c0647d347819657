import RecoveryModel
import RecoveryServices
import TUI

/// The reference tables plans are linked to: CQC quality statements (by framework version), the
/// Regulations 2014 and the kinds of enforcement action, plus the PIN rule. Read by everyone;
/// the shortest PIN is an administrator's setting (`l`).
public struct ReferenceDataScreen: ListScreen {
    public static let screenID = "reference-data"
    public let id = ReferenceDataScreen.screenID
    public let title = "Reference data"
    public var list = ListPane(columns: [
        TableColumn(title: "Kind", width: .fixed(20)),
        TableColumn(title: "Code", width: .fixed(10)),
        TableColumn(title: "Title", width: .flexible(minimum: 24)),
        TableColumn(title: "Under", width: .fixed(12)),
    ], emptyMessage: "Loading…")
    private var items: [[String]] = []
    private var pinPolicy = PINPolicy()

    public init() {}

    public var rows: TableRows { TableRows(items) }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadReferenceData, context: context)] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        guard command.rawValue == "reference-data.pin-length" else { return .notHandled }
        return ScreenResponse(push: RecordFormScreen(
            id: "pin-length", title: "Shortest PIN allowed",
            intro: "Applies to PINs set from now on; existing PINs keep working.",
            fields: [
                FormField(label: "Digits", field: TextField(value: String(pinPolicy.minimumLength), maxLength: 2),
                          hint: "4 to 12", validator: { value in
                              guard let digits = Int(value.trimmed), (4...12).contains(digits) else {
                                  return "Enter a whole number from 4 to 12"
                              }
                              return nil
                          }),
            ],
            makeRequest: { values in .setMinimumPINLength(Int(values[0]) ?? 4) }))
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .referenceData(let statements, let regulations, let enforcement, let policy):
            pinPolicy = policy
            items = statements.map { ["Quality statement", $0.code, $0.title, $0.keyQuestion.title] }
                + regulations.map { ["Regulation", $0.label, $0.title, "2014 Regs"] }
                + enforcement.map { ["Enforcement", $0.code, $0.title, "CQC"] }
                + [["PIN rule", "", "PINs need at least \(policy.minimumLength) digits", "This store"]]
            return .done
        case .failed(let message):
            return .message(.error(message))
        default:
            return .done
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        list.render(into: &buffer, area: area, source: rows, theme: context.theme)
        buffer.write(" Quality statements are kept by framework version, so a new framework can sit beside this one.",
                     in: area.row(-1), style: context.theme[.muted])
    }
}
