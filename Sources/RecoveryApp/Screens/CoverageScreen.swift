import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Which rounds of the last 28 days were checked, one service at a time (`v` for the next
/// service): ✓ checked, · not checked, ! checked with findings, – none due (the round had not
/// ended yet, or ended before the service was added: no data, never a gap). Handed the checks
/// of the services the opener knows about; any other service's checks of those days are read
/// when it is shown, and every shown service's again when the store has changed.
public struct CoverageScreen: Screen {
    public static let screenID = "coverage"
    public let title = "Coverage: the last 28 days"
    private var checks: [MARCheck]
    private let services: [Service]
    public private(set) var serviceID: Int64?
    /// The services whose checks of the days shown are held.
    public private(set) var covered: Set<Int64>

    /// The days shown, today the last.
    public static let days = 28
    /// Width of the round names left of the grid.
    static let labelWidth = 16

    /// Coverage from checks the opener has: every check of the last 28 days of the services in
    /// `covering`; the others' are read when shown.
    public init(checks: [MARCheck], services: [Service], serviceID: Int64?, covering: Set<Int64>) {
        self.checks = checks
        self.services = services
        self.serviceID = serviceID ?? services.first?.id
        covered = covering
    }

    /// Coverage that reads each service's checks of the last 28 days when it shows it.
    public init(services: [Service], serviceID: Int64?) {
        self.init(checks: [], services: services, serviceID: serviceID, covering: [])
    }

    // MARK: Commands

    public static let nextService: CommandID = "coverage.next-service"

    public static let commands = [
        binding(nextService, keys: [.character("v")], label: "Next service", help: "Show the next service's coverage"),
    ]

    public var keyHints: [Hint]? {
        [.key(Self.nextService, "next service"), .note("✓ checked"), .note("! findings"), .note("· no check"),
         .note("– not due"), .key(AppCommand.back, "back")]
    }

    // MARK: Tasks

    /// One service's checks of the days shown.
    struct LoadChecks: ScreenTask {
        typealias Target = CoverageScreen
        var serviceID: Int64
        /// Read because the store changed: what is held of other services is out of date.
        var afresh = false

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> [MARCheck] {
            try services.recentMARChecks(serviceID: serviceID, days: CoverageScreen.days, at: now)
        }

        func apply(_ loaded: [MARCheck], to screen: inout CoverageScreen, context: ScreenContext) -> ScreenResponse {
            screen.checks = screen.checks.filter { $0.draft.serviceID != serviceID } + loaded
            if afresh { screen.covered = [] }
            screen.covered.insert(serviceID)
            return .done
        }
    }

    /// The shown service's checks, unless they are held already.
    public func appear(context: ScreenContext) -> [AppEffect] {
        guard let serviceID, !covered.contains(serviceID) else { return [] }
        return [task(LoadChecks(serviceID: serviceID))]
    }

    /// Shown again after the store changed: the shown service's checks are read again, and the
    /// others' held ones count as out of date.
    public func refresh(context: ScreenContext) -> [AppEffect] {
        guard let serviceID else { return [] }
        return [task(LoadChecks(serviceID: serviceID, afresh: true))]
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        guard command == Self.nextService, !services.isEmpty else { return .notHandled }
        let index = services.firstIndex { $0.id == serviceID } ?? -1
        serviceID = services[(index + 1) % services.count].id
        return ScreenResponse(effects: appear(context: context))
    }

    // MARK: Drawing

    /// How one round of one day stands, as a mark with its role (never by colour alone).
    static func mark(_ checks: [MARCheck], round: MARRound, day: LondonDay, service: Service,
                     now: Date) -> (mark: String, role: StyleRole) {
        let done = checks.filter { $0.draft.serviceID == service.id && $0.draft.round == round && LondonDay($0.draft.date) == day }
        let end = LateEntryRule.roundEnd(date: day.start, round: round)
        if done.isEmpty && (end > now || service.isBeforeStart(end)) { return ("–", .muted) }
        if done.isEmpty { return ("·", .red) }
        if done.contains(where: { !$0.draft.findings.isEmpty }) { return ("!", .amber) }
        return ("✓", .green)
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        let inner = area.inset(left: 2)
        guard let service = services.first(where: { $0.id == serviceID }) else {
            buffer.write("No services yet.", in: inner.row(1), style: theme[.muted])
            return
        }
        let rounds = MARRound.expected(for: service.kind)
        let today = LondonDay(context.now)
        let days = (0..<Self.days).map { today.adding(days: $0 - (Self.days - 1)) }
        // Service name, a gap, the day numbers, a row a round, a gap, then the summary lines.
        let parts = area.splitRows([.fixed(1), .fixed(1), .fixed(1), .fixed(1), .fixed(rounds.count), .fixed(1), .flexible])
        buffer.write("\(service.name) (\(service.kind.title))", in: parts[1].inset(left: 2), style: theme[.header])
        let cellWidth = max(2, min(3, (area.width - Self.labelWidth - 4) / Self.days))
        let columns = parts[3].inset(left: 2).splitColumns([.fixed(Self.labelWidth)] + days.map { _ in .fixed(cellWidth) })
        for (day, cell) in zip(days, columns.dropFirst()) {
            buffer.write(String(day.description.prefix(2)), in: cell, style: theme[.muted])
        }
        var missing = 0
        var notDue = 0
        for (row, round) in rounds.enumerated() {
            let line = parts[4].row(row)
            let cells = line.inset(left: 2).splitColumns([.fixed(Self.labelWidth)] + days.map { _ in .fixed(cellWidth) })
            buffer.write(round.title, in: cells[0], style: theme[.normal])
            for (day, cell) in zip(days, cells.dropFirst()) {
                let (mark, role) = Self.mark(checks, round: round, day: day, service: service, now: context.now)
                if mark == "–" { notDue += 1 } else if mark == "·" { missing += 1 }
                buffer.write(mark, in: cell, style: theme[role])
            }
        }
        let total = rounds.count * days.count - notDue
        let summary = parts[6].inset(left: 2)
        let words = total == 0 ? "No rounds due yet in these \(Self.days) days."
            : "\(total - missing) of \(total) rounds due checked; \(missing) without a check."
        buffer.write(words, in: summary.row(0), style: theme[missing > 0 ? .warning : total == 0 ? .muted : .ok])
        buffer.write("Days run from \(days[0].description) (left) to today \(today.description) (right).",
                     in: summary.row(1), style: theme[.muted])
        if let added = service.addedAt, LondonDay(added) > days[0] {
            buffer.write("– \(service.name) was added on \(UKDateFormat.date(added)); nothing is due before then.",
                         in: summary.row(2), style: theme[.muted])
        }
    }
}
