import Foundation
import RecoveryModel
import TUI

/// The last 28 days of MAR chart checks, newest first, with late entries and corrections
/// marked. `a` logs a check (service and round remembered from your last one), `c` shows which
/// rounds were checked, Enter opens a check with any corrections beside the original.
public struct MARChecksScreen: ListScreen {
    public let id = Section.marChecks.rawValue
    public let title = Section.marChecks.title
    public var list = ListPane(columns: [
        TableColumn(title: "Date", width: .fixed(10)),
        TableColumn(title: "Round", width: .fixed(14)),
        TableColumn(title: "Service", width: .flexible(minimum: 12)),
        TableColumn(title: "Charts", width: .fixed(6), alignment: .right),
        TableColumn(title: "Refusals", width: .fixed(9)),
        TableColumn(title: "Findings", width: .fixed(8), alignment: .right),
        TableColumn(title: "Notes", width: .fixed(12)),
    ], emptyMessage: "No MAR chart checks in the last 28 days. Press a to log one.")
    private var checks: [MARCheck] = []
    private var services: [Service] = []
    private var staff: [StaffMember] = []

    public init() {}

    public var rows: TableRows {
        TableRows(checks.map { check in
            let draft = check.draft
            var notes: [String] = []
            if check.isLateEntry { notes.append("Late entry") }
            if !check.amendments.isEmpty { notes.append("Corrected") }
            return [UKDateFormat.date(draft.date), draft.round.title, serviceName(draft.serviceID), String(draft.chartsChecked),
                    draft.refusalsSeen == 0 ? "none" : "\(draft.refusalsComplete)/\(draft.refusalsSeen) full",
                    String(draft.findings.count), notes.joined(separator: ", ")]
        }, roles: Dictionary(uniqueKeysWithValues: checks.enumerated().compactMap { index, check in
            check.draft.findings.isEmpty ? nil : (index, StyleRole.warning)
        }))
    }

    private func serviceName(_ id: Int64) -> String { services.first { $0.id == id }?.name ?? "?" }

    public var hints: [String]? { ["a log a check", "c coverage", "Enter open", "/ search"] }

    public func appear(context: ScreenContext) -> [AppEffect] { [ask(.loadMARChecks(days: 28), context: context)] }

    /// The service and round of the signed-in user's latest check.
    func remembered(for user: StaffMember?) -> (Int64?, MARRound) {
        guard let user, let last = checks.filter({ $0.checkedByID == user.id }).max(by: { $0.recordedAt < $1.recordedAt }) else {
            return (services.first?.id, .morning)
        }
        return (last.draft.serviceID, last.draft.round)
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        switch command.rawValue {
        case "mar-checks.add":
            guard !services.isEmpty else { return .message(.info("There are no services yet: an administrator adds them under F9.")) }
            let (serviceID, round) = remembered(for: context.user)
            return ScreenResponse(push: MARCheckFormScreen(services: services, staff: staff, serviceID: serviceID, round: round,
                                                           today: context.now,
                                                           lateEntryHours: context.environment.configuration.lateEntryHours))
        case "mar-checks.coverage":
            let (serviceID, _) = remembered(for: context.user)
            return ScreenResponse(push: CoverageScreen(checks: checks, services: services, serviceID: serviceID))
        case AppCommand.open.rawValue:
            guard checks.indices.contains(list.state.selected) else { return .done }
            return ScreenResponse(push: MARCheckDetailScreen(check: checks[list.state.selected], services: services, staff: staff))
        default:
            return .notHandled
        }
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .marChecks(let loaded, let services, let staff):
            checks = loaded
            self.services = services
            self.staff = staff
            list.state.clamp(rowCount: loaded.count, pageSize: ListPane.pageSize(forContentHeight: context.contentHeight))
            return .done
        default:
            return savedOrFailed(reply, context: context) ?? .done
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        list.render(into: &buffer, area: area, source: rows, theme: context.theme)
    }
}

/// Which rounds of the last 28 days were checked, one service at a time (`v` for the next
/// service): ✓ checked, · not checked, ! checked with findings.
public struct CoverageScreen: Screen {
    public static let screenID = "coverage"
    public let id = CoverageScreen.screenID
    public let title = "Coverage: the last 28 days"
    private let checks: [MARCheck]
    private let services: [Service]
    public private(set) var serviceID: Int64?

    public init(checks: [MARCheck], services: [Service], serviceID: Int64?) {
        self.checks = checks
        self.services = services
        self.serviceID = serviceID ?? services.first?.id
    }

    public var hints: [String]? { ["v next service", "✓ checked", "! findings", "· no check", "Esc back"] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        guard command.rawValue == "coverage.next-service", !services.isEmpty else { return .notHandled }
        let index = services.firstIndex { $0.id == serviceID } ?? -1
        serviceID = services[(index + 1) % services.count].id
        return .done
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        guard let service = services.first(where: { $0.id == serviceID }) else {
            buffer.write("  No services yet.", in: area.row(1), style: theme[.muted])
            return
        }
        let rounds: [MARRound] = service.kind == .domiciliary ? [.visit] : MARRound.careHomeRounds
        let today = LondonDay(context.now)
        let days = (0..<28).map { today.adding(days: $0 - 27) }
        buffer.write("  \(service.name) (\(service.kind.title))", in: area.row(1), style: theme[.header])
        let labelWidth = 16
        let cellWidth = max(2, min(3, (area.width - labelWidth - 4) / 28))
        var x = area.x + 2 + labelWidth
        for day in days {
            let number = String(day.description.prefix(2))
            buffer.write(number, x: x, y: area.y + 3, style: theme[.muted], maxWidth: cellWidth)
            x += cellWidth
        }
        var missing = 0
        for (row, round) in rounds.enumerated() {
            let y = area.y + 4 + row
            buffer.write(round.title, in: Rect(x: area.x + 2, y: y, width: labelWidth, height: 1), style: theme[.normal])
            x = area.x + 2 + labelWidth
            for day in days {
                let done = checks.filter { $0.draft.serviceID == service.id && $0.draft.round == round && LondonDay($0.draft.date) == day }
                let mark: String
                let role: StyleRole
                if done.isEmpty {
                    mark = "·"; role = .red; missing += 1
                } else if done.contains(where: { !$0.draft.findings.isEmpty }) {
                    mark = "!"; role = .amber
                } else {
                    mark = "✓"; role = .green
                }
                buffer.write(mark, x: x, y: y, style: theme[role], maxWidth: cellWidth)
                x += cellWidth
            }
        }
        let total = rounds.count * days.count
        let y = area.y + 5 + rounds.count
        buffer.write("  \(total - missing) of \(total) rounds checked; \(missing) without a check.",
                     in: Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[missing > 0 ? .warning : .ok])
        buffer.write("  Days run from \(days[0].description) (left) to today \(today.description) (right).",
                     in: Rect(x: area.x, y: y + 1, width: area.width, height: 1), style: theme[.muted])
    }
}

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
