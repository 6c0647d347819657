import Foundation
import GRDB
import RecoveryModel

/// The pieces of SQL that search a list in the store the way the screen shows it: ignoring case
/// and accents (`TextMatch`), text taken literally (`instr`, so `%` and `_` are only characters),
/// and moments in London time as the screen writes them.
enum ListSearchSQL {
    /// The SQL function `recoverydesk_fold(text)`: `TextMatch.fold`, registered on every
    /// connection of a store.
    static let foldFunction = DatabaseFunction("recoverydesk_fold", argumentCount: 1, pure: true) { values in
        guard let text = String.fromDatabaseValue(values[0]) else { return nil }
        return TextMatch.fold(text)
    }

    /// The folded, trimmed needle of a search, or nil when there is nothing to find.
    static func needle(_ search: String) -> String? {
        let needle = TextMatch.fold(search).trimmingCharacters(in: .whitespaces)
        return needle.isEmpty ? nil : needle
    }

    /// A condition: the text of `expression` (folded, unless it is plain ASCII digits and
    /// marks, like a date) contains the needle.
    static func contains(_ expression: String, _ needle: String, fold: Bool = true) -> (String, StatementArguments) {
        (fold ? "instr(recoverydesk_fold(\(expression)), ?) > 0" : "instr(\(expression), ?) > 0", [needle])
    }

    /// A condition: the column's value is one of `values` (false when there are none).
    static func isOneOf(_ column: String, _ values: [any DatabaseValueConvertible]) -> (String, StatementArguments)? {
        guard !values.isEmpty else { return nil }
        let arguments = StatementArguments(values.map { $0 as (any DatabaseValueConvertible)? })
        return ("\(column) IN (\(values.map { _ in "?" }.joined(separator: ", ")))", arguments)
    }

    /// The raw values of the cases whose title contains the search.
    static func matching<Value: RawRepresentable & CaseIterable>(_ type: Value.Type, _ search: String,
                                                              title: (Value) -> String) -> [String] where Value.RawValue == String {
        type.allCases.filter { TextMatch.contains(search, in: title($0)) }.map(\.rawValue)
    }

    /// The London wall-clock time of a moment stored as UTC text (`2026-11-21T14:05:00.123Z`), as
    /// SQLite's `YYYY-MM-DD HH:MM:SS`: an hour on from 01:00 UTC on the last Sunday of March
    /// until 01:00 UTC on the last Sunday of October, the UK's summer time.
    static func londonTime(_ column: String) -> String {
        let year = "substr(\(column), 1, 4)"
        return """
            (CASE WHEN \(column) >= date(\(year) || '-03-25', 'weekday 0') || 'T01:00:00' \
            AND \(column) < date(\(year) || '-10-25', 'weekday 0') || 'T01:00:00' \
            THEN datetime(\(column), '+1 hour') ELSE datetime(\(column)) END)
            """
    }

    /// A moment stored as UTC text written as the screen writes it: `dd/mm/yyyy` or, with
    /// `time`, `dd/mm/yyyy hh:mm`, in London time.
    static func ukDate(_ column: String, time: Bool = false) -> String {
        "strftime('\(time ? "%d/%m/%Y %H:%M" : "%d/%m/%Y")', \(londonTime(column)))"
    }

    /// Joins conditions with OR into one (nil when there are none).
    static func any(_ conditions: [(String, StatementArguments)]) -> (String, StatementArguments)? {
        guard !conditions.isEmpty else { return nil }
        var arguments: StatementArguments = []
        for condition in conditions { arguments += condition.1 }
        return (conditions.map { "(\($0.0))" }.joined(separator: " OR "), arguments)
    }
}
