/// A job role named in plans and used for permissions. The raw value is the name used on the
/// command line and in files.
public enum Role: String, CaseIterable, Codable, Hashable, Sendable {
    case careWorker = "care-worker"
    case seniorCarer = "senior-carer"
    case keyWorker = "key-worker"
    case teamLeader = "team-leader"
    case shiftLeader = "shift-leader"
    case careCoordinator = "care-coordinator"
    case fieldSupervisor = "field-supervisor"
    case medicinesLead = "medicines-lead"
    case safeguardingLead = "safeguarding-lead"
    case administrator
    case deputyManager = "deputy-manager"
    case registeredManager = "registered-manager"
    case qualityLead = "quality-lead"
    case providerOperationsLead = "provider-operations-lead"
    case nominatedIndividual = "nominated-individual"

    /// The role as people say it: "Registered manager".
    public var title: String {
        switch self {
        case .careWorker: return "Care or support worker"
        case .seniorCarer: return "Senior carer"
        case .keyWorker: return "Key worker"
        case .teamLeader: return "Team leader"
        case .shiftLeader: return "Shift leader"
        case .careCoordinator: return "Care coordinator"
        case .fieldSupervisor: return "Field supervisor"
        case .medicinesLead: return "Medicines lead"
        case .safeguardingLead: return "Safeguarding lead"
        case .administrator: return "Administrator"
        case .deputyManager: return "Deputy manager"
        case .registeredManager: return "Registered manager"
        case .qualityLead: return "Quality lead"
        case .providerOperationsLead: return "Provider operations lead"
        case .nominatedIndividual: return "Nominated individual"
        }
    }

    /// Reads a role by its name in any case, with spaces, hyphens or underscores:
    /// "Registered Manager", "registered-manager" and "REGISTERED_MANAGER" all work, as do the
    /// short forms "RM", "DM" and "NI".
    public init?(name: String) {
        let folded = String(name.lowercased().map { $0 == " " || $0 == "_" ? "-" : $0 })
            .split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        let short: [String: Role] = ["rm": .registeredManager, "dm": .deputyManager, "ni": .nominatedIndividual,
                                     "admin": .administrator, "support-worker": .careWorker, "carer": .careWorker]
        if let role = Role(rawValue: folded) ?? short[folded] {
            self = role
            return
        }
        if let role = Role.allCases.first(where: { $0.title.lowercased().replacingOccurrences(of: " ", with: "-") == folded }) {
            self = role
            return
        }
        return nil
    }
}
