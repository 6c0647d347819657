import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// The MAR chart codes this provider's pharmacies use, each mapped to what it means. Codes are
/// retired rather than deleted, so old checks still read correctly.
public struct MARCodesScreen: ListScreen {
    public static let screenID = "mar-codes"
    public let title = "MAR chart codes"
    public var list = ListPane(columns: [
        TableColumn(title: "Code", width: .fixed(6)),
        TableColumn(title: "What it stands for", width: .flexible(minimum: 20)),
        TableColumn(title: "Counts as", width: .fixed(22)),
        TableColumn(title: "Status", width: .fixed(8)),
    ], emptyMessage: "No codes yet.")
    public private(set) var codes: [MARCode] = []

    public init() {}

    public var rows: TableRows {
        TableRows(codes.map { [$0.code, $0.meaning, $0.outcome.title, $0.active ? "In use" : "Retired"] },
                  roles: Self.dimmed(unless: codes.map(\.active)))
    }

    // MARK: Commands

    public static let add: CommandID = "mar-codes.add"
    public static let toggleActive: CommandID = "mar-codes.toggle-active"

    public static let commands = [
        binding(add, keys: [.character("a")], label: "Add", help: "Add a new one", inKeyBar: true),
        binding(toggleActive, keys: [.character("d")], label: "Retire/restore",
                help: "Retire the selected row, or bring it back (nothing is deleted)", inKeyBar: true),
    ]

    public var keyHints: [Hint]? {
        [.key(Self.add, "add"), .key(Self.toggleActive, "retire/restore"), .key(AppCommand.search, "search"),
         .key(AppCommand.back)]
    }

    // MARK: Tasks

    /// Every code, retired ones too.
    struct LoadCodes: ScreenTask {
        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> [MARCode] {
            try services.store.marCodes(includingRetired: true)
        }

        func apply(_ loaded: [MARCode], to screen: inout MARCodesScreen, context: ScreenContext) -> ScreenResponse {
            screen.codes = loaded
            screen.keepSelection(rowCount: loaded.count, context: context)
            return .done
        }
    }

    /// Retires a code, or brings it back into use (administrators); the reply holds the codes
    /// after, so the list and the message change together.
    struct SetActive: ScreenTask {
        var codeID: Int64
        var active: Bool
        var changesStore: Bool { true }

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> [MARCode] {
            try services.setMARCodeActive(codeID, active: active, as: actor, at: now)
        }

        func apply(_ loaded: [MARCode], to screen: inout MARCodesScreen, context: ScreenContext) -> ScreenResponse {
            screen.codes = loaded
            screen.keepSelection(rowCount: loaded.count, context: context)
            return .message(.ok(active ? "MAR code brought back into use." : "MAR code retired; charts that used it keep it."))
        }
    }

    public func appear(context: ScreenContext) -> [AppEffect] { [task(LoadCodes())] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        switch command {
        case Self.add:
            return ScreenResponse(push: Self.addForm())
        case Self.toggleActive:
            guard codes.indices.contains(list.state.selected) else { return .done }
            let code = codes[list.state.selected]
            return ScreenResponse(effects: [task(SetActive(codeID: code.id, active: !code.active))])
        default:
            return .notHandled
        }
    }

    /// The form adding a code. Its save still goes through the store request of the form screen
    /// (`RecordFormScreen` takes a request, not yet a task).
    static func addForm() -> RecordFormScreen {
        RecordFormScreen(
            id: "add-mar-code", title: "Add a MAR chart code",
            intro: "The letter or mark a pharmacy prints, and what it means here.",
            fields: [
                FormField("code", label: "Code", hint: "As printed on the chart", validator: FieldChecks.required("the code")),
                FormField("meaning", label: "What it stands for", validator: FieldChecks.required("what the code stands for")),
                .pick("outcome", label: "Counts as", cases: CanonicalOutcome.allCases),
            ]
        ) { form throws(FormRefusal) in
            AddCode(code: form.text("code"), meaning: form.text("meaning"),
                    outcome: form.picked("outcome", among: CanonicalOutcome.allCases) ?? .other)
        }
    }

    /// Adds a MAR chart code.
    struct AddCode: RecordWrite {
        var code: String
        var meaning: String
        var outcome: CanonicalOutcome

        func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten {
            let added = try services.store.addMARCode(code: code, meaning: meaning, outcome: outcome, by: actor, at: now)
            return RecordWritten("MAR code \"\(added.code)\" added.")
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        var pane = list
        pane.emptyMessage = AdminText.empty("No codes yet.", add: Self.add, "to add one", screen: self, context: context)
        pane.render(into: &buffer, area: area, source: rows, theme: context.theme)
    }
}
