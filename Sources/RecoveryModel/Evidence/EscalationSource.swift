import Foundation

/// What raised an escalation: one finding of a MAR check, a check's charts returned late (when
/// no finding of its own says so), a plan step entry that found a problem, or an observation.
/// An escalation lists every source it answers; one raised directly lists none. Whether a
/// finding "was escalated" is always worked out from these links, never stored beside them.
public enum EscalationSource: Hashable, Codable, Sendable, Comparable {
    /// Finding `number` of MAR check `checkID` (numbers are kept when a check is corrected).
    case finding(checkID: Int64, number: Int)
    /// The charts a MAR check counted as returned late.
    case lateReturn(checkID: Int64)
    /// A plan step entry recorded as "problem found".
    case stepEntry(entryID: Int64)
    /// An observation or competency check.
    case observation(observationID: Int64)

    /// The kind as stored: "finding", "late-return", "step-entry" or "observation".
    public var kind: String {
        switch self {
        case .finding: return "finding"
        case .lateReturn: return "late-return"
        case .stepEntry: return "step-entry"
        case .observation: return "observation"
        }
    }

    /// The MAR check it belongs to, if any.
    public var checkID: Int64? {
        switch self {
        case .finding(let checkID, _), .lateReturn(let checkID): return checkID
        default: return nil
        }
    }

    /// A short reference in words: "MAR check 12, finding 2".
    public var reference: String {
        switch self {
        case .finding(let checkID, let number): return "MAR check \(checkID), finding \(number)"
        case .lateReturn(let checkID): return "MAR check \(checkID), charts returned late"
        case .stepEntry(let entryID): return "plan step entry \(entryID)"
        case .observation(let observationID): return "observation \(observationID)"
        }
    }

    private var order: (Int, Int64, Int) {
        switch self {
        case .finding(let checkID, let number): return (0, checkID, number)
        case .lateReturn(let checkID): return (0, checkID, 0)
        case .stepEntry(let entryID): return (1, entryID, 0)
        case .observation(let observationID): return (2, observationID, 0)
        }
    }

    public static func < (lhs: EscalationSource, rhs: EscalationSource) -> Bool { lhs.order < rhs.order }
}
