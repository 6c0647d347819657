import Foundation
import PlanLibrary
import RecoveryModel
@testable import RecoveryStore
import Testing

/// The evidence chain at the store: escalations say what they answer, each late return is timed
/// by its own escalation, links open both ways, and hand-entered figures stand beside the records.
@Suite struct EvidenceChainStoreTests {
    static let workingDays = WorkingDays(holidays: (try? BankHolidayFile.builtin()) ?? .none)

    /// The store's refusal of `body`, or nil when it was accepted.
    static func refusal(_ body: () throws -> Void) -> StoreError? {
        do {
            try body()
            return nil
        } catch {
            return error as? StoreError
        }
    }

    static func conflictMessage(_ error: StoreError?) -> String? {
        if case .conflict(let message)? = error { return message }
        return nil
    }

    func lateFinding(_ person: String) -> MARFinding {
        MARFinding(type: .chartReturnedLate, personReference: person, note: "Chart kept at home")
    }

    /// Thursday 24/12/2026; Friday 25/12 is Christmas Day, the weekend follows and Monday 28/12 is
    /// the substitute Boxing Day, so one working day after Thursday is Tuesday 29/12/2026.
    @Test func twoLateReturnsAcrossAWeekendAndABankHolidayAreTimedEachByItsOwnEscalation() throws {
        let e = try EvidenceStore()
        let plan = try e.store.createPlan(try e.p.draft("late-mar-returns", starting: londonDay(1, 12, 2026)), activate: true,
                                          by: e.p.deputy.actor, at: EvidenceStore.at(1, 12, 2026))
        let check = try e.store.logMARCheck(e.draft(24, 12, 2026, round: .visit, charts: 20, late: 2,
                                                    findings: [lateFinding("AB"), lateFinding("CD")]),
                                            lateEntryRule: LateEntryRule(), by: e.p.leader.actor, at: EvidenceStore.at(24, 12, 2026, 21))
        #expect(check.draft.findings.map(\.number) == [1, 2])
        // Before anything is escalated, both await an escalation.
        let awaiting = try e.store.escalationsAwaiting(serviceID: e.serviceID, at: EvidenceStore.at(25, 12, 2026), workingDays: Self.workingDays)
        #expect(Set(awaiting.map(\.source)) == [.finding(checkID: check.id, number: 1), .finding(checkID: check.id, number: 2)])

        _ = try e.store.raiseEscalation(e.escalationDraft(.lateMARReturn, .moderate, occurred: EvidenceStore.at(24, 12, 2026, 20),
                                                          sources: [.finding(checkID: check.id, number: 1)]),
                                        workingDays: Self.workingDays, by: e.p.leader.actor, at: EvidenceStore.at(29, 12, 2026, 16))
        _ = try e.store.raiseEscalation(e.escalationDraft(.lateMARReturn, .moderate, occurred: EvidenceStore.at(24, 12, 2026, 20),
                                                          sources: [.finding(checkID: check.id, number: 2)]),
                                        workingDays: Self.workingDays, by: e.p.leader.actor, at: EvidenceStore.at(30, 12, 2026, 9))

        // The measure (worked out with the bank holidays): one of two late returns escalated
        // within a working day.
        let now = EvidenceStore.at(4, 1, 2027)
        let evidence = try e.store.indicatorEvidence(at: now, workingDays: Self.workingDays)
        let measure = try #require(evidence.plans.first { $0.id == plan.id }?.measures.first { $0.definition.source == .lateReturnsEscalated })
        let december = try #require(measure.results.first { LondonDay($0.periodStart).month == 12 })
        #expect((december.numerator, december.denominator) == (1, 2))
        #expect(measure.events.map(\.handled) == [EvidenceStore.at(29, 12, 2026, 16), EvidenceStore.at(30, 12, 2026, 9)])

        // The indicator and the records behind it: one late, named.
        let engine = IndicatorEngine(evidence: evidence, thresholds: .standard, now: now, workingDays: Self.workingDays)
        #expect(engine.indicators(for: e.serviceID)?[.lateReturnsNotEscalated]?.value == 1)
        let records = engine.records(.lateReturnsNotEscalated, serviceID: e.serviceID)
        #expect(records.count == 1)
        #expect(records.first?.summary.contains("late (due by 29/12/2026)") == true, "\(records)")
        #expect(try e.store.escalationsAwaiting(serviceID: e.serviceID, at: now, workingDays: Self.workingDays).isEmpty)
        #expect(try e.store.verify().problems == [])
    }

