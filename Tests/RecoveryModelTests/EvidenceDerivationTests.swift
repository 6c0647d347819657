import Foundation
import RecoveryModel
import Testing

/// A London moment: day (dd/mm/yyyy) at hour:minute.
private func at(_ text: String, _ hour: Int = 12, _ minute: Int = 0) -> Date {
    day(text).start.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60))
}

private func check(_ id: Int64, _ date: String, round: MARRound = .morning, service: Int64 = 1, charts: Int = 10,
                   seen: Int = 0, complete: Int = 0, late: Int = 0, findings: [MARFinding] = []) -> MARCheck {
    MARCheck(id: id, draft: MARCheckDraft(serviceID: service, date: day(date).start, round: round, chartsChecked: charts,
                                          refusalsSeen: seen, refusalsComplete: complete, chartsReturnedLate: late,
                                          findings: findings),
             checkedBy: "Tina Leader", checkedByID: 2, recordedAt: at(date, 20), isLateEntry: false)
}

private func escalation(_ id: Int64, category: EscalationCategory = .lateMARReturn, severity: EscalationSeverity = .moderate,
                        service: Int64 = 1, raised: Date, markCheck: Int64? = nil, about: [EscalationSource]? = nil,
                        resolved: Date? = nil, workingDays: WorkingDays = BuiltinHolidays.workingDays) -> Escalation {
    let draft = EscalationDraft(serviceID: service, category: category, severity: severity, occurredAt: raised,
                                escalatedToRole: .registeredManager, links: EscalationLinks(marCheckID: markCheck),
                                whatHappened: "Charts late",
                                sources: about ?? markCheck.map { [.lateReturn(checkID: $0)] } ?? [])
    let due = EscalationPolicy.standard.dueBy(category: category, severity: severity, raisedAt: raised, workingDays: workingDays)
    return Escalation(id: id, draft: draft, raisedBy: "Tina Leader", raisedAt: raised, dueBy: due,
                      status: resolved == nil ? .open : .resolved, resolvedAt: resolved, outcome: resolved == nil ? "" : "Done",
                      handledInTime: resolved.map { $0 <= due })
}

private func observation(_ id: Int64, _ date: String, kind: ObservationKind = .competencyAssessment,
                         outcome: CompetencyOutcome = .competent, followUp: FollowUp = .none,
                         reassessBy: String? = nil) -> Observation {
    Observation(id: id, draft: ObservationDraft(staffID: 5, occurredAt: at(date, 10), kind: kind, checklist: [:],
                                                outcome: outcome, followUp: followUp, reassessBy: reassessBy.map { day($0).start }),
                observedBy: "Sam Supervisor", recordedAt: at(date, 11))
}

@Suite struct RefusalCompletenessTests {
    @Test func sumsCompleteOverSeenPerMonthAndSkipsMonthsWithoutRefusals() {
        let checks = [
            check(1, "02/11/2026", seen: 3, complete: 2),
            check(2, "15/11/2026", round: .night, seen: 1, complete: 1),
            check(3, "20/11/2026"),  // no refusals: counts nothing
            check(4, "03/12/2026"),  // a month with checks but no refusals has no result
            check(5, "04/01/2027", seen: 4, complete: 4),
        ]
        let results = EvidenceMeasures.refusalRecordsComplete(checks, period: .month)
        #expect(results.map { LondonDay($0.periodStart) } == [day("01/11/2026"), day("01/01/2027")])
        #expect(results.map(\.numerator) == [3, 4])
        #expect(results.map(\.denominator) == [4, 4])
        #expect(results[0].percent == 75)
        #expect(results[0].note == "From 3 MAR checks: 3 of 4 refusals fully recorded")
    }

    @Test func weeklyPeriodsStartOnMonday() {
        let results = EvidenceMeasures.refusalRecordsComplete(
            [check(1, "01/11/2026", seen: 2, complete: 1), check(2, "02/11/2026", seen: 2, complete: 2)], period: .week)
        #expect(results.map { LondonDay($0.periodStart) } == [day("26/10/2026"), day("02/11/2026")])
        #expect(results.map(\.numerator) == [1, 2])
    }
}

