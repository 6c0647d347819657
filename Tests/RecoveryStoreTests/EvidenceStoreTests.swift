import Foundation
import GRDB
import RecoveryModel
@testable import RecoveryStore
import Testing

@Suite struct EvidencePermissionTests {
    @Test func teamLeadersLogChecksSupervisorsObserveAnyoneRaisesTeamLeadersHandle() throws {
        let e = try EvidenceStore()
        let now = EvidenceStore.at(3, 11, 2026, 11)
        let draft = e.draft(3, 11, 2026)
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.logMARCheck(draft, lateEntryRule: LateEntryRule(), by: e.worker.actor, at: now) }
                == .notAllowed(.logMARCheck, .careWorker))
        let check = try e.store.logMARCheck(draft, lateEntryRule: LateEntryRule(), by: e.p.leader.actor, at: now)
        #expect(check.checkedBy == "Tina Leader")
        #expect(check.checkedByID == e.p.leader.id)
        #expect(!check.isLateEntry)

        // The role is read from the staff table: a care worker claiming to be a team leader is refused.
        let pretend = Actor(userID: e.worker.id, name: e.worker.name, role: .teamLeader)
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.logMARCheck(draft, lateEntryRule: LateEntryRule(), by: pretend, at: now) }
                == .notAllowed(.logMARCheck, .careWorker))

        let observation = ObservationDraft(staffID: e.worker.id, occurredAt: now, kind: .competencyAssessment,
                                           checklist: [.identityChecked: .met], outcome: .competent, followUp: .none)
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.recordObservation(observation, by: e.p.leader.actor, at: now) }
                == .notAllowed(.recordObservation, .teamLeader))
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.recordObservation(observation, by: e.worker.actor, at: now) }
                == .notAllowed(.recordObservation, .careWorker))
        _ = try e.store.recordObservation(observation, by: e.p.supervisor.actor, at: now)

        let raised = try e.store.raiseEscalation(e.escalationDraft(.omission, .moderate, occurred: now),
                                                 workingDays: .weekendsOnly, by: e.worker.actor, at: now)
        #expect(raised.raisedBy == "Carl Worker")
        #expect(raised.status == .open)
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.advanceEscalation(raised.id, to: .acknowledged, note: "", by: e.worker.actor, at: now) }
                == .notAllowed(.handleEscalation, .careWorker))
        _ = try e.store.advanceEscalation(raised.id, to: .acknowledged, note: "", by: e.p.leader.actor, at: now)
        #expect(storeRefusal { () throws(StoreError) in try e.store.setEscalationPolicy(.standard, by: e.p.deputy.actor, at: now) }
                == .notAllowed(.manageReferenceData, .deputyManager))
    }
}

