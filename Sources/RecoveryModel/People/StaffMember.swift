/// A member of staff. Staff who can sign in are users (`canSignIn`); the others are named in
/// records (a MAR finding, an observation) but never sign in.
public struct StaffMember: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var name: String
    public var role: Role
    /// The services they work in, in the order they were added to them (the first is their home
    /// service, where their forms start; see `ServiceScope`).
    public var serviceIDs: [Int64]
    public var active: Bool
    /// True when they have a PIN and may sign in.
    public var canSignIn: Bool

    public init(id: Int64, name: String, role: Role, serviceIDs: [Int64] = [], active: Bool = true,
                canSignIn: Bool = false) {
        self.id = id
        self.name = name
        self.role = role
        self.serviceIDs = serviceIDs
        self.active = active
        self.canSignIn = canSignIn
    }

    /// The same person as the one acting in a record.
    public var actor: Actor { Actor(userID: id, name: name, role: role) }
}
