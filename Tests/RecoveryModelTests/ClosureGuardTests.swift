import Foundation
import RecoveryModel
import Testing

/// The closure guard's rule on its own: measures, a step done, and a review deciding to close
/// on or after the day the targets were met (and after any reopening), judged as at a moment.
@Suite struct ClosureGuardTests {
    static let measure = OutcomeMeasureDefinition(
        name: "Complete refusal records", period: .month, source: .manualAudit,
        rules: [.atLeastPercentForConsecutivePeriods(percent: 95, periods: 3)])

    /// Noon on a London day given as dd/mm/yyyy.
    static func noon(_ text: String) -> Date { day(text).start.addingTimeInterval(12 * 3600) }

    /// A plan started 01/11/2026 whose measure met 95% in November, December and January (so the
    /// targets were met on 31/01/2027), with these step entries, reviews and status changes.
    static func plan(entries: [StepEntry] = [], reviews: [PlanReview] = [], changes: [PlanStatusChange] = [],
                     months: [String] = ["01/11/2026", "01/12/2026", "01/01/2027"]) -> PlanRecord {
        let start = day("01/11/2026").start
        let results = months.map {
            PeriodResult(periodStart: day($0).start, numerator: 96, denominator: 100)
        }
        let step = PlanStep(id: 1, definition: PlanStepDefinition(position: 1, role: .teamLeader, action: "Audit refusals",
                                                                  recordedIn: "Audit file", cadence: .weekly),
                            firstDue: start, entries: entries)
        let draft = PlanDraft(serviceID: 1, title: "Refusals", source: .inspectionFinding, measures: [measure], startDate: start)
        return PlanRecord(id: 1, draft: draft, status: .active, steps: [step],
                          measures: [PlanMeasure(id: 1, definition: measure, results: results)], reviews: reviews,
                          statusChanges: [PlanStatusChange(from: nil, to: .active, reason: "Started", at: start, by: "Dee")] + changes,
                          createdAt: start, createdBy: "Dee")
    }

    static func entry(_ outcome: StepOutcome, _ when: String) -> StepEntry {
        StepEntry(id: 1, outcome: outcome, note: outcome == .skipped ? "Short-staffed" : "", evidence: "",
                  occurredAt: noon(when), recordedAt: noon(when), recordedBy: "Tina")
    }

    static func review(_ decision: ReviewDecision, _ when: String, id: Int64 = 1) -> PlanReview {
        PlanReview(id: id, kind: .manager, decision: decision, note: "Looked at the audits", challenge: "",
                   occurredAt: noon(when), recordedBy: "Dee")
    }

    static func check(_ plan: PlanRecord, on when: String) -> PlanClosureCheck {
        ClosureGuard.check(plan, today: noon(when), workingDays: .weekendsOnly)
    }

    @Test func aReviewOnOrAfterTheDayTheTargetsWereMetSignsOffOneTheDayBeforeDoesNot() {
        let done = [Self.entry(.done, "10/11/2026")]
        let dayBefore = Self.check(Self.plan(entries: done, reviews: [Self.review(.close, "30/01/2027")]), on: "05/02/2027")
        #expect(dayBefore.targetsMet == day("31/01/2027"))
        #expect(dayBefore.gaps == [.noSignOff(since: day("31/01/2027"), reopened: false, earlier: day("30/01/2027"))])
        #expect(dayBefore.refusal == "No governance review has recorded a decision to close since the targets were met on 31/01/2027 (the one on 30/01/2027 came before that): record one with r.")

        let none = Self.check(Self.plan(entries: done), on: "05/02/2027")
        #expect(none.refusal == "No governance review has recorded a decision to close since the targets were met on 31/01/2027: record one with r.")

        let sameDay = Self.check(Self.plan(entries: done, reviews: [Self.review(.close, "31/01/2027")]), on: "05/02/2027")
        #expect(sameDay.canClose)
        #expect(sameDay.signOff?.occurredAt == Self.noon("31/01/2027"))
        #expect(sameDay.refusal == "")
    }

