import Foundation

/// Where a measure (or one of its rules) stands. See docs/targets.md.
public enum MeasureState: Hashable, Sendable {
    /// Nothing recorded yet that the rule can judge.
    case noData
    /// The latest figure misses the target, or the deadline has been missed.
    case offTrack
    /// Not met yet, but nothing has gone wrong: improving before a deadline, or events still
    /// open within their time.
    case onTrack
    /// The target is being met, in `met` of the `of` periods (or months) it must be met for.
    case sustaining(met: Int, of: Int)
    /// The rule is met in full.
    case achieved

    /// "No data", "Off track", "On track", "Sustaining 2 of 3", "Achieved".
    public var title: String {
        switch self {
        case .noData: return "No data"
        case .offTrack: return "Off track"
        case .onTrack: return "On track"
        case .sustaining(let met, let of): return "Sustaining \(met) of \(of)"
        case .achieved: return "Achieved"
        }
    }

    /// Worst first: off track, no data, on track, sustaining (fewer met is worse), achieved.
    var rank: Double {
        switch self {
        case .offTrack: return 0
        case .noData: return 1
        case .onTrack: return 2
        case .sustaining(let met, let of): return 3 + (of > 0 ? Double(met) / Double(of + 1) : 0)
        case .achieved: return 5
        }
    }

    /// The worst of several states (rules combine with AND). `.noData` for none.
    public static func worst(_ states: [MeasureState]) -> MeasureState {
        states.min { $0.rank < $1.rank } ?? .noData
    }
}

/// How one rule of a measure stands.
public struct RuleEvaluation: Hashable, Sendable {
    public let rule: TargetRule
    public let state: MeasureState
    /// In plain English, e.g. "95% or more in 2 of the 3 months required".
    public let why: String
    /// The earliest London day this rule could be met (or was met), or nil when it cannot be
    /// worked out (a missed deadline, or too many late events with nothing to drop them).
    public let earliestCloseDay: LondonDay?

    public var earliestClose: Date? { earliestCloseDay?.start }
}

/// How one outcome measure stands: the worst of its rules.
public struct MeasureEvaluation: Hashable, Sendable {
    public let measure: OutcomeMeasureDefinition
    public let state: MeasureState
    /// In plain English, e.g. "95% or more in 2 of the 3 months required; earliest close 31/01/2027".
    public let why: String
    /// The earliest London day the measure could be achieved (the latest of its rules'), or nil.
    public let earliestCloseDay: LondonDay?
    public let rules: [RuleEvaluation]

    /// The start of `earliestCloseDay` in London.
    public var earliestClose: Date? { earliestCloseDay?.start }
    public var isAchieved: Bool { state == .achieved }
}

/// Whether a plan's measures allow it to close, and if not, what is missing.
public struct ClosureCheck: Hashable, Sendable {
    public let canClose: Bool
    /// One line per measure not yet achieved, e.g. "Complete refusal records: 95% or more in 2 of
    /// the 3 months required; earliest close 31/01/2027".
    public let missing: [String]
    /// The earliest London day every measure could be achieved, or nil.
    public let earliestCloseDay: LondonDay?

    public var earliestClose: Date? { earliestCloseDay?.start }
}

/// Judges outcome measures against their target rules. Pure: everything it needs is passed in.
public enum TargetEngine {
    /// Evaluates one measure on `today` for a plan that started on `planStart`.
    public static func evaluate(_ measure: OutcomeMeasureDefinition, records: MeasureRecords,
                                planStart: Date, today: Date,
                                workingDays: WorkingDays) -> MeasureEvaluation {
        let context = Context(measure: measure, records: records, planStart: LondonDay(planStart),
                              today: LondonDay(today), workingDays: workingDays)
        guard !measure.rules.isEmpty else {
            return MeasureEvaluation(measure: measure, state: .noData, why: "no target rule is set",
                                     earliestCloseDay: nil, rules: [])
        }
        let rules = measure.rules.map { context.evaluate($0) }
        let state = MeasureState.worst(rules.map(\.state))
        let days = rules.map(\.earliestCloseDay)
        let earliest: LondonDay? = days.contains(where: { $0 == nil }) ? nil : days.compactMap { $0 }.max()
        var why: String
        if state == .achieved {
            why = "achieved: " + rules.map(\.why).joined(separator: "; ")
        } else {
            why = rules.filter { $0.state != .achieved }.map(\.why).joined(separator: "; ")
            if let earliest { why += "; earliest close \(earliest)" }
        }
        return MeasureEvaluation(measure: measure, state: state, why: why, earliestCloseDay: earliest,
                                 rules: rules)
    }

