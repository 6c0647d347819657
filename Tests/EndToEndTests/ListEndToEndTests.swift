import Foundation
import TestSupport
import Testing

/// The MAR checks list on the demo store in the real binary, read a page at a time: paging down
/// and back up, every check to its end, a search in the store, and a check opened from it.
@Suite(.serialized) struct ListEndToEndTests {
    /// The rows of the MAR checks table: the lines under its header, up to a blank line, the
    /// words under the page or a message's rule.
    static func rows(_ screen: String) -> [String] {
        let lines = screen.components(separatedBy: "\n")
        guard let top = lines.firstIndex(where: { $0.contains("Findings") && $0.contains("Round") }) else { return [] }
        return Array(lines[(top + 1)...].prefix {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.contains("more above") && !$0.contains("more below")
                && !$0.contains("────")  // a long message grows up over the bottom of the list, under a rule
        })
    }

    /// A row's round day as yyyymmdd, to compare order.
    static func day(_ row: String) -> Int? {
        let parts = row.trimmingCharacters(in: .whitespaces).prefix(10).split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return parts[2] * 10_000 + parts[1] * 100 + parts[0]
    }

    /// A row's service: the words after the date and round, up to the charts figure.
    static func service(_ row: String) -> String {
        let words = row.split(separator: " ", omittingEmptySubsequences: true).dropFirst(2)
        return words.prefix { Int($0) == nil }.joined(separator: " ")
    }

    @Test func theMARChecksListPagesSearchesAndOpensACheck() throws {
        let session = try TmuxSession(arguments: ["--demo"])
        defer { session.close() }
        try session.waitFor("every PIN is 1234", timeout: 240)
        try session.signIn("Siobhán", pin: "1234")

        try session.send("F4")
        let first = try session.waitUntil("the first page of MAR checks", timeout: 30) {
            $0.contains("Daily MAR chart checks") && $0.contains("more below ↓") && !Self.rows($0).isEmpty
        }
        let firstRows = Self.rows(first)
        let firstDays = firstRows.compactMap(Self.day)
        #expect(firstDays.count == firstRows.count, "\(first)")
        #expect(firstDays == firstDays.sorted(by: >), "newest first:\n\(first)")

        // PgDn: the next page, carrying on where the first ended.
        try session.send("NPage")
        let second = try session.waitUntil("the second page") { Self.rows($0) != firstRows && $0.contains("↑ more above and below ↓") }
        let secondDays = Self.rows(second).compactMap(Self.day)
        #expect(!secondDays.isEmpty)
        #expect(secondDays == secondDays.sorted(by: >))
        #expect((secondDays.first ?? 0) <= (firstDays.last ?? 0), "the second page follows the first:\n\(first)\n\(second)")

        // PgUp, PgUp: back to the first page as it was.
        try session.send("PPage")
        try session.send("PPage")
        try session.waitUntil("the first page again") { Self.rows($0) == firstRows && $0.contains("more below ↓") && !$0.contains("↑") }

        // f: every check of the year; End reaches its oldest, months back.
        try session.send("f")
        try session.waitFor("Daily MAR chart checks: every check")
        try session.send("End")
        let end = try session.waitUntil("the end of every check") { $0.contains("↑ more above") && !$0.contains("below ↓") }
        let endDays = Self.rows(end).compactMap(Self.day)
        #expect((endDays.last ?? .max) < (firstDays.last ?? 0) - 300, "the oldest check is months before the first page:\n\(end)")
        try session.send("Home")
        try session.waitUntil("the top again") { Self.rows($0) == firstRows }

        // Search in the store: one service's checks only.
        let service = Self.service(try #require(firstRows.first))
        #expect(!service.isEmpty, "\(first)")
        try session.send("/")
        try session.waitFor("Enter show matches")
        try session.type(service.lowercased())
        try session.send("Enter")
        let found = try session.waitFor("matching \"\(service.lowercased())\"")
        let foundRows = Self.rows(found)
        #expect(!foundRows.isEmpty)
        #expect(foundRows.allSatisfy { $0.contains(service) }, "only \(service)'s checks:\n\(found)")

        // A search that finds nothing says so and keeps the list.
        try session.send("/")
        try session.type("50%_none")
        try session.send("Enter")
        try session.waitFor("No checks match \"50%_none\".")

        // Enter opens the selected check; Esc comes back to the list as it was.
        try session.send("Down")
        try session.send("Enter")
        let check = try session.waitFor("Checked by")
        #expect(check.contains(service), "\(check)")
        try session.send("Escape")
        try session.waitUntil("the list searched as before") { Self.rows($0) == foundRows || $0.contains("matching \"\(service.lowercased())\"") }
        // Esc clears the search; Esc again leaves.
        try session.send("Escape")
        try session.waitFor("Search cleared")
        try session.send("F10")
        try session.waitFor("EXIT=0")
    }
}
