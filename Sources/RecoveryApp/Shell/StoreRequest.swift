import Foundation
import RecoveryModel
import RecoveryServices

/// Something a screen asks of the store. The run loop carries it out with the signed-in user as
/// the actor and sends back a `StoreReply` to the screen that asked.
public enum StoreRequest: Sendable, Equatable {
    case loadSignInList
    case signIn(staffID: Int64, pin: String)
    case setUp(SetUpRequest)
    case loadServices
    case addService(name: String, kind: Service.Kind, registeredManager: String?)
    case setServiceActive(id: Int64, active: Bool)
    case loadStaff
    case addStaff(name: String, role: Role, serviceIDs: [Int64], pin: String?)
    case deactivateStaff(id: Int64)
    case resetPIN(id: Int64, pin: String)
    case loadMARCodes
    case addMARCode(code: String, meaning: String, outcome: CanonicalOutcome)
    case setMARCodeActive(id: Int64, active: Bool)
    case loadReferenceData
    case setMinimumPINLength(Int)
    case loadPlans
    case loadPlan(id: Int64)
    case createPlan(PlanDraft, activate: Bool)
    case amendPlan(id: Int64, draft: PlanDraft, reason: String)
    case changePlanStatus(id: Int64, to: PlanStatus, reason: String)
    case closePlan(id: Int64, note: String)
    case recordStepEntry(planID: Int64, stepID: Int64, outcome: StepOutcome, note: String, evidence: String, occurredAt: Date)
    case recordMeasurement(measureID: Int64, result: PeriodResult)
    case recordReview(planID: Int64, kind: ReviewKind, decision: ReviewDecision, note: String, challenge: String)
    /// One page of MAR checks of the last `days` days (nil: every check), narrowed to `search`
    /// in the store; answered by `.marChecks`.
    case loadMARChecks(days: Int?, search: String, PageRequest)
    /// What a new MAR check starts from (active services and staff, and the service of the
    /// user's latest check of the last 28 days), answered by `.marCheckStart`.
    case loadMARCheckStart
    /// One service's checks of the last `days` days, for its coverage; answered by `.coverage`.
    case loadCoverage(serviceID: Int64, days: Int)
    case logMARCheck(MARCheckDraft, lateEntryHours: Int, recheck: Bool = false)
    case amendMARCheck(id: Int64, draft: MARCheckDraft, reason: String)
    /// One page of active staff with their medicines competency, narrowed to `search`;
    /// answered by `.competency`.
    case loadCompetency(search: String, PageRequest)
    case recordObservation(ObservationDraft)
    /// One page of escalations (open ones only, or all), narrowed to `search`; answered by
    /// `.escalations`.
    case loadEscalations(openOnly: Bool, search: String, PageRequest)
    /// One escalation, answered by `.escalation`.
    case loadEscalation(id: Int64)
    case raiseEscalation(EscalationDraft)
    /// What at a service awaits an escalation (the About list), answered by `.escalationAbout`.
    case loadEscalationAbout(serviceID: Int64)
    /// One MAR check with the escalations that name it, answered by `.marCheck`.
    case loadMARCheck(id: Int64)
    case advanceEscalation(id: Int64, to: EscalationStatus, note: String)
    /// Every active service's early-warning indicators, and the whole provider's.
    case loadIndicators
    /// One service's indicators (a report of that service alone).
    case loadServiceIndicators(serviceID: Int64)
    /// The records behind one indicator of a service, or of every service (`serviceID` nil).
    case loadIndicatorRecords(id: IndicatorID, serviceID: Int64?)
    /// One member of staff's medicines competency and observations.
    case loadStaffCompetency(staffID: Int64)
    /// The provider's indicator thresholds.
    case loadIndicatorThresholds
    /// Sets one indicator's thresholds, or (nil) puts back the standard ones (administrators).
    case setIndicatorThreshold(id: IndicatorID, threshold: IndicatorThreshold?)
    /// The newest record's moment, for the clock check (no one need be signed in).
    case loadNewestRecordTime
}

