/// Every table whose rows go through the write path and the audit log. `verify` compares each
/// current row of these tables with the state in its last audit entry.
enum AuditedTable: String, CaseIterable, Sendable {
    case provider
    case service
    case staff
    case staffService = "staff_service"
    case staffCredential = "staff_credential"
    case setting
    case qualityStatement = "quality_statement"
    case regulation
    case enforcementType = "enforcement_type"
    case marCode = "mar_code"
    // Store version 3: recovery plans (see PlanSchema).
    case plan
    case planStep = "plan_step"
    case planStepEntry = "plan_step_entry"
    case planMeasure = "plan_measure"
    case planMeasureResult = "plan_measure_result"
    case planReview = "plan_review"
    case planStatusChange = "plan_status_change"
    // Store version 4: daily evidence (see EvidenceSchema).
    case marCheck = "mar_check"
    case marFinding = "mar_finding"
    case marCheckAmendment = "mar_check_amendment"
    case observation
    case escalation
    // Store version 5: the evidence chain (see EvidenceChainSchema).
    case escalationSource = "escalation_source"

    /// The tables made by migration 1 (its delete guards are made with them).
    static let version1: [AuditedTable] = [
        .provider, .service, .staff, .staffService, .staffCredential, .setting, .qualityStatement,
        .regulation, .enforcementType, .marCode,
    ]
    /// The tables made by migration 3, recovery plans.
    static let plans: [AuditedTable] = [
        .plan, .planStep, .planStepEntry, .planMeasure, .planMeasureResult, .planReview, .planStatusChange,
    ]
    /// The tables made by migration 4, daily evidence.
    static let evidence: [AuditedTable] = [.marCheck, .marFinding, .marCheckAmendment, .observation, .escalation]

    /// Columns kept out of the audited state. PIN salts and hashes never reach the audit log;
    /// the credential row carries a fingerprint of them instead, which is audited.
    var secretColumns: Set<String> {
        self == .staffCredential ? ["salt", "hash"] : []
    }
}
