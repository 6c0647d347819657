import Foundation
import GRDB
import RecoveryModel
@testable import RecoveryStore
import Testing

/// A store with two services and MAR checks over ten days in November 2026: four rounds a day at
/// Oak House and two at Ash Lodge, some rounds checked twice, so many checks share a round's end
/// (the list's sort key) and only the id tells them apart.
struct PagedEvidence {
    let e: EvidenceStore
    let ash: Service
    /// A team leader at both services.
    let checker: StaffMember
    var store: SQLiteRecoveryStore { e.store }
    var oak: Int64 { e.serviceID }

    init(days: ClosedRange<Int> = 19...28) throws {
        e = try EvidenceStore()
        let admin = e.admin
        ash = try e.store.addService(name: "Ashdówn Lodge", kind: .nursing, registeredManager: nil, by: admin.actor,
                                     at: SetUpStore.start)
        checker = try e.store.addStaff(name: "Tess Both", role: .teamLeader, serviceIDs: [e.serviceID, ash.id], pin: nil,
                                       by: admin.actor, at: SetUpStore.start)
        for day in days {
            for round in MARRound.careHomeRounds {
                try log(day: day, round: round, service: oak)
                if round == .morning || round == .night { try log(day: day, round: round, service: ash.id) }
                if day % 3 == 0 && round == .lunchtime { try log(day: day, round: round, service: oak, recheck: true) }
            }
        }
    }

    /// Logs a check an hour after its round ended.
    @discardableResult
    func log(day: Int, round: MARRound, service: Int64, recheck: Bool = false, charts: Int = 10) throws -> MARCheck {
        let date = londonDay(day, 11, 2026)
        let draft = MARCheckDraft(serviceID: service, date: date, round: round, chartsChecked: charts, refusalsSeen: 0,
                                  refusalsComplete: 0, chartsReturnedLate: 0, findings: [], lateEntryReason: nil)
        let now = LateEntryRule.roundEnd(date: date, round: round).addingTimeInterval(3600)
        return try store.logMARCheck(draft, lateEntryRule: LateEntryRule(), recheck: recheck, by: checker.actor, at: now)
    }

    /// Every check, in the list's order, as the whole-list read gives it.
    func allChecks(_ serviceID: Int64? = nil) throws -> [Int64] {
        try store.marChecks(serviceID: serviceID, from: londonDay(1, 1, 2020), to: londonDay(31, 12, 2030)).map(\.id)
    }
}

/// Walks a list from its first page to its last, `size` rows at a time; returns every id met
/// and checks each page's flags on the way.
func walkForward<Row>(size: Int, _ read: (PageRequest) throws -> RecordPage<Row>, id: (Row) -> Int64) throws -> [Int64] {
    var ids: [Int64] = []
    var page = try read(.first(size))
    #expect(!page.hasBefore)
    while true {
        #expect(page.rows.count <= size)
        ids += page.rows.map(id)
        #expect(page.cursors.map(\.id) == page.rows.map(id))
        guard let after = page.after else { break }
        #expect(page.rows.count == size, "a page with more after it is full")
        page = try read(PageRequest(.after(after), limit: size))
        #expect(page.hasBefore)
    }
    return ids
}

/// Walks a list from its last page to its first; returns the ids in list order.
func walkBackward<Row>(size: Int, _ read: (PageRequest) throws -> RecordPage<Row>, id: (Row) -> Int64) throws -> [Int64] {
    var pages: [[Int64]] = []
    var page = try read(.last(size))
    #expect(!page.hasAfter)
    while true {
        pages.append(page.rows.map(id))
        guard let before = page.before else { break }
        #expect(page.rows.count == size, "a page with more before it is full")
        page = try read(PageRequest(.before(before), limit: size))
        #expect(page.hasAfter)
    }
    return pages.reversed().flatMap { $0 }
}

