import Foundation
import Yams

/// Reads the text of a settings or theme file into a YAML node tree, turning every problem into a
/// `ConfigurationError` with a line number.
///
/// Before handing text to Yams it refuses input that could exhaust memory or the stack: files over
/// `maximumBytes`, layouts that could nest deeper than `maximumNesting`, and more than
/// `maximumRepeats` uses of `*name` (which could otherwise make a small file expand enormously).
enum SafeYAML {
    /// Settings and theme files are a few kilobytes; anything much bigger is a mistake.
    static let maximumBytes = 64 * 1024
    /// An upper bound on how deeply lists and sections may nest (real files need about 4).
    static let maximumNesting = 100
    /// How many times `*name` may repeat a part marked `&name`.
    static let maximumRepeats = 20

    /// Decodes file contents as UTF-8 text.
    static func text(from data: Data, file: String) throws(ConfigurationError) -> String {
        guard data.count <= maximumBytes else { throw tooLarge(data.count, file: file) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: file, line: firstBadUTF8Line(data),
                                     problem: "this is not plain text (it is not UTF-8); save the file as plain UTF-8 text")
        }
        return text
    }

    /// Reads a file's bytes, or nil when there is no file at that path.
    static func read(_ url: URL) throws(ConfigurationError) -> Data? {
        let path = url.path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        guard !isDirectory.boolValue else {
            throw ConfigurationError(file: path, problem: "this is a folder, not a file")
        }
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let data = try handle.read(upToCount: maximumBytes + 1) ?? Data()
            guard data.count <= maximumBytes else { throw tooLarge(data.count, file: path) }
            return data
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(file: path, problem: "the file cannot be read (\(plainReason(error)))")
        }
    }

    /// The root node of the text, or nil when it holds nothing but blank lines and comments.
    static func compose(_ text: String, file: String) throws(ConfigurationError) -> Node? {
        guard text.utf8.count <= maximumBytes else { throw tooLarge(text.utf8.count, file: file) }
        try checkShape(text, file: file)
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw translate(error, text: text, file: file)
        } catch {
            throw ConfigurationError(file: file, problem: "the file could not be read (\(error))")
        }
    }

    /// The line a node starts on.
    static func line(of node: Node) -> Int? { node.mark?.line }

    /// "a list", "a group of settings" or "a single value", for messages about wrong types.
    static func kind(of node: Node) -> String {
        switch node {
        case .mapping: return "a group of settings"
        case .sequence: return "a list"
        case .scalar, .alias: return "a single value"
        }
    }

    /// Text the user wrote, in quotes, shortened and with invisible characters shown as "?",
    /// for repeating back in a message.
    static func shown(_ text: String) -> String {
        let visible = String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.value < 0x20 || $0.value == 0x7F ? "?" : $0
        }))
        let short = visible.count > 40 ? visible.prefix(37) + "..." : visible
        return "\"" + short + "\""
    }

    /// True for an unquoted empty value, `~` or `null`.
    static func isNull(_ scalar: Node.Scalar) -> Bool {
        guard scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    static func tooLarge(_ size: Int, file: String) -> ConfigurationError {
        ConfigurationError(file: file, problem: "the file is too large (\(size / 1024) KB); "
                           + "RecoveryDesk reads files of up to \(maximumBytes / 1024) KB, and these files are normally under 4 KB")
    }

    // MARK: - Guards

    /// Refuses text that might nest too deeply or repeat too much, without parsing it. The counts
    /// are generous over-estimates, so they can refuse an odd file but never let a dangerous one by.
    private static func checkShape(_ text: String, file: String) throws(ConfigurationError) {
        var line = 1
        var atLineStart = true
        var leadingRun = 0
        var widestLeadingRun = 0
        var openings = 0
        var repeats = 0
        var commentLine = false
        var previous: Unicode.Scalar = "\n"
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if isBreak(scalar) {
                line += 1
                atLineStart = true
                leadingRun = 0
                commentLine = false
                previous = scalar
                continue
            }
            if atLineStart {
                if " \t-?:".unicodeScalars.contains(scalar) {
                    leadingRun += 1
                    widestLeadingRun = max(widestLeadingRun, leadingRun)
                } else {
                    atLineStart = false
                    commentLine = scalar == "#"
                }
            }
            if !commentLine {
                if scalar == "[" || scalar == "{" { openings += 1 }
                if scalar == "*", " \t\n\r[{,:".unicodeScalars.contains(previous) || isBreak(previous),
                   index + 1 < scalars.count, !" \t,[]{}".unicodeScalars.contains(scalars[index + 1]),
                   !isBreak(scalars[index + 1]) {
                    repeats += 1
                    if repeats > maximumRepeats {
                        throw ConfigurationError(file: file, line: line, problem:
                            "the file repeats marked parts (*name) more than \(maximumRepeats) times; write the values out instead")
                    }
                }
                // A block section can only start at a column reached by spaces and - ? : marks.
                if openings + 2 * (widestLeadingRun + 2) > maximumNesting {
                    throw ConfigurationError(file: file, line: line, problem:
                        "the file is nested too deeply (too many brackets or too much indentation); "
                        + "settings files need only a few levels")
                }
            }
            previous = scalar
        }
    }

    private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    private static func firstBadUTF8Line(_ data: Data) -> Int {
        // Decode line by line; the first line that fails is the one to look at.
        var line = 1
        var start = data.startIndex
        for index in data.indices where data[index] == 0x0A {
            if String(data: data[start..<index], encoding: .utf8) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }

    // MARK: - Translating Yams errors

    private static func translate(_ error: YamlError, text: String, file: String) -> ConfigurationError {
        switch error {
        case .reader(_, let offset, let value, _):
            let line = offset.map { lineAt(byteOffset: $0, in: text) }
            let what = value == 0 ? "a NUL (zero) byte" : "a control character or other invisible character"
            return ConfigurationError(file: file, line: line, problem:
                "the file contains \(what), which is not allowed in a text file; remove it")
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let line = mark.line > 0 ? mark.line : context?.mark.line
            return ConfigurationError(file: file, line: line,
                                      problem: plainLayoutProblem(problem, context: context?.text, text: text, mark: mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            let line = context.mark.line > 0 ? context.mark.line : nil
            return ConfigurationError(file: file, line: line, problem:
                "\(names) is given more than once in the same section; keep only one")
        case .memory:
            return ConfigurationError(file: file, problem: "there was not enough memory to read the file")
        case .dataCouldNotBeDecoded:
            return ConfigurationError(file: file, problem: "this is not plain text (it is not UTF-8)")
        default:
            return ConfigurationError(file: file, problem: "the file could not be read (\(error))")
        }
    }

    private static func plainLayoutProblem(_ problem: String, context: String?, text: String, mark: Mark) -> String {
        let both = problem + " " + (context ?? "")
        if characterAt(mark, in: text) == "\t" || both.contains("tab") {
            return "a tab is used here; indent with spaces instead of tabs"
        }
        if problem.contains("undefined alias") {
            return "\"*name\" refers to a part that is not marked \"&name\" earlier in the file"
        }
        if problem.contains("mapping values are not allowed") {
            return "there is a colon (:) where one cannot go; put a value that contains a colon in quotes"
        }
        if problem.contains("unexpected end of stream") {
            return "the file ends before a quote or bracket is closed"
        }
        if problem.contains("expected ',' or ']'") || problem.contains("expected ',' or '}'") {
            return "a list in [ ] or a group in { } is not closed properly; check the brackets and commas"
        }
        if problem.contains("did not find expected key") || problem.contains("expected <block end>")
            || problem.contains("did not find expected '-' indicator") {
            return "this line does not line up with the lines above it; check the indentation"
        }
        if problem.contains("could not find expected ':'") {
            return "a setting name is not followed by a colon (:)"
        }
        if problem.contains("expected node content") {
            return "a value is missing or something is out of place here; check the indentation, colons, quotes and brackets"
        }
        if problem.contains("escape") {
            return "a backslash escape (such as \\u) inside double quotes is not valid; write the character itself"
        }
        if problem.contains("another document") {
            return "the file holds more than one document (a line of ---); keep only one"
        }
        if problem.contains("cannot start any token") {
            let shown = characterAt(mark, in: text).map { " \"\($0)\"" } ?? ""
            return "the character\(shown) cannot start a value; put the value in quotes"
        }
        return "the layout here could not be read (\(problem)); check the indentation, colons, quotes and brackets"
    }

    private static func characterAt(_ mark: Mark, in text: String) -> Character? {
        guard mark.line >= 1, mark.column >= 1 else { return nil }
        var currentLine = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if currentLine == mark.line {
                if scalar == "\n" { return nil }
                if column == mark.column { return Character(scalar) }
                column += 1
            } else if scalar == "\n" {
                currentLine += 1
                if currentLine > mark.line { return nil }
            }
        }
        return nil
    }

    private static func lineAt(byteOffset: Int, in text: String) -> Int {
        1 + text.utf8.prefix(max(0, byteOffset)).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    static func plainReason(_ error: Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file or folder"
            case NSFileWriteOutOfSpaceError: return "the disk is full"
            case NSFileWriteVolumeReadOnlyError: return "the disk is read-only"
            default: break
            }
        }
        if nsError.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(nsError.code)) {
            switch code {
            case .EACCES, .EPERM: return "permission denied"
            case .ENOENT: return "no such file or folder"
            case .ENOSPC: return "the disk is full"
            case .EROFS: return "the disk is read-only"
            case .EISDIR: return "it is a folder"
            default: break
            }
        }
        return nsError.localizedDescription
    }
}
