import Foundation
import GRDB
import RecoveryModel

/// Plans with the measures worked out from records filled in from the summaries of their
/// service's evidence (every service's for a provider-wide plan), from the period before the
/// plan started (a repeat of a finding type looks one period back) to now. What a plan reads
/// grows with the plan's own life, never with the years of history before it.
enum PlanEvidence {
    /// Plans as stored, with their evidence.
    static func loadPlans(_ db: Database, where condition: String? = nil, arguments: StatementArguments = [],
                          entriesSince: Date? = nil, workingDays: WorkingDays) throws -> [PlanRecord] {
        try attach(db, to: try PlanRows.loadStored(db, where: condition, arguments: arguments, entriesSince: entriesSince),
                   workingDays: workingDays)
    }

    /// The first round day a plan's measures need: the start of the period before the one the
    /// plan started in, for its earliest-starting measure from records; nil when none is.
    static func evidenceStart(_ plan: PlanRecord) -> LondonDay? {
        let started = LondonDay(plan.draft.startDate)
        return plan.measures.filter { EvidenceMeasures.isDerived($0.definition.source) }.map { measure in
            let period = measure.definition.period
            return period.start(after: period.start(containing: started), count: -1)
        }.min()
    }

    static func attach(_ db: Database, to plans: [PlanRecord], workingDays: WorkingDays) throws -> [PlanRecord] {
        var starts: [Int64: LondonDay] = [:]
        for plan in plans { if let start = evidenceStart(plan) { starts[plan.id] = start } }
        guard !starts.isEmpty else { return plans }
        // One read per service (nil: every service), from its earliest plan's start.
        var groups: [Int64?: LondonDay] = [:]
        var needsEscalations: Set<Int64?> = []
        var needsChecks: Set<Int64?> = []
        for plan in plans {
            guard let start = starts[plan.id] else { continue }
            let key = plan.draft.serviceID
            groups[key] = min(groups[key] ?? start, start)
            let sources = Set(plan.measures.map(\.definition.source))
            if sources.contains(.escalationsHandledInTime) { needsEscalations.insert(key) }
            if sources.contains(.repeatFindings) { needsChecks.insert(key) }
        }
        // One read of each summary table for every group at once: each service from its own first
        // day (every service from the provider-wide plans' first day).
        var clauses: [String] = []
        var arguments: StatementArguments = []
        for (serviceID, first) in groups.sorted(by: { ($0.key ?? 0) < ($1.key ?? 0) }) {
            if let serviceID {
                clauses.append("(service_id = ? AND day >= ?)")
                arguments += [serviceID, first.dayNumber]
            } else {
                clauses.append("day >= ?")
                arguments += [first.dayNumber]
            }
        }
        let condition = clauses.joined(separator: " OR ")
        let all = EvidenceSummary(days: try SummaryRows.checkDays(db, where: condition, arguments: arguments),
                                  findings: try SummaryRows.findings(db, where: condition, arguments: arguments),
                                  lateReturns: try SummaryRows.lateReturns(db, where: condition, arguments: arguments))
        var escalationsRead: [Escalation] = []
        if !needsEscalations.isEmpty {
            var escalationClauses: [String] = []
            var escalationArguments: StatementArguments = []
            for key in needsEscalations {
                let from = Timestamp.text(groups[key]!.start)
                let concerns = "(resolved_at IS NULL OR resolved_at >= ? OR raised_at >= ?)"
                if let serviceID = key {
                    escalationClauses.append("(service_id = ? AND \(concerns))")
                    escalationArguments += [serviceID, from, from]
                } else {
                    escalationClauses.append(concerns)
                    escalationArguments += [from, from]
                }
            }
            escalationsRead = try EvidenceRows.escalations(db, where: escalationClauses.joined(separator: " OR "),
                                                           arguments: escalationArguments)
        }
        var byService: [Int64: EvidenceSummary] = [:]
        for row in all.days { byService[row.serviceID, default: EvidenceSummary()].days.append(row) }
        for row in all.findings { byService[row.serviceID, default: EvidenceSummary()].findings.append(row) }
        for item in all.lateReturns { byService[item.serviceID, default: EvidenceSummary()].lateReturns.append(item) }
        var summaries: [Int64?: EvidenceSummary] = [:]
        var escalations: [Int64?: [Escalation]] = [:]
        for (serviceID, first) in groups {
            var summary = (serviceID.map { byService[$0] ?? EvidenceSummary() } ?? all).since(first)
            if needsChecks.contains(serviceID) {
                var checkArguments: StatementArguments = [Timestamp.text(first.start)]
                var checkCondition = "round_date >= ?"
                if let serviceID {
                    checkCondition += " AND service_id = ?"
                    checkArguments += [serviceID]
                }
                summary.checks = try EvidenceRows.checks(db, where: checkCondition, arguments: checkArguments)
            }
            summaries[serviceID] = summary
            if needsEscalations.contains(serviceID) {
                escalations[serviceID] = escalationsRead.filter { escalation in
                    (serviceID == nil || escalation.draft.serviceID == serviceID) && escalation.concerns(since: first)
                }
            }
        }
        return plans.map { plan in
            guard let start = starts[plan.id], let summary = summaries[plan.draft.serviceID] else { return plan }
            return EvidenceMeasures.attach(to: plan, summary: summary.since(start),
                                           escalations: (escalations[plan.draft.serviceID] ?? []).filter { $0.concerns(since: start) },
                                           workingDays: workingDays)
        }
    }

}

extension EvidenceSummary {
    /// The part from a round day on.
    func since(_ first: LondonDay) -> EvidenceSummary {
        let day = first.dayNumber
        return EvidenceSummary(days: days.filter { $0.day >= day }, findings: findings.filter { $0.day >= day },
                               lateReturns: lateReturns.filter { $0.day >= day },
                               checks: checks.filter { LondonDay($0.draft.date) >= first })
    }
}

extension Escalation {
    /// Open, or raised or resolved on or after the day.
    func concerns(since first: LondonDay) -> Bool {
        guard let resolved = resolvedAt else { return true }
        return resolved >= first.start || raisedAt >= first.start
    }
}
