import Foundation

/// How often a plan step recurs.
public enum Cadence: String, CaseIterable, Codable, Hashable, Sendable {
    case once
    case daily
    case twiceWeekly = "twice-weekly"
    case every72Hours = "every-72-hours"
    case weekly
    case fortnightly
    case monthly
    case quarterly

    public var title: String {
        switch self {
        case .once: return "Once"
        case .daily: return "Daily"
        case .twiceWeekly: return "Twice a week"
        case .every72Hours: return "Every 72 hours"
        case .weekly: return "Weekly"
        case .fortnightly: return "Fortnightly"
        case .monthly: return "Monthly"
        case .quarterly: return "Quarterly"
        }
    }
}
