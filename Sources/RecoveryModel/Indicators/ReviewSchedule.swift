import Foundation

/// When a plan's governance reviews are due.
public enum ReviewSchedule {
    /// The interval after the last review of this kind (or after the plan started): so many weeks
    /// for the registered manager, so many months for the provider.
    public static func nextDue(kind: ReviewKind, plan: PlanRecord, last: Date?) -> Date {
        let from = LondonDay(last ?? plan.draft.startDate)
        let due = kind == .manager ? from.adding(days: 7 * plan.draft.managerReviewWeeks)
            : from.adding(months: plan.draft.providerReviewMonths)
        return due.start
    }
}

extension PlanRecord {
    /// The plan's status at a moment, from its status changes (nil before it existed).
    public func status(at moment: Date) -> PlanStatus? {
        guard !statusChanges.isEmpty else { return createdAt <= moment ? status : nil }
        return statusChanges.last { $0.at <= moment }?.to
    }

    /// When it was last closed, if it is closed.
    public var closedAt: Date? {
        guard status == .closed else { return nil }
        return statusChanges.last { $0.to == .closed }?.at
    }

    /// True for the statuses in which steps, reviews and measures are followed.
    public static func isFollowed(_ status: PlanStatus?) -> Bool {
        status == .active || status == .monitoring || status == .reopened
    }
}

extension MARRound {
    /// The rounds a service is expected to check each day: homecare branches check their
    /// visits (one entry a day), supported living its morning and teatime support, care homes
    /// their four medicines rounds.
    public static func expected(for kind: Service.Kind) -> [MARRound] {
        switch kind {
        case .residential, .nursing: return careHomeRounds
        case .domiciliary: return [.visit]
        case .supportedLiving: return [.morning, .teatime]
        }
    }
}

extension Role {
    /// Whether holders of this role give medicines in a kind of service as a matter of course:
    /// senior carers, team and shift leaders and key workers everywhere, care and support
    /// workers in homecare and supported living. Anyone else counts as giving medicines only
    /// when their records show it (an observation, or a MAR finding naming them).
    public func givesMedicines(in kind: Service.Kind) -> Bool {
        switch self {
        case .seniorCarer, .teamLeader, .shiftLeader, .keyWorker: return true
        case .careWorker: return kind == .domiciliary || kind == .supportedLiving
        default: return false
        }
    }
}
