import Foundation

/// Everything the app and the command line ask of a store. Defined here, away from GRDB, so a
/// second kind of store (PostgreSQL for providers with many sites) can be added without
/// touching a screen. Every write takes the `Actor` doing it; the store checks the actor's
/// permission itself, stamps who and when, and appends to the audit log in the same
/// transaction.
public protocol RecoveryDataStore: Sendable {
    // MARK: Set-up and sign-in

    /// True once first-run set-up has made the provider and the first administrator.
    func isSetUp() throws(StoreError) -> Bool
    /// First run: the provider, its first service and the first administrator with a PIN.
    /// Refused once the store is set up.
    func setUp(_ request: SetUpRequest, at now: Date) throws(StoreError) -> StaffMember
    /// The provider, once set up.
    func provider() throws(StoreError) -> Provider?
    /// Active staff who can sign in, by name.
    func signInList() throws(StoreError) -> [StaffMember]
    /// Checks a PIN. Wrong PINs count towards the lock; a locked user is refused without
    /// checking the PIN.
    func signIn(staffID: Int64, pin: String, at now: Date) throws(StoreError) -> SignInResult
    /// The PIN rules in force.
    func pinPolicy() throws(StoreError) -> PINPolicy
    /// Sets the shortest PIN allowed (administrators).
    func setMinimumPINLength(_ length: Int, by actor: Actor, at now: Date) throws(StoreError)

    // MARK: Services

    func services(includingInactive: Bool) throws(StoreError) -> [Service]
    func addService(name: String, kind: Service.Kind, registeredManager: String?, by actor: Actor,
                    at now: Date) throws(StoreError) -> Service
    /// Retires or brings back a service (never deleted).
    func setServiceActive(_ serviceID: Int64, active: Bool, by actor: Actor, at now: Date) throws(StoreError)

    // MARK: Staff and users

    func staff(includingInactive: Bool) throws(StoreError) -> [StaffMember]
    /// Adds a member of staff; with a PIN they can sign in.
    func addStaff(name: String, role: Role, serviceIDs: [Int64], pin: String?, by actor: Actor,
                  at now: Date) throws(StoreError) -> StaffMember
    /// Deactivates a member of staff (they can no longer sign in; their records stay).
    func deactivateStaff(_ staffID: Int64, by actor: Actor, at now: Date) throws(StoreError)
    /// Sets a new PIN (and clears any lock).
    func resetPIN(_ staffID: Int64, pin: String, by actor: Actor, at now: Date) throws(StoreError)

    // MARK: Reference data

    func marCodes(includingRetired: Bool) throws(StoreError) -> [MARCode]
    func addMARCode(code: String, meaning: String, outcome: CanonicalOutcome, by actor: Actor,
                    at now: Date) throws(StoreError) -> MARCode
    /// Retires or brings back a code.
    func setMARCodeActive(_ codeID: Int64, active: Bool, by actor: Actor, at now: Date) throws(StoreError)
    func qualityStatements() throws(StoreError) -> [QualityStatement]
    func regulations() throws(StoreError) -> [Regulation]
    func enforcementTypes() throws(StoreError) -> [EnforcementType]

    // MARK: Recovery plans

    /// Creates a plan from a draft (refused while `draft.problems` is not empty), as a draft or
    /// straight into `active`.
    func createPlan(_ draft: PlanDraft, activate: Bool, by actor: Actor, at now: Date) throws(StoreError) -> PlanRecord
    /// Every plan (optionally one service's), newest first, with steps, measures and reviews.
    func plans(serviceID: Int64?) throws(StoreError) -> [PlanRecord]
    /// Every plan (optionally one service's), newest first, as the plans list shows it: the
    /// plan's own columns and its stored standing, without reading its evidence.
    func planList(serviceID: Int64?, at now: Date) throws(StoreError) -> [PlanListRow]
    func plan(_ planID: Int64) throws(StoreError) -> PlanRecord
    /// Replaces a plan's content. Editing a plan that is no longer a draft is an amendment and
    /// needs a reason; the previous version stays in the audit log.
    func amendPlan(_ planID: Int64, to draft: PlanDraft, reason: String, by actor: Actor,
                   at now: Date) throws(StoreError)
    /// Any change of status except closing (see `closePlan`); every change keeps who, when and why.
    func changePlanStatus(_ planID: Int64, to status: PlanStatus, reason: String, by actor: Actor,
                          at now: Date) throws(StoreError)
    /// The closure guard (`ClosureGuard`): closes only when every measure is achieved (worked out
    /// by the `TargetEngine` with these working days), a step has been recorded as done, and a
    /// governance review recorded a decision to close on or after the day the targets were met;
    /// by a role that may close plans, with a note. Otherwise refuses with what is missing.
    func closePlan(_ planID: Int64, note: String, workingDays: WorkingDays, by actor: Actor,
                   at now: Date) throws(StoreError)
    /// Records a step as done, skipped (reason in `note`, required) or a problem found.
    func recordStepEntry(planID: Int64, stepID: Int64, outcome: StepOutcome, note: String, evidence: String,
                         occurredAt: Date, by actor: Actor, at now: Date) throws(StoreError) -> StepEntry
    /// Records a period's figure for a measure (a later figure for the same period replaces the
    /// earlier one in the engine's view; both stay stored).
    func recordMeasurement(measureID: Int64, result: PeriodResult, by actor: Actor, at now: Date) throws(StoreError)
    /// Records a governance review. A decision to close (the closure guard's sign-off) needs a
    /// role that may close plans; other decisions a role that may review them.
    func recordReview(planID: Int64, kind: ReviewKind, decision: ReviewDecision, note: String, challenge: String,
                      occurredAt: Date, by actor: Actor, at now: Date) throws(StoreError) -> PlanReview

