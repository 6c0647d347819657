import Foundation
import GRDB
import RecoveryModel

/// Daily evidence: MAR chart checks (team leaders and above), observations (supervisors and
/// above), escalations (raised by anyone, handled by team leaders and above) and the escalation
/// policy (administrators). Every write goes through `WritePath`; nothing is edited in place
/// without an audited reason, and nothing is deleted.
extension SQLiteRecoveryStore {
    // MARK: MAR chart checks

    public func logMARCheck(_ draft: MARCheckDraft, lateEntryRule: LateEntryRule, recheck: Bool = false, by actor: Actor,
                            at now: Date) throws(StoreError) -> MARCheck {
        let id = try WritePath.write(pool, by: actor, needing: .logMARCheck, at: now) { writer in
            let db = writer.db
            var draft = Self.cleaned(draft)
            for index in draft.findings.indices { draft.findings[index].number = index + 1 }
            try Self.refuse(draft.problems)
            try Self.checkService(db, draft.serviceID)
            try writer.requireScope(of: draft.serviceID) { "log a check for \($0)" }
            try Self.checkFindingStaff(db, draft)
            if LondonDay(draft.date) > LondonDay(now) {
                throw StoreError.invalid("A MAR check cannot be for a day that has not come yet.")
            }
            let late = lateEntryRule.isLate(date: draft.date, round: draft.round, enteredAt: now)
            if late && draft.lateEntryReason == nil {
                throw StoreError.invalid(EvidenceDerivations.lateEntryRefusal(lateEntryRule))
            }
            if !recheck, let earlier = try Row.fetchOne(db, sql: """
                SELECT c.checked_by, c.logged_at, s.name FROM mar_check c JOIN service s ON s.id = c.service_id
                WHERE c.service_id = ? AND c.round_date = ? AND c.round = ? ORDER BY c.id LIMIT 1
                """, arguments: [draft.serviceID, Timestamp.text(LondonDay(draft.date).start), draft.round.rawValue]) {
                let at = try PlanRows.date(earlier, "logged_at", table: "mar_check")
                throw StoreError.conflict(EvidenceDerivations.recheckQuestion(
                    draft, serviceName: earlier["name"], checkedBy: earlier["checked_by"], loggedAt: at))
            }
            var columns = EvidenceRows.checkColumns(draft)
            columns["late_entry"] = late
            columns["late_entry_hours"] = lateEntryRule.hours
            columns["version"] = 1
            columns["checked_by_id"] = writer.stamp.actorID
            columns["checked_by"] = writer.stamp.actorName
            columns["logged_at"] = Timestamp.text(now)
            let checkID = try writer.insert(into: .marCheck, columns, occurredAt: EvidenceDerivations.roundMoment(draft),
                                            reason: late ? draft.lateEntryReason : nil)
            for finding in draft.findings {
                try writer.insert(into: .marFinding, EvidenceRows.findingColumns(checkID: checkID, version: 1,
                                                                                 position: finding.number ?? 1, finding))
            }
            try SummaryKeeper.refreshCheckDay(db, serviceID: draft.serviceID, day: LondonDay(draft.date))
            try SummaryKeeper.refreshLateReturns(db, checkIDs: [checkID])
            try SummaryKeeper.markStale(db, fedBy: draft.serviceID)
            return checkID
        }
        return try read { db in try EvidenceRows.check(db, id) }
    }

    public func marCheck(_ checkID: Int64) throws(StoreError) -> MARCheck {
        try read { db in try EvidenceRows.check(db, checkID) }
    }

    public func marChecks(serviceID: Int64?, from: Date, to: Date) throws(StoreError) -> [MARCheck] {
        let first = Timestamp.text(LondonDay(from).start)
        let last = Timestamp.text(LondonDay(to).start)
        return try read { db in
            if let serviceID {
                return try EvidenceRows.checks(db, where: "service_id = ? AND round_date >= ? AND round_date <= ?",
                                               arguments: [serviceID, first, last])
            }
            return try EvidenceRows.checks(db, where: "round_date >= ? AND round_date <= ?", arguments: [first, last])
        }
    }

