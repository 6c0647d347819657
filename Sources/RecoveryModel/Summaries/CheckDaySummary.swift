import Foundation

/// One service's MAR checks for one round day that were recorded on one London day, counted.
/// The store keeps these in `summary_check_day`, updated in the same transaction as the checks,
/// so the indicators and the plans' measures add up days instead of reading every check. Most
/// round days have a single row (recorded the same day); a late entry adds a row for the day it
/// was recorded, so a figure "as it stood" at the end of an earlier day leaves it out.
public struct CheckDaySummary: Hashable, Sendable {
    public var serviceID: Int64
    /// The round's London day (`LondonDay.dayNumber`).
    public var day: Int
    /// The London day the checks were recorded (`MARCheck.recordedAt`).
    public var recordedDay: Int
    public var checks = 0
    public var charts = 0
    public var findings = 0
    public var refusalsSeen = 0
    public var refusalsComplete = 0
    /// Refusals seen less refusals fully recorded, never below 0 for a check.
    public var refusalsMissing = 0
    /// Checks showing a late return (`EvidenceMeasures.showsLateReturn`).
    public var lateReturnChecks = 0
    public var lateEntries = 0
    /// Checks with no finding.
    public var cleanChecks = 0
    /// Which rounds were checked: bit `MARRound.bit`.
    public var roundsChecked = 0
    /// Charts checked on homecare visits (round `.visit`), and of those returned late.
    public var visitCharts = 0
    public var visitChartsLate = 0

    public init(serviceID: Int64, day: Int, recordedDay: Int) {
        self.serviceID = serviceID
        self.day = day
        self.recordedDay = recordedDay
    }

    /// Adds one check's figures.
    public mutating func add(_ check: MARCheck) {
        let draft = check.draft
        checks += 1
        charts += draft.chartsChecked
        findings += draft.findings.count
        refusalsSeen += draft.refusalsSeen
        refusalsComplete += draft.refusalsComplete
        refusalsMissing += max(0, draft.refusalsSeen - draft.refusalsComplete)
        if EvidenceMeasures.showsLateReturn(check) { lateReturnChecks += 1 }
        if check.isLateEntry { lateEntries += 1 }
        if draft.findings.isEmpty { cleanChecks += 1 }
        roundsChecked |= draft.round.bit
        if draft.round == .visit {
            visitCharts += draft.chartsChecked
            visitChartsLate += min(draft.chartsReturnedLate, draft.chartsChecked)
        }
    }

    /// Adds another row's figures (same service; any days).
    public mutating func add(_ other: CheckDaySummary) {
        checks += other.checks
        charts += other.charts
        findings += other.findings
        refusalsSeen += other.refusalsSeen
        refusalsComplete += other.refusalsComplete
        refusalsMissing += other.refusalsMissing
        lateReturnChecks += other.lateReturnChecks
        lateEntries += other.lateEntries
        cleanChecks += other.cleanChecks
        roundsChecked |= other.roundsChecked
        visitCharts += other.visitCharts
        visitChartsLate += other.visitChartsLate
    }

    /// Every check's row, ordered by service, day and recorded day.
    public static func summarise(_ checks: [MARCheck]) -> [CheckDaySummary] {
        var rows: [SummaryKey: CheckDaySummary] = [:]
        for check in checks {
            let key = SummaryKey(check)
            rows[key, default: CheckDaySummary(serviceID: key.serviceID, day: key.day, recordedDay: key.recordedDay)].add(check)
        }
        return rows.values.sorted { ($0.serviceID, $0.day, $0.recordedDay) < ($1.serviceID, $1.day, $1.recordedDay) }
    }
}

/// Where a check is counted: its service, round day and recorded day.
struct SummaryKey: Hashable {
    let serviceID: Int64
    let day: Int
    let recordedDay: Int

    init(_ check: MARCheck) {
        serviceID = check.draft.serviceID
        day = LondonDay(check.draft.date).dayNumber
        recordedDay = LondonDay(check.recordedAt).dayNumber
    }
}

extension MARRound {
    /// The round's bit in `CheckDaySummary.roundsChecked`.
    public var bit: Int {
        switch self {
        case .morning: return 1
        case .lunchtime: return 2
        case .teatime: return 4
        case .night: return 8
        case .visit: return 16
        }
    }
}