@Suite struct MARCheckPageTests {
    @Test func everyCheckOnceInOrderForwardsAndBackwardsWhateverThePageSize() throws {
        let p = try PagedEvidence()
        let all = try p.allChecks()
        #expect(all.count == 63)
        // Newest round first: the first check is the last night round, the last the first morning.
        let first = try p.store.marCheck(all[0])
        #expect(LondonDay(first.draft.date) == LondonDay(year: 2026, month: 11, day: 28) && first.draft.round == .night)
        for size in [1, 2, 7, 20, 63, 100] {
            let read = { (page: PageRequest) throws -> RecordPage<MARCheck> in try p.store.marCheckPage(MARCheckQuery(), page) }
            #expect(try walkForward(size: size, read, id: \.id) == all, "forwards, \(size) a page")
            #expect(try walkBackward(size: size, read, id: \.id) == all, "backwards, \(size) a page")
        }
        // One service's checks.
        let ash = try p.allChecks(p.ash.id)
        #expect(ash.count == 20)
        #expect(try walkForward(size: 3, { try p.store.marCheckPage(MARCheckQuery(serviceID: p.ash.id), $0) }, id: \.id) == ash)
    }

    @Test func checksAddedBetweenPagesAreNeitherRepeatedNorLost() throws {
        let p = try PagedEvidence()
        let size = 6
        var page = try p.store.marCheckPage(MARCheckQuery(), .first(size))
        var seen = page.rows.map(\.id)
        let cursor = try #require(page.after)
        // A check that sorts before the cursor (a newer round) and ones that sort after it: an
        // older day, and a re-check of the round the cursor's check is on (same round end, higher id).
        let newer = try p.log(day: 29, round: .morning, service: p.oak)
        let older = try p.log(day: 18, round: .teatime, service: p.ash.id)
        let atCursor = try p.store.marCheck(cursor.id)
        let tie = try p.log(day: LondonDay(atCursor.draft.date).day, round: atCursor.draft.round, service: p.oak, recheck: true)
        page = try p.store.marCheckPage(MARCheckQuery(), PageRequest(.after(cursor), limit: size))
        seen += page.rows.map(\.id)
        while let after = page.after {
            page = try p.store.marCheckPage(MARCheckQuery(), PageRequest(.after(after), limit: size))
            seen += page.rows.map(\.id)
        }
        let all = try p.allChecks()
        #expect(Set(seen).count == seen.count, "no check twice")
        #expect(!seen.contains(newer.id), "a check before the cursor is not on the later pages")
        #expect(seen.contains(older.id))
        // The tie sorts before the cursor's check (the higher id first), so it is not met either.
        let cursorIndex = try #require(all.firstIndex(of: cursor.id))
        #expect(all.firstIndex(of: tie.id)! < cursorIndex)
        #expect(seen == Array(all.filter { $0 != newer.id && $0 != tie.id }), "every other check once, in order")

        // Backwards the same: from the last page, with checks added on either side of the cursor.
        var back = try p.store.marCheckPage(MARCheckQuery(), .last(size))
        var pages = [back.rows.map(\.id)]
        let backCursor = try #require(back.before)
        let oldest = try p.log(day: 17, round: .morning, service: p.oak)
        let newest = try p.log(day: 29, round: .night, service: p.ash.id)
        back = try p.store.marCheckPage(MARCheckQuery(), PageRequest(.before(backCursor), limit: size))
        pages.append(back.rows.map(\.id))
        while let before = back.before {
            back = try p.store.marCheckPage(MARCheckQuery(), PageRequest(.before(before), limit: size))
            pages.append(back.rows.map(\.id))
        }
        let walked = pages.reversed().flatMap { $0 }
        let now = try p.allChecks()
        #expect(walked.contains(newest.id))
        #expect(!walked.contains(oldest.id), "a check after the cursor is not on the earlier pages")
        #expect(walked == now.filter { $0 != oldest.id })
    }

