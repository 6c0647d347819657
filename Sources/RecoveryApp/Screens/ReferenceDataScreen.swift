import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// The reference tables plans are linked to: CQC quality statements (by framework version), the
/// Regulations 2014 and the kinds of enforcement action, plus the PIN rule. Read by everyone;
/// the shortest PIN is an administrator's setting (`pinLength`).
public struct ReferenceDataScreen: ListScreen {
    public static let screenID = "reference-data"
    public let title = "Reference data"
    public var list = ListPane(columns: [
        TableColumn(title: "Kind", width: .fixed(20)),
        TableColumn(title: "Code", width: .fixed(10)),
        TableColumn(title: "Title", width: .flexible(minimum: 24)),
        TableColumn(title: "Under", width: .fixed(12)),
    ], emptyMessage: "Loading…")
    public private(set) var items: [[String]] = []
    public private(set) var pinPolicy = PINPolicy()

    public init() {}

    public var rows: TableRows { TableRows(items) }

    // MARK: Commands

    public static let pinLength: CommandID = "reference-data.pin-length"

    public static let commands = [
        binding(pinLength, keys: [.character("l")], label: "PIN length",
                help: "Set the shortest PIN allowed (administrators)", inKeyBar: true),
    ]

    public var keyHints: [Hint]? {
        [.key(Self.pinLength, "shortest PIN"), .key(AppCommand.search, "search"), .key(AppCommand.back)]
    }

    // MARK: Tasks

    /// The quality statements, regulations and kinds of enforcement, with the PIN rule.
    struct LoadReferenceData: ScreenTask {
        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> ReferenceData {
            try services.referenceData()
        }

        func apply(_ loaded: ReferenceData, to screen: inout ReferenceDataScreen, context: ScreenContext) -> ScreenResponse {
            screen.pinPolicy = loaded.pinPolicy
            screen.items = loaded.statements.map { ["Quality statement", $0.code, $0.title, $0.keyQuestion.title] }
                + loaded.regulations.map { ["Regulation", $0.label, $0.title, "2014 Regs"] }
                + loaded.enforcement.map { ["Enforcement", $0.code, $0.title, "CQC"] }
                + [["PIN rule", "", "PINs need at least \(loaded.pinPolicy.minimumLength) digits", "This store"]]
            screen.keepSelection(rowCount: screen.items.count, context: context)
            return .done
        }
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [task(LoadReferenceData())] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        guard command == Self.pinLength else { return .notHandled }
        return ScreenResponse(push: Self.pinLengthForm(current: pinPolicy.minimumLength))
    }

    /// The form setting the shortest PIN. Its save still goes through the store request of the
    /// form screen (`RecordFormScreen` takes a request, not yet a task).
    static func pinLengthForm(current: Int) -> RecordFormScreen {
        RecordFormScreen(
            id: "pin-length", title: "Shortest PIN allowed",
            intro: "Applies to PINs set from now on; existing PINs keep working.",
            fields: [
                FormField("digits", label: "Digits", field: TextField(value: String(current), maxLength: 2),
                          hint: "4 to 12", validator: FieldChecks.whole(4...12)),
            ]
        ) { form throws(FormRefusal) in
            SetPINLength(digits: Int(form.text("digits")) ?? 4)
        }
    }

    /// Sets the shortest PIN allowed.
    struct SetPINLength: RecordWrite {
        var digits: Int

        func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten {
            try services.store.setMinimumPINLength(digits, by: actor, at: now)
            return RecordWritten("New PINs now need at least \(digits) digits.")
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        list.render(into: &buffer, area: area, source: rows, theme: context.theme)
        buffer.write(" Quality statements are kept by framework version, so a new framework can sit beside this one.",
                     in: area.row(-1), style: context.theme[.muted])
    }
}
