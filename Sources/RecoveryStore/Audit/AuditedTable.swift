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

    /// Columns kept out of the audited state. PIN salts and hashes never reach the audit log;
    /// the credential row carries a fingerprint of them instead, which is audited.
    var secretColumns: Set<String> {
        self == .staffCredential ? ["salt", "hash"] : []
    }
}
