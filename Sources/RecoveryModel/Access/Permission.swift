/// Something a user may or may not do. Checked by the store itself, below every screen and
/// command, so no route around the screens gets further.
public enum Permission: String, CaseIterable, Hashable, Sendable {
    case manageUsers = "manage users"
    case manageServices = "manage services"
    case manageReferenceData = "manage reference data"
    case createPlan = "create plans"
    case reviewPlan = "review plans"
    case closePlan = "close plans"
    case logMARCheck = "log MAR chart checks"
    case recordObservation = "record observations"
    case raiseEscalation = "raise escalations"
    case recordStepEntry = "record plan steps"
    case recordMeasurement = "enter measure results"
    case handleEscalation = "acknowledge, respond to or resolve escalations"
}

/// Which roles hold which permission. One table, tested rule by rule.
public enum Permissions {
    static let managers: Set<Role> = [.deputyManager, .registeredManager, .qualityLead, .nominatedIndividual]
    static let supervisorsAndAbove: Set<Role> = managers.union([
        .fieldSupervisor, .medicinesLead, .safeguardingLead, .providerOperationsLead,
    ])
    static let teamLeadersAndAbove: Set<Role> = supervisorsAndAbove.union([.teamLeader, .shiftLeader, .careCoordinator])

    /// The roles allowed each permission.
    public static let table: [Permission: Set<Role>] = [
        .manageUsers: [.administrator],
        .manageServices: [.administrator],
        .manageReferenceData: [.administrator],
        .createPlan: managers,
        .reviewPlan: managers,
        .closePlan: managers,
        .logMARCheck: teamLeadersAndAbove,
        .recordObservation: supervisorsAndAbove,
        .raiseEscalation: Set(Role.allCases),
        // The step names the role that does it; anyone signed in may record it.
        .recordStepEntry: Set(Role.allCases),
        .recordMeasurement: supervisorsAndAbove,
        .handleEscalation: teamLeadersAndAbove,
    ]

    /// True when `role` may do `permission`.
    public static func allows(_ role: Role, _ permission: Permission) -> Bool {
        table[permission]?.contains(role) ?? false
    }

    /// The roles allowed, as words for a refusal message ("registered manager, deputy manager ...").
    public static func whoMay(_ permission: Permission) -> String {
        let roles = Role.allCases.filter { allows($0, permission) }.map { $0.title.lowercased() }
        return roles.count == Role.allCases.count ? "anyone signed in" : roles.joined(separator: ", ")
    }
}
