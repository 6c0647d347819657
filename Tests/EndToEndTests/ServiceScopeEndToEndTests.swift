import Foundation
import TestSupport
import Testing

/// Service scope on the real binary: an administrator adds a second service that sorts first;
/// a team leader of Oak House finds the check form on Oak House and the round due now, and a
/// check for the other service is refused in one sentence that names both, keeping the figures.
@Suite(.serialized) struct ServiceScopeEndToEndTests {
    /// The round a care home checks at this moment (the latest ended today, else the morning).
    static func roundDue(_ now: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let hour = calendar.component(.hour, from: now)
        return hour >= 22 ? "night" : hour >= 18 ? "teatime" : hour >= 14 ? "lunchtime" : "morning"
    }

    @Test func aTeamLeaderStartsOnTheirOwnServiceAndIsRefusedAnother() throws {
        let session = try TmuxSession(store: .standard)
        defer { session.close() }

        try session.signIn("Amara", pin: "2468")
        try session.send("F9")
        try session.waitFor("Add, retire or restore services")
        try session.send("Enter")
        try session.waitFor("Registered manager")
        try session.send("a")
        try session.waitFor("Add a service")
        try session.type("Ash Lodge")
        try session.send("C-s")
        try session.waitFor("Ash Lodge")

        try session.send("F8")
        try session.signIn("Tom", pin: "1357")
        let before = Self.roundDue(Date())
        try session.send("F4", "a")
        let form = try session.waitFor("Charts checked")
        let after = Self.roundDue(Date())
        // The service field shows Oak House, not Ash Lodge (first alphabetically).
        let serviceLine = form.split(separator: "\n").first { $0.contains("Service") } ?? ""
        #expect(serviceLine.contains("Oak House"), "\(form)")
        let roundLine = form.split(separator: "\n").first { $0.contains("Round") && !$0.contains("Date") } ?? ""
        #expect(roundLine.contains(before) || roundLine.contains(after), "\(form)")

        // The service is a pick list: "a" picks Ash Lodge.
        try session.send("BTab", "BTab", "BTab")
        try session.type("a")
        try session.send("Tab", "Tab", "Tab")
        try session.type("8")
        try session.send("C-s")
        let refused = try session.waitFor("so you cannot log a check for Ash Lodge.")
        #expect(refused.contains("You work at Oak House, so you cannot log a check for Ash Lodge."))
        #expect(refused.contains("Log a MAR chart check"))
    }
}
