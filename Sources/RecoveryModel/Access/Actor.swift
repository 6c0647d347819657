/// Who is doing something: the signed-in user, or the set-up process before any user exists.
public struct Actor: Hashable, Sendable {
    /// The user's id, or nil for first-run set-up.
    public var userID: Int64?
    public var name: String
    public var role: Role

    public init(userID: Int64?, name: String, role: Role) {
        self.userID = userID
        self.name = name
        self.role = role
    }

    /// True when this actor's role allows `permission`.
    public func may(_ permission: Permission) -> Bool { Permissions.allows(role, permission) }
}
