import Foundation

/// How a list's search matches text: ignoring case and accents ("siobhan" finds "Siobhán"). The
/// same folding as the on-screen search of lists kept in memory (`ListSearch.fold` in TUI, which
/// cannot depend on this module; a test keeps the two alike), for the lists searched in the store.
public enum TextMatch {
    /// True when `text` contains `query` (trimmed), ignoring case and accents; a blank query
    /// matches everything.
    public static func contains(_ query: String, in text: String) -> Bool {
        let needle = fold(query).trimmingCharacters(in: .whitespaces)
        return needle.isEmpty || fold(text).contains(needle)
    }

    /// True when the query has something to find.
    public static func isBlank(_ query: String) -> Bool { query.trimmingCharacters(in: .whitespaces).isEmpty }

    /// Text reduced for matching: lower case, accents removed, full-width letters made plain,
    /// a few letters without an accent-free form spelt out (ø → o, ß → ss), curly quotes straight.
    public static func fold(_ text: String) -> String {
        // Plain ASCII only needs its capitals lowered (and this is the common case, by far).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
        }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        guard folded.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return folded }
        var result = ""
        for character in folded {
            switch character {
            case "ø": result += "o"
            case "ł": result += "l"
            case "đ": result += "d"
            case "ß": result += "ss"
            case "æ": result += "ae"
            case "œ": result += "oe"
            case "ı": result += "i"
            case "’", "‘", "ʼ": result += "'"
            case "“", "”": result += "\""
            case "‐", "‑", "–": result += "-"
            default: result.append(character)
            }
        }
        return result
    }
}