@Suite struct MARCheckStoreTests {
    @Test func aLateEntryIsRefusedWithoutAReasonAndFlaggedWithOne() throws {
        let e = try EvidenceStore()
        let rule = LateEntryRule()
        let roundEnd = EvidenceStore.at(3, 11, 2026, 10)  // the morning round ends at 10:00
        let draft = e.draft(3, 11, 2026)
        let tooLate = roundEnd.addingTimeInterval(24 * 3600 + 60)
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.logMARCheck(draft, lateEntryRule: rule, by: e.p.leader.actor, at: tooLate) }
                == .invalid("This check is for a round more than 24 hours ago: give a reason for the late entry."))
        var blank = draft
        blank.lateEntryReason = "   "
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.logMARCheck(blank, lateEntryRule: rule, by: e.p.leader.actor, at: tooLate) }
                == .invalid("This check is for a round more than 24 hours ago: give a reason for the late entry."))
        var withReason = draft
        withReason.lateEntryReason = "Off sick the next day; checked from the charts on return."
        let late = try e.store.logMARCheck(withReason, lateEntryRule: rule, by: e.p.leader.actor, at: tooLate)
        #expect(late.isLateEntry)
        #expect(late.draft.lateEntryReason == "Off sick the next day; checked from the charts on return.")

        let justInTime = try e.store.logMARCheck(e.draft(3, 11, 2026, round: .lunchtime), lateEntryRule: rule,
                                                 by: e.p.leader.actor,
                                                 at: EvidenceStore.at(3, 11, 2026, 14).addingTimeInterval(24 * 3600 - 60))
        #expect(!justInTime.isLateEntry)
        // Another limit (configurable): 48 hours.
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.logMARCheck(e.draft(1, 11, 2026), lateEntryRule: LateEntryRule(hours: 48),
                                                          by: e.p.leader.actor, at: tooLate) }
                == .invalid("This check is for a round more than 48 hours ago: give a reason for the late entry."))
    }

    @Test func draftProblemsTheServiceAndTheFutureAreRefused() throws {
        let e = try EvidenceStore()
        let now = EvidenceStore.at(3, 11, 2026, 11)
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.logMARCheck(e.draft(3, 11, 2026, charts: 0, seen: 1, complete: 2),
                                                          lateEntryRule: LateEntryRule(), by: e.p.leader.actor, at: now) }
                == .invalid("At least one chart must have been checked. Fully recorded refusals cannot be more than the refusals seen."))
        var other = e.draft(3, 11, 2026)
        other.serviceID = 999
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.logMARCheck(other, lateEntryRule: LateEntryRule(), by: e.p.leader.actor, at: now) }
                == .notFound("There is no active service with id 999."))
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.logMARCheck(e.draft(4, 11, 2026), lateEntryRule: LateEntryRule(),
                                                          by: e.p.leader.actor, at: now) }
                == .invalid("A MAR check cannot be for a day that has not come yet."))
    }

    @Test func anAmendmentNeedsAReasonAndKeepsTheOriginal() throws {
        let e = try EvidenceStore()
        let now = EvidenceStore.at(3, 11, 2026, 11)
        let finding = MARFinding(type: .missingSignature, personReference: "Rm 4", staffID: e.worker.id, note: "08:00 dose")
        let check = try e.store.logMARCheck(e.draft(3, 11, 2026, seen: 2, complete: 1, findings: [finding]),
                                            lateEntryRule: LateEntryRule(), by: e.p.leader.actor, at: now)
        let corrected = e.draft(3, 11, 2026, charts: 14, seen: 2, complete: 2)
        #expect(storeRefusal { () throws(StoreError) in try e.store.amendMARCheck(check.id, to: corrected, reason: " ", by: e.p.leader.actor, at: now) }
                == .invalid("Give a reason for the amendment: a MAR check is only corrected with a reason, and the original stays beside it."))
        #expect(storeRefusal { () throws(StoreError) in try e.store.amendMARCheck(check.id, to: corrected, reason: "Miscounted", by: e.worker.actor, at: now) }
                == .notAllowed(.logMARCheck, .careWorker))
        let later = now.addingTimeInterval(3600)
        try e.store.amendMARCheck(check.id, to: corrected, reason: "Miscounted the charts; the signature was found",
                                  by: e.p.deputy.actor, at: later)
        let checks = try e.store.marChecks(serviceID: e.serviceID, from: londonDay(1, 11, 2026), to: londonDay(30, 11, 2026))
        #expect(checks.count == 1)
        let amended = try #require(checks.first)
        #expect(amended.draft.chartsChecked == 14)
        #expect(amended.draft.findings.isEmpty)
        #expect(amended.checkedBy == "Tina Leader")  // who logged it stays
        #expect(amended.recordedAt == now)
        #expect(amended.amendments.count == 1)
        let amendment = try #require(amended.amendments.first)
        #expect(amendment.reason == "Miscounted the charts; the signature was found")
        #expect(amendment.by == "Dee Deputy")
        #expect(amendment.at == later)
        #expect(amendment.previous == "Morning round on 03/11/2026; 12 charts checked; refusals 2 seen, 1 fully recorded; findings: Missing signature (Rm 4, Carl Worker) 08:00 dose.")
        // The original finding is retired, not deleted.
        let findings = try e.store.pool.read { try Row.fetchAll($0, sql: "SELECT active, check_version FROM mar_finding") }
        #expect(findings.map { $0["active"] as Bool } == [false])
        #expect(try e.store.verify().problems == [])
        #expect(storeRefusal { () throws(StoreError) in try e.store.amendMARCheck(check.id, to: corrected, reason: "Again", by: e.p.deputy.actor, at: later) }
                == .invalid("The amended check is the same as the one recorded; there is nothing to amend."))
    }
}