/// The store's answer.
public enum StoreReply: Sendable, Equatable {
    case signInList([StaffMember])
    case signIn(SignInResult)
    case setUpDone(StaffMember, Provider?)
    case services([Service])
    case staff([StaffMember], services: [Service])
    case marCodes([MARCode])
    case referenceData(statements: [QualityStatement], regulations: [Regulation], enforcement: [EnforcementType],
                       pinPolicy: PINPolicy)
    case plans([PlanListRow], services: [Service])
    case plan(PlanRecord, services: [Service], staff: [StaffMember])
    /// A page of MAR checks, with the filter it was read for.
    case marChecks(RecordPage<MARCheck>, days: Int?, search: String)
    /// Active services and staff, and the service of the user's latest check (last 28 days).
    case marCheckStart(services: [Service], staff: [StaffMember], lastCheckedServiceID: Int64?)
    /// One service's recent checks, for its coverage.
    case coverage(serviceID: Int64, [MARCheck])
    /// A check was saved; `unqualified` names staff in its findings without a current competency.
    case marCheckSaved(MARCheck, unqualified: [StaffMember], corrected: Bool = false)
    /// The same service, day and round was checked already: the question to ask.
    case recheckQuestion(String)
    case marCheck(MARCheck, escalations: [Escalation], services: [Service], staff: [StaffMember])
    case escalationAbout(serviceID: Int64, [EscalationDue])
    case stepEntrySaved(StepEntry, String)
    /// A page of the competency list, with the search it was read for.
    case competency(RecordPage<CompetencyRow>, search: String)
    /// A page of escalations, with the filter it was read for.
    case escalations(RecordPage<Escalation>, openOnly: Bool, search: String)
    case escalation(Escalation, services: [Service])
    case indicators(IndicatorReport)
    case indicatorRecords(IndicatorRecords)
    case staffCompetency(StaffCompetency)
    case indicatorThresholds(IndicatorThresholds)
    /// A write succeeded; the words say what was done.
    case saved(String)
    /// Refused or failed; the words say why.
    case failed(String)
    /// The newest record's moment, or nil for a store with no records.
    case newestRecordTime(Date?)
}

/// Carries out store requests against a `RecoveryDataStore`.
public struct StoreRequestRunner: Sendable {
    public let store: any RecoveryDataStore
    /// Working days for the closure guard's targets.
    public let workingDays: WorkingDays

    public init(store: any RecoveryDataStore, workingDays: WorkingDays = .weekendsOnly) {
        self.store = store
        self.workingDays = workingDays
    }

    /// Runs one request as `actor` (nil before anyone has signed in) at `now`.
    public func perform(_ request: StoreRequest, actor: Actor?, now: Date) -> StoreReply {
        do {
            return try reply(to: request, actor: actor, now: now)
        } catch {
            return .failed(error.description)
        }
    }

    private var services: RecoveryServices { RecoveryServices(store: store, workingDays: workingDays) }
    private func indicatorReport(at now: Date, serviceID: Int64? = nil) throws(StoreError) -> IndicatorReport {
        try services.indicatorReport(at: now, serviceID: serviceID)
    }
    private func indicatorRecords(_ id: IndicatorID, serviceID: Int64?, at now: Date) throws(StoreError) -> IndicatorRecords {
        try services.indicatorRecords(id, serviceID: serviceID, at: now)
    }
    private func staffCompetency(_ staffID: Int64, at now: Date) throws(StoreError) -> StaffCompetency {
        try services.staffCompetency(staffID, at: now)
    }

    /// Staff named in a check's findings who have no current medicines competency.
    private func unqualified(in draft: MARCheckDraft, at now: Date) throws(StoreError) -> [StaffMember] {
        let named = Set(draft.findings.compactMap(\.staffID))
        let people = try store.staff(includingInactive: true).filter { named.contains($0.id) }
        var unqualified: [StaffMember] = []
        for person in people where !(try store.competency(of: person.id, at: now)).isCurrent {
            unqualified.append(person)
        }
        return unqualified
    }

    private func signedIn(_ actor: Actor?) throws(StoreError) -> Actor {
        guard let actor else { throw .invalid("Sign in first.") }
        return actor
    }

