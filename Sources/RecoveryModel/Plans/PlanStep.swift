/// One of the five steps of an operational response: who does what, where it is recorded and
/// how often.
public struct PlanStepDefinition: Hashable, Codable, Sendable {
    /// 1 to 5.
    public var position: Int
    public var role: Role
    /// What they do, in a sentence.
    public var action: String
    /// Where it is written down.
    public var recordedIn: String
    public var cadence: Cadence

    public init(position: Int, role: Role, action: String, recordedIn: String, cadence: Cadence) {
        self.position = position
        self.role = role
        self.action = action
        self.recordedIn = recordedIn
        self.cadence = cadence
    }
}