    // MARK: Daily evidence

    /// Logs a MAR chart check (team leaders and above). An entry made after the late-entry limit
    /// is refused without `lateEntryReason`, and flagged as late when saved. A second check of
    /// the same service, day and round is refused with a question (`StoreError.conflict`) unless
    /// `recheck` says the user chose to save it as a re-check. Findings are numbered from 1.
    func logMARCheck(_ draft: MARCheckDraft, lateEntryRule: LateEntryRule, recheck: Bool, by actor: Actor,
                     at now: Date) throws(StoreError) -> MARCheck
    /// One MAR check, as it stands now.
    func marCheck(_ checkID: Int64) throws(StoreError) -> MARCheck
    /// Checks of one service (or all) whose round day falls in `from...to`, newest first.
    func marChecks(serviceID: Int64?, from: Date, to: Date) throws(StoreError) -> [MARCheck]
    /// Corrects a check: the new version replaces it with a reason; the original stays visible.
    /// Findings carried over keep their numbers; new ones get new numbers. Returns the check as corrected.
    @discardableResult
    func amendMARCheck(_ checkID: Int64, to draft: MARCheckDraft, reason: String, by actor: Actor,
                       at now: Date) throws(StoreError) -> MARCheck
    /// Records an observation or competency check (supervisors and above).
    func recordObservation(_ draft: ObservationDraft, by actor: Actor, at now: Date) throws(StoreError) -> Observation
    /// Observations of one member of staff (or everyone), newest first.
    func observations(staffID: Int64?) throws(StoreError) -> [Observation]
    /// A member of staff's medicines competency at `now`, derived from their observations.
    func competency(of staffID: Int64, at now: Date) throws(StoreError) -> CompetencyStatus
    /// Raises an escalation (anyone signed in); its due-by comes from the policy in working days.
    func raiseEscalation(_ draft: EscalationDraft, workingDays: WorkingDays, by actor: Actor,
                         at now: Date) throws(StoreError) -> Escalation
    /// What at a service still awaits an escalation (findings that need one, charts returned
    /// late, step entries that found a problem) from the last `EvidenceDerivations.aboutListDays`
    /// days, newest first: the "About" pick list of the escalation form.
    func escalationsAwaiting(serviceID: Int64, at now: Date, workingDays: WorkingDays) throws(StoreError) -> [EscalationDue]
    /// Escalations that name any of these MAR checks or plan step entries, with their sources.
    func escalationsAnswering(checkIDs: [Int64], stepEntryIDs: [Int64]) throws(StoreError) -> [Escalation]
    /// Escalations (open ones only, or all; one service or all), overdue first, then newest.
    func escalations(openOnly: Bool, serviceID: Int64?, at now: Date) throws(StoreError) -> [Escalation]
    /// Moves an escalation on: acknowledged, responded (with the response) or resolved (with
    /// the outcome; records whether it was handled in time).
    func advanceEscalation(_ escalationID: Int64, to status: EscalationStatus, note: String, by actor: Actor,
                           at now: Date) throws(StoreError) -> Escalation
    func escalationPolicy() throws(StoreError) -> EscalationPolicy
    /// Changes the policy (administrators).
    func setEscalationPolicy(_ policy: EscalationPolicy, by actor: Actor, at now: Date) throws(StoreError)

    // MARK: Lists read a page at a time

    /// One page of MAR checks, newest round first (round end, then highest id), keyset-paged on
    /// that order, searched and filtered in the store; a page costs the same however many checks
    /// the list holds.
    func marCheckPage(_ query: MARCheckQuery, _ page: PageRequest) throws(StoreError) -> RecordPage<MARCheck>
    /// One page of escalations in the list's order at `now`: overdue first, then newest raised
    /// (then highest id); the overdue ones and the rest are each keyset-paged.
    func escalationPage(_ query: EscalationQuery, _ page: PageRequest, at now: Date) throws(StoreError) -> RecordPage<Escalation>
    /// One escalation, with its sources.
    func escalation(_ escalationID: Int64) throws(StoreError) -> Escalation
    /// One page of active staff by name, each with their medicines competency at `now` and their
    /// latest observation, read for the people on the page only.
    func competencyPage(_ query: CompetencyQuery, _ page: PageRequest, at now: Date) throws(StoreError) -> RecordPage<CompetencyRow>

