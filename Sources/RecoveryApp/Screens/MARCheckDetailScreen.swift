import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// One MAR check: its figures, its findings with their links (whether each that had to be
/// escalated was, by which escalation, and in time or not), and any corrections beside the
/// original. Up and Down pick a finding; Enter opens its escalation, or raises one for it when
/// none was raised. The links are worked out from the escalations that name the finding.
public struct MARCheckDetailScreen: Screen {
    public static let screenID = "mar-check"
    public let id = MARCheckDetailScreen.screenID
    public let title = "MAR chart check"
    public var scopes: [KeyScope] { [.screen(id), .list] }
    public let checkID: Int64
    private var check: MARCheck?
    private var services: [Service]
    private var staff: [StaffMember]
    /// The escalations that name this check, with their sources.
    private var escalations: [Escalation] = []
    private var linksLoaded = false
    /// The selected item among those that had to be escalated.
    public private(set) var selected = 0

    public init(check: MARCheck, services: [Service], staff: [StaffMember]) {
        checkID = check.id
        self.check = check
        self.services = services
        self.staff = staff
    }

    /// Opens a check by its id (it loads itself).
    public init(checkID: Int64) {
        self.checkID = checkID
        services = []
        staff = []
    }

    public var hints: [String]? { ["↑↓ pick a finding", "Enter its escalation", "e correct (with a reason)", "Esc back"] }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadMARCheck(id: checkID), context: context)] }

    /// What in this check had to be escalated, with how each stands.
    func links(at now: Date, workingDays: WorkingDays) -> [(due: EscalationDue, timeliness: EscalationTimeliness)] {
        guard let check, linksLoaded else { return [] }
        let index = escalations.bySource()
        return EscalationDue.of(check).map { due in
            (due, EscalationTimeliness.of(due, answeredBy: index[due.source] ?? [], at: now, workingDays: workingDays))
        }
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        guard let check else { return .notHandled }
        let items = links(at: context.now, workingDays: context.environment.workingDays)
        switch command {
        case AppCommand.up:
            selected = max(0, selected - 1)
            return .done
        case AppCommand.down:
            selected = min(max(0, items.count - 1), selected + 1)
            return .done
        case AppCommand.open:
            guard items.indices.contains(selected) else {
                return .message(.info("Nothing in this check had to be escalated."))
            }
            let item = items[selected]
            if let escalationID = item.timeliness.escalationID {
                return ScreenResponse(push: EscalationDetailScreen(escalationID: escalationID))
            }
            return ScreenResponse(push: EvidenceForms.escalation(
                services: services.filter(\.active), serviceID: check.draft.serviceID, category: item.due.category,
                whatHappened: item.due.whatHappened,
                links: EscalationLinks(marCheckID: check.id, staffID: item.due.staffID),
                sources: [item.due.source], now: context.now))
        default:
            break
        }
        guard command.rawValue == "mar-check.correct" else { return .notHandled }
        return ScreenResponse(push: MARCheckFormScreen(services: services, staff: staff, serviceID: check.draft.serviceID,
                                                       round: check.draft.round, today: context.now,
                                                       lateEntryHours: context.environment.configuration.lateEntryHours,
                                                       correcting: check))
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .marCheck(let loaded, let escalations, let services, let staff):
            check = loaded
            self.escalations = escalations
            self.services = services
            self.staff = staff
            linksLoaded = true
            return .done
        case .failed(let message):
            return .message(.error(message))
        default:
            return .done
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        guard let check else {
            buffer.write("  Loading…", in: area.row(1), style: theme[.muted])
            return
        }
        let draft = check.draft
        let items = links(at: context.now, workingDays: context.environment.workingDays)
        var lines: [(String, StyleRole)] = []
        let service = services.first { $0.id == draft.serviceID }?.name ?? "?"
        let round = draft.round == .visit ? "Homecare visits" : "\(draft.round.title) round"
        lines.append(("MAR check \(check.id) · \(service) · \(round) of \(UKDateFormat.date(draft.date))"
                      + (check.isRecheck ? " · re-check" : ""), .header))
        lines.append(("Checked by \(check.checkedBy); entered \(UKDateFormat.date(check.recordedAt)) \(UKDateFormat.time(check.recordedAt))"
                      + (check.isLateEntry ? " · late entry: \(draft.lateEntryReason ?? "")" : ""), .muted))
        lines.append(("\(draft.chartsChecked) charts checked · refusals \(draft.refusalsComplete) of \(draft.refusalsSeen) fully recorded · \(draft.chartsReturnedLate) returned late", .normal))
        lines.append(("", .normal))
        let clean = draft.findings.isEmpty && draft.chartsReturnedLate == 0
        lines.append((clean ? "No findings: a clean check." : (draft.findings.isEmpty ? "No findings." : "Findings:"), .header))
        func linkLine(_ source: EscalationSource) {
            guard let position = items.firstIndex(where: { $0.due.source == source }) else { return }
            let timeliness = items[position].timeliness
            let marker = position == selected ? "▸" : " "
            let role: StyleRole
            switch timeliness {
            case .inTime: role = .ok
            case .awaiting: role = .warning
            case .late, .overdue: role = .red
            }
            lines.append(("\(marker) \(timeliness.words)", role))
        }
        for (index, finding) in draft.findings.enumerated() {
            let number = finding.number ?? index + 1
            let who = finding.staffID.flatMap { id in staff.first { $0.id == id }?.name }.map { " · \($0)" } ?? ""
            lines.append(("\(number). \(finding.type.title) · \(finding.personReference)\(who)", .normal))
            if !finding.note.isEmpty || !finding.actionTaken.isEmpty {
                lines.append(("   \(finding.note)" + (finding.actionTaken.isEmpty ? "" : " Action: \(finding.actionTaken)"), .muted))
            }
            linkLine(.finding(checkID: check.id, number: number))
        }
        if draft.chartsReturnedLate > 0, items.contains(where: { $0.due.source == .lateReturn(checkID: check.id) }) {
            lines.append(("Charts returned late: \(draft.chartsReturnedLate)", .normal))
            linkLine(.lateReturn(checkID: check.id))
        }
        if !linksLoaded && !items.isEmpty { lines.append(("Loading its escalations…", .muted)) }
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
