/// A regulation of the Health and Social Care Act 2008 (Regulated Activities) Regulations 2014.
public struct Regulation: Hashable, Sendable {
    public var number: Int
    public var title: String

    public init(number: Int, title: String) {
        self.number = number
        self.title = title
    }

    /// "Reg 12".
    public var label: String { "Reg \(number)" }
}
