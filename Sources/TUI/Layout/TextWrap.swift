/// Wrapping text to a width in terminal columns.
public enum TextWrap {
    /// `text` broken into lines no wider than `width` columns: between words where possible, with
    /// a word longer than the width broken across lines. Explicit newlines are kept (a blank line
    /// stays blank); runs of spaces between words become one space. Returns no lines when
    /// `width` is less than 1.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            result += wrapParagraph(paragraph, width: width)
        }
        return result
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in words {
            var rest = word
            var restWidth = TextWidth.of(rest)
            if lineWidth > 0 && lineWidth + 1 + restWidth <= width {
                line += " " + rest
                lineWidth += 1 + restWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            // Break a word that cannot fit on a line of its own.
            while restWidth > width {
                var chunk = TextWidth.prefix(rest, fitting: width)
                if chunk.isEmpty, let first = rest.first { chunk = String(first) }
                lines.append(chunk)
                rest = String(rest.dropFirst(chunk.count))
                restWidth = TextWidth.of(rest)
            }
            line = rest
            lineWidth = restWidth
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
