import Foundation
import RecoveryModel
import Testing

private func date(_ text: String) -> Date { day(text).start }

private func monthly(_ first: String, _ percents: [Int?], sample: Int = 100) -> [PeriodResult] {
    var results: [PeriodResult] = []
    for (offset, percent) in percents.enumerated() {
        guard let percent else { continue }
        results.append(PeriodResult(periodStart: day(first).adding(months: offset).start,
                                    numerator: percent * sample / 100, denominator: sample,
                                    note: "\(sample) records sampled"))
    }
    return results
}

private func counts(_ first: String, _ values: [Int?]) -> [PeriodResult] {
    values.enumerated().compactMap { offset, value in
        value.map { PeriodResult.count($0, in: day(first).adding(months: offset).start) }
    }
}

private func event(_ occurred: String, _ handled: String?) -> HandledEvent {
    HandledEvent(occurred: date(occurred), handled: handled.map(date))
}

/// The seed targets, one measure each.
private enum Seed {
    static let refusals = OutcomeMeasureDefinition(
        name: "Complete refusal records", period: .month, source: .manualAudit,
        rules: [.atLeastPercentForConsecutivePeriods(percent: 95, periods: 3)])
    static let lateReturns = OutcomeMeasureDefinition(
        name: "Late MAR returns escalated", period: .month, source: .lateReturnsEscalated,
        rules: [.everyEventWithinWorkingDays(workingDays: 1, allowance: 0)])
    static let returnsOnTime = OutcomeMeasureDefinition(
        name: "MAR charts returned on time", period: .month, source: .chartsReturnedOnTime,
        rules: [.atLeastPercentForConsecutivePeriods(percent: 98, periods: 3),
                .everyEventWithinWorkingDays(workingDays: 1, allowance: 0)])
    static let repeats = OutcomeMeasureDefinition(
        name: "Repeat unsafe findings", period: .month, source: .repeatFindings,
        rules: [.zeroOccurrencesForMonths(months: 3)])
    static let complaints = OutcomeMeasureDefinition(
        name: "Repeat complaints about communication", period: .month, source: .manualAudit,
        rules: [.reductionFromBaseline(percent: 75, baseline: 12, withinDays: 120)])
    static let competency = OutcomeMeasureDefinition(
        name: "Staff with a current competency assessment", period: .month, source: .manualAudit,
        rules: [.reachPercentByDeadline(percent: 90, withinDays: 90)])
    static let weeklyChecks = OutcomeMeasureDefinition(
        name: "Daily MAR checks done", period: .week, source: .manualAudit,
        rules: [.atLeastPercentForConsecutivePeriods(percent: 100, periods: 4)])
}

struct EngineCase: Sendable, CustomTestStringConvertible {
    let label: String
    let measure: OutcomeMeasureDefinition
    var results: [PeriodResult] = []
    var events: [HandledEvent] = []
    var planStart = "01/01/2027"
    let today: String
    let state: MeasureState
    /// Expected earliest close, "dd/mm/yyyy", or nil.
    let close: String?
    /// A phrase the why must contain.
    let why: String
    var testDescription: String { label }
}

