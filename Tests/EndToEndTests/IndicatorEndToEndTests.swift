import Foundation
import TestSupport
import Testing

/// The early-warning indicators on the demo store, in the real binary: every service on the
/// dashboard, a service with a red indicator, that indicator's records, and one record opened.
/// Nothing about the demo's figures is assumed: red rows and red indicators are found on screen.
@Suite(.serialized) struct IndicatorEndToEndTests {
    /// The screen's lines.
    static func lines(_ screen: String) -> [String] { screen.components(separatedBy: "\n") }

    /// The rows of the table whose header line contains `header`, up to the first blank line.
    static func tableRows(_ screen: String, header: String) -> [String] {
        let all = lines(screen)
        guard let top = all.firstIndex(where: { $0.contains(header) }) else { return [] }
        return Array(all[(top + 1)...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    /// The heading (the second line): the titles of the screens open, joined by "›".
    static func heading(_ screen: String) -> String {
        let all = lines(screen)
        return all.count > 1 ? all[1].trimmingCharacters(in: .whitespaces) : ""
    }

    /// What each kind of record opens to, by the word in the records list's "Opens" column.
    static let detailSigns: [String: String] = [
        "MAR check": "Checked by", "Escalation": "What happened:", "Plan": "The five steps",
        "Competency": "Medicines competency:", "No check": "Coverage: the last 28 days",
    ]

    @Test func fromTheDashboardToTheRecordBehindARedIndicator() throws {
        let session = try TmuxSession(arguments: ["--demo"])
        defer { session.close() }
        try session.waitFor("every PIN is 1234", timeout: 240)
        try session.signIn("Siobhán", pin: "1234")

        // The services in use, as the administration list has them.
        try session.send("F9")
        try session.waitFor("Add, retire or restore services")
        try session.send("Enter")
        let servicesScreen = try session.waitUntil("the services list") { $0.contains("Registered manager") && $0.contains("In use") }
        let names = Self.tableRows(servicesScreen, header: "Registered manager").filter { $0.contains("In use") }
            .map(Self.name(inServicesRow:))
        #expect(!names.isEmpty)

        // Every one of them on the dashboard, under the whole provider's row.
        try session.send("F2")
        let dashboard = try session.waitUntil("the dashboard's figures", timeout: 60) {
            $0.contains("Whole provider") && $0.contains("As at")
        }
        for name in names { #expect(dashboard.contains(name), "\(name) is on the dashboard:\n\(dashboard)") }

        // Down to the first service whose row shows a red badge, and open it.
        let rows = Self.tableRows(dashboard, header: "Overall")
        #expect(rows.first?.contains("Whole provider") == true, "\(dashboard)")
        let redRow = try #require(rows.indices.dropFirst().first { rows[$0].contains("▲R") },
                                  "a service with a red indicator:\n\(dashboard)")
        let service = try #require(names.first { rows[redRow].contains($0) })
        for _ in 0..<redRow { try session.send("Down") }
        try session.send("Enter")
        let page = try session.waitUntil("\(service)'s indicators", timeout: 30) {
            Self.heading($0) == service && $0.contains("Trend (12 weeks)")
        }

        // Each red indicator in turn until one has a record to open (a round with no check has
        // none; its coverage is shown instead, which is the last resort).
        let indicators = Self.tableRows(page, header: "Trend (12 weeks)")
        let reds = indicators.indices.filter { indicators[$0].contains("▲R") }
        #expect(!reds.isEmpty, "a red indicator on the page:\n\(page)")
        var opened = false
        for (attempt, index) in reds.enumerated() {
            try session.send("Home")
            for _ in 0..<index { try session.send("Down") }
            try session.send("Enter")
            let records = try session.waitUntil("the records behind a red indicator", timeout: 30) {
                // The records are read off the input loop: wait until they are in.
                Self.heading($0).hasPrefix("\(service) › ") && $0.contains("Opens") && !$0.contains("Finding the records…")
            }
            #expect(records.contains("▲R Red ·"), "\(records)")
            let first = try #require(Self.tableRows(records, header: "Opens").first, "records behind a red figure:\n\(records)")
            let kind = try #require(Self.detailSigns.keys.first { first.hasSuffix($0) }, "\(first)")
            if kind == "No check", attempt < reds.count - 1 {
                try session.send("Escape")
                try session.waitUntil("back on \(service)'s page") { Self.heading($0) == service }
                continue
            }
            try session.send("Enter")
            let detail = try session.waitFor(Self.detailSigns[kind]!, timeout: 30)
            #expect(Self.heading(detail).hasPrefix("\(service) › "), "\(detail)")
            opened = true
            break
        }
        #expect(opened)
        try session.send("F10")
        try session.waitFor("EXIT=0")
    }

    /// The service's name in a row of the services list: the first column, padded with spaces
    /// to its width (names never hold two spaces running).
    static func name(inServicesRow row: String) -> String {
        let text = row.trimmingCharacters(in: .whitespaces)
        return String(text[..<(text.range(of: "  ")?.lowerBound ?? text.endIndex)])
    }
}
