import Foundation
import RecoveryModel

/// What demo to build.
public struct DemoOptions: Hashable, Sendable {
    /// How many services; the kinds cycle residential, nursing, domiciliary, supported living.
    public var services: Int
    /// Years of evidence, ending at `now`.
    public var years: Int
    /// Days of evidence instead of `years`, when set (tests and quick looks).
    public var days: Int?
    /// The same seed (and the same `now`) gives the same store.
    public var seed: UInt64

    public init(services: Int = 5, years: Int = 1, days: Int? = nil, seed: UInt64 = 2026) {
        self.services = services
        self.years = years
        self.days = days
        self.seed = seed
    }

    /// The number of days of evidence.
    public var dayCount: Int { days ?? years * 365 }

    /// What is wrong with the options, in words; empty when a demo can be built.
    public var problems: [String] {
        var found: [String] = []
        if !(1...200).contains(services) { found.append("A demo has from 1 to 200 services.") }
        if days == nil && !(1...10).contains(years) { found.append("A demo covers from 1 to 10 years.") }
        if let days, !(7...3660).contains(days) { found.append("A demo covers from 7 to 3,660 days.") }
        return found
    }
}

/// What a demo store holds, for the command's summary.
public struct DemoSummary: Hashable, Sendable {
    public var providerName: String
    public var firstDay: Date
    public var lastDay: Date
    public var services: Int
    public var staff: Int
    /// Staff who can sign in (all with PIN 1234).
    public var users: Int
    public var marChecks: Int
    public var findings: Int
    public var observations: Int
    public var escalations: Int
    public var escalationsOpen: Int
    public var escalationsOverdue: Int
    public var plans: Int
    /// Plans by status ("active": 7, ...).
    public var plansByStatus: [String: Int]
    public var stepEntries: Int
    public var measurements: Int
    public var reviews: Int
    public var auditEntries: Int

    /// The summary in a few plain lines.
    public var lines: [String] {
        let statuses = ["draft", "active", "monitoring", "closed", "reopened"].compactMap { status in
            plansByStatus[status].map { "\($0) \(status)" }
        }
        return [
            "\(providerName): \(services) services, \(staff) staff (\(users) can sign in), \(UKDateFormat.date(firstDay)) to \(UKDateFormat.date(lastDay)).",
            "\(marChecks) MAR checks with \(findings) findings; \(observations) observations.",
            "\(escalations) escalations (\(escalationsOpen) open, \(escalationsOverdue) overdue).",
            "\(plans) plans (\(statuses.joined(separator: ", "))) with \(stepEntries) step entries, \(measurements) measure results and \(reviews) reviews.",
            "\(auditEntries) audit entries.",
        ]
    }
}