@Suite struct ChartsReturnedOnTimeTests {
    @Test func onlyHomecareVisitsCountAsOneMinusLateOverChecked() {
        let checks = [
            check(1, "02/11/2026", round: .visit, charts: 20, late: 1),
            check(2, "09/11/2026", round: .visit, charts: 30, late: 0),
            check(3, "10/11/2026", round: .morning, charts: 12),  // care home round: not counted
            check(4, "01/12/2026", round: .visit, charts: 10, late: 10),
        ]
        let results = EvidenceMeasures.chartsReturnedOnTime(checks, period: .month)
        #expect(results.map(\.numerator) == [49, 0])
        #expect(results.map(\.denominator) == [50, 10])
        #expect(results[0].meets(percent: 98))
        #expect(!results[1].meets(percent: 1))
    }
}

@Suite struct LateReturnEscalationTests {
    let working = BuiltinHolidays.workingDays

    @Test func eachCheckWithLateChartsOrALateFindingIsAnEventAtItsRound() {
        let checks = [
            check(1, "30/04/2027", round: .visit, late: 2),
            check(2, "03/05/2027", round: .visit, findings: [MARFinding(type: .chartReturnedLate, personReference: "JS")]),
            check(3, "05/05/2027", round: .visit),
        ]
        let events = EvidenceMeasures.lateReturnEvents(checks, escalations: [])
        #expect(events.count == 2)
        #expect(events[0].occurred == at("30/04/2027", 20))  // a visit round ends at 20:00
        #expect(events.allSatisfy { $0.handled == nil })
    }

    @Test func onlyAnEscalationThatNamesALateReturnHandlesIt() {
        let checks = [check(1, "30/04/2027", round: .visit, late: 1), check(2, "30/04/2027", round: .visit, service: 2, late: 1)]
        let escalations = [
            escalation(10, raised: at("30/04/2027", 21)),  // same service, names nothing: not for this return
            escalation(11, service: 1, raised: at("05/05/2027"), markCheck: 2),  // names the other check's return
            escalation(12, raised: at("06/05/2027"), markCheck: 1),  // names it: handles it, though later
            escalation(13, category: .omission, service: 2, raised: at("04/05/2027", 9), markCheck: 2),  // any category that names it
        ]
        let events = EvidenceMeasures.lateReturnEvents(checks, escalations: escalations)
        #expect(events.map(\.handled) == [at("06/05/2027"), at("04/05/2027", 9)])
    }

    @Test func withinOneWorkingDayAcrossAWeekendAndABankHoliday() {
        // Friday 30/04/2027; Monday 03/05/2027 is the Early May bank holiday, so one working day
        // after Friday is Tuesday 04/05/2027.
        let checks = [check(1, "30/04/2027", round: .visit, late: 1), check(2, "30/04/2027", round: .visit, service: 2, late: 1)]
        let escalations = [escalation(11, raised: at("04/05/2027", 16), markCheck: 1),
                           escalation(12, service: 2, raised: at("05/05/2027", 9), markCheck: 2)]
        let results = EvidenceMeasures.lateReturnsEscalated(checks, escalations: escalations, period: .month, workingDays: working)
        #expect(results.map(\.numerator) == [1])
        #expect(results.map(\.denominator) == [2])
        // Weekends only, Tuesday would be late too.
        let weekendsOnly = EvidenceMeasures.lateReturnsEscalated(checks, escalations: escalations, period: .month,
                                                                 workingDays: .weekendsOnly)
        #expect(weekendsOnly.map(\.numerator) == [0])
    }
}

@Suite struct EscalationTimelinessTests {
    let working = BuiltinHolidays.workingDays

    @Test func dueByIsCountedInWorkingDaysOverAWeekendAndABankHoliday() {
        let friday = at("30/04/2027", 15)
        let lateReturn = EscalationPolicy.standard.dueBy(category: .lateMARReturn, severity: .low, raisedAt: friday, workingDays: working)
        #expect(lateReturn == day("05/05/2027").start.addingTimeInterval(-1))  // end of Tuesday 04/05/2027
        let harm = EscalationPolicy.standard.dueBy(category: .omission, severity: .potentialHarm, raisedAt: friday, workingDays: working)
        #expect(LondonDay(harm) == day("30/04/2027"))
        let saturday = at("01/05/2027", 10)
        let harmAtWeekend = EscalationPolicy.standard.dueBy(category: .omission, severity: .potentialHarm, raisedAt: saturday,
                                                            workingDays: working)
        #expect(LondonDay(harmAtWeekend) == day("04/05/2027"))  // the next working day
    }

