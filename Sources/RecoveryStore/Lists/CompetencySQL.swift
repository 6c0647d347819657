import Foundation
import GRDB
import RecoveryModel

/// `CompetencyRules` as SQL conditions on a member of staff (`s`), so the competency list can
/// be searched by status in the store. The status shown is still worked out by
/// `CompetencyRules.status` from the same deciding observation; a test holds the two alike.
/// Dates become thresholds worked out here, so SQL only compares stored moments.
enum CompetencySQL {
    /// The statuses as the list words them, without their dates.
    enum Kind: CaseIterable {
        case current, dueSoon, expired, restricted, neverAssessed

        /// The start of `CompetencyStatus.title` for this status, which is what search matches.
        var label: String {
            switch self {
            case .current: return "Current until"
            case .dueSoon: return "Due: runs out"
            case .expired: return "Expired"
            case .restricted: return "Restricted"
            case .neverAssessed: return "Never assessed"
            }
        }
    }

    /// The condition on an observation (`alias`) that it bears on competency
    /// (`CompetencyRules.isRelevant`).
    static func relevant(_ alias: String) -> (String, StatementArguments) {
        let kinds = ObservationKind.allCases.filter(\.assessesCompetency).map(\.rawValue)
        let marks = kinds.map { _ in "?" }.joined(separator: ", ")
        return ("(\(alias).kind IN (\(marks)) OR \(alias).follow_up = ? OR \(alias).outcome = ?)",
                StatementArguments(kinds) + [FollowUp.restricted.rawValue, CompetencyOutcome.notYetCompetent.rawValue])
    }

    /// The condition that `s`'s status at `now` is one of `kinds`.
    static func status(in kinds: [Kind], at now: Date) -> (String, StatementArguments)? {
        guard !kinds.isEmpty else { return nil }
        let moment = Timestamp.text(now)
        let (relevant, relevantArguments) = relevant("o")
        let deciding = """
            SELECT o.id FROM observation o WHERE o.staff_id = s.id AND o.occurred_at <= ? AND \(relevant)
            ORDER BY o.occurred_at DESC, o.recorded_at DESC, o.id DESC LIMIT 1
            """
        let decidingArguments: StatementArguments = [moment] + relevantArguments
        let today = LondonDay(now)
        let competent = "d.outcome = '\(CompetencyOutcome.competent.rawValue)' AND d.follow_up <> '\(FollowUp.restricted.rawValue)'"
        // The deciding observation keeps someone current up to a day before `day`.
        func runsOutBefore(_ day: LondonDay) -> (String, StatementArguments) {
            ("(d.occurred_at < ? OR (d.follow_up = '\(FollowUp.reassess.rawValue)' AND d.reassess_by IS NOT NULL AND d.reassess_by < ?))",
             [Timestamp.text(firstAssessedDay(runningOutOnOrAfter: day).start), Timestamp.text(day.start)])
        }
        let (expired, expiredArguments) = runsOutBefore(today)
        let (due, dueArguments) = runsOutBefore(today.adding(days: CompetencyRules.dueSoonDays + 1))
        var parts: [(String, StatementArguments)] = []
        for kind in kinds {
            switch kind {
            case .neverAssessed:
                parts.append(("NOT EXISTS (\(deciding))", decidingArguments))
            case .restricted:
                parts.append(("EXISTS (SELECT 1 FROM observation d WHERE d.id = (\(deciding)) AND NOT (\(competent)))", decidingArguments))
            case .expired:
                parts.append(("EXISTS (SELECT 1 FROM observation d WHERE d.id = (\(deciding)) AND \(competent) AND \(expired))",
                              decidingArguments + expiredArguments))
            case .dueSoon:
                parts.append(("EXISTS (SELECT 1 FROM observation d WHERE d.id = (\(deciding)) AND \(competent) AND NOT \(expired) AND \(due))",
                              decidingArguments + expiredArguments + dueArguments))
            case .current:
                parts.append(("EXISTS (SELECT 1 FROM observation d WHERE d.id = (\(deciding)) AND \(competent) AND NOT \(due))",
                              decidingArguments + dueArguments))
            }
        }
        return ListSearchSQL.any(parts)
    }

    /// The first London day whose competence lasts (`CompetencyRules.validMonths` on) until
    /// `day` or later: an assessment on an earlier day has run out before `day`.
    static func firstAssessedDay(runningOutOnOrAfter day: LondonDay) -> LondonDay {
        let months = CompetencyRules.validMonths
        var first = day.adding(months: -months)
        // Adding months clamps to a month's end, so step to the exact day either way.
        while first.adding(days: -1).adding(months: months) >= day { first = first.adding(days: -1) }
        while first.adding(months: months) < day { first = first.adding(days: 1) }
        return first
    }
}