    @Test func aPageIsReadAgainFromItsFirstRow() throws {
        let p = try PagedEvidence()
        let all = try p.allChecks()
        let second = try p.store.marCheckPage(MARCheckQuery(), PageRequest(.after(PageCursor(key: "", id: 0)), limit: 1))
        #expect(second.rows.isEmpty && second.hasBefore && !second.hasAfter, "nothing sorts after an empty key")
        let page = try p.store.marCheckPage(MARCheckQuery(), .first(10))
        let again = try p.store.marCheckPage(MARCheckQuery(), PageRequest(.from(page.cursors[3]), limit: 5))
        #expect(again.rows.map(\.id) == Array(all[3..<8]))
        #expect(again.hasBefore && again.hasAfter)
        let end = try p.store.marCheckPage(MARCheckQuery(), PageRequest(.after(page.cursors[0]), limit: 200))
        #expect(end.rows.map(\.id) == Array(all.dropFirst()))
        #expect(end.hasBefore && !end.hasAfter)
    }

    @Test func theDaysAndWhoCheckedAreFiltersInTheStore() throws {
        let p = try PagedEvidence()
        let week = MARCheckQuery(from: londonDay(22, 11, 2026), to: EvidenceStore.at(25, 11, 2026, 23))
        let inWeek = try p.store.marChecks(serviceID: nil, from: londonDay(22, 11, 2026), to: londonDay(25, 11, 2026)).map(\.id)
        #expect(inWeek.count == 4 * 6 + 1)
        #expect(try walkForward(size: 4, { try p.store.marCheckPage(week, $0) }, id: \.id) == inWeek)
        #expect(try walkBackward(size: 5, { try p.store.marCheckPage(week, $0) }, id: \.id) == inWeek)
        let tina = MARCheckQuery(checkedByID: p.e.p.leader.id)
        #expect(try p.store.marCheckPage(tina, .first(10)).rows.isEmpty)
        let tess = try p.store.marCheckPage(MARCheckQuery(checkedByID: p.checker.id), .first(200))
        #expect(tess.rows.count == 63)
    }

    @Test func searchFindsTheDateRoundServiceAndNotesIgnoringCaseAndAccents() throws {
        let p = try PagedEvidence()
        let all = try (p.allChecks()).map { try p.store.marCheck($0) }
        func found(_ search: String) throws -> [Int64] {
            try walkForward(size: 4, { try p.store.marCheckPage(MARCheckQuery(search: search), $0) }, id: \.id)
        }
        #expect(try found("ashdown lodge") == all.filter { $0.draft.serviceID == p.ash.id }.map(\.id))
        #expect(try found("ASHDÓWN") == all.filter { $0.draft.serviceID == p.ash.id }.map(\.id))
        #expect(try found("lunch") == all.filter { $0.draft.round == .lunchtime }.map(\.id))
        #expect(try found("21/11") == all.filter { LondonDay($0.draft.date) == LondonDay(year: 2026, month: 11, day: 21) }.map(\.id))
        #expect(try found("  28/11/2026 ") == all.filter { LondonDay($0.draft.date).day == 28 }.map(\.id))
        #expect(try found("zzz").isEmpty)
        // % and _ are only characters: nothing on a check's row contains them.
        #expect(try found("%").isEmpty)
        #expect(try found("_").isEmpty)
        #expect(try found("2_/11").isEmpty)
        // Notes: a corrected check, found by its note (and the blank search finds everything).
        let corrected = try p.store.amendMARCheck(all[5].id, to: { var d = all[5].draft; d.chartsChecked = 3; return d }(),
                                                  reason: "Miscounted", by: p.checker.actor, at: EvidenceStore.at(29, 11, 2026))
        #expect(try found("corrected") == [corrected.id])
        #expect(try found("late entry").isEmpty)
        #expect(try found("   ").count == all.count)
        // A search and a filter together.
        let both = MARCheckQuery(serviceID: p.oak, search: "night")
        #expect(try walkForward(size: 3, { try p.store.marCheckPage(both, $0) }, id: \.id)
                == all.filter { $0.draft.serviceID == p.oak && $0.draft.round == .night }.map(\.id))
    }

    @Test func londonTimeInSQLIsTheScreensTime() throws {
        let p = try PagedEvidence(days: 19...19)
        // Moments either side of the clocks changing in 2026 and 2027, and ordinary ones.
        var moments: [Date] = []
        for (day, month, year) in [(29, 3, 2026), (25, 10, 2026), (28, 3, 2027), (31, 10, 2027), (1, 1, 2027), (1, 7, 2027)] {
            let midnight = try #require(LondonDay(year: year, month: month, day: day)).start
            for minutes in stride(from: -90, through: 36 * 60, by: 15) { moments.append(midnight.addingTimeInterval(Double(minutes) * 60)) }
        }
        moments.append(Date(timeIntervalSince1970: 1_795_253_400.5))
        try p.store.pool.read { db in
            for moment in moments {
                let text = Timestamp.text(moment)
                let sql = "SELECT " + ListSearchSQL.ukDate("'\(text)'", time: true)
                let shown = try String.fetchOne(db, sql: sql)
                #expect(shown == "\(UKDateFormat.date(moment)) \(UKDateFormat.time(moment))", "\(text)")
            }
        }
    }
}