    @Test func handledInTimePerMonthOfResolution() {
        let friday = at("30/04/2027", 15)
        let escalations = [
            escalation(1, raised: friday, resolved: at("04/05/2027", 23, 59)),  // last minute of the due day
            escalation(2, raised: friday, resolved: at("05/05/2027", 0, 1)),  // a minute late
            escalation(3, category: .other, severity: .low, raised: friday, resolved: at("07/05/2027")),  // 5 days: in time
            escalation(4, raised: friday),  // still open: not counted
            escalation(5, raised: at("20/04/2027"), resolved: at("21/04/2027")),
        ]
        let results = EvidenceMeasures.escalationsHandledInTime(escalations, period: .month)
        #expect(results.map { LondonDay($0.periodStart) } == [day("01/04/2027"), day("01/05/2027")])
        #expect(results.map(\.numerator) == [1, 2])
        #expect(results.map(\.denominator) == [1, 3])
        let events = EvidenceMeasures.escalationEvents(escalations)
        #expect(events.count == 5)
        #expect(events.filter { (event: HandledEvent) in event.handled == nil }.count == 1)
    }
}

@Suite struct RepeatFindingTests {
    @Test func sameTypeForTheSamePersonOrStaffMemberWithinThePeriodCounts() {
        let gap = { (person: String, staff: Int64?) in MARFinding(type: .unexplainedGap, personReference: person, staffID: staff) }
        let checks = [
            check(1, "02/11/2026", findings: [gap("Rm 4", nil), MARFinding(type: .missingSignature, personReference: "Rm 4")]),
            check(2, "03/11/2026", findings: [gap("rm4", nil)]),  // same person, same type: 1
            check(3, "04/11/2026", findings: [gap("JS", 7), gap("AB", 7)]),  // same staff member: 1
            check(4, "05/11/2026", service: 2, findings: [gap("Rm 4", nil)]),  // another service's Rm 4: not a repeat
            check(5, "06/11/2026", findings: [MARFinding(type: .other, personReference: "Rm 4"),
                                              MARFinding(type: .other, personReference: "Rm 4")]),  // "other" not compared
            check(6, "01/12/2026", findings: [gap("Rm 4", nil)]),  // a new month starts afresh
            check(7, "02/12/2026"),
        ]
        let results = EvidenceMeasures.repeatFindings(checks, period: .month)
        #expect(results.map(\.count) == [2, 0])
        #expect(results[0].note == "2 repeat findings in 5 MAR checks (unexplained gap 2)")
    }
}

@Suite struct MeasureRecordsFromEvidenceTests {
    @Test func eventMeasuresWithoutAPercentageRuleGetNoneToHandleMonths() {
        let measure = OutcomeMeasureDefinition(name: "Late charts escalated in time", period: .month, source: .lateReturnsEscalated,
                                               rules: [.everyEventWithinWorkingDays(workingDays: 1, allowance: 0)])
        let records = EvidenceMeasures.records(for: measure, checks: [check(1, "02/11/2026", round: .visit)], escalations: [],
                                               workingDays: .weekendsOnly)
        #expect(records.events.isEmpty)
        #expect(records.results.map(\.denominator) == [0])
        let evaluation = TargetEngine.evaluate(measure, records: records, planStart: day("01/11/2026").start,
                                               today: at("20/11/2026"), workingDays: .weekendsOnly)
        #expect(evaluation.state == .achieved)
    }

    @Test func evidenceFiguresReplaceHandEnteredOnesOnlyForTheirPeriods() {
        let manual = [PeriodResult(periodStart: day("01/10/2026").start, numerator: 9, denominator: 10),
                      PeriodResult(periodStart: day("01/11/2026").start, numerator: 1, denominator: 10)]
        let derived = MeasureRecords(results: [PeriodResult(periodStart: day("01/11/2026").start, numerator: 5, denominator: 5)])
        let merged = EvidenceMeasures.merged(manual: manual, derived: derived, period: .month)
        #expect(merged.results.map(\.numerator) == [9, 5])
        #expect(EvidenceMeasures.records(for: OutcomeMeasureDefinition(name: "Audit", period: .month, source: .manualAudit, rules: []),
                                         checks: [check(1, "02/11/2026", seen: 1, complete: 1)], escalations: [],
                                         workingDays: .weekendsOnly) == MeasureRecords())
    }
}

