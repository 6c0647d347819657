/// The name a form field is addressed by ("round", "charts-checked"), so screens never read a
/// field by its position. Write it as a string literal: `form["round"]`.
public struct FieldName: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
}

/// One entry of a pick list: the label shown and stored as the field's value, and an optional
/// short description shown beside it when the whole list is open.
public struct Choice: Hashable, Sendable, ExpressibleByStringLiteral {
    public var label: String
    public var detail: String?

    public init(_ label: String, detail: String? = nil) {
        self.label = label
        self.detail = detail
    }

    public init(stringLiteral value: String) { self.init(value) }
}
