import Foundation
import GRDB
import RecoveryModel

/// Reference data: MAR codes (editable by administrators), quality statements, regulations and
/// enforcement types (seeded by a migration, versioned by framework).
extension SQLiteRecoveryStore {
    public func marCodes(includingRetired: Bool) throws(StoreError) -> [MARCode] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM mar_code \(includingRetired ? "" : "WHERE active = 1") ORDER BY id").map(Self.marCode)
        }
    }

    public func addMARCode(code: String, meaning: String, outcome: CanonicalOutcome, by actor: Actor,
                           at now: Date) throws(StoreError) -> MARCode {
        let code = try NameRules.clean(code, what: "the code")
        guard code.count <= 8, !code.contains(" ") else {
            throw StoreError.invalid("A MAR code is at most 8 characters with no spaces, as printed on the chart.")
        }
        let meaning = try NameRules.clean(meaning, what: "what the code means")
        return try WritePath.write(pool, by: actor, needing: .manageReferenceData, at: now) { writer in
            if try Bool.fetchOne(writer.db, sql: "SELECT EXISTS (SELECT 1 FROM mar_code WHERE active = 1 AND code = ? COLLATE NOCASE)",
                                 arguments: [code]) ?? false {
                throw StoreError.conflict("The MAR code \(code) is already in use; retire it first to give it a new meaning.")
            }
            let id = try writer.insert(into: .marCode, [
                "code_set": "local", "code": code, "meaning": meaning, "outcome": outcome.rawValue, "active": true,
            ])
            return MARCode(id: id, code: code, meaning: meaning, outcome: outcome, active: true)
        }
    }

    public func setMARCodeActive(_ codeID: Int64, active: Bool, by actor: Actor, at now: Date) throws(StoreError) {
        try WritePath.write(pool, by: actor, needing: .manageReferenceData, at: now) { writer in
            guard let row = try Row.fetchOne(writer.db, sql: "SELECT * FROM mar_code WHERE id = ?", arguments: [codeID]) else {
                throw StoreError.notFound("There is no MAR code with id \(codeID).")
            }
            let current = Self.marCode(row)
            guard current.active != active else { return }
            if active, try Bool.fetchOne(writer.db, sql: "SELECT EXISTS (SELECT 1 FROM mar_code WHERE active = 1 AND code = ? COLLATE NOCASE)",
                                         arguments: [current.code]) ?? false {
                throw StoreError.conflict("The MAR code \(current.code) is already in use by another active code.")
            }
            try writer.update(.marCode, id: codeID, set: ["active": active], action: active ? "bring back" : "retire")
        }
    }

    public func qualityStatements() throws(StoreError) -> [QualityStatement] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM quality_statement WHERE active = 1 ORDER BY framework, position").map {
                QualityStatement(framework: $0["framework"], code: $0["code"], title: $0["title"],
                                 keyQuestion: QualityStatement.KeyQuestion(rawValue: $0["key_question"]) ?? .safe)
            }
        }
    }

    public func regulations() throws(StoreError) -> [Regulation] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM regulation WHERE active = 1 ORDER BY number").map {
                Regulation(number: $0["number"], title: $0["title"])
            }
        }
    }

    public func enforcementTypes() throws(StoreError) -> [EnforcementType] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM enforcement_type WHERE active = 1 ORDER BY position").map {
                EnforcementType(code: $0["code"], title: $0["title"])
            }
        }
    }

    static func marCode(_ row: Row) -> MARCode {
        MARCode(id: row["id"], code: row["code"], meaning: row["meaning"],
                outcome: CanonicalOutcome(rawValue: row["outcome"]) ?? .other, active: row["active"])
    }
}
