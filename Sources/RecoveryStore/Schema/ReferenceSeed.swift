import Foundation
import RecoveryModel

/// The reference data a new store starts with, in our own words apart from the official short
/// names. Each set carries its version (`framework`, `code_set`) so a later framework can sit
/// beside this one. Written through the audited path like everything else.
enum ReferenceSeed {
    /// CQC's single assessment framework in use from 2024.
    static let qualityFramework = "cqc-2024"
    static let regulationsFramework = "hsca-ra-2014"
    static let enforcementFramework = "cqc-enforcement"
    static let marCodeSet = "starter-1"
    /// Who the audit log names for seeded rows.
    static let actorName = "RecoveryDesk (reference data)"

    static let qualityStatements: [(code: String, question: QualityStatement.KeyQuestion, title: String)] = [
        ("S1", .safe, "Learning culture"),
        ("S2", .safe, "Safe systems, pathways and transitions"),
        ("S3", .safe, "Safeguarding"),
        ("S4", .safe, "Involving people to manage risks"),
        ("S5", .safe, "Safe environments"),
        ("S6", .safe, "Safe and effective staffing"),
        ("S7", .safe, "Infection prevention and control"),
        ("S8", .safe, "Medicines optimisation"),
        ("E1", .effective, "Assessing needs"),
        ("E2", .effective, "Delivering evidence-based care and treatment"),
        ("E3", .effective, "How staff, teams and services work together"),
        ("E4", .effective, "Supporting people to live healthier lives"),
        ("E5", .effective, "Monitoring and improving outcomes"),
        ("E6", .effective, "Consent to care and treatment"),
        ("C1", .caring, "Kindness, compassion and dignity"),
        ("C2", .caring, "Treating people as individuals"),
        ("C3", .caring, "Independence, choice and control"),
        ("C4", .caring, "Responding to people's immediate needs"),
        ("C5", .caring, "Workforce wellbeing and enablement"),
        ("R1", .responsive, "Person-centred care"),
        ("R2", .responsive, "Care provision, integration and continuity"),
        ("R3", .responsive, "Providing information"),
        ("R4", .responsive, "Listening to and involving people"),
        ("R5", .responsive, "Equity in access"),
        ("R6", .responsive, "Equity in experiences and outcomes"),
        ("R7", .responsive, "Planning for the future"),
        ("W1", .wellLed, "Shared direction and culture"),
        ("W2", .wellLed, "Capable, compassionate and inclusive leaders"),
        ("W3", .wellLed, "Freedom to speak up"),
        ("W4", .wellLed, "Workforce equality, diversity and inclusion"),
        ("W5", .wellLed, "Governance, management and sustainability"),
        ("W6", .wellLed, "Partnerships and communities"),
        ("W7", .wellLed, "Learning, improvement and innovation"),
        ("W8", .wellLed, "Environmental sustainability"),
    ]

    static let regulations: [(number: Int, title: String)] = [
        (9, "Person-centred care"),
        (10, "Dignity and respect"),
        (11, "Need for consent"),
        (12, "Safe care and treatment"),
        (13, "Safeguarding service users from abuse and improper treatment"),
        (14, "Meeting nutritional and hydration needs"),
        (15, "Premises and equipment"),
        (16, "Receiving and acting on complaints"),
        (17, "Good governance"),
        (18, "Staffing"),
        (19, "Fit and proper persons employed"),
        (20, "Duty of candour"),
    ]

    static let enforcementTypes: [(code: String, title: String)] = [
        ("requirement-notice", "Requirement notice (the provider must say how it will put a breach right)"),
        ("warning-notice", "Warning notice (a breach to put right by a set date)"),
        ("conditions", "Conditions added to or changed on the registration"),
        ("special-measures", "Special measures (close oversight with a deadline to improve)"),
        ("suspension", "Registration suspended for a time"),
        ("cancellation", "Registration cancelled"),
        ("fixed-penalty", "Fixed penalty notice"),
        ("simple-caution", "Simple caution"),
        ("prosecution", "Prosecution"),
    ]

    static let marCodes: [(code: String, meaning: String, outcome: CanonicalOutcome)] = [
        ("✓", "Signed or initialled: the dose was given", .given),
        ("SA", "The person took it themselves (self-administered)", .given),
        ("R", "The person refused the dose", .refused),
        ("N", "Not given because of nausea or vomiting", .withheld),
        ("W", "Held back on clinical advice", .withheld),
        ("H", "The person was in hospital", .away),
        ("L", "The person was away on leave or out for the day", .away),
        ("NA", "The medicine was not available (out of stock or not delivered)", .notAvailable),
        ("NR", "A when-required dose that was not needed", .notRequired),
        ("S", "The person was asleep and the dose was not given", .other),
        ("O", "Something else: see the note on the chart", .other),
    ]

    /// Writes every row above through the audited writer.
    static func seed(_ writer: AuditedWriter) throws {
        for (index, statement) in qualityStatements.enumerated() {
            try writer.insert(into: .qualityStatement, [
                "framework": qualityFramework, "code": statement.code, "key_question": statement.question.rawValue,
                "title": statement.title, "position": index + 1, "active": true,
            ])
        }
        for regulation in regulations {
            try writer.insert(into: .regulation, [
                "framework": regulationsFramework, "number": regulation.number, "title": regulation.title, "active": true,
            ])
        }
        for (index, type) in enforcementTypes.enumerated() {
            try writer.insert(into: .enforcementType, [
                "framework": enforcementFramework, "code": type.code, "title": type.title, "position": index + 1,
                "active": true,
            ])
        }
        for code in marCodes {
            try writer.insert(into: .marCode, [
                "code_set": marCodeSet, "code": code.code, "meaning": code.meaning, "outcome": code.outcome.rawValue,
                "active": true,
            ])
        }
        try writer.insert(into: .setting, ["key": Settings.minimumPINLength, "value": "4"])
    }
}