@Suite struct ObservationStoreTests {
    @Test func competencyFollowsObservations() throws {
        let e = try EvidenceStore()
        let now = EvidenceStore.at(3, 11, 2026, 11)
        #expect(try e.store.competency(of: e.worker.id, at: now) == .neverAssessed)
        _ = try e.store.recordObservation(ObservationDraft(staffID: e.worker.id, occurredAt: EvidenceStore.at(2, 11, 2026, 9),
                                                           kind: .competencyAssessment,
                                                           checklist: [.identityChecked: .met, .rightMedicineDoseTime: .met],
                                                           outcome: .competent, followUp: .none),
                                          by: e.p.supervisor.actor, at: now)
        #expect(try e.store.competency(of: e.worker.id, at: now) == .current(until: londonDay(2, 11, 2027)))
        let restricted = try e.store.recordObservation(
            ObservationDraft(staffID: e.worker.id, occurredAt: now, kind: .spotCheck, checklist: [.recordedAtTheTime: .notMet],
                             outcome: .notYetCompetent, followUp: .restricted, note: "Signed before giving"),
            by: e.p.supervisor.actor, at: now)
        #expect(restricted.observedBy == "Sam Supervisor")
        #expect(restricted.draft.checklist == [.recordedAtTheTime: .notMet])
        #expect(try e.store.competency(of: e.worker.id, at: now) == .restricted)
        #expect(try e.store.observations(staffID: e.worker.id).map(\.id) == [restricted.id, restricted.id - 1])

        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.recordObservation(
            ObservationDraft(staffID: 999, occurredAt: now, kind: .spotCheck, checklist: [:], outcome: .competent, followUp: .none),
            by: e.p.supervisor.actor, at: now) } == .notFound("There is no member of staff with id 999."))
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.recordObservation(
            ObservationDraft(staffID: e.worker.id, occurredAt: now, kind: .spotCheck, checklist: [:], outcome: .borderline,
                             followUp: .reassess), by: e.p.supervisor.actor, at: now) } == .invalid("Give the date to reassess by."))
    }
}

@Suite struct EscalationStoreTests {
    @Test func dueByFromThePolicyInWorkingDays() throws {
        let e = try EvidenceStore()
        let working = try builtinWorkingDays()
        let friday = EvidenceStore.at(30, 4, 2027, 15)  // Monday 03/05/2027 is a bank holiday
        #expect(try e.store.escalationPolicy() == .standard)
        let late = try e.store.raiseEscalation(e.escalationDraft(.lateMARReturn, .low, occurred: friday), workingDays: working,
                                               by: e.p.leader.actor, at: friday)
        #expect(late.dueBy == londonDay(5, 5, 2027).addingTimeInterval(-1))
        let harm = try e.store.raiseEscalation(e.escalationDraft(.omission, .potentialHarm, occurred: friday), workingDays: working,
                                               by: e.p.leader.actor, at: friday)
        #expect(harm.dueBy == londonDay(1, 5, 2027).addingTimeInterval(-1))

        var policy = EscalationPolicy.standard
        policy.byCategory[.lateMARReturn] = 2
        #expect(storeRefusal { () throws(StoreError) in try e.store.setEscalationPolicy(policy, by: e.p.leader.actor, at: friday) }
                == .notAllowed(.manageReferenceData, .teamLeader))
        try e.store.setEscalationPolicy(policy, by: e.admin.actor, at: friday)
        #expect(try e.store.escalationPolicy() == policy)
        let later = try e.store.raiseEscalation(e.escalationDraft(.lateMARReturn, .low, occurred: friday), workingDays: working,
                                                by: e.p.leader.actor, at: friday)
        #expect(LondonDay(later.dueBy) == LondonDay(year: 2027, month: 5, day: 5))
        policy.bySeverity[.low] = 31
        #expect(storeRefusal { () throws(StoreError) in try e.store.setEscalationPolicy(policy, by: e.admin.actor, at: friday) }
                == .invalid("Working days allowed must be from 0 (the same working day) to 30."))
        #expect(try e.store.verify().problems == [])
    }

    @Test func lifecycleInOrderWithNotesAndHandledInTime() throws {
        let e = try EvidenceStore()
        let monday = EvidenceStore.at(2, 11, 2026, 9)
        let first = try e.store.raiseEscalation(e.escalationDraft(.lateMARReturn, .moderate, occurred: monday),
                                                workingDays: .weekendsOnly, by: e.worker.actor, at: monday)
        let deputy = e.p.deputy.actor
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.advanceEscalation(first.id, to: .resolved, note: "Sorted", by: deputy, at: monday) }
                == .invalid("This escalation is open; acknowledge it before it is resolved."))
        let acknowledged = try e.store.advanceEscalation(first.id, to: .acknowledged, note: "", by: deputy, at: monday)
        #expect(acknowledged.acknowledgedAt == monday)
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.advanceEscalation(first.id, to: .responded, note: " ", by: deputy, at: monday) }
                == .invalid("Write the response: what was done or decided."))
        let responded = try e.store.advanceEscalation(first.id, to: .responded, note: "Rang the branch", by: deputy,
                                                      at: monday.addingTimeInterval(600))
        #expect(responded.response == "Rang the branch")
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.advanceEscalation(first.id, to: .resolved, note: "", by: deputy, at: monday) }
                == .invalid("Write the outcome: how the escalation was resolved."))
        let resolvedAt = EvidenceStore.at(3, 11, 2026, 23, 59)  // the last minute of the due day
        let resolved = try e.store.advanceEscalation(first.id, to: .resolved, note: "Charts collected daily now", by: deputy,
                                                     at: resolvedAt)
        #expect(resolved.status == .resolved)
        #expect(resolved.resolvedAt == resolvedAt)
        #expect(resolved.outcome == "Charts collected daily now")
        #expect(resolved.handledInTime == true)
        #expect(storeRefusal { () throws(StoreError) in _ = try e.store.advanceEscalation(first.id, to: .resolved, note: "x", by: deputy, at: resolvedAt) }
                == .invalid("This escalation is resolved; nothing more is recorded against it."))

        let second = try e.store.raiseEscalation(e.escalationDraft(.lateMARReturn, .moderate, occurred: monday),
                                                 workingDays: .weekendsOnly, by: e.worker.actor, at: monday)
        let newest = try e.store.raiseEscalation(e.escalationDraft(.complaint, .low, occurred: monday),
                                                 workingDays: .weekendsOnly, by: e.worker.actor, at: monday.addingTimeInterval(60))
        let thursday = EvidenceStore.at(5, 11, 2026, 9)
        // Overdue first (the second one was due by Tuesday), then newest.
        #expect(try e.store.escalations(openOnly: true, serviceID: nil, at: thursday).map(\.id) == [second.id, newest.id])
        #expect(try e.store.escalations(openOnly: false, serviceID: e.serviceID, at: thursday).map(\.id)
                == [second.id, newest.id, first.id])
        for status in [EscalationStatus.acknowledged, .responded, .resolved] {
            _ = try e.store.advanceEscalation(second.id, to: status, note: "Done", by: deputy, at: thursday)
        }
        #expect(try e.store.escalations(openOnly: false, serviceID: nil, at: thursday).first { $0.id == second.id }?.handledInTime
                == false)
        #expect(try e.store.verify().problems == [])
    }
}

