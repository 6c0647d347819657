import Foundation

/// A member of staff's medicines competency, worked out from their observations (see
/// docs/evidence.md). Pure: the store and the screens both ask it.
///
/// - Only observations up to `now` count, and only competency-relevant ones: an assessment,
///   reassessment or observed medicines round (`ObservationKind.assessesCompetency`), or any
///   observation whose outcome is not yet competent or whose follow-up restricts the person
///   from giving medicines (a spot check can restrict someone).
/// - The latest relevant observation decides (by when it happened; the later recorded wins a tie).
/// - Not yet competent, a restriction, or a borderline outcome → `.restricted`. Borderline is
///   never counted as competent: the person practises under supervision until a reassessment
///   finds them competent.
/// - Competent → valid until the same date 12 months on (the end of that London day), or the
///   reassess-by date when a `reassess` follow-up names an earlier one. `.dueSoon` when that
///   day is 30 days away or fewer, `.expired(since:)` the day after it (the first day not covered).
/// - No relevant observation → `.neverAssessed`.
public enum CompetencyRules {
    /// How long a competent assessment lasts.
    public static let validMonths = 12
    /// How close to running out counts as due.
    public static let dueSoonDays = 30

    /// True when the observation bears on medicines competency.
    public static func isRelevant(_ observation: Observation) -> Bool {
        let draft = observation.draft
        return draft.kind.assessesCompetency || draft.followUp == .restricted || draft.outcome == .notYetCompetent
    }

    /// The observation that decides the status at `now`, or nil.
    public static func deciding(_ observations: [Observation], at now: Date) -> Observation? {
        observations
            .filter { $0.draft.occurredAt <= now && isRelevant($0) }
            .max { ($0.draft.occurredAt, $0.recordedAt, $0.id) < ($1.draft.occurredAt, $1.recordedAt, $1.id) }
    }

    /// The last London day a competent observation keeps someone current (the start of that day).
    public static func validUntil(_ observation: Observation) -> Date {
        let assessed = LondonDay(observation.draft.occurredAt)
        var until = assessed.adding(months: validMonths)
        if observation.draft.followUp == .reassess, let reassess = observation.draft.reassessBy {
            until = min(until, LondonDay(reassess))
        }
        return until.start
    }

    public static func status(observations: [Observation], at now: Date) -> CompetencyStatus {
        guard let latest = deciding(observations, at: now) else { return .neverAssessed }
        let draft = latest.draft
        if draft.outcome != .competent || draft.followUp == .restricted { return .restricted }
        let until = validUntil(latest)
        let today = LondonDay(now)
        let untilDay = LondonDay(until)
        if today > untilDay { return .expired(since: untilDay.adding(days: 1).start) }
        if today.days(to: untilDay) <= dueSoonDays { return .dueSoon(until: until) }
        return .current(until: until)
    }
}
