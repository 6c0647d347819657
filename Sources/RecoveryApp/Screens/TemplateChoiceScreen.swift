import RecoveryModel
import RecoveryServices
import TUI

/// Choosing how to start a plan: one of the built-in templates (pre-filled, every part
/// editable) or a blank plan.
public struct TemplateChoiceScreen: ListScreen {
    public static let screenID = "new-plan"
    public let title = "New plan: choose a starting point"
    public var list = ListPane(columns: [
        TableColumn(title: "Template", width: .flexible(minimum: 34)),
        TableColumn(title: "For when", width: .flexible(minimum: 20)),
    ], emptyMessage: "No templates were found.")
    private let templates: [PlanTemplate]

    public init(templates: [PlanTemplate]) { self.templates = templates }

    public var rows: TableRows {
        TableRows([["Blank plan", "Write every part yourself"]] + templates.map { [$0.title, $0.summary] })
    }

    public var keyHints: [Hint]? { [.key(AppCommand.open, "start from it"), .key(AppCommand.back, "back")] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        guard command == AppCommand.open else { return .notHandled }
        let index = list.state.selected
        // A new plan starts on the user's own service; provider-wide roles start provider-wide.
        let serviceID = ServiceScope.homeService(of: context.user)
        let draft: PlanDraft
        if index == 0 {
            draft = PlanDraft(serviceID: serviceID, title: "", source: .inspectionFinding, ownerID: context.user?.id,
                              steps: (1...5).map { position in
                                  PlanStepDraft(definition: PlanStepDefinition(position: position, role: .teamLeader, action: "",
                                                                               recordedIn: "", cadence: .weekly),
                                                firstDue: context.now)
                              }, startDate: context.now)
        } else {
            draft = PlanDraft(template: templates[index - 1], serviceID: serviceID, ownerID: context.user?.id, startDate: context.now)
        }
        return ScreenResponse(push: PlanFormScreen(draft: draft, planID: nil, status: nil), pop: true)
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        list.render(into: &buffer, area: area, source: rows, theme: context.theme)
        let open = keyName(AppCommand.open, context: context)
        buffer.write(" \(open) starts a plan from the selected template; you can change every part of it.",
                     in: area.row(-1), style: context.theme[.muted])
    }
}
