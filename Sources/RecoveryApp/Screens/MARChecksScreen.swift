import Foundation
import RecoveryModel
import TUI

/// The last 28 days of MAR chart checks, newest first, with late entries and corrections
/// marked. `a` logs a check (on your own service, for the round due now), `c` shows which
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

    /// Where a new check starts: the user's own service (the first of their services; for a
    /// provider-wide role, the service of their latest check, or the first service), and the
    /// round due now by the clock at that service (`MARRound.due`).
    func startingPoint(for user: StaffMember?, at now: Date) -> (Int64?, MARRound) {
        let active = services.filter(\.active)
        var serviceID = (active.first ?? services.first)?.id
        if let home = ServiceScope.homeService(of: user), services.contains(where: { $0.id == home }) {
            serviceID = home
        } else if let user, let last = checks.filter({ $0.checkedByID == user.id }).max(by: { $0.recordedAt < $1.recordedAt }) {
            serviceID = last.draft.serviceID
        }
        let kind = services.first { $0.id == serviceID }?.kind ?? .residential
        return (serviceID, MARRound.due(at: now, in: kind))
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if moveInList(command, context: context) { return .done }
        switch command.rawValue {
        case "mar-checks.add":
            guard !services.isEmpty else { return .message(.info("There are no services yet: an administrator adds them under F9.")) }
            let (serviceID, round) = startingPoint(for: context.user, at: context.now)
            return ScreenResponse(push: MARCheckFormScreen(services: services, staff: staff, serviceID: serviceID, round: round,
                                                           today: context.now,
                                                           lateEntryHours: context.environment.configuration.lateEntryHours))
        case "mar-checks.coverage":
            let (serviceID, _) = startingPoint(for: context.user, at: context.now)
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
            keepSelection(rowCount: loaded.count, context: context)
            return .done
        default:
            return savedOrFailed(reply, context: context) ?? .done
        }
    }
}
