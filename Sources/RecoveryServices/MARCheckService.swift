import Foundation
import RecoveryModel

/// What logging a MAR check came to: the check saved (with the staff its findings name who have
/// no current competency, for the follow-up), or the question to ask because the same service,
/// day and round was checked already.
public enum MARCheckLogging: Sendable, Equatable {
    case saved(MARCheck, unqualified: [StaffMember])
    case recheckQuestion(String)
}

/// Where a new MAR check starts: the active services and staff, and the service of the user's
/// latest check of the last 28 days.
public struct MARCheckStart: Sendable, Equatable {
    public var services: [Service]
    public var staff: [StaffMember]
    public var lastCheckedServiceID: Int64?

    public init(services: [Service], staff: [StaffMember], lastCheckedServiceID: Int64?) {
        self.services = services
        self.staff = staff
        self.lastCheckedServiceID = lastCheckedServiceID
    }
}

extension RecoveryServices {
    /// Logs a check with its follow-ups: a late entry is flagged by `lateEntryHours`; a second
    /// check of the same round is only saved when `recheck` says the user meant it.
    public func logMARCheck(_ draft: MARCheckDraft, lateEntryHours: Int, recheck: Bool, as actor: Actor?,
                            at now: Date) throws(StoreError) -> MARCheckLogging {
        let check: MARCheck
        do {
            check = try store.logMARCheck(draft, lateEntryRule: LateEntryRule(hours: lateEntryHours), recheck: recheck,
                                          by: try signedIn(actor), at: now)
        } catch .conflict(let question) {
            return .recheckQuestion(question)
        }
        return .saved(check, unqualified: try staffWithoutCompetency(Set(draft.findings.compactMap(\.staffID)), at: now))
    }

    /// What a new check starts from, for `actor`.
    public func marCheckStart(for actor: Actor?, at now: Date) throws(StoreError) -> MARCheckStart {
        var lastChecked: Int64?
        if let userID = actor?.userID {
            let theirs = MARCheckQuery(from: LondonDay(now).adding(days: -28).start, to: now, checkedByID: userID)
            lastChecked = try store.marCheckPage(theirs, .first(1)).rows.first?.draft.serviceID
        }
        return MARCheckStart(services: try store.services(includingInactive: false),
                             staff: try store.staff(includingInactive: false), lastCheckedServiceID: lastChecked)
    }

    /// One page of MAR checks of the last `days` days (nil: every check), narrowed to `search`.
    public func marCheckPage(days: Int?, search: String, _ page: PageRequest, at now: Date) throws(StoreError) -> RecordPage<MARCheck> {
        let query = MARCheckQuery(from: days.map { LondonDay(now).adding(days: -$0).start }, to: days.map { _ in now },
                                  search: search)
        return try store.marCheckPage(query, page)
    }
}