@Suite struct CompetencyRuleTests {
    @Test func neverAssessedWithoutARelevantObservation() {
        #expect(CompetencyRules.status(observations: [], at: at("01/06/2027")) == .neverAssessed)
        // A refusal discussion that found them competent says nothing about competency.
        #expect(CompetencyRules.status(observations: [observation(1, "01/05/2027", kind: .refusalDiscussion)],
                                       at: at("01/06/2027")) == .neverAssessed)
        // Nor does an assessment after `now`.
        #expect(CompetencyRules.status(observations: [observation(1, "02/06/2027")], at: at("01/06/2027")) == .neverAssessed)
    }

    @Test func currentForTwelveMonthsThenDueWithinThirtyDaysThenExpired() {
        let assessed = [observation(1, "15/01/2026")]
        let until = day("15/01/2027").start
        #expect(CompetencyRules.status(observations: assessed, at: at("15/12/2026")) == .current(until: until))  // 31 days left
        #expect(CompetencyRules.status(observations: assessed, at: at("16/12/2026")) == .dueSoon(until: until))  // 30 days left
        #expect(CompetencyRules.status(observations: assessed, at: at("15/01/2027", 23, 59)) == .dueSoon(until: until))
        #expect(CompetencyRules.status(observations: assessed, at: at("16/01/2027", 0, 1)) == .expired(since: day("16/01/2027").start))
        #expect(CompetencyRules.status(observations: assessed, at: at("16/12/2026")).isCurrent)
        #expect(!CompetencyRules.status(observations: assessed, at: at("16/01/2027")).isCurrent)
    }

    @Test func restrictedByNotYetCompetentARestrictionOrBorderline() {
        let competent = observation(1, "15/01/2026")
        #expect(CompetencyRules.status(observations: [competent, observation(2, "01/03/2026", outcome: .notYetCompetent)],
                                       at: at("02/03/2026")) == .restricted)
        #expect(CompetencyRules.status(observations: [competent, observation(2, "01/03/2026", kind: .spotCheck, outcome: .borderline,
                                                                             followUp: .restricted)],
                                       at: at("02/03/2026")) == .restricted)
        #expect(CompetencyRules.status(observations: [competent, observation(2, "01/03/2026", kind: .medicinesRound,
                                                                             outcome: .borderline, followUp: .supervisedPractice)],
                                       at: at("02/03/2026")) == .restricted)
        // A later competent reassessment lifts it.
        #expect(CompetencyRules.status(observations: [observation(2, "01/03/2026", outcome: .notYetCompetent),
                                                      observation(3, "01/04/2026", kind: .competencyReassessment)],
                                       at: at("02/04/2026")) == .current(until: day("01/04/2027").start))
    }

    @Test func anEarlierReassessDateCapsUntil() {
        let obs = observation(1, "15/01/2026", followUp: .reassess, reassessBy: "15/07/2026")
        #expect(CompetencyRules.status(observations: [obs], at: at("01/02/2026")) == .current(until: day("15/07/2026").start))
        #expect(CompetencyRules.status(observations: [obs], at: at("16/07/2026")) == .expired(since: day("16/07/2026").start))
        let later = observation(1, "15/01/2026", followUp: .reassess, reassessBy: "15/03/2027")
        #expect(CompetencyRules.status(observations: [later], at: at("01/02/2026")) == .current(until: day("15/01/2027").start))
    }
}

@Suite struct LateEntryFlagTests {
    @Test func lateOnlyAfterTwentyFourHoursFromTheEndOfTheRound() {
        let rule = LateEntryRule()
        let date = day("02/11/2026").start
        let end = LateEntryRule.roundEnd(date: date, round: .morning)
        #expect(end == at("02/11/2026", 10))
        #expect(!rule.isLate(date: date, round: .morning, enteredAt: end.addingTimeInterval(24 * 3600 - 60)))
        #expect(!rule.isLate(date: date, round: .morning, enteredAt: end.addingTimeInterval(24 * 3600)))
        #expect(rule.isLate(date: date, round: .morning, enteredAt: end.addingTimeInterval(24 * 3600 + 60)))
        #expect(EvidenceDerivations.lateEntryRefusal(rule)
                == "This check is for a round more than 24 hours ago: give a reason for the late entry.")
    }

    @Test func roundEndIsLondonTimeAcrossTheClockChange() {
        // 25/10/2026 is the day British Summer Time ends; 29/03/2026 the day it starts: the round
        // still ends at its London clock time.
        #expect(UKDateFormat.time(LateEntryRule.roundEnd(date: day("25/10/2026").start, round: .night)) == "22:00")
        #expect(UKDateFormat.time(LateEntryRule.roundEnd(date: day("29/03/2026").start, round: .morning)) == "10:00")
    }
}
