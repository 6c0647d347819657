import TUI

/// A section with nothing recorded in it yet. It says so plainly and explains what will appear,
/// rather than showing made-up rows.
public struct EmptySectionScreen: Screen {
    public let section: Section

    public init(section: Section) { self.section = section }

    public var id: String { section.rawValue }
    public var title: String { section.title }

    /// The heading of the empty state.
    public var headline: String {
        switch section {
        case .dashboard: return "No services yet."
        case .marChecks: return "No MAR chart checks recorded yet."
        case .observations: return "No observations recorded yet."
        case .escalations: return "No escalations raised yet."
        case .plans, .admin: return ""
        }
    }

    /// What the section will hold, in a sentence or two.
    public var explanation: String {
        switch section {
        case .dashboard:
            return "Each service will have a row here with its early-warning signs, marked red, amber or green by a symbol as well as a colour, and a trend over the last 12 weeks."
        case .marChecks:
            return "Team leaders log the check of each round's MAR charts here at the end of a round, with every finding set out: what, whose chart, which staff member and what was done."
        case .observations:
            return "Supervisors record medicines rounds they watched, spot checks and competency assessments here, each against a named staff member, with the outcome and any follow-up."
        case .escalations:
            return "Anyone signed in can raise an escalation here. Each one gets a due-by date counted in working days, and any that run late are flagged."
        case .plans, .admin:
            // These sections have screens of their own (`SectionScreens`).
            return ""
        }
    }

    public func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse { .notHandled }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let inner = area.inset(top: 1, left: 2, bottom: 0, right: 2)
        guard !inner.isEmpty else { return }
        buffer.write(headline, in: inner.row(0), style: context.theme[.header])
        var y = inner.y + 2
        for line in TextWrap.lines(explanation, width: inner.width) where y < inner.maxY {
            buffer.write(line, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: context.theme[.normal])
            y += 1
        }
        y += 1
        let storeNote = "Store: \(context.environment.storePath)"
        if y < inner.maxY {
            buffer.write(storeNote, in: Rect(x: inner.x, y: y, width: inner.width, height: 1), style: context.theme[.muted])
        }
    }
}
