/// Rules for PINs: digits only, at least `minimumLength` of them (4 unless an administrator sets
/// more).
public struct PINPolicy: Hashable, Sendable {
    public var minimumLength: Int

    public init(minimumLength: Int = 4) { self.minimumLength = max(4, minimumLength) }

    /// A plain-words reason the PIN is refused, or nil when it is acceptable.
    public func problem(with pin: String) -> String? {
        if pin.isEmpty { return "Enter a PIN" }
        if !pin.allSatisfy({ $0.isASCII && $0.isNumber }) { return "A PIN is digits only" }
        if pin.count < minimumLength { return "A PIN needs at least \(minimumLength) digits" }
        if pin.count > 12 { return "A PIN has at most 12 digits" }
        return nil
    }
}