    @Test func oneEscalationChosenForThreeLateReturnsCoversAllThree() throws {
        let e = try EvidenceStore()
        let plan = try e.store.createPlan(try e.p.draft("late-mar-returns", starting: londonDay(1, 8, 2026)), activate: true,
                                          by: e.p.deputy.actor, at: EvidenceStore.at(1, 8, 2026))
        let check = try e.store.logMARCheck(e.draft(28, 8, 2026, round: .visit, charts: 20, late: 3,
                                                    findings: [lateFinding("AB"), lateFinding("CD"), lateFinding("EF")]),
                                            lateEntryRule: LateEntryRule(), by: e.p.leader.actor, at: EvidenceStore.at(28, 8, 2026, 21))
        let all = EscalationDue.of(check).map(\.source)
        #expect(all.count == 3)
        let escalation = try e.store.raiseEscalation(
            e.escalationDraft(.lateMARReturn, .moderate, occurred: EvidenceStore.at(28, 8, 2026, 20), sources: all),
            workingDays: Self.workingDays, by: e.p.leader.actor, at: EvidenceStore.at(1, 9, 2026, 10))
        #expect(escalation.draft.sources == all)
        let evidence = try e.store.indicatorEvidence(at: EvidenceStore.at(10, 9, 2026), workingDays: Self.workingDays)
        let measure = try #require(evidence.plans.first { $0.id == plan.id }?.measures.first { $0.definition.source == .lateReturnsEscalated })
        let august = try #require(measure.results.first { LondonDay($0.periodStart).month == 8 })
        #expect((august.numerator, august.denominator) == (3, 3))
        // Both ways: the check's escalations, and the escalation's sources.
        let answering = try e.store.escalationsAnswering(checkIDs: [check.id], stepEntryIDs: [])
        #expect(answering.map(\.id) == [escalation.id])
    }

    @Test func aCorrectedChecksNewFindingAwaitsItsEscalationUntilOneIsSaved() throws {
        let e = try EvidenceStore()
        let now = EvidenceStore.at(3, 11, 2026, 11)
        let check = try e.store.logMARCheck(e.draft(3, 11, 2026, findings: [MARFinding(type: .missingSignature, personReference: "JS")]),
                                            lateEntryRule: LateEntryRule(), by: e.p.leader.actor, at: now)
        #expect(try e.store.escalationsAwaiting(serviceID: e.serviceID, at: now, workingDays: Self.workingDays).isEmpty)
        var corrected = check.draft
        corrected.findings.append(MARFinding(type: .stockCountMismatch, personReference: "Rm 2", note: "Two tablets short", escalate: true))
        let amended = try e.store.amendMARCheck(check.id, to: corrected, reason: "Stock count missed", by: e.p.leader.actor, at: now)
        #expect(amended.draft.findings.map(\.number) == [1, 2])
        let awaiting = try e.store.escalationsAwaiting(serviceID: e.serviceID, at: now, workingDays: Self.workingDays)
        #expect(awaiting.map(\.source) == [.finding(checkID: check.id, number: 2)])
        #expect(awaiting.first?.whatHappened.contains("Two tablets short") == true)
        #expect(try e.store.escalationsAnswering(checkIDs: [check.id], stepEntryIDs: []).isEmpty)

        let escalation = try e.store.raiseEscalation(
            e.escalationDraft(.medicationError, .moderate, occurred: now, sources: [.finding(checkID: check.id, number: 2)]),
            workingDays: Self.workingDays, by: e.p.leader.actor, at: now)
        #expect(try e.store.escalationsAwaiting(serviceID: e.serviceID, at: now, workingDays: Self.workingDays).isEmpty)
        #expect(try e.store.escalationsAnswering(checkIDs: [check.id], stepEntryIDs: []).map(\.id) == [escalation.id])

        // Removing the first finding in a later correction keeps the second one's number, so
        // the escalation still names it.
        var again = amended.draft
        again.findings.removeFirst()
        let second = try e.store.amendMARCheck(check.id, to: again, reason: "Signature was there", by: e.p.leader.actor, at: now)
        #expect(second.draft.findings.map(\.number) == [2])
        let timeliness = EscalationTimeliness.of(EscalationDue.of(second)[0], answeredBy: [escalation], at: now, workingDays: Self.workingDays)
        #expect(timeliness.words.hasPrefix("escalated E-\(escalation.id) on 03/11/2026 11:00 — handled in time"))
        #expect(try e.store.verify().problems == [])
    }

