/// A kind of CQC enforcement action (requirement notice, warning notice, ...).
public struct EnforcementType: Hashable, Sendable {
    public var code: String
    public var title: String

    public init(code: String, title: String) {
        self.code = code
        self.title = title
    }
}