@Suite struct EscalationPageTests {
    /// Escalations raised over a fortnight: some resolved, some still open past their deadline.
    struct Scene {
        let e: EvidenceStore
        let now: Date
        var ids: [Int64] = []

        init() throws {
            e = try EvidenceStore()
            now = EvidenceStore.at(30, 11, 2026, 15)
            let texts = ["50% of charts unsigned", "500 charts seen", "Code R_4 not in the key", "Code R4 missing",
                         "Siobhán found a gap", "Stock count out"]
            for index in 0..<18 {
                let raised = EvidenceStore.at(16 + index * 5 / 6, 11, 2026, 9 + index % 5)
                var draft = e.escalationDraft(EscalationCategory.allCases[index % EscalationCategory.allCases.count],
                                              index % 4 == 0 ? .high : .moderate, occurred: raised.addingTimeInterval(-600))
                draft.whatHappened = texts[index % texts.count]
                let escalation = try e.store.raiseEscalation(draft, workingDays: .weekendsOnly, by: e.worker.actor, at: raised)
                if index % 3 == 0 {
                    for step in [EscalationStatus.acknowledged, .responded, .resolved] {
                        _ = try e.store.advanceEscalation(escalation.id, to: step, note: "Done", by: e.p.leader.actor,
                                                          at: raised.addingTimeInterval(3600))
                    }
                }
                ids.append(escalation.id)
            }
        }

        func reference(openOnly: Bool, at moment: Date? = nil) throws -> [Int64] {
            try e.store.escalations(openOnly: openOnly, serviceID: nil, at: moment ?? now).map(\.id)
        }

        func walk(_ query: EscalationQuery, size: Int, backwards: Bool = false) throws -> [Int64] {
            let read = { (page: PageRequest) throws -> RecordPage<Escalation> in try e.store.escalationPage(query, page, at: now) }
            return backwards ? try walkBackward(size: size, read, id: \.id) : try walkForward(size: size, read, id: \.id)
        }
    }

    @Test func overdueFirstThenNewestRaisedAcrossPagesBothWays() throws {
        let s = try Scene()
        let all = try s.reference(openOnly: false)
        let open = try s.reference(openOnly: true)
        #expect(all.count == 18 && open.count == 12)
        let overdue = try s.e.store.escalations(openOnly: true, serviceID: nil, at: s.now).filter { $0.isOverdue(at: s.now) }
        #expect(overdue.count >= 2 && overdue.count < open.count, "some overdue, some not")
        for size in [1, 2, 5, 18, 40] {
            #expect(try s.walk(EscalationQuery(openOnly: false), size: size) == all, "\(size) a page")
            #expect(try s.walk(EscalationQuery(openOnly: false), size: size, backwards: true) == all, "\(size) a page")
            #expect(try s.walk(EscalationQuery(openOnly: true), size: size) == open, "\(size) a page")
            #expect(try s.walk(EscalationQuery(openOnly: true), size: size, backwards: true) == open, "\(size) a page")
        }
        #expect(try s.e.store.escalation(all[3]).id == all[3])
        #expect(storeRefusal { () throws(StoreError) in _ = try s.e.store.escalation(9999) } == .notFound("There is no escalation with id 9999."))
    }

