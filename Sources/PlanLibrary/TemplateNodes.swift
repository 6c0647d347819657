import Foundation
import Yams

/// Reads YAML text into a node tree and lets the template reader ask for typed values, turning
/// every problem into a `TemplateError` that names the file and line.
enum TemplateYAML {
    /// Template files are a few kilobytes; anything much bigger is a mistake.
    static let maximumBytes = 64 * 1024

    /// The root node, or nil for a file of nothing but blank lines and comments.
    static func compose(_ text: String, file: String) throws(TemplateError) -> Node? {
        guard text.utf8.count <= maximumBytes else {
            throw TemplateError(file: file, problem: "the file is too large (\(text.utf8.count / 1024) KB); "
                                + "a template is normally under 8 KB and may be at most \(maximumBytes / 1024) KB")
        }
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw translate(error, text: text, file: file)
        } catch {
            throw TemplateError(file: file, problem: "the file could not be read (\(error))")
        }
    }

    private static func translate(_ error: YamlError, text: String, file: String) -> TemplateError {
        switch error {
        case .reader(_, let offset, _, _):
            let line = offset.map { 1 + text.utf8.prefix(max(0, $0)).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            return TemplateError(file: file, line: line,
                                 problem: "the file contains a control character or other invisible character; remove it")
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let line = mark.line > 0 ? mark.line : context?.mark.line
            let tab = characterAt(line: mark.line, column: mark.column, in: text) == "\t"
            return TemplateError(file: file, line: line, problem: tab ? tabProblem : plainLayoutProblem(problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            let first = context.mark.line > 0 ? context.mark.line : nil
            let second = first.flatMap { secondLine(of: duplicates.first ?? "", after: $0, column: context.mark.column, in: text) }
            return TemplateError(file: file, line: second ?? first,
                                 problem: "\(names) is given more than once in the same section; keep only one")
        default:
            return TemplateError(file: file, problem: "the file could not be read (\(error))")
        }
    }

    private static let tabProblem = "a tab is used here; indent with spaces instead of tabs"

    private static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    private static func characterAt(line: Int, column: Int, in text: String) -> Character? {
        let all = lines(text)
        guard line >= 1, line <= all.count, column >= 1 else { return nil }
        let scalars = Array(all[line - 1].unicodeScalars)
        return column <= scalars.count ? Character(scalars[column - 1]) : nil
    }

    /// The line where `key` is given again in the same section as its first use on `line`: the
    /// next line that starts with `key:` at the same column.
    private static func secondLine(of key: String, after line: Int, column: Int, in text: String) -> Int? {
        let all = lines(text)
        guard line >= 1, column >= 1, line < all.count else { return nil }
        for index in line..<all.count {
            let scalars = Array(all[index].unicodeScalars)
            guard scalars.count >= column else { continue }
            let rest = String(String.UnicodeScalarView(scalars[(column - 1)...]))
            let lead = String(String.UnicodeScalarView(scalars[..<(column - 1)]))
            if rest.hasPrefix(key + ":"), lead.allSatisfy({ $0 == " " || $0 == "-" }) { return index + 1 }
        }
        return nil
    }

    private static func plainLayoutProblem(_ problem: String) -> String {
        if problem.contains("tab") { return tabProblem }
        if problem.contains("undefined alias") { return "\"*name\" is not allowed in templates; write the value out" }
        if problem.contains("mapping values are not allowed") {
            return "there is a colon (:) where one cannot go; put text that contains a colon in quotes"
        }
        if problem.contains("unexpected end of stream") { return "the file ends before a quote or bracket is closed" }
        if problem.contains("did not find expected key") || problem.contains("expected <block end>")
            || problem.contains("did not find expected '-' indicator") {
            return "this line does not line up with the lines above it; check the indentation"
        }
        if problem.contains("could not find expected ':'") { return "a field name is not followed by a colon (:)" }
        if problem.contains("another document") { return "the file holds more than one document (a line of ---); keep only one" }
        return "the layout here could not be read (\(problem)); check the indentation, colons, quotes and brackets"
    }
}

/// One mapping (a group of fields) of a template file, with the file name for messages. Every
/// getter names the line of the value it refuses, or of the group when a field is missing.
struct FieldGroup {
    let file: String
    /// How the group is named in messages, e.g. "the template" or "step 3".
    let what: String
    let line: Int?
    private let pairs: [(key: String, keyLine: Int?, value: Node)]

    init(_ node: Node, file: String, what: String) throws(TemplateError) {
        guard case .mapping(let mapping) = node else {
            throw TemplateError(file: file, line: node.mark?.line,
                                problem: "\(what) should be a group of fields (name: value), not \(FieldGroup.kind(of: node))")
        }
        var pairs: [(key: String, keyLine: Int?, value: Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw TemplateError(file: file, line: key.mark?.line, problem: "a field name must be a plain word such as \"title\"")
            }
            pairs.append((scalar.string, scalar.mark?.line, value))
        }
        self.file = file
        self.what = what
        self.line = mapping.mark?.line
        self.pairs = pairs
    }

    var keys: [String] { pairs.map(\.key) }

    /// Refuses any field not in `allowed`, naming the fields that are.
    func onlyKeys(_ allowed: [String]) throws(TemplateError) {
        for pair in pairs where !allowed.contains(pair.key) {
            throw TemplateError(file: file, line: pair.keyLine ?? line, problem:
                "\(FieldGroup.shown(pair.key)) is not a field of \(what); the fields are: \(allowed.joined(separator: ", "))")
        }
    }

    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    func node(_ key: String) throws(TemplateError) -> Node {
        guard let pair = pairs.first(where: { $0.key == key }) else {
            throw TemplateError(file: file, line: line, problem: "\(what) has no \"\(key)\"; it is required")
        }
        return pair.value
    }

    /// Text, trimmed; refused when empty.
    func text(_ key: String) throws(TemplateError) -> String {
        try FieldGroup.text(try node(key), file: file, name: "\"\(key)\" of \(what)")
    }

    func int(_ key: String, in range: ClosedRange<Int>) throws(TemplateError) -> Int {
        let value = try node(key)
        return try FieldGroup.int(value, file: file, name: "\"\(key)\"", in: range)
    }

    func number(_ key: String, in range: ClosedRange<Double>, openBelow: Bool = false) throws(TemplateError) -> Double {
        let value = try node(key)
        let text = try FieldGroup.scalarText(value, file: file, name: "\"\(key)\"")
        guard let number = Double(text), number.isFinite else {
            throw TemplateError(file: file, line: value.mark?.line, problem: "\"\(key)\" should be a number, not \(FieldGroup.shown(text))")
        }
        let tooLow = openBelow ? number <= range.lowerBound : number < range.lowerBound
        guard !tooLow, number <= range.upperBound else {
            let low = FieldGroup.plain(range.lowerBound), high = FieldGroup.plain(range.upperBound)
            let bounds = openBelow ? "more than \(low) and at most \(high)" : "from \(low) to \(high)"
            throw TemplateError(file: file, line: value.mark?.line,
                                problem: "\"\(key)\" is \(FieldGroup.plain(number)), which is impossible here; it must be \(bounds)")
        }
        return number
    }

    /// A list of nodes; refused when it is not a list or is empty.
    func list(_ key: String) throws(TemplateError) -> (items: [Node], line: Int?) {
        let value = try node(key)
        guard case .sequence(let sequence) = value else {
            throw TemplateError(file: file, line: value.mark?.line,
                                problem: "\"\(key)\" should be a list (lines starting with \"- \"), not \(FieldGroup.kind(of: value))")
        }
        let items = Array(sequence)
        guard !items.isEmpty else {
            throw TemplateError(file: file, line: value.mark?.line, problem: "\"\(key)\" is an empty list; give at least one")
        }
        return (items, value.mark?.line)
    }

    /// A list of texts, each trimmed and not empty.
    func textList(_ key: String) throws(TemplateError) -> [String] {
        var result: [String] = []
        for item in try list(key).items {
            result.append(try FieldGroup.text(item, file: file, name: "an entry of \"\(key)\""))
        }
        return result
    }

    // MARK: - Single values

    static func text(_ node: Node, file: String, name: String) throws(TemplateError) -> String {
        let raw = try scalarText(node, file: file, name: name)
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw TemplateError(file: file, line: node.mark?.line, problem: "\(name) is empty; write it out")
        }
        return trimmed
    }

    static func int(_ node: Node, file: String, name: String, in range: ClosedRange<Int>) throws(TemplateError) -> Int {
        let text = try scalarText(node, file: file, name: name)
        guard let number = Int(text) else {
            throw TemplateError(file: file, line: node.mark?.line, problem: "\(name) should be a whole number, not \(shown(text))")
        }
        guard range.contains(number) else {
            throw TemplateError(file: file, line: node.mark?.line, problem:
                "\(name) is \(number), which is impossible here; it must be from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    static func scalarText(_ node: Node, file: String, name: String) throws(TemplateError) -> String {
        guard case .scalar(let scalar) = node else {
            throw TemplateError(file: file, line: node.mark?.line, problem: "\(name) should be a single value, not \(kind(of: node))")
        }
        if scalar.style == .plain || scalar.style == .any, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            throw TemplateError(file: file, line: node.mark?.line, problem: "\(name) is empty; write it out")
        }
        return scalar.string
    }

    static func kind(of node: Node) -> String {
        switch node {
        case .mapping: return "a group of fields"
        case .sequence: return "a list"
        case .scalar, .alias: return "a single value"
        }
    }

    /// Text the writer gave, in quotes, shortened, with invisible characters shown as "?".
    static func shown(_ text: String) -> String {
        let visible = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
        return "\"" + (visible.count > 40 ? visible.prefix(37) + "..." : visible) + "\""
    }

    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(value)
    }
}