@Suite struct EvidenceFeedsPlansTests {
    @Test func aRefusalRecordsMeasurePicksUpLoggedChecks() throws {
        let e = try EvidenceStore()
        let plan = try e.store.createPlan(try e.p.draft("refusal-recording-gaps", starting: londonDay(1, 11, 2026)), activate: true,
                                          by: e.p.deputy.actor, at: EvidenceStore.at(1, 11, 2026))
        let measure = try #require(plan.measures.first { $0.definition.source == .refusalRecordsComplete })
        #expect(measure.results.isEmpty)
        for (day, seen, complete) in [(2, 3, 2), (3, 1, 1)] {
            _ = try e.store.logMARCheck(e.draft(day, 11, 2026, seen: seen, complete: complete), lateEntryRule: LateEntryRule(),
                                        by: e.p.leader.actor, at: EvidenceStore.at(day, 11, 2026, 11))
        }
        let loaded = try e.store.plan(plan.id)
        let fed = try #require(loaded.measures.first { $0.id == measure.id })
        #expect(fed.results.map(\.numerator) == [3])
        #expect(fed.results.map(\.denominator) == [4])
        #expect(LondonDay(try #require(fed.results.first).periodStart) == LondonDay(year: 2026, month: 11, day: 1))
        #expect(try e.store.plans(serviceID: e.serviceID).first { $0.id == plan.id }?.measures.first { $0.id == measure.id }?.results
                == fed.results)