@Suite struct TargetEngineTests {
    static let cases: [EngineCase] = [
        // At least 95% in each of 3 consecutive months.
        EngineCase(label: "96/94/97% fails 95% in 3 consecutive months", measure: Seed.refusals,
                   results: monthly("01/01/2027", [96, 94, 97]), today: "05/04/2027",
                   state: .sustaining(met: 1, of: 3), close: "31/05/2027", why: "95% or more in 1 of the 3 months required"),
        EngineCase(label: "95/96/97% passes 95% in 3 consecutive months", measure: Seed.refusals,
                   results: monthly("01/01/2027", [95, 96, 97]), today: "05/04/2027",
                   state: .achieved, close: "31/03/2027", why: "achieved"),
        EngineCase(label: "two months met: the closure guard's wording", measure: Seed.refusals,
                   results: monthly("01/11/2026", [96, 97]), planStart: "01/11/2026", today: "10/01/2027",
                   state: .sustaining(met: 2, of: 3), close: "31/01/2027",
                   why: "95% or more in 2 of the 3 months required; earliest close 31/01/2027"),
        EngineCase(label: "latest month below target is off track", measure: Seed.refusals,
                   results: monthly("01/01/2027", [96, 97, 94]), today: "05/04/2027",
                   state: .offTrack, close: "30/06/2027", why: "94% in March 2027, below 95%"),
        EngineCase(label: "a missing month breaks the run", measure: Seed.refusals,
                   results: monthly("01/01/2027", [96, nil, 97]), today: "05/04/2027",
                   state: .sustaining(met: 1, of: 3), close: "31/05/2027", why: "no result for February 2027"),
        EngineCase(label: "results from before the plan started do not count", measure: Seed.refusals,
                   results: monthly("01/10/2026", [99, 99, 99, 96]), today: "05/02/2027",
                   state: .sustaining(met: 1, of: 3), close: "31/03/2027", why: "1 of the 3 months"),
        EngineCase(label: "no data", measure: Seed.refusals, today: "10/01/2027",
                   state: .noData, close: "31/03/2027", why: "no results yet"),
        EngineCase(label: "weekly: 4 weeks at 100%, weeks start on Monday", measure: Seed.weeklyChecks,
                   results: [4, 11, 18, 25].map { PeriodResult(periodStart: date("\($0)/01/2027"), numerator: 7, denominator: 7) },
                   planStart: "04/01/2027", today: "01/02/2027", state: .achieved, close: "31/01/2027", why: "achieved"),
        EngineCase(label: "weekly: 3 of 4 weeks", measure: Seed.weeklyChecks,
                   results: [4, 11, 18].map { PeriodResult(periodStart: date("\($0)/01/2027"), numerator: 7, denominator: 7) },
                   planStart: "04/01/2027", today: "22/01/2027", state: .sustaining(met: 3, of: 4),
                   close: "31/01/2027", why: "3 of the 4 weeks required"),

        // Every late MAR return escalated within 1 working day.
        EngineCase(label: "late return on the Friday before the August bank holiday, escalated Tuesday: on time",
                   measure: Seed.lateReturns, events: [event("28/08/2026", "01/09/2026")],
                   planStart: "01/08/2026", today: "10/09/2026", state: .achieved, close: "01/09/2026",
                   why: "1 of 1 handled within 1 working day"),
        EngineCase(label: "the same, escalated Wednesday (two working days): late",
                   measure: Seed.lateReturns, events: [event("28/08/2026", "02/09/2026")],
                   planStart: "01/08/2026", today: "10/09/2026", state: .offTrack, close: nil,
                   why: "1 of 1 not handled within 1 working day"),
        EngineCase(label: "late return on Christmas Eve 2026, escalated after the Boxing Day substitute: on time",
                   measure: Seed.lateReturns, events: [event("24/12/2026", "29/12/2026")],
                   planStart: "01/12/2026", today: "04/01/2027", state: .achieved, close: "29/12/2026",
                   why: "handled within 1 working day"),
        EngineCase(label: "still open within its time: on track",
                   measure: Seed.lateReturns, events: [event("24/12/2026", "29/12/2026"), event("31/12/2026", nil)],
                   planStart: "01/12/2026", today: "31/12/2026", state: .onTrack, close: "04/01/2027",
                   why: "1 still open, to be handled by 04/01/2027"),
        EngineCase(label: "still open past its time: off track",
                   measure: Seed.lateReturns, events: [event("31/12/2026", nil)],
                   planStart: "01/12/2026", today: "05/01/2027", state: .offTrack, close: nil,
                   why: "1 still open"),
        EngineCase(label: "no late returns while figures are recorded: met since the window opened, not today",
                   measure: Seed.lateReturns, results: monthly("01/12/2026", [100]), planStart: "01/12/2026", today: "05/01/2027",
                   state: .achieved, close: "01/12/2026", why: "none to handle since 01/12/2026"),
        EngineCase(label: "no late returns recorded and no results: no data",
                   measure: Seed.lateReturns, planStart: "01/12/2026", today: "05/01/2027",
                   state: .noData, close: "05/01/2027", why: "nothing recorded"),

        // 98% returned on time in 3 months AND every late one escalated within 1 working day.
        EngineCase(label: "98% for 3 months and every late one escalated in time", measure: Seed.returnsOnTime,
                   results: monthly("01/01/2027", [98, 99, 100]),
                   events: [event("26/03/2027", "30/03/2027")], today: "02/04/2027",
                   state: .achieved, close: "31/03/2027", why: "achieved"),
        EngineCase(label: "98% for 3 months but one escalated late: the worst rule wins", measure: Seed.returnsOnTime,
                   results: monthly("01/01/2027", [98, 99, 100]),
                   events: [event("25/03/2027", "31/03/2027")], today: "02/04/2027",
                   state: .offTrack, close: "01/06/2027", why: "1 of 1 not handled within 1 working day"),
        EngineCase(label: "no late returns at all while the percentage is recorded", measure: Seed.returnsOnTime,
                   results: monthly("01/01/2027", [100, 100]), today: "02/03/2027",
                   state: .sustaining(met: 2, of: 3), close: "31/03/2027", why: "2 of the 3 months required"),

        // No repeat unsafe findings for 3 months.
        EngineCase(label: "zero repeats for 3 months", measure: Seed.repeats,
                   results: counts("01/01/2027", [0, 0, 0]), today: "02/04/2027",
                   state: .achieved, close: "31/03/2027", why: "none from 01/01/2027 to 31/03/2027"),
        EngineCase(label: "one repeat resets the count", measure: Seed.repeats,
                   results: counts("01/01/2027", [0, 0, 1]), today: "02/04/2027",
                   state: .offTrack, close: "30/06/2027", why: "1 in March 2027, so the count starts again"),
        EngineCase(label: "zero since a repeat", measure: Seed.repeats,
                   results: counts("01/01/2027", [0, 1, 0]), today: "02/04/2027",
                   state: .sustaining(met: 1, of: 3), close: "31/05/2027", why: "none in 1 of the 3 months required"),
        EngineCase(label: "a missing month breaks a zero run", measure: Seed.repeats,
                   results: counts("01/01/2027", [0, nil, 0]), today: "02/04/2027",
                   state: .sustaining(met: 1, of: 3), close: "31/05/2027", why: "no count for February 2027"),
        EngineCase(label: "zero repeats: no data", measure: Seed.repeats, today: "02/01/2027",
                   state: .noData, close: "31/03/2027", why: "no counts yet"),

        // 75% fewer repeat complaints than a baseline of 12 within 120 days (deadline 01/05/2027).
        EngineCase(label: "75% reduction from 12: 3 passes", measure: Seed.complaints,
                   results: counts("01/01/2027", [10, 6, 3]), today: "02/04/2027",
                   state: .achieved, close: "31/03/2027", why: "3 in March 2027, meeting 3 or fewer (75% fewer than 12) by 01/05/2027"),
        EngineCase(label: "75% reduction from 12: 4 fails (before the deadline, improving)", measure: Seed.complaints,
                   results: counts("01/01/2027", [10, 6, 4]), today: "02/04/2027",
                   state: .onTrack, close: "30/04/2027", why: "4 in March 2027; needs 3 or fewer"),
        EngineCase(label: "75% reduction from 12: no better than the baseline", measure: Seed.complaints,
                   results: counts("01/01/2027", [12]), today: "02/02/2027",
                   state: .offTrack, close: "28/02/2027", why: "12 in January 2027"),
        EngineCase(label: "75% reduction from 12: 4 at the deadline is missed", measure: Seed.complaints,
                   results: counts("01/01/2027", [10, 6, 5, 4, 4]), today: "10/06/2027",
                   state: .offTrack, close: nil, why: "the deadline has passed"),
        EngineCase(label: "75% reduction: figures after the deadline do not count", measure: Seed.complaints,
                   results: counts("01/01/2027", [10, 6, 5, 4, 4, 2]), today: "10/07/2027",
                   state: .offTrack, close: nil, why: "4 in May 2027"),

        // Reach 90% within 90 days (deadline 01/04/2027).
        EngineCase(label: "reach 90% before the deadline", measure: Seed.competency,
                   results: monthly("01/01/2027", [80, 92]), today: "05/03/2027",
                   state: .achieved, close: "28/02/2027", why: "92% in February 2027"),
        EngineCase(label: "reach 90%: rising, deadline not passed", measure: Seed.competency,
                   results: monthly("01/01/2027", [80, 85]), today: "05/03/2027",
                   state: .onTrack, close: "31/03/2027", why: "85% in February 2027; needs 90% or more by 01/04/2027"),
        EngineCase(label: "reach 90%: after the deadline", measure: Seed.competency,
                   results: monthly("01/01/2027", [80, 85, 88]), today: "10/05/2027",
                   state: .offTrack, close: nil, why: "the deadline has passed"),
        EngineCase(label: "reach 90%: nothing by the deadline", measure: Seed.competency,
                   today: "10/05/2027", state: .offTrack, close: nil, why: "no figure was recorded by the deadline"),
        EngineCase(label: "reach 90%: no data yet", measure: Seed.competency,
                   today: "10/01/2027", state: .noData, close: "31/01/2027", why: "no figures yet"),
    ]

