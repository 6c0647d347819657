import Foundation

/// Red, amber, green, or no data to judge by.
public enum IndicatorState: String, Codable, Hashable, Sendable, Comparable {
    case noData = "no-data"
    case green
    case amber
    case red

    public var title: String {
        switch self {
        case .noData: return "No data"
        case .green: return "Green"
        case .amber: return "Amber"
        case .red: return "Red"
        }
    }

    private var rank: Int {
        switch self {
        case .noData: return 0
        case .green: return 1
        case .amber: return 2
        case .red: return 3
        }
    }

    public static func < (lhs: IndicatorState, rhs: IndicatorState) -> Bool { lhs.rank < rhs.rank }

    /// The worst of several states; no data only when nothing else is there.
    public static func worst(_ states: [IndicatorState]) -> IndicatorState { states.max() ?? .noData }
}

/// Which way a trend is heading, comparing the latest four weeks with the four before.
public enum IndicatorTrend: String, Codable, Hashable, Sendable {
    case rising, falling, steady, unknown

    public var title: String {
        switch self {
        case .rising: return "rising"
        case .falling: return "falling"
        case .steady: return "steady"
        case .unknown: return "not enough data"
        }
    }
}

/// One indicator's figure for a service (or the provider): the value now, its state, and its
/// value at the end of each of the last 12 weeks (oldest first; nil where there was nothing to
/// judge by).
public struct IndicatorValue: Hashable, Sendable {
    public let id: IndicatorID
    public let value: Double?
    public let state: IndicatorState
    public let threshold: IndicatorThreshold
    public let history: [Double?]
    /// How the figure was made, in words: "3 of 56 rounds", "4 findings in 112 charts".
    public let basis: String

    public init(id: IndicatorID, value: Double?, state: IndicatorState, threshold: IndicatorThreshold,
                history: [Double?], basis: String) {
        self.id = id
        self.value = value
        self.state = state
        self.threshold = threshold
        self.history = history
        self.basis = basis
    }

    /// "12", "7.5%", "3.2" or "–" when there is no figure.
    public var text: String { value.map { IndicatorFormat.number($0, unit: id.definition.unit) } ?? "–" }

    /// Rising, falling or steady: the mean of the last four weekly values against the four before.
    public var trend: IndicatorTrend {
        let recent = history.suffix(4).compactMap { $0 }
        let earlier = history.dropLast(4).suffix(4).compactMap { $0 }
        guard !recent.isEmpty, !earlier.isEmpty else { return .unknown }
        let now = recent.reduce(0, +) / Double(recent.count)
        let before = earlier.reduce(0, +) / Double(earlier.count)
        let margin = max(0.5, abs(before) * 0.1)
        if now > before + margin { return .rising }
        if now < before - margin { return .falling }
        return .steady
    }
}

/// Every indicator for one service, or for the whole provider (`serviceID` nil).
public struct ServiceIndicators: Hashable, Sendable {
    public let serviceID: Int64?
    public let name: String
    /// In `IndicatorID.allCases` order.
    public let values: [IndicatorValue]

    public init(serviceID: Int64?, name: String, values: [IndicatorValue]) {
        self.serviceID = serviceID
        self.name = name
        self.values = values
    }

    public subscript(_ id: IndicatorID) -> IndicatorValue? { values.first { $0.id == id } }

    /// The worst state of any indicator.
    public var overall: IndicatorState { IndicatorState.worst(values.map(\.state)) }

    public func count(_ state: IndicatorState) -> Int { values.filter { $0.state == state }.count }
}

/// The indicators of every active service, with the provider's row, as at a moment.
public struct IndicatorReport: Hashable, Sendable {
    public let asOf: Date
    public let provider: ServiceIndicators
    public let services: [ServiceIndicators]

    public init(asOf: Date, provider: ServiceIndicators, services: [ServiceIndicators]) {
        self.asOf = asOf
        self.provider = provider
        self.services = services
    }
}

/// A record behind an indicator's value, to open from the service page.
public struct IndicatorRecord: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case marCheck(Int64)
        case escalation(Int64)
        case plan(Int64)
        case staff(Int64)
        /// A round with no check: nothing to open, the coverage screen shows it.
        case missingRound
    }

    public let kind: Kind
    /// When it happened (or was due), for sorting and the list.
    public let date: Date
    public let summary: String

    public init(kind: Kind, date: Date, summary: String) {
        self.kind = kind
        self.date = date
        self.summary = summary
    }
}

/// How figures are written.
public enum IndicatorFormat {
    /// Counts as whole numbers, percentages with a % and one decimal place when needed.
    public static func number(_ value: Double, unit: IndicatorUnit) -> String {
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
        return unit == .percent ? text + "%" : text
    }
}