    /// Whether a plan with these measure evaluations can close (every one achieved), and what is
    /// missing in words otherwise. A plan with no measures cannot close.
    public static func closure(of evaluations: [MeasureEvaluation]) -> ClosureCheck {
        guard !evaluations.isEmpty else {
            return ClosureCheck(canClose: false,
                                missing: ["The plan has no outcome measure: add one before it can close."],
                                earliestCloseDay: nil)
        }
        let missing = evaluations.filter { !$0.isAchieved }.map { "\($0.measure.name): \($0.why)" }
        let days = evaluations.map(\.earliestCloseDay)
        let earliest: LondonDay? = days.contains(where: { $0 == nil }) ? nil : days.compactMap { $0 }.max()
        return ClosureCheck(canClose: missing.isEmpty, missing: missing, earliestCloseDay: earliest)
    }
}

// MARK: - Rule by rule

private struct Context {
    let measure: OutcomeMeasureDefinition
    let events: [HandledEvent]
    let planStart: LondonDay
    let today: LondonDay
    let workingDays: WorkingDays
    /// Period start → result, for periods that overlap the plan and have started by today,
    /// earliest first. A later entry for the same period replaces an earlier one.
    let results: [(start: LondonDay, result: PeriodResult)]

    var period: MeasurePeriod { measure.period }

    init(measure: OutcomeMeasureDefinition, records: MeasureRecords, planStart: LondonDay,
         today: LondonDay, workingDays: WorkingDays) {
        self.measure = measure
        self.events = records.events
        self.planStart = planStart
        self.today = today
        self.workingDays = workingDays
        var byStart: [LondonDay: PeriodResult] = [:]
        for result in records.results {
            let start = measure.period.start(containing: LondonDay(result.periodStart))
            guard measure.period.end(ofPeriodStarting: start) >= planStart, start <= today else { continue }
            byStart[start] = result
        }
        self.results = byStart.sorted { $0.key < $1.key }.map { (start: $0.key, result: $0.value) }
    }

    func evaluate(_ rule: TargetRule) -> RuleEvaluation {
        switch rule {
        case .atLeastPercentForConsecutivePeriods(let percent, let periods):
            return consecutive(rule, percent: percent, periods: max(1, periods))
        case .everyEventWithinWorkingDays(let days, let allowance):
            return withinWorkingDays(rule, limit: max(0, days), allowance: max(0, allowance))
        case .zeroOccurrencesForMonths(let months):
            return zeroOccurrences(rule, months: max(1, months))
        case .reductionFromBaseline(let percent, let baseline, let withinDays):
            return byDeadline(rule, withinDays: withinDays, target: .reduction(percent: percent, baseline: baseline))
        case .reachPercentByDeadline(let percent, let withinDays):
            return byDeadline(rule, withinDays: withinDays, target: .reach(percent: percent))
        }
    }

    // MARK: Helpers

