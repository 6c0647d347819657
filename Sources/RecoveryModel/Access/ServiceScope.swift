/// Which services a member of staff may act on. Service-level roles (care and support workers,
/// senior carers, key workers, team and shift leaders, care coordinators, field supervisors,
/// deputy and registered managers, medicines leads) act on the services they work in only;
/// provider-wide roles (quality lead, nominated individual, provider operations lead,
/// safeguarding lead, administrator) act on every service. Checked by the store inside each
/// write, beside the permissions table, with the actor's services read from the store.
public enum ServiceScope {
    /// The roles that act on every service of the provider.
    public static let providerWideRoles: Set<Role> = [
        .qualityLead, .nominatedIndividual, .providerOperationsLead, .safeguardingLead, .administrator,
    ]

    /// True when the role acts on every service.
    public static func isProviderWide(_ role: Role) -> Bool { providerWideRoles.contains(role) }

    /// True when someone in `role` who works at `actorServices` may act on the service
    /// `serviceID`. A record with no service (a provider-wide plan) passes `nil`: only
    /// provider-wide roles act on those.
    public static func may(_ role: Role, actorServices: some Sequence<Int64>, actOn serviceID: Int64?) -> Bool {
        if isProviderWide(role) { return true }
        guard let serviceID else { return false }
        return actorServices.contains(serviceID)
    }

    /// True when someone in `role` who works at `actorServices` may act on a member of staff who
    /// works at `staffServices` (observe them): a service-level role needs a service in common.
    public static func may(_ role: Role, actorServices: some Sequence<Int64>, actOnStaffAt staffServices: some Sequence<Int64>) -> Bool {
        if isProviderWide(role) { return true }
        return !Set(actorServices).isDisjoint(with: staffServices)
    }

    /// Names as words: "Oak House", "Oak House and Elm Court", "Ash Lodge, Oak House and Elm Court".
    public static func list(_ names: [String]) -> String {
        names.count <= 1 ? (names.first ?? "") : names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }

    /// The refusal in one sentence: "You work at Oak House, so you cannot log a check for Elm
    /// Court." `doing` is what was refused, starting with its verb.
    public static func refusal(actorServiceNames: [String], cannot doing: String) -> String {
        if actorServiceNames.isEmpty { return "You do not work at any service, so you cannot \(doing)." }
        return "You work at \(list(actorServiceNames)), so you cannot \(doing)."
    }

    /// A member of staff's home service: the first of their services, as listed (the store lists
    /// them in the order they were added to them). Nil for provider-wide roles, whose forms keep
    /// the provider-wide default, and for anyone with no service.
    public static func homeService(of member: StaffMember?) -> Int64? {
        guard let member, !isProviderWide(member.role) else { return nil }
        return member.serviceIDs.first
    }
}
