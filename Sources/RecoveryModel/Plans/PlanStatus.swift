/// Where a recovery plan stands. A plan reaches `closed` only through the closure guard.
public enum PlanStatus: String, CaseIterable, Codable, Hashable, Sendable {
    case draft
    case active
    /// The target is met and is being sustained.
    case monitoring
    case closed
    case reopened

    public var title: String {
        switch self {
        case .draft: return "Draft"
        case .active: return "Active"
        case .monitoring: return "Monitoring"
        case .closed: return "Closed"
        case .reopened: return "Reopened"
        }
    }
}

/// What a plan answers.
public enum PlanSource: String, CaseIterable, Codable, Hashable, Sendable {
    case inspectionFinding = "inspection-finding"
    case requirementNotice = "requirement-notice"
    case warningNotice = "warning-notice"
    case condition
    case audit
    case incident
    case complaint
    case safeguarding

    public var title: String {
        switch self {
        case .inspectionFinding: return "Inspection finding"
        case .requirementNotice: return "Requirement notice"
        case .warningNotice: return "Warning notice"
        case .condition: return "Condition"
        case .audit: return "Audit"
        case .incident: return "Incident"
        case .complaint: return "Complaint"
        case .safeguarding: return "Safeguarding"
        }
    }
}
