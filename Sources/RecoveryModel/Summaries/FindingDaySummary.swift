import Foundation

/// Findings of one type for one service and round day, recorded on one London day, naming the
/// same member of staff (or none) and the same person (by `EvidenceDerivations.personKey`),
/// counted. Kept in `summary_finding_day` beside `CheckDaySummary`: the repeat-finding
/// indicators and measures count repeats from these.
public struct FindingDaySummary: Hashable, Sendable {
    public var serviceID: Int64
    public var day: Int
    public var recordedDay: Int
    public var type: FindingType
    /// 0 when no member of staff is named.
    public var staffID: Int64
    /// Empty when no person is named.
    public var personKey: String
    public var count: Int

    public init(serviceID: Int64, day: Int, recordedDay: Int, type: FindingType, staffID: Int64, personKey: String,
                count: Int) {
        self.serviceID = serviceID
        self.day = day
        self.recordedDay = recordedDay
        self.type = type
        self.staffID = staffID
        self.personKey = personKey
        self.count = count
    }

    /// The staff member named, or nil.
    public var staff: Int64? { staffID == 0 ? nil : staffID }

    /// Every finding of the checks, grouped; ordered by service, day, recorded day, type, staff and person.
    public static func summarise(_ checks: [MARCheck]) -> [FindingDaySummary] {
        struct Key: Hashable { let place: SummaryKey; let type: FindingType; let staff: Int64; let person: String }
        var counts: [Key: Int] = [:]
        for check in checks {
            let place = SummaryKey(check)
            for finding in check.draft.findings {
                counts[Key(place: place, type: finding.type, staff: finding.staffID ?? 0,
                           person: EvidenceDerivations.personKey(finding.personReference)), default: 0] += 1
            }
        }
        return counts.map { key, count in
            FindingDaySummary(serviceID: key.place.serviceID, day: key.place.day, recordedDay: key.place.recordedDay,
                              type: key.type, staffID: key.staff, personKey: key.person, count: count)
        }.sorted {
            ($0.serviceID, $0.day, $0.recordedDay, $0.type.rawValue, $0.staffID, $0.personKey)
                < ($1.serviceID, $1.day, $1.recordedDay, $1.type.rawValue, $1.staffID, $1.personKey)
        }
    }
}