    @Test func anEscalationMayOnlyNameWhatCallsForOneAtItsOwnService() throws {
        let e = try EvidenceStore()
        let now = EvidenceStore.at(3, 11, 2026, 11)
        let check = try e.store.logMARCheck(e.draft(3, 11, 2026, findings: [MARFinding(type: .missingSignature, personReference: "JS")]),
                                            lateEntryRule: LateEntryRule(), by: e.p.leader.actor, at: now)
        #expect(throws: StoreError.self) {
            try e.store.raiseEscalation(e.escalationDraft(.omission, .low, occurred: now, sources: [.finding(checkID: check.id, number: 1)]),
                                        workingDays: Self.workingDays, by: e.p.leader.actor, at: now)
        }
        #expect(throws: StoreError.self) {
            try e.store.raiseEscalation(e.escalationDraft(.omission, .low, occurred: now, sources: [.finding(checkID: check.id, number: 9)]),
                                        workingDays: Self.workingDays, by: e.p.leader.actor, at: now)
        }
        let elm = try e.store.addService(name: "Elm Court", kind: .residential, registeredManager: nil, by: e.admin.actor, at: now)
        var other = e.draft(3, 11, 2026, late: 1)
        other.serviceID = elm.id
        let quality = try e.p.setUp.add("Quinn Quality", .qualityLead)
        let elsewhere = try e.store.logMARCheck(other, lateEntryRule: LateEntryRule(), by: quality.actor, at: now)
        let refused = Self.refusal {
            _ = try e.store.raiseEscalation(e.escalationDraft(.lateMARReturn, .low, occurred: now, sources: [.lateReturn(checkID: elsewhere.id)]),
                                            workingDays: Self.workingDays, by: e.p.leader.actor, at: now)
        }
        #expect(refused?.description.contains("another service") == true, "\(String(describing: refused))")
    }

    @Test func aSecondCheckOfTheSameRoundAsksFirstAndIsMarkedAsARecheck() throws {
        let e = try EvidenceStore()
        let now = EvidenceStore.at(3, 11, 2026, 11)
        let first = try e.store.logMARCheck(e.draft(3, 11, 2026), lateEntryRule: LateEntryRule(), by: e.p.leader.actor, at: now)
        #expect(!first.isRecheck)
        let refusal = Self.refusal { _ = try e.store.logMARCheck(e.draft(3, 11, 2026, charts: 14), lateEntryRule: LateEntryRule(),
                                                                 by: e.p.leader.actor, at: now) }
        let question = Self.conflictMessage(refusal)
        #expect(question?.contains("already checked by") == true, "\(String(describing: refusal))")
        #expect(question?.hasSuffix("save this one as a re-check?") == true)
        let second = try e.store.logMARCheck(e.draft(3, 11, 2026, charts: 14), lateEntryRule: LateEntryRule(), recheck: true,
                                             by: e.p.leader.actor, at: now)
        #expect(second.isRecheck)
        let both = try e.store.marChecks(serviceID: e.serviceID, from: londonDay(3, 11, 2026), to: londonDay(3, 11, 2026))
        #expect(Set(both.filter(\.isRecheck).map(\.id)) == [second.id])
    }

    /// Stock counts wrong every week in different rooms: the same finding type recurring.
    @Test func aHandEnteredFigureTheRecordsContradictIsShownBesideThemAndTheTargetJudgesTheRecords() throws {
        let e = try EvidenceStore()
        let plan = try e.store.createPlan(try e.p.draft("audit-scores-without-less-recurrence", starting: londonDay(1, 10, 2026)),
                                          activate: true, by: e.p.deputy.actor, at: EvidenceStore.at(1, 10, 2026))
        for (day, room) in [(5, "Rm 1"), (12, "Rm 7"), (19, "Rm 12"), (26, "Rm 3")] {
            _ = try e.store.logMARCheck(e.draft(day, 10, 2026, findings: [MARFinding(type: .stockCountMismatch, personReference: room)]),
                                        lateEntryRule: LateEntryRule(), by: e.p.leader.actor, at: EvidenceStore.at(day, 10, 2026, 11))
        }
        let repeats = try #require(try e.store.plan(plan.id).measures.first { $0.definition.source == .repeatFindingTypes })
        // Different rooms, the same type: three repeats in October.
        #expect(repeats.results.map(\.count) == [3])
        try e.store.recordMeasurement(measureID: repeats.id, result: .count(6, in: londonDay(1, 10, 2026), note: "From the audit"),
                                      by: e.p.supervisor.actor, at: EvidenceStore.at(2, 11, 2026))
        let after = try #require(try e.store.plan(plan.id).measures.first { $0.id == repeats.id })
        #expect(after.results.map(\.count) == [3])  // the target judges the records
        #expect(after.comparisons.count == 1)
        #expect(after.comparisons.first?.records.count == 3)
        #expect(after.comparisons.first?.handEntered.count == 6)
        #expect(after.disagreements.count == 1)
        // A hand-entered figure equal to the records agrees.
        try e.store.recordMeasurement(measureID: repeats.id, result: .count(3, in: londonDay(1, 10, 2026)),
                                      by: e.p.supervisor.actor, at: EvidenceStore.at(3, 11, 2026))
        #expect(try e.store.plan(plan.id).measures.first { $0.id == repeats.id }?.disagreements.isEmpty == true)
    }

    /// Stores made before version 5: escalations get their sources from the links they had.
    @Test func theUpgradeGivesOldEscalationsTheirSourcesFromTheirLinks() throws {
        let e = try EvidenceStore()
        let now = EvidenceStore.at(3, 11, 2026, 21)
        let check = try e.store.logMARCheck(e.draft(3, 11, 2026, round: .visit, late: 1, findings: [
            MARFinding(type: .stockCountMismatch, personReference: "Rm 2", escalate: true),
            MARFinding(type: .missingSignature, personReference: "Rm 5"),
        ]), lateEntryRule: LateEntryRule(), by: e.p.leader.actor, at: now)
        let late = try e.store.raiseEscalation(e.escalationDraft(.lateMARReturn, .moderate, occurred: now,
                                                                 links: EscalationLinks(marCheckID: check.id)),
                                               workingDays: Self.workingDays, by: e.p.leader.actor, at: now)
        let stock = try e.store.raiseEscalation(e.escalationDraft(.medicationError, .moderate, occurred: now,
                                                                  links: EscalationLinks(marCheckID: check.id)),
                                                workingDays: Self.workingDays, by: e.p.leader.actor, at: now)
        let direct = try e.store.raiseEscalation(e.escalationDraft(.deterioration, .high, occurred: now),
                                                 workingDays: Self.workingDays, by: e.p.leader.actor, at: now)
        try WritePath.writeAsSystem(e.store.pool, actorName: EvidenceChainSchema.actorName, at: now) { writer in
            try EvidenceChainSchema.backfill(writer)
            // On a real upgrade the summaries are built after the sources (migration 6).
            try SummaryKeeper.rebuild(writer.db, at: now, workingDays: Self.workingDays)
        }
        let all = Dictionary(uniqueKeysWithValues: try e.store.escalations(openOnly: false, serviceID: nil, at: now).map { ($0.id, $0) })
        #expect(all[late.id]?.draft.sources == [.lateReturn(checkID: check.id)])
        #expect(all[stock.id]?.draft.sources == [.finding(checkID: check.id, number: 1)])
        #expect(all[direct.id]?.draft.sources == [])
        #expect(try e.store.verify().problems == [])
    }
}
