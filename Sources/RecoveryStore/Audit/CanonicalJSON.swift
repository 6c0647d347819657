import Foundation
import GRDB

/// One way, and only one, to write a row's state as text: keys sorted, no spaces, integers as
/// integers, text escaped the same way every time. The audit hash covers this text, so the
/// same row must always give the same bytes.
enum CanonicalJSON {
    /// A row as an object, leaving out `excluded` columns (secrets such as PIN hashes).
    static func state(of row: Row, excluding excluded: Set<String> = []) -> String {
        var pairs: [(String, String)] = []
        for (column, value) in row where !excluded.contains(column) {
            pairs.append((column, encode(value)))
        }
        return object(pairs)
    }

    /// Each column's encoded value, for naming the columns that differ.
    static func columns(of row: Row, excluding excluded: Set<String> = []) -> [String: String] {
        var result: [String: String] = [:]
        for (column, value) in row where !excluded.contains(column) { result[column] = encode(value) }
        return result
    }

    /// Reads back an object written by `state(of:)` into encoded values per column.
    static func columns(ofState text: String) -> [String: String]? {
        guard let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        var result: [String: String] = [:]
        for (key, value) in object {
            switch value {
            case is NSNull: result[key] = "null"
            case let text as String: result[key] = string(text)
            case let number as NSNumber:
                if let integer = Int64(exactly: number.doubleValue), !"\(number)".contains(".") {
                    result[key] = String(integer)
                } else {
                    result[key] = "\(number.doubleValue)"
                }
            default: return nil
            }
        }
        return result
    }

    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.sorted { $0.0 < $1.0 }.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    static func encode(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "null"
        case .int64(let integer): return String(integer)
        case .double(let double): return "\(double)"
        case .string(let text): return string(text)
        case .blob(let data): return string(data.map { String(format: "%02x", $0) }.joined())
        }
    }

    static func optional(_ text: String?) -> String { text.map(string) ?? "null" }

    /// A JSON string with only the escapes JSON requires, always the same way.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