    @Test(arguments: cases)
    func evaluatesSeedTargets(_ item: EngineCase) {
        let evaluation = TargetEngine.evaluate(
            item.measure, records: MeasureRecords(results: item.results, events: item.events),
            planStart: date(item.planStart), today: date(item.today), workingDays: BuiltinHolidays.workingDays)
        #expect(evaluation.state == item.state, "\(evaluation.why)")
        #expect(evaluation.earliestCloseDay?.description == item.close, "\(evaluation.why)")
        #expect(evaluation.why.contains(item.why), "\(evaluation.why)")
        #expect(evaluation.rules.count == item.measure.rules.count)
    }

    @Test func closureGuardSaysWhatIsMissing() {
        let working = BuiltinHolidays.workingDays
        let refusals = TargetEngine.evaluate(
            Seed.refusals, records: MeasureRecords(results: monthly("01/11/2026", [96, 97])),
            planStart: date("01/11/2026"), today: date("10/01/2027"), workingDays: working)
        let repeats = TargetEngine.evaluate(
            Seed.repeats, records: MeasureRecords(results: counts("01/10/2026", [0, 0, 0])),
            planStart: date("01/10/2026"), today: date("10/01/2027"), workingDays: working)
        let refused = TargetEngine.closure(of: [refusals, repeats])
        #expect(!refused.canClose)
        #expect(refused.missing == ["Complete refusal records: 95% or more in 2 of the 3 months required; earliest close 31/01/2027"])
        #expect(refused.earliestCloseDay == day("31/01/2027"))
        #expect(UKDateFormat.date(refused.earliestClose!) == "31/01/2027")

        let met = TargetEngine.evaluate(
            Seed.refusals, records: MeasureRecords(results: monthly("01/11/2026", [96, 97, 95])),
            planStart: date("01/11/2026"), today: date("03/02/2027"), workingDays: working)
        let allowed = TargetEngine.closure(of: [met, repeats])
        #expect(allowed.canClose)
        #expect(allowed.missing.isEmpty)

        let nothing = TargetEngine.closure(of: [])
        #expect(!nothing.canClose)
        #expect(nothing.missing.count == 1)
    }

