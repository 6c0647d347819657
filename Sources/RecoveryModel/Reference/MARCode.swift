/// A code a pharmacy's MAR chart uses (e.g. "R" for refused), mapped to its canonical outcome.
/// Codes differ between pharmacies, so each store keeps its own table.
public struct MARCode: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var code: String
    public var meaning: String
    public var outcome: CanonicalOutcome
    public var active: Bool

    public init(id: Int64, code: String, meaning: String, outcome: CanonicalOutcome, active: Bool = true) {
        self.id = id
        self.code = code
        self.meaning = meaning
        self.outcome = outcome
        self.active = active
    }
}