    private func reply(to request: StoreRequest, actor: Actor?, now: Date) throws(StoreError) -> StoreReply {
        switch request {
        case .loadSignInList:
            return .signInList(try store.signInList())
        case .signIn(let staffID, let pin):
            return .signIn(try store.signIn(staffID: staffID, pin: pin, at: now))
        case .setUp(let setUp):
            let administrator = try store.setUp(setUp, at: now)
            return .setUpDone(administrator, try store.provider())
        case .loadServices:
            return .services(try store.services(includingInactive: true))
        case .addService(let name, let kind, let manager):
            let service = try store.addService(name: name, kind: kind, registeredManager: manager,
                                               by: try signedIn(actor), at: now)
            return .saved("Service \"\(service.name)\" added.")
        case .setServiceActive(let id, let active):
            try store.setServiceActive(id, active: active, by: try signedIn(actor), at: now)
            return .saved(active ? "Service brought back into use." : "Service retired; its records are kept.")
        case .loadStaff:
            return .staff(try store.staff(includingInactive: true), services: try store.services(includingInactive: true))
        case .addStaff(let name, let role, let serviceIDs, let pin):
            let member = try store.addStaff(name: name, role: role, serviceIDs: serviceIDs, pin: pin,
                                            by: try signedIn(actor), at: now)
            return .saved("\(member.name) added as \(member.role.title.lowercased())\(member.canSignIn ? " and can sign in" : "").")
        case .deactivateStaff(let id):
            try store.deactivateStaff(id, by: try signedIn(actor), at: now)
            return .saved("Deactivated: they can no longer sign in, and their records are kept.")
        case .resetPIN(let id, let pin):
            try store.resetPIN(id, pin: pin, by: try signedIn(actor), at: now)
            return .saved("PIN changed.")
        case .loadMARCodes:
            return .marCodes(try store.marCodes(includingRetired: true))
        case .addMARCode(let code, let meaning, let outcome):
            let added = try store.addMARCode(code: code, meaning: meaning, outcome: outcome,
                                             by: try signedIn(actor), at: now)
            return .saved("MAR code \"\(added.code)\" added.")
        case .setMARCodeActive(let id, let active):
            try store.setMARCodeActive(id, active: active, by: try signedIn(actor), at: now)
            return .saved(active ? "MAR code brought back into use." : "MAR code retired; charts that used it keep it.")
        case .loadReferenceData:
            return .referenceData(statements: try store.qualityStatements(), regulations: try store.regulations(),
                                  enforcement: try store.enforcementTypes(), pinPolicy: try store.pinPolicy())
        case .setMinimumPINLength(let length):
            try store.setMinimumPINLength(length, by: try signedIn(actor), at: now)
            return .saved("New PINs now need at least \(length) digits.")
        case .loadPlans:
            return .plans(try store.planList(serviceID: nil, at: now), services: try store.services(includingInactive: true))
        case .loadPlan(let id):
            return .plan(try store.plan(id), services: try store.services(includingInactive: true),
                         staff: try store.staff(includingInactive: true))
        case .createPlan(let draft, let activate):
            let plan = try store.createPlan(draft, activate: activate, by: try signedIn(actor), at: now)
            return .saved("Plan \"\(plan.draft.title)\" saved as \(plan.status.title.lowercased()).")
        case .amendPlan(let id, let draft, let reason):
            try store.amendPlan(id, to: draft, reason: reason, by: try signedIn(actor), at: now)
            return .saved("Plan amended; the earlier version is kept in the audit log.")
        case .changePlanStatus(let id, let status, let reason):
            try store.changePlanStatus(id, to: status, reason: reason, by: try signedIn(actor), at: now)
            return .saved("Plan now \(status.title.lowercased()).")
        case .closePlan(let id, let note):
            try store.closePlan(id, note: note, workingDays: workingDays, by: try signedIn(actor), at: now)
            return .saved("Plan closed: every measure met its target and a review signed it off.")
        case .recordStepEntry(let planID, let stepID, let outcome, let note, let evidence, let occurredAt):
            let entry = try store.recordStepEntry(planID: planID, stepID: stepID, outcome: outcome, note: note,
                                                  evidence: evidence, occurredAt: occurredAt,
                                                  by: try signedIn(actor), at: now)
            return .stepEntrySaved(entry, "Step recorded as \(entry.outcome.title.lowercased()).")
        case .recordMeasurement(let measureID, let result):
            try store.recordMeasurement(measureID: measureID, result: result, by: try signedIn(actor), at: now)
            return .saved("Result recorded.")
        case .recordReview(let planID, let kind, let decision, let note, let challenge):
            let review = try store.recordReview(planID: planID, kind: kind, decision: decision, note: note,
                                                challenge: challenge, occurredAt: now, by: try signedIn(actor), at: now)
            return .saved("\(review.kind.title) recorded: \(review.decision.title.lowercased()).")
        case .loadMARChecks(let days, let search, let page):
            let query = MARCheckQuery(from: days.map { LondonDay(now).adding(days: -$0).start }, to: days.map { _ in now },
                                      search: search)
            return .marChecks(try store.marCheckPage(query, page), days: days, search: search)
        case .loadMARCheckStart:
            var lastChecked: Int64?
            if let userID = actor?.userID {
                let theirs = MARCheckQuery(from: LondonDay(now).adding(days: -28).start, to: now, checkedByID: userID)
                lastChecked = try store.marCheckPage(theirs, .first(1)).rows.first?.draft.serviceID
            }
            return .marCheckStart(services: try store.services(includingInactive: false),
                                  staff: try store.staff(includingInactive: false), lastCheckedServiceID: lastChecked)
        case .loadCoverage(let serviceID, let days):
            let from = LondonDay(now).adding(days: -days).start
            return .coverage(serviceID: serviceID, try store.marChecks(serviceID: serviceID, from: from, to: now))
        case .logMARCheck(let draft, let hours, let recheck):
            let check: MARCheck
            do {
                check = try store.logMARCheck(draft, lateEntryRule: LateEntryRule(hours: hours), recheck: recheck,
                                              by: try signedIn(actor), at: now)
            } catch .conflict(let question) {
                return .recheckQuestion(question)
            }
            return .marCheckSaved(check, unqualified: try unqualified(in: draft, at: now))
        case .amendMARCheck(let id, let draft, let reason):
            let check = try store.amendMARCheck(id, to: draft, reason: reason, by: try signedIn(actor), at: now)
            return .marCheckSaved(check, unqualified: [], corrected: true)
        case .loadMARCheck(let id):
            return .marCheck(try store.marCheck(id), escalations: try store.escalationsAnswering(checkIDs: [id], stepEntryIDs: []),
                             services: try store.services(includingInactive: true),
                             staff: try store.staff(includingInactive: true))
        case .loadEscalationAbout(let serviceID):
            return .escalationAbout(serviceID: serviceID,
                                    try store.escalationsAwaiting(serviceID: serviceID, at: now, workingDays: workingDays))
        case .loadCompetency(let search, let page):
            return .competency(try store.competencyPage(CompetencyQuery(search: search), page, at: now), search: search)
        case .recordObservation(let draft):
            let observation = try store.recordObservation(draft, by: try signedIn(actor), at: now)
            return .saved("Observation recorded: \(observation.draft.outcome.title.lowercased()).")
        case .loadEscalations(let openOnly, let search, let page):
            return .escalations(try store.escalationPage(EscalationQuery(openOnly: openOnly, search: search), page, at: now),
                                openOnly: openOnly, search: search)
        case .loadEscalation(let id):
            return .escalation(try store.escalation(id), services: try store.services(includingInactive: true))
        case .raiseEscalation(let draft):
            let escalation = try store.raiseEscalation(draft, workingDays: workingDays, by: try signedIn(actor), at: now)
            return .saved("Escalation raised: due by \(UKDateFormat.date(escalation.dueBy)) \(UKDateFormat.time(escalation.dueBy)).")
        case .advanceEscalation(let id, let status, let note):
            let escalation = try store.advanceEscalation(id, to: status, note: note, by: try signedIn(actor), at: now)
            var message = "Escalation \(escalation.status.title.lowercased())."
            if let inTime = escalation.handledInTime { message += inTime ? " Handled in time." : " Handled late." }
            return .saved(message)
        case .loadIndicators:
            return .indicators(try indicatorReport(at: now))
        case .loadServiceIndicators(let serviceID):
            return .indicators(try indicatorReport(at: now, serviceID: serviceID))
        case .loadIndicatorRecords(let id, let serviceID):
            return .indicatorRecords(try indicatorRecords(id, serviceID: serviceID, at: now))
        case .loadStaffCompetency(let staffID):
            return .staffCompetency(try staffCompetency(staffID, at: now))
        case .loadIndicatorThresholds:
            return .indicatorThresholds(try store.indicatorThresholds())
        case .setIndicatorThreshold(let id, let threshold):
            try store.setIndicatorThreshold(id, to: threshold, by: try signedIn(actor), at: now)
            let current = try store.indicatorThresholds()[id]
            return .saved("\(id.definition.name): \(current.describe(unit: id.definition.unit)).")
        case .loadNewestRecordTime:
            return .newestRecordTime(try store.newestRecordTime())
        }
    }
}
