import Foundation
import RecoveryModel
import TUI

/// One MAR check: its figures, its findings, and any corrections beside the original.
public struct MARCheckDetailScreen: Screen {
    public static let screenID = "mar-check"
    public let id = MARCheckDetailScreen.screenID
    public let title = "MAR chart check"
    private let check: MARCheck
    private let services: [Service]
    private let staff: [StaffMember]

    public init(check: MARCheck, services: [Service], staff: [StaffMember]) {
        self.check = check
        self.services = services
        self.staff = staff
    }

    public var hints: [String]? { ["e correct (with a reason)", "Esc back"] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        guard command.rawValue == "mar-check.correct" else { return .notHandled }
        return ScreenResponse(push: MARCheckFormScreen(services: services, staff: staff, serviceID: check.draft.serviceID,
                                                       round: check.draft.round, today: context.now,
                                                       lateEntryHours: context.environment.configuration.lateEntryHours,
                                                       correcting: check))
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        let draft = check.draft
        var lines: [(String, StyleRole)] = []
        let service = services.first { $0.id == draft.serviceID }?.name ?? "?"
        lines.append(("\(service) · \(draft.round.title) round of \(UKDateFormat.date(draft.date))", .header))
        lines.append(("Checked by \(check.checkedBy); entered \(UKDateFormat.date(check.recordedAt)) \(UKDateFormat.time(check.recordedAt))"
                      + (check.isLateEntry ? " · late entry: \(draft.lateEntryReason ?? "")" : ""), .muted))
        lines.append(("\(draft.chartsChecked) charts checked · refusals \(draft.refusalsComplete) of \(draft.refusalsSeen) fully recorded · \(draft.chartsReturnedLate) returned late", .normal))
        lines.append(("", .normal))
        lines.append((draft.findings.isEmpty ? "No findings: a clean check." : "Findings:", .header))
        for finding in draft.findings {
            let who = finding.staffID.flatMap { id in staff.first { $0.id == id }?.name }.map { " · \($0)" } ?? ""
            lines.append(("• \(finding.type.title) · \(finding.personReference)\(who)" + (finding.escalate ? " · escalated" : ""), .normal))
            if !finding.note.isEmpty || !finding.actionTaken.isEmpty {
                lines.append(("  \(finding.note)" + (finding.actionTaken.isEmpty ? "" : " Action: \(finding.actionTaken)"), .muted))
            }
        }
        if !check.amendments.isEmpty {
            lines.append(("", .normal))
            lines.append(("Corrections (the check above is the current version):", .header))
            for amendment in check.amendments {
                lines.append(("\(UKDateFormat.date(amendment.at)) \(amendment.by): \(amendment.reason)", .normal))
                lines.append(("  Before: \(amendment.previous)", .muted))
            }
        }
        var y = area.y + 1
        for line in lines {
            for piece in TextWrap.lines(line.0, width: max(10, area.width - 4)) where y < area.maxY {
                buffer.write("  " + piece, in: Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[line.1])
                y += 1
            }
        }
    }
}
