import Foundation

/// One service's evidence, sorted and indexed once for the indicator engine.
struct ServiceEvidence: Sendable {
    let service: Service
    var checks: [MARCheck] = []
    var escalations: [Escalation] = []
    var plans: [PlanRecord] = []
    var medicineStaff: [StaffEvidence] = []
    /// For each closed plan, when it closed and what the closure guard would have missed on that
    /// day (measures not achieved, no step done, no review deciding to close after the targets
    /// were met), in a few words each.
    var closures: [Int64: (closed: Date, missing: [String])] = [:]
    /// The escalations naming each source (what they answer), worked out once.
    var escalationsBySource: [EscalationSource: [Escalation]] = [:]

    init(service: Service) { self.service = service }

    mutating func prepare(workingDays: WorkingDays) {
        checks.sort { ($0.draft.date, $0.id) < ($1.draft.date, $1.id) }
        escalationsBySource = escalations.bySource()
        for plan in plans {
            guard let closed = plan.closedAt else { continue }
            let verdict = PlanClosureVerdict.of(plan, closedAt: closed, workingDays: workingDays)
            closures[plan.id] = (closed, verdict.missing)
        }
    }

    /// Checks whose round day is within `first...last`.
    func checks(from first: LondonDay, to last: LondonDay) -> ArraySlice<MARCheck> {
        checks.rounds(from: first, to: last) { LondonDay($0.draft.date).dayNumber }
    }
}

/// A member of staff who gives medicines, with their competency-relevant observations.
struct StaffEvidence: Sendable {
    let member: StaffMember
    let observations: [Observation]
    /// When they were added to the store (nil: not known, counted as always there).
    var joined: Date? = nil

    /// Each service's staff who give medicines there: active staff whose role gives medicines in
    /// that kind of service, and anyone else (but an administrator) whose records show it — an
    /// observation, or a MAR finding naming them (`namedInFindings`).
    static func givingMedicines(services: [Service], staff: [StaffMember], observations: [Observation],
                                namedInFindings named: Set<Int64>, joined: [Int64: Date]) -> [Int64: [StaffEvidence]] {
        var byStaff: [Int64: [Observation]] = [:]
        for observation in observations { byStaff[observation.draft.staffID, default: []].append(observation) }
        let kinds = Dictionary(services.map { ($0.id, $0.kind) }, uniquingKeysWith: { first, _ in first })
        var result: [Int64: [StaffEvidence]] = [:]
        for member in staff where member.active {
            let recorded = named.contains(member.id) || byStaff[member.id] != nil
            for serviceID in member.serviceIDs {
                guard let kind = kinds[serviceID],
                      member.role.givesMedicines(in: kind) || recorded && member.role != .administrator else { continue }
                result[serviceID, default: []].append(StaffEvidence(member: member, observations: byStaff[member.id] ?? [],
                                                                    joined: joined[member.id]))
            }
        }
        return result
    }
}

extension PlanMeasure {
    /// The measure's figures and events as they stood at a moment: results for periods that had
    /// begun, events that had happened (handled only if handled by then).
    func records(at moment: Date) -> MeasureRecords {
        MeasureRecords(
            results: results.filter { $0.periodStart <= moment },
            events: events.filter { $0.occurred <= moment }.map { event in
                var event = event
                if let handled = event.handled, handled > moment { event.handled = nil }
                return event
            })
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, for an array sorted so that every
    /// element satisfying it comes after every one that does not.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The elements whose round day (a `LondonDay.dayNumber`) is within `first...last`, for an
    /// array sorted by that day.
    func rounds(from first: LondonDay, to last: LondonDay, day: (Element) -> Int) -> ArraySlice<Element> {
        let lower = partitioningIndex { day($0) >= first.dayNumber }
        let upper = partitioningIndex { day($0) > last.dayNumber }
        return lower < upper ? self[lower..<upper] : []
    }
}