    // MARK: Early-warning indicators

    /// What the app's indicators are worked out from (`IndicatorFigures`): the summaries of the
    /// windows and the 12-week history, and the plans followed in it (see `IndicatorSummaries`).
    /// `workingDays` counts for the figures of plan measures derived from evidence.
    /// With `serviceID`, only that service's.
    func indicatorSummaries(at now: Date, workingDays: WorkingDays, serviceID: Int64?) throws(StoreError) -> IndicatorSummaries
    /// The evidence record by record over the same windows (one service's, or every service's
    /// when `serviceID` is nil), for the records behind a figure (`IndicatorEngine.records`).
    func indicatorEvidence(at now: Date, workingDays: WorkingDays, serviceID: Int64?) throws(StoreError) -> IndicatorEvidence
    /// The provider's thresholds (the standard ones where it has set none).
    func indicatorThresholds() throws(StoreError) -> IndicatorThresholds
    /// Sets (or, with nil, puts back to standard) one indicator's thresholds (administrators).
    func setIndicatorThreshold(_ id: IndicatorID, to threshold: IndicatorThreshold?, by actor: Actor,
                               at now: Date) throws(StoreError)

    // MARK: Trust

    /// Integrity check, the audit chain walk, and every current record against its last audited
    /// state. `problems` is empty when all is well.
    func verify() throws(StoreError) -> VerificationReport
    /// A consistent copy of the store, safe while others write (SQLite online backup).
    func backup(to destination: URL) throws(StoreError)
    /// The moment the newest record was written (the latest `recorded_at` among the audit log's
    /// most recent entries), or nil for a store with no records; for `ClockCheck`.
    func newestRecordTime() throws(StoreError) -> Date?
    /// A number that grows with every change anyone makes to the store, from any terminal or
    /// the command line (the audit log's last sequence number): the app reads a screen again
    /// only when it has moved since the screen last read.
    func changeCount() throws(StoreError) -> Int64
}

extension RecoveryDataStore {
    /// Every service's summaries (see `indicatorSummaries(at:workingDays:serviceID:)`).
    public func indicatorSummaries(at now: Date, workingDays: WorkingDays) throws(StoreError) -> IndicatorSummaries {
        try indicatorSummaries(at: now, workingDays: workingDays, serviceID: nil)
    }

    /// Every service's evidence record by record (see `indicatorEvidence(at:workingDays:serviceID:)`).
    public func indicatorEvidence(at now: Date, workingDays: WorkingDays) throws(StoreError) -> IndicatorEvidence {
        try indicatorEvidence(at: now, workingDays: workingDays, serviceID: nil)
    }

    /// Logs a MAR check that is not a re-check (see the requirement).
    public func logMARCheck(_ draft: MARCheckDraft, lateEntryRule: LateEntryRule, by actor: Actor,
                            at now: Date) throws(StoreError) -> MARCheck {
        try logMARCheck(draft, lateEntryRule: lateEntryRule, recheck: false, by: actor, at: now)
    }
}

/// What first-run set-up needs.
public struct SetUpRequest: Hashable, Sendable {
    public var providerName: String
    public var serviceName: String
    public var serviceKind: Service.Kind
    public var administratorName: String
    public var pin: String

    public init(providerName: String, serviceName: String, serviceKind: Service.Kind,
                administratorName: String, pin: String) {
        self.providerName = providerName
        self.serviceName = serviceName
        self.serviceKind = serviceKind
        self.administratorName = administratorName
        self.pin = pin
    }
}

/// The answer to a sign-in attempt.
public enum SignInResult: Hashable, Sendable {
    case signedIn(StaffMember)
    /// Wrong PIN; this many tries left before the lock.
    case wrongPIN(attemptsLeft: Int)
    /// Locked until this moment (after five wrong PINs).
    case locked(until: Date)
}

/// The result of `verify`.
public struct VerificationReport: Hashable, Sendable {
    /// Audit entries walked.
    public var auditEntries: Int
    /// Records compared with their last audited state.
    public var recordsChecked: Int
    /// Problems found, first first, in plain words naming the table and row.
    public var problems: [String]

    public init(auditEntries: Int, recordsChecked: Int, problems: [String]) {
        self.auditEntries = auditEntries
        self.recordsChecked = recordsChecked
        self.problems = problems
    }

    public var isSound: Bool { problems.isEmpty }
}
