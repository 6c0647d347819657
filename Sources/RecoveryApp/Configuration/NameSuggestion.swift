/// Finds the known name nearest to a misspelt one, for "did you mean" hints.
enum NameSuggestion {
    /// The closest of `candidates` to `name`, or nil when none is close enough to be a likely typo.
    static func nearest(to name: String, in candidates: [String]) -> String? {
        let wanted = normalised(name)
        guard !wanted.isEmpty else { return nil }
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(wanted, normalised(candidate))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let allowed = max(1, min(3, wanted.count / 3))
        return best.distance <= allowed ? best.name : nil
    }

    /// ` (did you mean "x"?)` or an empty string.
    static func hint(for name: String, in candidates: [String]) -> String {
        guard let near = nearest(to: name, in: candidates) else { return "" }
        return " (did you mean \"\(near)\"?)"
    }

    private static func normalised(_ text: String) -> [Character] {
        Array(text.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 }.prefix(64))
    }

    /// Levenshtein distance.
    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
