import Foundation

/// Which way a search goes through a list.
public enum SearchDirection: Hashable, Sendable { case forward, backward }

/// Finding a row by typed text, ignoring case and accents ("siobhan" finds "Siobhán").
public enum ListSearch {
    /// The first row at or after `start` (before, going backward) with a cell containing `query`,
    /// wrapping round the end of the list when `wrap` is true. For "find next", pass the
    /// selected row plus one (minus one going backward). Nil when nothing matches or the query
    /// is blank.
    public static func find(_ query: String, in source: some TableDataSource, from start: Int,
                            direction: SearchDirection = .forward, wrap: Bool = true) -> Int? {
        let needle = fold(query).trimmingCharacters(in: .whitespaces)
        let count = source.rowCount
        guard !needle.isEmpty, count > 0 else { return nil }
        var first = start
        if wrap {
            first = ((start % count) + count) % count
        } else if first < 0 || first >= count {
            // Starting outside the list: nothing left in that direction, unless we start before it.
            if direction == .forward && first < 0 { first = 0 } else if direction == .backward && first >= count {
                first = count - 1
            } else { return nil }
        }
        let step = direction == .forward ? 1 : -1
        var index = first
        for _ in 0..<count {
            if source.cells(at: index).contains(where: { fold($0).contains(needle) }) { return index }
            index += step
            if index < 0 || index >= count {
                guard wrap else { return nil }
                index = (index + count) % count
            }
        }
        return nil
    }

    /// True when `text` contains `query`, ignoring case and accents.
    public static func matches(_ query: String, in text: String) -> Bool {
        let needle = fold(query)
        return needle.isEmpty || fold(text).contains(needle)
    }

    /// Text reduced for matching: lower case, accents removed, full-width letters made plain,
    /// a few letters that have no accent-free form spelt out (ø → o, ß → ss), curly quotes made
    /// straight.
    public static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive],
                                  locale: nil)
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