    @Test func escalationsRaisedBetweenPagesAreMetOnceInTheirPart() throws {
        var s = try Scene()
        // A first page that ends inside the overdue part.
        let page = try s.e.store.escalationPage(EscalationQuery(openOnly: false), .first(2), at: s.now)
        let cursor = try #require(page.after)
        #expect(cursor.part == 0, "the page ends among the overdue")
        // Raised now: not overdue, newest of the rest, so after the cursor.
        let fresh = try s.e.store.raiseEscalation(s.e.escalationDraft(.omission, .low, occurred: s.now.addingTimeInterval(-60)),
                                                  workingDays: .weekendsOnly, by: s.e.worker.actor, at: s.now)
        s.ids.append(fresh.id)
        var seen = page.rows.map(\.id)
        var next = try s.e.store.escalationPage(EscalationQuery(openOnly: false), PageRequest(.after(cursor), limit: 4), at: s.now)
        seen += next.rows.map(\.id)
        while let after = next.after {
            next = try s.e.store.escalationPage(EscalationQuery(openOnly: false), PageRequest(.after(after), limit: 4), at: s.now)
            seen += next.rows.map(\.id)
        }
        #expect(seen == (try s.reference(openOnly: false)))
        #expect(seen.contains(fresh.id))
    }

    @Test func searchIsLiteralAndIgnoresCaseAndAccents() throws {
        let s = try Scene()
        let all = try s.e.store.escalations(openOnly: false, serviceID: nil, at: s.now)
        func found(_ search: String, openOnly: Bool = false) throws -> [Int64] {
            try s.walk(EscalationQuery(openOnly: openOnly, search: search), size: 3)
        }
        func expected(openOnly: Bool = false, _ keep: (Escalation) -> Bool) -> [Int64] {
            all.filter { (!openOnly || $0.status != .resolved) && keep($0) }.map(\.id)
        }
        #expect(try found("50%") == expected { $0.draft.whatHappened == "50% of charts unsigned" })
        #expect(try found("%").count == expected { $0.draft.whatHappened.contains("%") }.count)
        #expect(try found("r_4") == expected { $0.draft.whatHappened == "Code R_4 not in the key" })
        #expect(try found("_") == expected { $0.draft.whatHappened.contains("_") })
        #expect(try found("SIOBHAN") == expected { $0.draft.whatHappened.hasPrefix("Siobhán") })
        #expect(try found("Resolved") == expected { $0.status == .resolved })
        #expect(try found("potential") == expected { $0.draft.severity == .potentialHarm })
        #expect(try found("high", openOnly: true) == expected(openOnly: true) { $0.draft.severity == .high })
        let moment = all[4].dueBy
        let due = "\(UKDateFormat.date(moment)) \(UKDateFormat.time(moment))"
        #expect(try found(due) == expected { "\(UKDateFormat.date($0.dueBy)) \(UKDateFormat.time($0.dueBy))".contains(due) })
        #expect(try found("no such words").isEmpty)
    }
}