    @discardableResult
    public func amendMARCheck(_ checkID: Int64, to draft: MARCheckDraft, reason: String, by actor: Actor,
                              at now: Date) throws(StoreError) -> MARCheck {
        try WritePath.write(pool, by: actor, needing: .logMARCheck, at: now) { writer in
            let db = writer.db
            let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            if reason.isEmpty {
                throw StoreError.invalid("Give a reason for the amendment: a MAR check is only corrected with a reason, and the original stays beside it.")
            }
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM mar_check WHERE id = ?", arguments: [checkID]) else {
                throw StoreError.notFound("There is no MAR check with id \(checkID).")
            }
            let current = try EvidenceRows.check(db, checkID)
            try writer.requireScope(of: current.draft.serviceID) { "correct a check for \($0)" }
            var draft = Self.cleaned(draft)
            try Self.refuse(draft.problems)
            if draft.serviceID != current.draft.serviceID {
                try Self.checkService(db, draft.serviceID)
                try writer.requireScope(of: draft.serviceID) { "move a check to \($0)" }
            }
            try Self.checkFindingStaff(db, draft)
            let loggedAt = try PlanRows.date(row, "logged_at", table: "mar_check")
            if LondonDay(draft.date) > LondonDay(loggedAt) {
                throw StoreError.invalid("A MAR check cannot be for a day after it was logged.")
            }
            // Late or not is judged against when the check was first logged, under the rule then in force.
            let rule = LateEntryRule(hours: row["late_entry_hours"])
            let late = rule.isLate(date: draft.date, round: draft.round, enteredAt: loggedAt)
            if late && draft.lateEntryReason == nil { draft.lateEntryReason = current.draft.lateEntryReason }
            if late && draft.lateEntryReason == nil {
                throw StoreError.invalid(EvidenceDerivations.lateEntryRefusal(rule))
            }
            // Findings carried over keep their numbers (escalations name them by number); new ones
            // are numbered after every number the check has ever used.
            let used = Set(try Int.fetchAll(db, sql: "SELECT DISTINCT position FROM mar_finding WHERE check_id = ?", arguments: [checkID]))
            let current_numbers = Set(current.draft.findings.compactMap(\.number))
            var next = (used.max() ?? 0) + 1
            var taken: Set<Int> = []
            for index in draft.findings.indices {
                if let number = draft.findings[index].number {
                    guard current_numbers.contains(number), taken.insert(number).inserted else {
                        throw StoreError.invalid("Finding \(number) is not a finding of MAR check \(checkID).")
                    }
                } else {
                    draft.findings[index].number = next
                    taken.insert(next)
                    next += 1
                }
            }
            if draft == current.draft {
                throw StoreError.invalid("The amended check is the same as the one recorded; there is nothing to amend.")
            }
            let names = try Self.staffNames(db)
            let version: Int = row["version"]
            var columns = EvidenceRows.checkColumns(draft)
            columns["late_entry"] = late
            columns["version"] = version + 1
            columns["occurred_at"] = Timestamp.text(EvidenceDerivations.roundMoment(draft))
            try writer.update(.marCheck, id: checkID, set: columns, action: "amend", reason: reason)
            for findingID in try Int64.fetchAll(db, sql: "SELECT id FROM mar_finding WHERE check_id = ? AND active = 1 ORDER BY id",
                                                arguments: [checkID]) {
                try writer.update(.marFinding, id: findingID, set: ["active": false], action: "amend", reason: reason)
            }
            for finding in draft.findings {
                try writer.insert(into: .marFinding, EvidenceRows.findingColumns(checkID: checkID, version: version + 1,
                                                                                 position: finding.number ?? 1, finding),
                                  action: "amend", reason: reason)
            }
            try writer.insert(into: .marCheckAmendment, [
                "check_id": checkID, "replaced_version": version, "reason": reason,
                "previous": EvidenceDerivations.words(current.draft, staffNames: names),
                "previous_state": try EvidenceRows.json(current.draft),
            ], action: "amend", reason: reason)
            try SummaryKeeper.refreshCheckDay(db, serviceID: current.draft.serviceID, day: LondonDay(current.draft.date))
            try SummaryKeeper.refreshCheckDay(db, serviceID: draft.serviceID, day: LondonDay(draft.date))
            try SummaryKeeper.refreshLateReturns(db, checkIDs: [checkID])
            try SummaryKeeper.markStale(db, fedBy: current.draft.serviceID)
            if draft.serviceID != current.draft.serviceID {
                try SummaryKeeper.markStale(db, fedBy: draft.serviceID)
            }
            return try EvidenceRows.check(db, checkID)
        }
    }

    // MARK: Observations and competency

    public func recordObservation(_ draft: ObservationDraft, by actor: Actor, at now: Date) throws(StoreError) -> Observation {
        let id = try WritePath.write(pool, by: actor, needing: .recordObservation, at: now) { writer in
            let db = writer.db
            var draft = draft
            draft.note = draft.note.trimmingCharacters(in: .whitespacesAndNewlines)
            if draft.followUp != .reassess { draft.reassessBy = nil }
            try Self.refuse(draft.problems)
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staff WHERE id = ?)", arguments: [draft.staffID]) == true else {
                throw StoreError.notFound("There is no member of staff with id \(draft.staffID).")
            }
            try writer.requireScope(ofStaff: draft.staffID) { "record an observation of \($0)" }
            if draft.occurredAt > now.addingTimeInterval(300) {
                throw StoreError.invalid("An observation cannot be recorded as made in the future.")
            }
            if let reassess = draft.reassessBy, LondonDay(reassess) <= LondonDay(draft.occurredAt) {
                throw StoreError.invalid("The date to reassess by must be after the observation.")
            }
            return try writer.insert(into: .observation, EvidenceRows.observationColumns(draft), occurredAt: draft.occurredAt)
        }
        return try read { db in
            guard let found = try EvidenceRows.observations(db, where: "id = ?", arguments: [id]).first else {
                throw StoreError.storage("The observation vanished while it was being written.")
            }
            return found
        }
    }

    public func observations(staffID: Int64?) throws(StoreError) -> [Observation] {
        try read { db in
            if let staffID { return try EvidenceRows.observations(db, where: "staff_id = ?", arguments: [staffID]) }
            return try EvidenceRows.observations(db)
        }
    }

    public func competency(of staffID: Int64, at now: Date) throws(StoreError) -> CompetencyStatus {
        try read { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staff WHERE id = ?)", arguments: [staffID]) == true else {
                throw StoreError.notFound("There is no member of staff with id \(staffID).")
            }
            return CompetencyRules.status(observations: try EvidenceRows.observations(db, where: "staff_id = ?", arguments: [staffID]),
                                          at: now)
        }
    }

    // MARK: Escalations

    public func raiseEscalation(_ draft: EscalationDraft, workingDays: WorkingDays, by actor: Actor,
                                at now: Date) throws(StoreError) -> Escalation {
        let id = try WritePath.write(pool, by: actor, needing: .raiseEscalation, at: now) { writer in
            let db = writer.db
            try Self.checkService(db, draft.serviceID)
            try writer.requireScope(of: draft.serviceID) { "raise an escalation for \($0)" }
            if PlanRules.blank(draft.whatHappened) {
                throw StoreError.invalid("Say what happened: an escalation needs a description.")
            }
            if draft.occurredAt > now.addingTimeInterval(300) {
                throw StoreError.invalid("An escalation cannot be about something that has not happened yet.")
            }
            try Self.checkLinks(db, draft.links)
            let sources = try Self.checkedSources(db, draft)
            let policy = try EvidenceRows.policy(db)
            let dueBy = policy.dueBy(category: draft.category, severity: draft.severity, raisedAt: now, workingDays: workingDays)
            var columns = EvidenceRows.escalationColumns(draft)
            columns["raised_by_id"] = writer.stamp.actorID
            columns["raised_by"] = writer.stamp.actorName
            columns["raised_at"] = Timestamp.text(now)
            columns["due_by"] = Timestamp.text(dueBy)
            columns["working_days_allowed"] = policy.workingDays(category: draft.category, severity: draft.severity)
            columns["status"] = EscalationStatus.open.rawValue
            let escalationID = try writer.insert(into: .escalation, columns, occurredAt: draft.occurredAt)
            for source in sources {
                try writer.insert(into: .escalationSource, EvidenceRows.sourceColumns(escalationID: escalationID, source),
                                  action: "link")
            }
            try SummaryKeeper.refreshLateReturns(db, checkIDs: sources.compactMap(\.checkID))
            try SummaryKeeper.markStale(db, fedBy: draft.serviceID)
            return escalationID
        }
        return try read { db in try EvidenceRows.escalation(db, id) }
    }

    public func escalationsAwaiting(serviceID: Int64, at now: Date, workingDays: WorkingDays) throws(StoreError) -> [EscalationDue] {
        let since = LondonDay(now).adding(days: -EvidenceDerivations.aboutListDays).start
        return try read { db in
            let checks = try EvidenceRows.checks(db, where: "service_id = ? AND round_date >= ?",
                                                 arguments: [serviceID, Timestamp.text(since)])
            var due = checks.flatMap(EscalationDue.of)
            // Step entries that found a problem, with just what their words need (not whole plans).
            for row in try Row.fetchAll(db, sql: """
                SELECT e.id, e.note, e.occurred_at, p.title, s.position FROM plan_step_entry e
                JOIN plan p ON p.id = e.plan_id JOIN plan_step s ON s.id = e.step_id
                WHERE p.service_id = ? AND e.outcome = 'problem-found' AND e.occurred_at >= ?
                """, arguments: [serviceID, Timestamp.text(since)]) {
                due.append(EscalationDue.stepProblem(entryID: row["id"], note: row["note"],
                                                     occurredAt: try PlanRows.date(row, "occurred_at", table: "plan_step_entry"),
                                                     serviceID: serviceID, planTitle: row["title"], stepPosition: row["position"]))
            }
            let answered = Set(try EvidenceRows.escalations(db, answeringChecks: checks.map(\.id),
                                                            stepEntries: due.compactMap {
                                                                if case .stepEntry(let id) = $0.source { return id } else { return nil }
                                                            }).flatMap(\.draft.sources))
            return due.filter { !answered.contains($0.source) }
                .sorted { ($0.occurred, $0.source) > ($1.occurred, $1.source) }
        }
    }

    public func escalationsAnswering(checkIDs: [Int64], stepEntryIDs: [Int64]) throws(StoreError) -> [Escalation] {
        try read { db in try EvidenceRows.escalations(db, answeringChecks: checkIDs, stepEntries: stepEntryIDs) }
    }

    public func escalations(openOnly: Bool, serviceID: Int64?, at now: Date) throws(StoreError) -> [Escalation] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if openOnly { conditions.append("status <> 'resolved'") }
        if let serviceID {
            conditions.append("service_id = ?")
            arguments += [serviceID]
        }
        let condition = conditions.isEmpty ? nil : conditions.joined(separator: " AND ")
        let list = try read { db in try EvidenceRows.escalations(db, where: condition, arguments: arguments) }
        return Self.ordered(list, at: now)
    }

    /// Overdue first, then newest raised first (then highest id).
    static func ordered(_ list: [Escalation], at now: Date) -> [Escalation] {
        list.sorted { a, b in
            let (overdueA, overdueB) = (a.isOverdue(at: now), b.isOverdue(at: now))
            if overdueA != overdueB { return overdueA }
            if a.raisedAt != b.raisedAt { return a.raisedAt > b.raisedAt }
            return a.id > b.id
        }
    }

    public func advanceEscalation(_ escalationID: Int64, to status: EscalationStatus, note: String, by actor: Actor,
                                  at now: Date) throws(StoreError) -> Escalation {
        try WritePath.write(pool, by: actor, needing: .handleEscalation, at: now) { writer in
            let db = writer.db
            let current = try EvidenceRows.escalation(db, escalationID)
            try writer.requireScope(of: current.draft.serviceID) { "handle an escalation for \($0)" }
            if let refusal = Self.moveRefusal(from: current.status, to: status) { throw StoreError.invalid(refusal) }
            let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
            let stamp = Timestamp.text(now)
            let name = writer.stamp.actorName
            var columns: EvidenceRows.Columns = ["status": status.rawValue]
            let action: String
            switch status {
            case .open:
                throw StoreError.invalid("An escalation cannot be moved back to open.")
            case .acknowledged:
                columns["acknowledged_at"] = stamp
                columns["acknowledged_by"] = name
                action = "acknowledge"
            case .responded:
                if note.isEmpty { throw StoreError.invalid("Write the response: what was done or decided.") }
                columns["responded_at"] = stamp
                columns["responded_by"] = name
                columns["response"] = note
                action = "respond"
            case .resolved:
                if note.isEmpty { throw StoreError.invalid("Write the outcome: how the escalation was resolved.") }
                columns["resolved_at"] = stamp
                columns["resolved_by"] = name
                columns["outcome"] = note
                columns["handled_in_time"] = now <= current.dueBy
                action = "resolve"
            }
            try writer.update(.escalation, id: escalationID, set: columns, action: action, reason: note.isEmpty ? nil : note)
            try SummaryKeeper.markStale(db, fedBy: current.draft.serviceID)
            return try EvidenceRows.escalation(db, escalationID)
        }
    }

    /// Escalations move one step at a time: open → acknowledged → responded → resolved.
    static func moveRefusal(from: EscalationStatus, to: EscalationStatus) -> String? {
        let order: [EscalationStatus] = [.open, .acknowledged, .responded, .resolved]
        guard let fromIndex = order.firstIndex(of: from), let toIndex = order.firstIndex(of: to) else { return nil }
        if from == .resolved { return "This escalation is resolved; nothing more is recorded against it." }
        if toIndex == fromIndex + 1 { return nil }
        if toIndex <= fromIndex {
            return "This escalation is already \(from.title.lowercased()); it can only move on to \(order[fromIndex + 1].title.lowercased())."
        }
        let next = order[fromIndex + 1]
        let verb: String
        switch next {
        case .acknowledged: verb = "acknowledge it"
        case .responded: verb = "record the response"
        default: verb = "move it on"
        }
        return "This escalation is \(from.title.lowercased()); \(verb) before it is \(to.title.lowercased())."
    }

    public func escalationPolicy() throws(StoreError) -> EscalationPolicy {
        try read { db in try EvidenceRows.policy(db) }
    }

    public func setEscalationPolicy(_ policy: EscalationPolicy, by actor: Actor, at now: Date) throws(StoreError) {
        try WritePath.write(pool, by: actor, needing: .manageReferenceData, at: now) { writer in
            let values = Array(policy.byCategory.values) + Array(policy.bySeverity.values)
            if values.contains(where: { !(0...30).contains($0) }) {
                throw StoreError.invalid("Working days allowed must be from 0 (the same working day) to 30.")
            }
            let text = try EvidenceRows.policyJSON(policy)
            if let id = try Int64.fetchOne(writer.db, sql: "SELECT id FROM setting WHERE key = ?",
                                           arguments: [EvidenceSettings.escalationPolicy]) {
                try writer.update(.setting, id: id, set: ["value": text], action: "change")
            } else {
                try writer.insert(into: .setting, ["key": EvidenceSettings.escalationPolicy, "value": text], action: "change")
            }
        }
    }

    // MARK: Helpers

    /// Trims text and sets the round's day to the start of its London day; an empty reason is none.
    static func cleaned(_ draft: MARCheckDraft) -> MARCheckDraft {
        var draft = draft
        draft.date = LondonDay(draft.date).start
        let reason = draft.lateEntryReason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        draft.lateEntryReason = reason.isEmpty ? nil : reason
        draft.findings = draft.findings.map {
            var finding = $0
            finding.personReference = finding.personReference.trimmingCharacters(in: .whitespacesAndNewlines)
            finding.note = finding.note.trimmingCharacters(in: .whitespacesAndNewlines)
            finding.actionTaken = finding.actionTaken.trimmingCharacters(in: .whitespacesAndNewlines)
            return finding
        }
        return draft
    }

    static func refuse(_ problems: [String]) throws {
        if !problems.isEmpty { throw StoreError.invalid(problems.joined(separator: " ")) }
    }

    static func checkService(_ db: Database, _ serviceID: Int64) throws {
        guard try Bool.fetchOne(db, sql: "SELECT active FROM service WHERE id = ?", arguments: [serviceID]) == true else {
            throw StoreError.notFound("There is no active service with id \(serviceID).")
        }
    }

    static func checkFindingStaff(_ db: Database, _ draft: MARCheckDraft) throws {
        for staffID in Set(draft.findings.compactMap(\.staffID)) {
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staff WHERE id = ?)", arguments: [staffID]) == true else {
                throw StoreError.notFound("A finding names a member of staff with id \(staffID), who is not in the store.")
            }
        }
    }

    static func checkLinks(_ db: Database, _ links: EscalationLinks) throws {
        func exists(_ table: String, _ id: Int64) throws -> Bool {
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)", arguments: [id]) == true
        }
        if let planID = links.planID, !(try exists("plan", planID)) {
            throw StoreError.notFound("There is no plan with id \(planID).")
        }
        if let stepID = links.stepID {
            guard let planID = try Int64.fetchOne(db, sql: "SELECT plan_id FROM plan_step WHERE id = ?", arguments: [stepID]),
                  links.planID == nil || links.planID == planID else {
                throw StoreError.notFound("There is no plan step with id \(stepID)\(links.planID.map { " in plan \($0)" } ?? "").")
            }
        }
        if let checkID = links.marCheckID, !(try exists("mar_check", checkID)) {
            throw StoreError.notFound("There is no MAR check with id \(checkID).")
        }
        if let observationID = links.observationID, !(try exists("observation", observationID)) {
            throw StoreError.notFound("There is no observation with id \(observationID).")
        }
        if let staffID = links.staffID, !(try exists("staff", staffID)) {
            throw StoreError.notFound("There is no member of staff with id \(staffID).")
        }
    }

    /// The sources of an escalation, checked: each names a record that exists, belongs to the
    /// escalation's service, and calls for escalating (a finding that needs it, a check with
    /// charts returned late, a step entry that found a problem). Duplicates are dropped.
    static func checkedSources(_ db: Database, _ draft: EscalationDraft) throws -> [EscalationSource] {
        var seen: Set<EscalationSource> = []
        var sources: [EscalationSource] = []
        for source in draft.sources where seen.insert(source).inserted {
            switch source {
            case .finding(let checkID, _), .lateReturn(let checkID):
                let check = try EvidenceRows.check(db, checkID)
                guard check.draft.serviceID == draft.serviceID else {
                    throw StoreError.invalid("MAR check \(checkID) is from another service; an escalation answers records of its own service.")
                }
                guard EscalationDue.of(check).contains(where: { $0.source == source }) else {
                    throw StoreError.invalid("\(source.reference) does not call for an escalation (or is no longer part of the check).")
                }
            case .stepEntry(let entryID):
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT e.outcome, p.service_id FROM plan_step_entry e JOIN plan p ON p.id = e.plan_id WHERE e.id = ?
                    """, arguments: [entryID]) else {
                    throw StoreError.notFound("There is no plan step entry with id \(entryID).")
                }
                guard (row["outcome"] as String) == StepOutcome.problemFound.rawValue else {
                    throw StoreError.invalid("Plan step entry \(entryID) found no problem, so there is nothing to escalate.")
                }
                if let serviceID: Int64 = row["service_id"], serviceID != draft.serviceID {
                    throw StoreError.invalid("Plan step entry \(entryID) is from another service's plan.")
                }
            case .observation(let observationID):
                guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM observation WHERE id = ?)", arguments: [observationID]) == true else {
                    throw StoreError.notFound("There is no observation with id \(observationID).")
                }
            }
            sources.append(source)
        }
        return sources
    }

    static func staffNames(_ db: Database) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM staff") { names[row["id"]] = row["name"] }
        return names
    }
}
