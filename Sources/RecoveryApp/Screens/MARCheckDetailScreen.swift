import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// One MAR check: its figures, its findings with their links (whether each that had to be
/// escalated was, by which escalation, and in time or not), and any corrections beside the
/// original. Up and Down pick a finding; Enter opens its escalation, or raises one for it when
/// none was raised; PgUp, PgDn, Home and End scroll a long check. The links are worked out from
/// the escalations that name the finding. Handed the check by the list, it reads only those
/// escalations (and the staff names when it was not handed them).
public struct MARCheckDetailScreen: Screen {
    public static let screenID = "mar-check"
    public let title = "MAR chart check"
    public var scopes: [KeyScope] { [.screen(id), .list] }
    public let checkID: Int64
    public private(set) var check: MARCheck?
    private var services: [Service]
    private var staff: [StaffMember]
    /// The escalations that name this check, with their sources.
    private var escalations: [Escalation] = []
    public private(set) var linksLoaded = false
    /// The selected item among those that had to be escalated.
    public private(set) var selected = 0
    private var body = ScrollingText()

    /// Columns between the screen's edge and the text.
    static let margin = 2

    public init(check: MARCheck, services: [Service], staff: [StaffMember]) {
        checkID = check.id
        self.check = check
        self.services = services
        self.staff = staff
    }

    /// Opens a check by its id (it reads itself).
    public init(checkID: Int64) {
        self.checkID = checkID
        services = []
        staff = []
    }

    // MARK: Commands

    public static let correct: CommandID = "mar-check.correct"

    public static let commands = [
        binding(correct, keys: [.character("e")], label: "Correct",
                help: "Correct the check (with a reason; the original stays visible)", inKeyBar: true),
    ]

    public var keyHints: [Hint]? {
        [.key(AppCommand.down, "next finding"), .key(AppCommand.open, "its escalation"),
         .key(Self.correct, "correct (with a reason)"), .key(AppCommand.back, "back")]
    }

    // MARK: Tasks

    /// The check with the escalations that name it, and the names of services and staff.
    struct LoadCheck: ScreenTask {
        typealias Target = MARCheckDetailScreen
        var id: Int64

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> MARCheckDetail {
            try services.marCheckDetail(id)
        }

        func apply(_ detail: MARCheckDetail, to screen: inout MARCheckDetailScreen, context: ScreenContext) -> ScreenResponse {
            screen.check = detail.check
            screen.escalations = detail.escalations
            screen.services = detail.services
            screen.staff = detail.staff
            screen.linksLoaded = true
            return .done
        }
    }

    /// The escalations that name the check the screen was handed.
    struct LoadLinks: ScreenTask {
        typealias Target = MARCheckDetailScreen
        var id: Int64

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> [Escalation] {
            try services.escalations(answeringCheck: id)
        }

        func apply(_ loaded: [Escalation], to screen: inout MARCheckDetailScreen, context: ScreenContext) -> ScreenResponse {
            screen.escalations = loaded
            screen.linksLoaded = true
            return .done
        }
    }

    /// Every member of staff, to name those in the findings (and for a correction's form).
    struct LoadStaff: ScreenTask {
        typealias Target = MARCheckDetailScreen

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> [StaffMember] {
            try services.store.staff(includingInactive: true)
        }

        func apply(_ loaded: [StaffMember], to screen: inout MARCheckDetailScreen, context: ScreenContext) -> ScreenResponse {
            screen.staff = loaded
            return .done
        }
    }

    /// Handed the check: only its escalations (and the staff, if not handed them) are read.
    public func appear(context: ScreenContext) -> [AppEffect] {
        guard check != nil, !services.isEmpty else { return [task(LoadCheck(id: checkID))] }
        return [task(LoadLinks(id: checkID))] + (staff.isEmpty ? [task(LoadStaff())] : [])
    }

    /// Shown again after the store changed (a correction, an escalation raised): read it all again.
    public func refresh(context: ScreenContext) -> [AppEffect] { [task(LoadCheck(id: checkID))] }

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
        let height = ScrollingText.bodyHeight(context.contentHeight)
        switch command {
        case AppCommand.up, AppCommand.down:
            selected = command == AppCommand.up ? max(0, selected - 1) : min(max(0, items.count - 1), selected + 1)
            // Keep the chosen finding's link in sight.
            let shown = lines(width: ScrollingText.bodyWidth(context.contentWidth, margin: Self.margin), context: context)
            if let line = shown.selectedLine { body.reveal(line, lineCount: shown.lines.count, height: height) }
            return .done
        case AppCommand.pageUp, AppCommand.pageDown, AppCommand.first, AppCommand.last:
            let shown = lines(width: ScrollingText.bodyWidth(context.contentWidth, margin: Self.margin), context: context)
            _ = body.perform(command, lineCount: shown.lines.count, height: height)
            return .done
        case AppCommand.open:
            guard items.indices.contains(selected) else {
                return .message(.info("Nothing in this check had to be escalated."))
            }
            let item = items[selected]
            if let escalationID = item.timeliness.escalationID {
                if let escalation = escalations.first(where: { $0.id == escalationID }) {
                    return ScreenResponse(push: EscalationDetailScreen(escalation: escalation, services: services))
                }
                return ScreenResponse(push: EscalationDetailScreen(escalationID: escalationID))
            }
            return ScreenResponse(push: EvidenceForms.escalation(
                services: services.filter(\.active), serviceID: check.draft.serviceID, category: item.due.category,
                whatHappened: item.due.whatHappened,
                links: EscalationLinks(marCheckID: check.id, staffID: item.due.staffID),
                sources: [item.due.source], now: context.now))
        case Self.correct:
            return ScreenResponse(push: MARCheckFormScreen(services: services, staff: staff, serviceID: check.draft.serviceID,
                                                           round: check.draft.round, today: context.now,
                                                           lateEntryHours: context.environment.configuration.lateEntryHours,
                                                           correcting: check))
        default:
            return .notHandled
        }
    }

    /// The check as lines with their roles, wrapped to `width`, and the line of the selected
    /// finding's link.
    func lines(width: Int, context: ScreenContext) -> (lines: [(String, StyleRole)], selectedLine: Int?) {
        guard let check else { return ([("Loading…", .muted)], nil) }
        let draft = check.draft
        let items = links(at: context.now, workingDays: context.environment.workingDays)
        var lines: [(String, StyleRole)] = []
        var selectedLine: Int?
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
            if position == selected { selectedLine = lines.count }
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
        // Wrapped, the selected link's line counted where its first piece lands.
        var wrapped: [(String, StyleRole)] = []
        var selectedWrapped: Int?
        for (index, line) in lines.enumerated() {
            if index == selectedLine { selectedWrapped = wrapped.count }
            wrapped += TextWrap.lines(line.0, width: width).map { ($0, line.1) }
        }
        return (wrapped, selectedWrapped)
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let all = lines(width: ScrollingText.bodyWidth(area.width, margin: Self.margin), context: context)
        body.render(all.lines, in: area, margin: Self.margin, into: &buffer, theme: context.theme)
    }
}