    @Test func aLaterEntryForTheSamePeriodReplacesTheEarlierOne() {
        var results = monthly("01/01/2027", [95, 96, 97])
        results.append(PeriodResult(periodStart: date("15/02/2027"), numerator: 90, denominator: 100, note: "corrected"))
        let evaluation = TargetEngine.evaluate(Seed.refusals, records: MeasureRecords(results: results),
                                               planStart: date("01/01/2027"), today: date("05/04/2027"),
                                               workingDays: BuiltinHolidays.workingDays)
        #expect(evaluation.state == .sustaining(met: 1, of: 3))
    }

    @Test func statesOrderWorstFirst() {
        #expect(MeasureState.worst([.achieved, .offTrack, .noData]) == .offTrack)
        #expect(MeasureState.worst([.achieved, .sustaining(met: 2, of: 3), .sustaining(met: 1, of: 3)]) == .sustaining(met: 1, of: 3))
        #expect(MeasureState.worst([.achieved, .onTrack]) == .onTrack)
        #expect(MeasureState.worst([.achieved]) == .achieved)
        #expect(MeasureState.sustaining(met: 2, of: 3).title == "Sustaining 2 of 3")
    }

    @Test func percentages() {
        #expect(PeriodResult(periodStart: date("01/01/2027"), numerator: 19, denominator: 20).meets(percent: 95))
        #expect(!PeriodResult(periodStart: date("01/01/2027"), numerator: 18, denominator: 20).meets(percent: 95))
        #expect(PeriodResult(periodStart: date("01/01/2027"), numerator: 0, denominator: 0).percent == nil)
        #expect(!PeriodResult(periodStart: date("01/01/2027"), numerator: 0, denominator: 0).meets(percent: 1))
    }

    @Test func rulesTheEngineRefuses() {
        #expect(TargetRule.atLeastPercentForConsecutivePeriods(percent: 95, periods: 3).problems.isEmpty)
        #expect(!TargetRule.atLeastPercentForConsecutivePeriods(percent: 120, periods: 3).problems.isEmpty)
        #expect(!TargetRule.reductionFromBaseline(percent: 75, baseline: 0, withinDays: 120).problems.isEmpty)
        #expect(!TargetRule.zeroOccurrencesForMonths(months: 0).problems.isEmpty)
        let empty = OutcomeMeasureDefinition(name: "Nothing", period: .month, source: .manualAudit, rules: [])
        #expect(!empty.problems.isEmpty)
        let evaluation = TargetEngine.evaluate(empty, records: MeasureRecords(), planStart: date("01/01/2027"),
                                               today: date("01/02/2027"), workingDays: .weekendsOnly)
        #expect(evaluation.state == .noData)
        #expect(evaluation.earliestCloseDay == nil)
    }
}
