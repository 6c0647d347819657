import Foundation

extension MARRound {
    /// The round a check is due for at `now` in a kind of service: of the rounds the service
    /// checks each day (`expected(for:)`), the latest whose usual end has passed today (London
    /// time), so its charts are ready to check; before the first one has ended, that first
    /// round, which is under way. A homecare branch always checks its visits.
    ///
    /// At 13:00 in a care home the morning round (ended 10:00) is due; at 14:00 lunchtime; at
    /// 07:00 the morning round.
    public static func due(at now: Date, in kind: Service.Kind) -> MARRound {
        let rounds = expected(for: kind)
        return rounds.last { LateEntryRule.roundEnd(date: now, round: $0) <= now } ?? rounds[0]
    }
}
