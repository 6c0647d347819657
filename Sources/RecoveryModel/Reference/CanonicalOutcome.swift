/// What a MAR chart code means, whatever letter the pharmacy printed for it.
public enum CanonicalOutcome: String, CaseIterable, Codable, Hashable, Sendable {
    case given
    case refused
    case withheld
    case away
    case notAvailable = "not-available"
    case notRequired = "not-required"
    case other

    public var title: String {
        switch self {
        case .given: return "Given"
        case .refused: return "Refused"
        case .withheld: return "Withheld"
        case .away: return "Away (hospital, leave)"
        case .notAvailable: return "Not available"
        case .notRequired: return "Not required"
        case .other: return "Other"
        }
    }
}