    @Test func onlyADecisionToCloseSignsOff() {
        let decisions = ReviewDecision.allCases.filter { $0 != .close }
        for decision in decisions {
            let plan = Self.plan(entries: [Self.entry(.done, "10/11/2026")], reviews: [Self.review(decision, "02/02/2027")])
            #expect(!Self.check(plan, on: "05/02/2027").canClose, "\(decision)")
        }
    }

    @Test func aSkipIsNotAStepDoneButAProblemFoundIs() {
        let review = [Self.review(.close, "02/02/2027")]
        #expect(Self.check(Self.plan(reviews: review), on: "05/02/2027").gaps == [.noStepDone(skipped: 0)])
        let skipped = Self.check(Self.plan(entries: [Self.entry(.skipped, "10/11/2026")], reviews: review), on: "05/02/2027")
        #expect(skipped.gaps == [.noStepDone(skipped: 1)])
        #expect(skipped.refusal == "No step of this plan has been recorded as done, only skipped: open the steps (s) and record what was done.")
        #expect(Self.check(Self.plan(entries: [Self.entry(.problemFound, "10/11/2026")], reviews: review), on: "05/02/2027").canClose)
    }

    @Test func beforeTheTargetsAreMetTheReviewWaitsForThem() {
        let review = [Self.review(.close, "20/01/2027")]
        let twoMonths = Self.plan(entries: [Self.entry(.done, "10/11/2026")], reviews: review,
                                  months: ["01/11/2026", "01/12/2026"])
        let early = Self.check(twoMonths, on: "20/01/2027")
        #expect(early.targetsMet == nil)
        #expect(early.gaps.count == 2)
        #expect(early.gaps.last == .signOffAwaitsTargets(earliest: day("31/01/2027")))
        #expect(early.refusal == "Not closed: Complete refusal records: 95% or more in 2 of the 3 months required; earliest close 31/01/2027. "
            + "Once the targets are met (31/01/2027 at the earliest), a governance review must record the decision to close.")

        // January's figure, entered mid-month, achieves the measure, but the month is not over:
        // the targets are met on its last day, so a review before then cannot sign off.
        let midMonth = Self.check(Self.plan(entries: [Self.entry(.done, "10/11/2026")], reviews: review), on: "20/01/2027")
        #expect(midMonth.measures.canClose)
        #expect(midMonth.gaps == [.signOffAwaitsTargets(earliest: day("31/01/2027"))])
    }

    @Test func reopeningSpendsTheSignOff() {
        let reopened = [
            PlanStatusChange(from: .active, to: .closed, reason: "Closed", at: Self.noon("02/02/2027"), by: "Dee"),
            PlanStatusChange(from: .closed, to: .reopened, reason: "Found again", at: Self.noon("10/02/2027"), by: "Dee"),
        ]
        let plan = Self.plan(entries: [Self.entry(.done, "10/11/2026")], reviews: [Self.review(.close, "01/02/2027")],
                             changes: reopened)
        let check = Self.check(plan, on: "12/02/2027")
        #expect(check.gaps == [.noSignOff(since: day("10/02/2027"), reopened: true, earlier: day("01/02/2027"))])
        var signed = plan
        signed.reviews.append(Self.review(.close, "11/02/2027", id: 2))
        #expect(Self.check(signed, on: "12/02/2027").signOff?.id == 2)
    }

    @Test func judgedAsAtAMomentRecordsAfterItDoNotCount() {
        // The indicator judges a past closure: a step and a review after it are not its support.
        let plan = Self.plan(entries: [Self.entry(.done, "10/02/2027")], reviews: [Self.review(.close, "10/02/2027")])
        let atClosing = Self.check(plan, on: "05/02/2027")
        #expect(atClosing.gaps.map(\.short) == ["no step recorded as done", "no review deciding to close after the targets were met"])
        #expect(Self.check(plan, on: "10/02/2027").canClose)
    }

    @Test func skippedAndProblemSymbolsNeverLookDone() {
        #expect(StepOutcome.done.symbol == "✓")
        #expect(StepOutcome.skipped.symbol != StepOutcome.done.symbol)
        #expect(StepOutcome.problemFound.symbol != StepOutcome.done.symbol)
        #expect(Set(StepOutcome.allCases.map(\.symbol)).count == StepOutcome.allCases.count)
    }
}