        // Checks in another service (logged by a quality lead, who works across the provider) do not feed this service's plan.
        let elm = try e.store.addService(name: "Elm Court", kind: .residential, registeredManager: nil, by: e.admin.actor,
                                         at: SetUpStore.start)
        let lead = try e.p.setUp.add("Quinn Quality", .qualityLead)
        var elsewhere = e.draft(4, 11, 2026, seen: 5, complete: 0)
        elsewhere.serviceID = elm.id
        _ = try e.store.logMARCheck(elsewhere, lateEntryRule: LateEntryRule(), by: lead.actor, at: EvidenceStore.at(4, 11, 2026, 11))
        #expect(try e.store.plan(plan.id).measures.first { $0.id == measure.id }?.results.map(\.denominator) == [4])
        #expect(try e.store.verify().problems == [])
    }

    @Test func lateReturnsAndEscalationsFeedEventMeasures() throws {
        let e = try EvidenceStore()
        let plan = try e.store.createPlan(try e.p.draft("late-mar-returns", starting: londonDay(1, 11, 2026)), activate: true,
                                          by: e.p.deputy.actor, at: EvidenceStore.at(1, 11, 2026))
        let check = try e.store.logMARCheck(e.draft(2, 11, 2026, round: .visit, charts: 20, late: 1), lateEntryRule: LateEntryRule(),
                                            by: e.p.leader.actor, at: EvidenceStore.at(2, 11, 2026, 21))
        _ = try e.store.raiseEscalation(e.escalationDraft(.lateMARReturn, .moderate, occurred: EvidenceStore.at(2, 11, 2026, 21),
                                                          links: EscalationLinks(marCheckID: check.id),
                                                          sources: [.lateReturn(checkID: check.id)]),
                                        workingDays: .weekendsOnly, by: e.p.leader.actor, at: EvidenceStore.at(3, 11, 2026, 9))
        let loaded = try e.store.plan(plan.id)
        let onTime = try #require(loaded.measures.first { $0.definition.source == .chartsReturnedOnTime })
        #expect(onTime.results.map(\.numerator) == [19])
        let escalated = try #require(loaded.measures.first { $0.definition.source == .lateReturnsEscalated })
        #expect(escalated.events.map(\.handled) == [EvidenceStore.at(3, 11, 2026, 9)])
    }
}

@Suite struct EvidenceTrustTests {
    @Test func verifyPassesAndNamesATamperedCheckAndEvidenceTablesRefuseDelete() throws {
        let e = try EvidenceStore()
        let now = EvidenceStore.at(3, 11, 2026, 11)
        let check = try e.store.logMARCheck(e.draft(3, 11, 2026, findings: [MARFinding(type: .unexplainedGap, personReference: "JS")]),
                                            lateEntryRule: LateEntryRule(), by: e.p.leader.actor, at: now)
        try e.store.amendMARCheck(check.id, to: e.draft(3, 11, 2026, charts: 13), reason: "Recount", by: e.p.leader.actor, at: now)
        _ = try e.store.recordObservation(ObservationDraft(staffID: e.worker.id, occurredAt: now, kind: .medicinesRound,
                                                           checklist: [.hygiene: .met], outcome: .competent, followUp: .none),
                                          by: e.p.supervisor.actor, at: now)
        let escalation = try e.store.raiseEscalation(e.escalationDraft(.omission, .high, occurred: now), workingDays: .weekendsOnly,
                                                     by: e.worker.actor, at: now)
        _ = try e.store.advanceEscalation(escalation.id, to: .acknowledged, note: "Seen", by: e.p.leader.actor, at: now)
        try e.store.setEscalationPolicy(.standard, by: e.admin.actor, at: now)
        #expect(try e.store.verify().problems == [])

        for table in AuditedTable.evidence {
            do {
                try e.p.setUp.raw("DELETE FROM \(table.rawValue)")
                Issue.record("DELETE on \(table.rawValue) was allowed")
            } catch let error as DatabaseError {
                #expect(error.message == "Records are never deleted from a RecoveryDesk store; deactivate or retire them instead")
            }
        }
        try e.p.setUp.raw("UPDATE mar_check SET charts_checked = 40 WHERE id = \(check.id)")
        // The record is named first; the summary counted from it no longer agrees either.
        let problems = try e.store.verify().problems
        #expect(problems.first == "mar_check row \(check.id) differs from its last audited state (charts_checked)")
        #expect(problems.dropFirst().allSatisfy { $0.hasPrefix("summary of MAR checks for service \(e.serviceID)") }, "\(problems)")
        #expect(problems.count == 2)
    }

    @Test func theStoreIsVersionSeven() throws {
        #expect(StoreFormat.version == 7, "5 evidence chain, 6 summaries, 7 list indexes")
        let e = try EvidenceStore()
        let version = try e.store.pool.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        #expect(version == 7)
    }
}
