import Foundation

/// Small pure rules about daily evidence that the store, the screens and the commands share.
public enum EvidenceDerivations {
    /// The refusal for an entry past the late-entry limit that has no reason.
    public static func lateEntryRefusal(_ rule: LateEntryRule) -> String {
        "This check is for a round more than \(rule.hours) hours ago: give a reason for the late entry."
    }

    /// How many days back the "About" pick list of an escalation form looks for records still
    /// awaiting an escalation.
    public static let aboutListDays = 30

    /// The question asked before a second check of the same service, day and round is saved.
    public static func recheckQuestion(_ draft: MARCheckDraft, serviceName: String, checkedBy: String, loggedAt: Date) -> String {
        let round = draft.round == .visit ? "homecare visits" : "\(draft.round.title.lowercased()) round"
        return "\(serviceName)'s \(round) on \(UKDateFormat.date(draft.date)) was already checked by \(checkedBy) at \(UKDateFormat.dateTime(loggedAt)); save this one as a re-check?"
    }

    /// A person reference as matched for repeat findings: letters and digits only, in capitals
    /// ("Rm 4", "rm4" and "RM-4" are the same person; "J.S." and "JS" too).
    public static func personKey(_ reference: String) -> String {
        String(reference.uppercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// The moment a MAR check's round counts as having happened: the usual end of the round on
    /// its London day (`LateEntryRule.roundEnd`).
    public static func roundMoment(_ draft: MARCheckDraft) -> Date {
        LateEntryRule.roundEnd(date: draft.date, round: draft.round)
    }

    /// A check in words, as kept beside an amendment: "Morning round on 03/11/2026: 12 charts
    /// checked; refusals 2 seen, 1 fully recorded; no charts late; findings: Missing signature (RM4)."
    public static func words(_ draft: MARCheckDraft, staffNames: [Int64: String] = [:]) -> String {
        let round = draft.round == .visit ? "Homecare visit" : "\(draft.round.title) round"
        var parts = ["\(round) on \(UKDateFormat.date(draft.date))"]
        var counts = ["\(draft.chartsChecked) \(draft.chartsChecked == 1 ? "chart" : "charts") checked"]
        counts.append(draft.refusalsSeen == 0 ? "no refusals seen"
                      : "refusals \(draft.refusalsSeen) seen, \(draft.refusalsComplete) fully recorded")
        if draft.round == .visit || draft.chartsReturnedLate > 0 {
            counts.append(draft.chartsReturnedLate == 0 ? "no charts returned late" : "\(draft.chartsReturnedLate) returned late")
        }
        parts.append(counts.joined(separator: "; "))
        if draft.findings.isEmpty {
            parts.append("no findings")
        } else {
            let findings = draft.findings.map { finding -> String in
                var words = "\(finding.type.title) (\(finding.personReference)"
                if let staffID = finding.staffID { words += ", \(staffNames[staffID] ?? "staff \(staffID)")" }
                words += ")"
                if !finding.note.isEmpty { words += " \(finding.note)" }
                if !finding.actionTaken.isEmpty { words += "; action: \(finding.actionTaken)" }
                if finding.escalate { words += "; to escalate" }
                return words
            }
            parts.append("findings: " + findings.joined(separator: " | "))
        }
        if let reason = draft.lateEntryReason, !reason.isEmpty { parts.append("late entry: \(reason)") }
        return parts.joined(separator: "; ") + "."
    }
}
