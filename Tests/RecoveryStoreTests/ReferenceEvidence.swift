import Foundation
import GRDB
import RecoveryModel
@testable import RecoveryStore

/// The record-by-record way plans' measures were filled before the summaries: every check and
/// escalation of the plan's service read and counted by `EvidenceMeasures.records(for:checks:…)`.
/// Kept here as the tests' reference for the summaries (`SummaryStoreTests`), not in the store.
extension EvidenceRows {
    /// Fills the measures whose source is derived with figures from the evidence of each plan's
    /// service (every service for a provider-wide plan), merged with any figures entered by hand
    /// (`EvidenceMeasures.merged`). Evidence is read once for all the plans.
    static func attachEvidence(_ db: Database, to plans: [PlanRecord], workingDays: WorkingDays,
                               since: Date? = nil) throws -> [PlanRecord] {
        let needing = plans.filter { $0.measures.contains { EvidenceMeasures.isDerived($0.definition.source) } }
        guard !needing.isEmpty else { return plans }
        let allServices = needing.contains { $0.draft.serviceID == nil }
        let serviceIDs = Set(needing.compactMap(\.draft.serviceID))
        let checks: [MARCheck]
        let escalationList: [Escalation]
        // `since` bounds the evidence read (the indicator engine needs none before its plans began).
        var checkConditions: [String] = []
        var escalationConditions: [String] = []
        var arguments: StatementArguments = []
        if !allServices {
            let list = serviceIDs.sorted().map(String.init).joined(separator: ", ")
            checkConditions.append("service_id IN (\(list))")
            escalationConditions.append("service_id IN (\(list))")
        }
        if let since {
            checkConditions.append("round_date >= ?")
            escalationConditions.append("raised_at >= ?")
            arguments += [Timestamp.text(LondonDay(since).start)]
        }
        let checkFilter = checkConditions.isEmpty ? nil : checkConditions.joined(separator: " AND ")
        let escalationFilter = escalationConditions.isEmpty ? nil : escalationConditions.joined(separator: " AND ")
        checks = try self.checks(db, where: checkFilter, arguments: arguments)
        escalationList = try escalations(db, where: escalationFilter, arguments: arguments)
        return attachEvidence(to: plans, checks: checks, escalations: escalationList, workingDays: workingDays)
    }

    /// The same, with the checks and escalations already read (every service's, or at least
    /// those of the plans' services, over the periods the plans need).
    static func attachEvidence(to plans: [PlanRecord], checks: [MARCheck], escalations escalationList: [Escalation],
                               workingDays: WorkingDays) -> [PlanRecord] {
        var checksByService: [Int64: [MARCheck]] = [:]
        for check in checks { checksByService[check.draft.serviceID, default: []].append(check) }
        var escalationsByService: [Int64: [Escalation]] = [:]
        for escalation in escalationList { escalationsByService[escalation.draft.serviceID, default: []].append(escalation) }
        return plans.map { plan in
            guard plan.measures.contains(where: { EvidenceMeasures.isDerived($0.definition.source) }) else { return plan }
            let service = plan.draft.serviceID
            let planChecks = service.map { checksByService[$0] ?? [] } ?? checks
            let planEscalations = service.map { escalationsByService[$0] ?? [] } ?? escalationList
            var plan = plan
            plan.measures = plan.measures.map { measure in
                guard EvidenceMeasures.isDerived(measure.definition.source) else { return measure }
                let derived = EvidenceMeasures.records(for: measure.definition, checks: planChecks,
                                                       escalations: planEscalations, workingDays: workingDays)
                let merged = EvidenceMeasures.merged(manual: measure.results, derived: derived, period: measure.definition.period)
                var measure = measure
                measure.comparisons = EvidenceMeasures.comparisons(manual: measure.results, derived: derived.results,
                                                                   measure: measure.definition)
                measure.results = merged.results
                measure.events = merged.events
                return measure
            }
            return plan
        }
    }
}
