import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Which rounds of the last 28 days were checked, one service at a time (`v` for the next
/// service): ✓ checked, · not checked, ! checked with findings, – none due (the round had not
/// ended yet, or ended before the service was added: no data, never a gap). Given the checks,
/// or (from the MAR checks list) reading each service's checks of those days as it is shown.
public struct CoverageScreen: Screen {
    public static let screenID = "coverage"
    public let id = CoverageScreen.screenID
    public let title = "Coverage: the last 28 days"
    private var checks: [MARCheck]
    private let services: [Service]
    public private(set) var serviceID: Int64?
    /// True when the screen reads the shown service's checks itself.
    private let readsChecks: Bool

    public init(checks: [MARCheck], services: [Service], serviceID: Int64?) {
        self.checks = checks
        self.services = services
        self.serviceID = serviceID ?? services.first?.id
        readsChecks = false
    }

    /// Coverage that reads each service's checks of the last 28 days when it shows it.
    public init(services: [Service], serviceID: Int64?) {
        checks = []
        self.services = services
        self.serviceID = serviceID ?? services.first?.id
        readsChecks = true
    }

    public func appear(context: ScreenContext) -> [AppEffect] {
        guard readsChecks, let serviceID else { return [] }
        return [ask(.loadCoverage(serviceID: serviceID, days: 28), context: context)]
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .coverage(let shown, let loaded) where shown == serviceID:
            checks = loaded
            return .done
        case .failed(let message):
            return .message(.error(message))
        default:
            return .done
        }
    }

    public var hints: [String]? { ["v next service", "✓ checked", "! findings", "· no check", "– not due", "Esc back"] }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        guard command.rawValue == "coverage.next-service", !services.isEmpty else { return .notHandled }
        let index = services.firstIndex { $0.id == serviceID } ?? -1
        serviceID = services[(index + 1) % services.count].id
        return ScreenResponse(effects: appear(context: context))
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        guard let service = services.first(where: { $0.id == serviceID }) else {
            buffer.write("  No services yet.", in: area.row(1), style: theme[.muted])
            return
        }
        let rounds = MARRound.expected(for: service.kind)
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
        var notDue = 0
        for (row, round) in rounds.enumerated() {
            let y = area.y + 4 + row
            buffer.write(round.title, in: Rect(x: area.x + 2, y: y, width: labelWidth, height: 1), style: theme[.normal])
            x = area.x + 2 + labelWidth
            for day in days {
                let done = checks.filter { $0.draft.serviceID == service.id && $0.draft.round == round && LondonDay($0.draft.date) == day }
                let mark: String
                let role: StyleRole
                let end = LateEntryRule.roundEnd(date: day.start, round: round)
                if done.isEmpty && (end > context.now || service.isBeforeStart(end)) {
                    mark = "–"; role = .muted; notDue += 1
                } else if done.isEmpty {
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
        let total = rounds.count * days.count - notDue
        let y = area.y + 5 + rounds.count
        let summary = total == 0 ? "No rounds due yet in these 28 days."
            : "\(total - missing) of \(total) rounds due checked; \(missing) without a check."
        buffer.write("  " + summary, in: Rect(x: area.x, y: y, width: area.width, height: 1),
                     style: theme[missing > 0 ? .warning : total == 0 ? .muted : .ok])
        buffer.write("  Days run from \(days[0].description) (left) to today \(today.description) (right).",
                     in: Rect(x: area.x, y: y + 1, width: area.width, height: 1), style: theme[.muted])
        if let added = service.addedAt, LondonDay(added) > days[0] {
            buffer.write("  – \(service.name) was added on \(UKDateFormat.date(added)); nothing is due before then.",
                         in: Rect(x: area.x, y: y + 2, width: area.width, height: 1), style: theme[.muted])
        }
    }
}