@Suite struct CompetencyPageTests {
    @Test func everyoneByNameOnceWithTheirCompetencyAndSearchByStatusAgreesWithTheRules() throws {
        let e = try EvidenceStore()
        let now = EvidenceStore.at(30, 11, 2026, 15)
        let admin = e.admin
        var people: [StaffMember] = []
        for (index, name) in ["Zoë Zed", "adam Able", "Bea Bell", "Chidi Cole", "Dana Dorn", "Émile Eng", "Fay Fox", "Gus Gray"].enumerated() {
            people.append(try e.store.addStaff(name: name, role: index % 2 == 0 ? .careWorker : .seniorCarer,
                                               serviceIDs: [e.serviceID], pin: nil, by: admin.actor, at: SetUpStore.start))
        }
        func observe(_ person: StaffMember, _ occurred: Date, _ kind: ObservationKind = .competencyAssessment,
                     _ outcome: CompetencyOutcome = .competent, _ followUp: FollowUp = .none, reassessBy: Date? = nil) throws {
            _ = try e.store.recordObservation(ObservationDraft(staffID: person.id, occurredAt: occurred, kind: kind,
                                                               checklist: [.identityChecked: .met], outcome: outcome,
                                                               followUp: followUp, reassessBy: reassessBy),
                                              by: e.p.supervisor.actor, at: now)
        }
        // Current; due soon (assessed just under a year ago); expired (a year and a day ago, to
        // the day at the edge); restricted; a reassess-by date that has passed; a spot check only
        // (never assessed); a borderline outcome (restricted); nothing at all.
        try observe(people[0], EvidenceStore.at(1, 6, 2026))
        try observe(people[1], EvidenceStore.at(20, 12, 2025))
        try observe(people[2], EvidenceStore.at(29, 11, 2025, 16))
        try observe(people[3], EvidenceStore.at(1, 10, 2026), .spotCheck, .competent, .restricted)
        try observe(people[4], EvidenceStore.at(1, 8, 2026), .competencyAssessment, .competent, .reassess,
                    reassessBy: londonDay(15, 11, 2026))
        try observe(people[5], EvidenceStore.at(1, 9, 2026), .spotCheck)
        try observe(people[6], EvidenceStore.at(1, 9, 2026), .medicinesRound, .borderline)

        let everyone = try e.store.staff(includingInactive: false)
        #expect(try walkForward(size: 3, { try e.store.competencyPage(CompetencyQuery(), $0, at: now) }, id: \.person.id)
                == everyone.map(\.id))
        #expect(try walkBackward(size: 4, { try e.store.competencyPage(CompetencyQuery(), $0, at: now) }, id: \.person.id)
                == everyone.map(\.id))
        let rows = try e.store.competencyPage(CompetencyQuery(), .first(100), at: now).rows
        for row in rows {
            #expect(row.status == (try e.store.competency(of: row.person.id, at: now)), "\(row.person.name)")
            let theirs = try e.store.observations(staffID: row.person.id)
            #expect(row.latest?.id == theirs.max { ($0.draft.occurredAt, $0.id) < ($1.draft.occurredAt, $1.id) }?.id)
        }
        let statuses = Dictionary(uniqueKeysWithValues: rows.map { ($0.person.id, $0.status) })
        #expect(Set(statuses.values.map { CompetencySQL.Kind(of: $0) }).count == 5, "every kind of status is in the scene")
        func found(_ search: String) throws -> [Int64] {
            try walkForward(size: 2, { try e.store.competencyPage(CompetencyQuery(search: search), $0, at: now) }, id: \.person.id)
        }
        for kind in CompetencySQL.Kind.allCases {
            let expected = everyone.filter { CompetencySQL.Kind(of: statuses[$0.id]!) == kind }.map(\.id)
            #expect(try found(kind.label) == expected, "\(kind.label)")
            // The label is how the screen words the status.
            for status in statuses.values where CompetencySQL.Kind(of: status) == kind { #expect(status.title.hasPrefix(kind.label)) }
        }
        #expect(try found("emile") == [people[5].id])
        #expect(try found("ADAM") == [people[1].id])
        #expect(try found("senior carer") == everyone.filter { $0.role == .seniorCarer }.map(\.id))
        #expect(try found("due") == everyone.filter { CompetencySQL.Kind(of: statuses[$0.id]!) == .dueSoon }.map(\.id))
        #expect(try found("%").isEmpty)
    }

    @Test func theFirstAssessedDayThatLastsUntilADayFollowsTheMonthRule() throws {
        // Every day of two years against every assessed day of the year before: an assessment
        // has run out before `day` exactly when it was made before the threshold.
        let start = try #require(LondonDay(year: 2027, month: 1, day: 1))
        for offset in stride(from: 0, to: 730, by: 1) {
            let day = start.adding(days: offset)
            let threshold = CompetencySQL.firstAssessedDay(runningOutOnOrAfter: day)
            for back in [-1, 0, 1, 2] {
                let assessed = threshold.adding(days: back)
                #expect((assessed.adding(months: CompetencyRules.validMonths) < day) == (assessed < threshold), "\(day) \(assessed)")
            }
        }
    }
}

extension CompetencySQL.Kind {
    init(of status: CompetencyStatus) {
        switch status {
        case .current: self = .current
        case .dueSoon: self = .dueSoon
        case .expired: self = .expired
        case .restricted: self = .restricted
        case .neverAssessed: self = .neverAssessed
        }
    }
}
