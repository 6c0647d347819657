import Foundation

/// A registered location or branch.
public struct Service: Hashable, Sendable, Identifiable {
    /// What kind of care the service gives.
    public enum Kind: String, CaseIterable, Codable, Hashable, Sendable {
        case residential
        case nursing
        case domiciliary
        case supportedLiving = "supported-living"

        /// As people say it: "Supported living".
        public var title: String {
            switch self {
            case .residential: return "Residential home"
            case .nursing: return "Nursing home"
            case .domiciliary: return "Homecare (domiciliary)"
            case .supportedLiving: return "Supported living"
            }
        }

        /// Reads a kind by name in any case, with spaces or hyphens ("supported living").
        public init?(name: String) {
            let folded = name.lowercased().replacingOccurrences(of: " ", with: "-")
            let aliases: [String: Kind] = ["homecare": .domiciliary, "home-care": .domiciliary,
                                           "care-home": .residential, "nursing-home": .nursing]
            guard let kind = Kind(rawValue: folded) ?? aliases[folded] else { return nil }
            self = kind
        }
    }

    public var id: Int64
    public var name: String
    public var kind: Kind
    /// The registered manager's name, when known.
    public var registeredManager: String?
    public var active: Bool
    /// When the service was added to the store (its first audit entry): its history starts
    /// then, so indicators and coverage judge nothing before it. Nil when not known, which
    /// counts as having always been there.
    public var addedAt: Date?

    public init(id: Int64, name: String, kind: Kind, registeredManager: String? = nil, active: Bool = true,
                addedAt: Date? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.registeredManager = registeredManager
        self.active = active
        self.addedAt = addedAt
    }

    /// True when `moment` is before the service was added (so nothing can be expected of it then).
    public func isBeforeStart(_ moment: Date) -> Bool {
        addedAt.map { moment < $0 } ?? false
    }
}
