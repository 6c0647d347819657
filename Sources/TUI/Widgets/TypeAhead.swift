/// Choosing from a list by typing the start of a label. Each letter is added to a typed prefix
/// and the first label starting with it (ignoring case) is chosen: "st" then "str" narrows. A
/// letter that matches nothing is ignored and the prefix stays as it was. Typing the same letter
/// again steps through the labels starting with it. The prefix starts afresh after a pause of
/// `TypeAhead.pause`, or when the caller calls `reset()` (on moving).
public struct TypeAhead: Sendable {
    /// The letters typed so far.
    public private(set) var prefix = ""
    private var lastTyped: ContinuousClock.Instant?

    /// How long a pause starts a new prefix.
    public static let pause: Duration = .seconds(1)

    public init() {}

    /// Forgets the letters typed so far.
    public mutating func reset() {
        prefix = ""
        lastTyped = nil
    }

    /// Adds `letter` typed at `time` and returns the index of the label now chosen, or nil when
    /// nothing matches (the letter is then ignored). `current` is the label chosen before.
    public mutating func type(_ letter: Character, in labels: [String], current: Int?,
                              at time: ContinuousClock.Instant) -> Int? {
        if let lastTyped, lastTyped.duration(to: time) > Self.pause { prefix = "" }
        let candidate = (prefix + String(letter)).lowercased()
        if let index = labels.firstIndex(where: { $0.lowercased().hasPrefix(candidate) }) {
            prefix = candidate
            lastTyped = time
            return index
        }
        // The same letter again: the next label starting with it.
        let first = String(letter).lowercased()
        if !candidate.isEmpty, candidate.allSatisfy({ String($0) == first }) {
            let starting = labels.indices.filter { labels[$0].lowercased().hasPrefix(first) }
            if !starting.isEmpty {
                let next = starting.first { $0 > (current ?? -1) } ?? starting[0]
                prefix = candidate
                lastTyped = time
                return next
            }
        }
        return nil
    }

    /// True when `letter` typed now would extend the prefix to match a label (used to let Space
    /// be part of a prefix such as "supervised p").
    public func wouldMatch(_ letter: Character, in labels: [String], at time: ContinuousClock.Instant) -> Bool {
        guard !prefix.isEmpty, let lastTyped, lastTyped.duration(to: time) <= Self.pause else { return false }
        let candidate = (prefix + String(letter)).lowercased()
        return labels.contains { $0.lowercased().hasPrefix(candidate) }
    }
}
