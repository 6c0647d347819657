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
    /// marks, like a date) contains the needle. Plain ASCII text folds to SQLite's own `lower`,
    /// so the fold function (a call into Swift) is made only for text with other characters.
    static func contains(_ expression: String, _ needle: String, fold: Bool = true) -> (String, StatementArguments) {
        guard fold else { return ("instr(\(expression), ?) > 0", [needle]) }
        return ("(instr(lower(\(expression)), ?) > 0 OR (\(expression) GLOB ? AND instr(recoverydesk_fold(\(expression)), ?) > 0))",
                [needle, notPlainASCII, needle])
    }

    /// A GLOB pattern for text with a character outside plain ASCII.
    static let notPlainASCII = "*[^\u{01}-\u{7F}]*"

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

    /// The London day a needle names in full as the screen writes dates (`dd/mm/yyyy`), if it
    /// does: a date then matches it only when it is that day, which SQL can find by comparing
    /// moments rather than by writing out every row's date.
    static func wholeDay(_ needle: String) -> LondonDay? {
        guard needle.count == 10, let date = UKDateFormat.parseDate(needle) else { return nil }
        let day = LondonDay(date)
        return day.description == needle ? day : nil
    }

    /// True when the needle could be part of a date as the screen writes it (`dd/mm/yyyy`, and
    /// with `time` `dd/mm/yyyy hh:mm`); otherwise no date can contain it and it is not looked for.
    static func couldBeInDate(_ needle: String, time: Bool) -> Bool {
        let allowed: Set<Character> = time ? ["/", ":", " "] : ["/"]
        return needle.allSatisfy { $0.isASCII && ($0.isNumber || allowed.contains($0)) }
    }

    /// The condition that a moment stored as UTC text, written as the screen writes it
    /// (`ukDate`), contains the needle; nil when it cannot.
    static func dateContains(_ column: String, _ needle: String, time: Bool) -> (String, StatementArguments)? {
        if let day = wholeDay(needle) {
            return ("\(column) >= ? AND \(column) < ?", [Timestamp.text(day.start), Timestamp.text(day.adding(days: 1).start)])
        }
        guard couldBeInDate(needle, time: time) else { return nil }
        return contains(ukDate(column, time: time), needle, fold: false)
    }

    /// Joins conditions with OR into one (nil when there are none).
    static func any(_ conditions: [(String, StatementArguments)]) -> (String, StatementArguments)? {
        guard !conditions.isEmpty else { return nil }
        var arguments: StatementArguments = []
        for condition in conditions { arguments += condition.1 }
        return (conditions.map { "(\($0.0))" }.joined(separator: " OR "), arguments)
    }
}