    func name(ofPeriodStarting start: LondonDay) -> String {
        switch period {
        case .month: return "\(Self.monthNames[start.month - 1]) \(start.year)"
        case .week: return "the week starting \(start)"
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    func end(_ start: LondonDay) -> LondonDay { period.end(ofPeriodStarting: start) }
    func next(_ start: LondonDay, _ count: Int = 1) -> LondonDay { period.start(after: start, count: count) }

    /// The most recent results that meet `test`, back from the latest, with no missing period
    /// between them. Also the period whose absence broke the run, if one did.
    func latestRun(_ test: (PeriodResult) -> Bool) -> (run: [LondonDay], gapBefore: LondonDay?) {
        var run: [LondonDay] = []
        var gap: LondonDay?
        for (start, result) in results.reversed() {
            if let earliest = run.first, next(start) != earliest {
                gap = next(start)
                break
            }
            guard test(result) else { break }
            run.insert(start, at: 0)
        }
        return (run, gap)
    }

    /// The first period a new run could start in when there is no figure yet.
    var firstOpenPeriod: LondonDay { period.start(containing: max(today, planStart)) }

    func notBeforeToday(_ day: LondonDay) -> LondonDay { max(day, today) }

    static func number(_ value: Double) -> String {
        abs(value - value.rounded()) < 0.05 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    static func percentText(_ result: PeriodResult) -> String {
        guard let percent = result.percent else { return "nothing sampled" }
        return "\(number(percent))%"
    }

    // MARK: At least X% in each of N consecutive periods

    func consecutive(_ rule: TargetRule, percent: Double, periods: Int) -> RuleEvaluation {
        let target = "\(Self.number(percent))% or more"
        guard let latest = results.last else {
            let close = end(next(firstOpenPeriod, periods - 1))
            return RuleEvaluation(rule: rule, state: .noData,
                                  why: "no results yet; needs \(target) in each of \(period.counted(periods)) running",
                                  earliestCloseDay: close)
        }
        let (run, gap) = latestRun { $0.meets(percent: percent) }
        let gapNote = gap.map { " (no result for \(name(ofPeriodStarting: $0)), so the run starts again after it)" } ?? ""
        if run.count >= periods {
            // Met since the end of the period that first completed the run.
            let closeDay = end(run[periods - 1])
            return RuleEvaluation(rule: rule, state: .achieved,
                                  why: "\(target) in each of the \(period.counted(periods)) to \(end(latest.start))",
                                  earliestCloseDay: closeDay)
        }
        if run.isEmpty {
            return RuleEvaluation(
                rule: rule, state: .offTrack,
                why: "\(Self.percentText(latest.result)) in \(name(ofPeriodStarting: latest.start)), below \(Self.number(percent))%; needs \(target) in each of \(period.counted(periods)) running",
                earliestCloseDay: notBeforeToday(end(next(latest.start, periods))))
        }
        let needed = periods - run.count
        return RuleEvaluation(
            rule: rule, state: .sustaining(met: run.count, of: periods),
            why: "\(target) in \(run.count) of the \(period.counted(periods)) required\(gapNote)",
            earliestCloseDay: notBeforeToday(end(next(latest.start, needed))))
    }

    // MARK: Every event handled within N working days

    /// How far back the working-days rule looks: as many periods as the measure's other rules
    /// must be sustained for, or back to the plan's start when they set none.
    var eventWindowStart: LondonDay {
        var starts: [LondonDay] = []
        for rule in measure.rules {
            switch rule {
            case .atLeastPercentForConsecutivePeriods(_, let periods):
                starts.append(period.start(after: period.start(containing: today), count: -(max(1, periods) - 1)))
            case .zeroOccurrencesForMonths(let months):
                starts.append(today.startOfMonth.adding(months: -(max(1, months) - 1)))
            default: break
            }
        }
        return max(planStart, starts.min() ?? planStart)
    }

    var hasSustainWindow: Bool {
        measure.rules.contains {
            if case .atLeastPercentForConsecutivePeriods = $0 { return true }
            if case .zeroOccurrencesForMonths = $0 { return true }
            return false
        }
    }

    func withinWorkingDays(_ rule: TargetRule, limit: Int, allowance: Int) -> RuleEvaluation {
        let windowStart = eventWindowStart
        let limitText = "\(limit) working \(limit == 1 ? "day" : "days")"
        let inWindow = events
            .map { (event: $0, occurred: LondonDay($0.occurred)) }
            .filter { $0.occurred >= windowStart && $0.occurred <= today }
        if inWindow.isEmpty {
            if results.isEmpty {
                return RuleEvaluation(rule: rule, state: .noData,
                                      why: "nothing recorded since \(windowStart); each must be handled within \(limitText)",
                                      earliestCloseDay: today)
            }
            // Met since the window opened: the day the targets were met does not move with today.
            return RuleEvaluation(rule: rule, state: .achieved,
                                  why: "none to handle since \(windowStart)", earliestCloseDay: windowStart)
        }
        var late: [LondonDay] = []
        var pendingDeadlines: [LondonDay] = []
        var lastHandled = windowStart
        for item in inWindow {
            let deadline = workingDays.deadline(limit, workingDaysAfter: item.occurred)
            if let handled = item.event.handled.map(LondonDay.init) {
                lastHandled = max(lastHandled, handled)
                if handled > deadline { late.append(item.occurred) }
            } else if today > deadline {
                late.append(item.occurred)
            } else {
                pendingDeadlines.append(deadline)
            }
        }
        let total = inWindow.count
        if late.count > allowance {
            let allowed = allowance == 0 ? "none allowed" : "\(allowance) allowed"
            let open = inWindow.filter { $0.event.handled == nil }.count
            let openNote = open > 0 ? ", \(open) still open" : ""
            // The rule can pass once enough late ones have left the window.
            var close: LondonDay?
            if hasSustainWindow {
                let sortedLate = late.sorted(by: >)
                let blocking = sortedLate[allowance]
                let drop = windowLength(from: blocking)
                close = max(drop, pendingDeadlines.max() ?? drop)
            }
            return RuleEvaluation(
                rule: rule, state: .offTrack,
                why: "\(late.count) of \(total) not handled within \(limitText) since \(windowStart) (\(allowed))\(openNote)",
                earliestCloseDay: close)
        }
        if let due = pendingDeadlines.max() {
            let count = pendingDeadlines.count
            return RuleEvaluation(rule: rule, state: .onTrack,
                                  why: "\(count) still open, to be handled by \(due)",
                                  earliestCloseDay: due)
        }
        let lateNote = late.isEmpty ? "" : " (\(late.count) late, within the allowance of \(allowance))"
        return RuleEvaluation(rule: rule, state: .achieved,
                              why: "\(total - late.count) of \(total) handled within \(limitText) since \(windowStart)\(lateNote)",
                              earliestCloseDay: lastHandled)
    }

    /// The first day on which an event on `day` is no longer inside the working-days window.
    func windowLength(from day: LondonDay) -> LondonDay {
        var starts: [LondonDay] = []
        for rule in measure.rules {
            switch rule {
            case .atLeastPercentForConsecutivePeriods(_, let periods):
                starts.append(period.start(after: period.start(containing: day), count: max(1, periods)))
            case .zeroOccurrencesForMonths(let months):
                starts.append(day.startOfMonth.adding(months: max(1, months)))
            default: break
            }
        }
        return starts.max() ?? day
    }

    // MARK: No occurrences for N months

    func zeroOccurrences(_ rule: TargetRule, months: Int) -> RuleEvaluation {
        let target = "none for \(months) \(months == 1 ? "month" : "months") running"
        /// The end of the first period, from the one starting `from`, that completes `months` months
        /// from `runStart`.
        func completion(runStart: LondonDay, from: LondonDay) -> LondonDay {
            let required = runStart.adding(months: months).adding(days: -1)
            var start = from
            while end(start) < required { start = next(start) }
            return end(start)
        }
        guard let latest = results.last else {
            return RuleEvaluation(rule: rule, state: .noData, why: "no counts yet; needs \(target)",
                                  earliestCloseDay: completion(runStart: firstOpenPeriod, from: firstOpenPeriod))
        }
        let (run, gap) = latestRun { $0.count == 0 }
        guard let runStart = run.first else {
            let count = latest.result.count
            let restart = next(latest.start)
            return RuleEvaluation(
                rule: rule, state: .offTrack,
                why: "\(count) in \(name(ofPeriodStarting: latest.start)), so the count starts again; needs \(target)",
                earliestCloseDay: notBeforeToday(completion(runStart: restart, from: restart)))
        }
        let coveredEnd = end(latest.start)
        var whole = 0
        while whole < months, runStart.adding(months: whole + 1).adding(days: -1) <= coveredEnd { whole += 1 }
        let closeDay = completion(runStart: runStart, from: runStart)
        if whole >= months {
            return RuleEvaluation(rule: rule, state: .achieved,
                                  why: "none from \(runStart) to \(coveredEnd)", earliestCloseDay: closeDay)
        }
        let gapNote = gap.map { " (no count for \(name(ofPeriodStarting: $0)), so the run starts again after it)" } ?? ""
        return RuleEvaluation(rule: rule, state: .sustaining(met: whole, of: months),
                              why: "none in \(whole) of the \(months) \(months == 1 ? "month" : "months") required\(gapNote)",
                              earliestCloseDay: notBeforeToday(closeDay))
    }

    // MARK: By a deadline

    enum DeadlineTarget {
        case reduction(percent: Double, baseline: Double)
        case reach(percent: Double)
    }

    func byDeadline(_ rule: TargetRule, withinDays: Int, target: DeadlineTarget) -> RuleEvaluation {
        let deadline = planStart.adding(days: max(0, withinDays))
        let finalPeriod = period.start(containing: deadline)
        let finalEnd = end(finalPeriod)
        let needs: String
        let meets: (PeriodResult) -> Bool
        let figure: (PeriodResult) -> String
        switch target {
        case .reduction(let percent, let baseline):
            let allowed = baseline * (1 - percent / 100)
            let most = Int((allowed + 1e-9).rounded(.down))
            needs = "\(max(0, most)) or fewer (\(Self.number(percent))% fewer than \(Self.number(baseline))) by \(deadline)"
            meets = { Double($0.count) <= allowed + 1e-9 }
            figure = { "\($0.count)" }
        case .reach(let percent):
            needs = "\(Self.number(percent))% or more by \(deadline)"
            meets = { $0.meets(percent: percent) }
            figure = { Self.percentText($0) }
        }
        let candidates = results.filter { $0.start <= finalPeriod }
        let pastDeadline = today > finalEnd
        guard let judged = candidates.last else {
            if pastDeadline {
                return RuleEvaluation(rule: rule, state: .offTrack,
                                      why: "no figure was recorded by the deadline; needed \(needs)",
                                      earliestCloseDay: nil)
            }
            return RuleEvaluation(rule: rule, state: .noData, why: "no figures yet; needs \(needs)",
                                  earliestCloseDay: end(firstOpenPeriod))
        }
        let when = name(ofPeriodStarting: judged.start)
        if meets(judged.result) {
            return RuleEvaluation(rule: rule, state: .achieved,
                                  why: "\(figure(judged.result)) in \(when), meeting \(needs)",
                                  earliestCloseDay: end(judged.start))
        }
        if pastDeadline || judged.start == finalPeriod {
            return RuleEvaluation(rule: rule, state: .offTrack,
                                  why: "the deadline has passed: \(figure(judged.result)) in \(when), needed \(needs)",
                                  earliestCloseDay: nil)
        }
        let improving: Bool
        switch target {
        case .reduction(_, let baseline):
            improving = Double(judged.result.count) < baseline
        case .reach:
            let first = candidates.first?.result.percent ?? 0
            improving = candidates.count > 1 && (judged.result.percent ?? 0) > first
        }
        return RuleEvaluation(rule: rule, state: improving ? .onTrack : .offTrack,
                              why: "\(figure(judged.result)) in \(when); needs \(needs)",
                              earliestCloseDay: notBeforeToday(end(next(judged.start))))
    }
}

// MARK: - Checking rules

extension TargetRule {
    /// What is wrong with the rule's numbers, in words; empty when the engine can judge it.
    public var problems: [String] {
        var problems: [String] = []
        func percent(_ value: Double) {
            if !(value > 0 && value <= 100) { problems.append("the percentage must be more than 0 and at most 100") }
        }
        switch self {
        case .atLeastPercentForConsecutivePeriods(let value, let periods):
            percent(value)
            if periods < 1 { problems.append("it must be met for at least 1 period") }
        case .everyEventWithinWorkingDays(let days, let allowance):
            if days < 0 { problems.append("the working days cannot be negative") }
            if allowance < 0 { problems.append("the allowance cannot be negative") }
        case .zeroOccurrencesForMonths(let months):
            if months < 1 { problems.append("it must run for at least 1 month") }
        case .reductionFromBaseline(let value, let baseline, let days):
            percent(value)
            if !(baseline > 0) { problems.append("the baseline must be more than 0") }
            if days < 1 { problems.append("the deadline must be at least 1 day after the plan starts") }
        case .reachPercentByDeadline(let value, let days):
            percent(value)
            if days < 1 { problems.append("the deadline must be at least 1 day after the plan starts") }
        }
        return problems
    }
}

extension OutcomeMeasureDefinition {
    /// What stops the engine judging this measure, in words; empty when it can.
    public var problems: [String] {
        var problems: [String] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.append("the measure has no name") }
        if rules.isEmpty { problems.append("\(name): no target rule is set") }
        for rule in rules {
            for problem in rule.problems { problems.append("\(name): \(rule.summary(period: period)): \(problem)") }
        }
        return problems
    }
}
