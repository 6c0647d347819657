import Foundation

/// When an indicator turns amber and red. Every indicator counts something bad, so higher is
/// worse: at or above `amber` it is amber, at or above `red` it is red, below `amber` green.
public struct IndicatorThreshold: Hashable, Codable, Sendable {
    public var amber: Double
    public var red: Double

    public init(amber: Double, red: Double) {
        self.amber = amber
        self.red = red
    }

    /// The state of a value (no value: no data).
    public func state(of value: Double?) -> IndicatorState {
        guard let value else { return .noData }
        if value >= red { return .red }
        if value >= amber { return .amber }
        return .green
    }

    /// "amber from 2, red from 6".
    public func describe(unit: IndicatorUnit) -> String {
        "amber from \(IndicatorFormat.number(amber, unit: unit)), red from \(IndicatorFormat.number(red, unit: unit))"
    }
}

/// A provider's thresholds: the standard ones, with any the provider has set instead.
public struct IndicatorThresholds: Hashable, Codable, Sendable {
    /// The provider's own thresholds, by indicator.
    public var overrides: [IndicatorID: IndicatorThreshold]

    public init(overrides: [IndicatorID: IndicatorThreshold] = [:]) { self.overrides = overrides }

    public static let standard = IndicatorThresholds()

    public subscript(_ id: IndicatorID) -> IndicatorThreshold { overrides[id] ?? id.definition.standard }

    /// What is wrong with a threshold, in words; empty when it can be used.
    public static func problems(_ threshold: IndicatorThreshold) -> [String] {
        var found: [String] = []
        if threshold.amber < 0 || threshold.red < 0 { found.append("Thresholds cannot be negative.") }
        if threshold.amber > threshold.red { found.append("The amber threshold cannot be above the red one.") }
        if !threshold.amber.isFinite || !threshold.red.isFinite { found.append("Thresholds must be numbers.") }
        return found
    }
}
