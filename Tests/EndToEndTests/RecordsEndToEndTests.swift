import Foundation
import TestSupport
import Testing

/// The records screens on the real binary at 80x24: an escalation whose account is longer than
/// the screen opens from the list and scrolls with the list keys, the position shown above it.
@Suite(.serialized) struct RecordsEndToEndTests {
    @Test func aLongEscalationScrollsWithTheListKeys() throws {
        let session = try TmuxSession(width: 80, height: 24, store: .standard)
        defer { session.close() }
        try session.signIn("Tom", pin: "1357")
        try session.send("F6")
        try session.waitFor("Escalations")
        try session.send("a")
        try session.waitFor("Raise an escalation")
        // What happened is the eighth field.
        for _ in 0..<7 { try session.send("Tab") }
        let account = (1...45).map { "Part \($0) of the account." }.joined(separator: " ") + " The end of the account."
        try session.type(account)
        try session.waitFor("end of the account.")
        try session.send("C-s")
        try session.waitFor("Escalation raised")
        // Through the dashboard and back, so the list is read afresh whichever way forms save.
        try session.send("F2")
        try session.waitFor("Overall")
        try session.send("F6")
        try session.waitFor("Part 1 of")
        try session.send("Enter")
        var screen = try session.waitFor("E-1 ·")
        #expect(!screen.contains("Status: Open"), "the end is below the screen:\n\(screen)")
        #expect(screen.contains("1–"), "the lines shown are named:\n\(screen)")

        try session.send("End")
        screen = try session.waitFor("Status: Open")
        #expect(screen.contains("The end of the account."), "\(screen)")
        #expect(!screen.contains("E-1 ·"), "the top has scrolled away:\n\(screen)")
        #expect(screen.contains("5–23 of 23"), "\(screen)")
        // Up after End moves at once.
        try session.send("Up")
        try session.waitFor("4–22 of 23")
        try session.send("Home")
        try session.waitFor("E-1 ·")
        try session.send("PgDn")
        try session.waitUntil("a page further down") { !$0.contains("E-1 ·") }
        try session.send("Escape")
        try session.waitFor("What happened")
        try session.send("F10")
        try session.waitFor("EXIT=0")
    }
}
