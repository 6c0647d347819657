import Foundation
import RecoveryModel

/// The draws every size of fixture makes the same way: who a finding is about, the ordinary
/// findings of a check, how an escalation is handled, an observation's checklist, a plan step's
/// outcome. Each takes the generator's random numbers, so a fixture stays reproducible.
enum FixtureEvidence {
    /// A person's reference as a MAR check gives it: a room, or initials in the community.
    static func personReference(_ kind: Service.Kind, _ random: inout FixtureRandom) -> String {
        switch kind {
        case .residential, .nursing: return "Rm \(random.int(1...(kind == .nursing ? 36 : 28)))"
        case .domiciliary, .supportedLiving:
            let letters = Array("ABCDEFGHJKLMNPRSTW")
            return "\(random.pick(letters)).\(random.pick(letters))."
        }
    }

    /// The escalation category a finding calls for.
    static func category(for type: FindingType) -> EscalationCategory {
        switch type {
        case .missingSignature, .unexplainedGap: return .omission
        case .refusalWithoutReason, .refusalWithoutAction: return .refusalWithoutFollowUp
        case .prnWithoutReasonOrOutcome, .stockCountMismatch: return .medicationError
        case .chartReturnedLate: return .lateMARReturn
        default: return .other
        }
    }

    /// One to three ordinary findings of a check (no late returns): their types by how common
    /// they are, most naming someone who gives medicines (fewer in strong services, where a
    /// missing signature is often caught and signed at once), the service's repeat offender
    /// often. `refusals` grows by the refusal findings.
    static func ordinaryFindings(_ team: FixtureService, givers: ArraySlice<FixturePerson>, day: Int, rates: FixtureRates,
                                 refusals: inout Int, _ random: inout FixtureRandom) -> [MARFinding] {
        var findings: [MARFinding] = []
        let count = random.weighted([(1, 7.0), (2, 2.5), (3, 0.5)])
        for _ in 0..<count {
            let type: FindingType = random.weighted(FixtureWords.findingTypes)
            var staff: FixturePerson? = random.chance(team.profile == .strong ? 0.4 : 0.85)
                ? givers[givers.startIndex + Int(random.next() % UInt64(givers.count))] : nil
            if let offender = team.repeatOffender, offender.joined <= day, random.chance(rates.offender) { staff = offender }
            let escalate: Bool
            switch type {
            case .refusalWithoutAction, .stockCountMismatch: escalate = true
            case .unexplainedGap: escalate = random.chance(0.3)
            default: escalate = random.chance(0.05)
            }
            let words = FixtureWords.findingWords[type] ?? ("", "")
            findings.append(MARFinding(type: type, personReference: personReference(team.kind, &random), staffID: staff?.id,
                                       note: words.0, actionTaken: words.1, escalate: escalate))
            if type == .refusalWithoutReason || type == .refusalWithoutAction { refusals += 1 }
        }
        return findings
    }

    /// One step of an escalation's handling: its status, when, by whom, and the words.
    struct EscalationStep {
        var status: EscalationStatus
        var at: Date
        var by: FixturePerson
        var note: String
    }

    /// How an escalation raised at `raised` and due by `due` is handled: mostly in time, some
    /// late, a few never (left open, or acknowledged and forgotten; with `neverWithinDays`, only
    /// those raised that recently). Steps after the fixture's "now" are the caller's to drop.
    static func handling(raised: Date, due: Date, team: FixtureService, rates: FixtureRates, now: Date, neverWithinDays: Double? = nil,
                         workingDays: WorkingDays, _ random: inout FixtureRandom) -> [EscalationStep] {
        let roll = random.unit()
        let acknowledged = raised.addingTimeInterval(Double(random.int(15...150)) * 60)
        let recent = neverWithinDays.map { now.timeIntervalSince(raised) / 86400 < $0 } ?? true
        if recent && roll < rates.escalationNever {
            return random.chance(0.5) ? [EscalationStep(status: .acknowledged, at: acknowledged, by: team.deputy, note: "")] : []
        }
        var resolved: Date
        if roll < rates.escalationNever + rates.escalationLate {
            let day = workingDays.adding(random.int(1...5), workingDaysTo: LondonDay(due))
            resolved = day.start.addingTimeInterval(Double(random.int(10...17)) * 3600)
        } else {
            resolved = acknowledged.addingTimeInterval(Double(random.int(60...900)) * 60)
            if resolved > due { resolved = max(raised.addingTimeInterval(1800), due.addingTimeInterval(-600)) }
        }
        let ack = min(acknowledged, resolved.addingTimeInterval(-1200))
        let responded = ack.addingTimeInterval(resolved.timeIntervalSince(ack) / 2)
        let response = random.pick(FixtureWords.responses)
        let outcome = random.pick(FixtureWords.outcomes)
        return [
            EscalationStep(status: .acknowledged, at: max(ack, raised.addingTimeInterval(300)), by: team.deputy, note: ""),
            EscalationStep(status: .responded, at: max(responded, raised.addingTimeInterval(600)), by: team.deputy, note: response),
            EscalationStep(status: .resolved, at: max(resolved, raised.addingTimeInterval(900)), by: team.manager, note: outcome),
        ]
    }

    /// Who observes in a service: the field supervisor in homecare, else the provider's medicines
    /// lead or the deputy.
    static func observer(_ team: FixtureService, provider: [Role: FixturePerson], _ random: inout FixtureRandom) -> FixturePerson {
        if let supervisor = team.supervisor { return supervisor }
        return random.chance(0.5) ? (provider[.medicinesLead] ?? team.manager) : team.deputy
    }

    /// An observation's checklist: every item met (PRN often not applicable), one or two not met
    /// when the outcome is not competent.
    static func checklist(_ outcome: CompetencyOutcome, _ random: inout FixtureRandom) -> [ChecklistItem: ChecklistAnswer] {
        var list: [ChecklistItem: ChecklistAnswer] = [:]
        for item in ChecklistItem.allCases { list[item] = .met }
        if random.chance(0.4) { list[.prnFollowed] = .notApplicable }
        if outcome != .competent {
            let misses = outcome == .borderline ? 1 : 2
            for _ in 0..<misses { list[random.pick([.recordedAtTheTime, .refusalsHandled, .rightMedicineDoseTime, .storageSafe])] = .notMet }
        }
        return list
    }

    /// A plan step entry's outcome and note: done, skipped (more often on a slipping plan) or a
    /// problem found.
    static func stepOutcome(slipping: Bool, _ random: inout FixtureRandom) -> (StepOutcome, String) {
        let slip = slipping ? 0.12 : 0.03
        let roll = random.unit()
        let outcome: StepOutcome = roll < slip ? .skipped : (roll < slip + 0.03 ? .problemFound : .done)
        switch outcome {
        case .skipped: return (outcome, random.pick(["Short-staffed; moved to tomorrow.", "Agency cover on shift; not done.", "Manager on leave."]))
        case .problemFound: return (outcome, "Found a gap that needs escalating.")
        case .done: return (outcome, "")
        }
    }

    /// Whole periods from the one containing `from` up to the last one that ends before `before`.
    static func periods(_ period: MeasurePeriod, from: LondonDay, before: LondonDay) -> [LondonDay] {
        var list: [LondonDay] = []
        var start = period.start(containing: from)
        while period.end(ofPeriodStarting: start) < before {
            list.append(start)
            start = period.start(after: start)
        }
        return list
    }
}
