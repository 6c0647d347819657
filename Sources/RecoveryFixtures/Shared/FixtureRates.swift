import Foundation

/// How often things go wrong in a service, by its profile and how far through the years of
/// records the day is: the same table for every size of fixture.
struct FixtureRates {
    var missRound: Double
    /// Chance that a check has ordinary findings (the provider-scale builder scales it to reach
    /// its target count).
    var findings: Double
    var refusalIncomplete: Double
    var offender: Double
    var lateEntry: Double
    var escalationLate: Double
    var escalationNever: Double
    var lateReturn: Double
    var lateReturnNotEscalated: Double

    /// The days before today that count as recent (struggling services slip further lately).
    static let recentDays = 28

    /// `progress` runs from 0 on the first day of records to 1 today.
    static func of(_ profile: FixtureProfile, progress f: Double, recent: Bool) -> FixtureRates {
        switch profile {
        case .strong:
            return FixtureRates(missRound: 0.008, findings: 0.04, refusalIncomplete: 0.005, offender: 0, lateEntry: 0.003,
                                escalationLate: 0, escalationNever: 0, lateReturn: 0.04, lateReturnNotEscalated: 0.0)
        case .middling:
            return FixtureRates(missRound: recent ? 0.05 : 0.06 - 0.04 * f, findings: 0.24 - 0.12 * f, refusalIncomplete: 0.15 - 0.06 * f,
                                offender: f < 0.5 ? 0.3 : 0.08, lateEntry: 0.02, escalationLate: 0.12, escalationNever: 0.006,
                                lateReturn: 0.2 - 0.1 * f, lateReturnNotEscalated: 0.1)
        case .struggling:
            return FixtureRates(missRound: recent ? 0.2 : 0.03 + 0.1 * f, findings: 0.2 + 0.2 * f, refusalIncomplete: 0.15 + 0.25 * f,
                                offender: 0.45, lateEntry: recent ? 0.1 : 0.04, escalationLate: 0.25, escalationNever: 0.02,
                                lateReturn: 0.3 + 0.1 * f, lateReturnNotEscalated: 0.3)
        }
    }
}
