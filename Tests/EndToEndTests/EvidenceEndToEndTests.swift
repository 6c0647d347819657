import Foundation
import TestSupport
import Testing

/// The daily evidence on the real binary: MAR checks, an escalation from a finding, an
/// observation that restricts someone, resolving the escalation, and a late entry.
@Suite(.serialized) struct EvidenceEndToEndTests {
    static var people: StoreSetUp {
        var setUp = StoreSetUp()
        setUp.people = [
            StoreSetUp.Person(name: "Tom Reid", role: "team leader", pin: "1357"),
            StoreSetUp.Person(name: "Fay Ward", role: "field supervisor", pin: "2222"),
            StoreSetUp.Person(name: "Dee Morgan", role: "deputy manager", pin: "4321"),
            StoreSetUp.Person(name: "Cal Jones", role: "care worker", pin: "5555"),
        ]
        return setUp
    }

    @Test func aDayOfEvidenceFromCheckToResolvedEscalation() throws {
        let session = try TmuxSession(store: Self.people)
        defer { session.close() }

        // A team leader logs a clean check in a few keys: F4, a, the number of charts, Ctrl-S.
        try session.signIn("Tom", pin: "1357")
        try session.send("F4")
        try session.waitFor("Daily MAR chart checks")
        try session.send("a")
        try session.waitFor("Charts checked")
        try session.type("8")
        try session.send("C-s")
        try session.waitFor("Clean check saved.")
        var screen: String

        // A check with a refusal recorded without a reason, escalated.
        try session.send("a")
        try session.waitFor("Charts checked")
        try session.type("6")
        try session.send("Tab")
        try session.send("C-u")
        try session.type("1")
        try session.send("F7")
        try session.waitFor("Finding 1 of 1")
        // The finding type is a pick list: "r" picks the first type starting with r.
        try session.type("r")
        try session.waitFor("refusal without a reason")
        try session.send("Tab")
        try session.type("Rm 4")
        try session.send("Tab", "Tab")
        try session.type("Refused evening dose, nothing written")
        try session.send("Tab", "Tab")
        try session.type("y")
        try session.send("C-s")
        // The same round was checked a moment ago: it asks first, and y saves a re-check.
        try session.waitFor("save this one as a re-check?")
        try session.type("y")
        // The escalation opens about that finding, with what was typed carried in.
        screen = try session.waitFor("Raise an escalation")
        #expect(screen.contains("Refusal without a reason (Rm 4)"), "\(screen)")
        #expect(screen.contains("What happened       Refusal without a reason for Rm 4"), "\(screen)")
        try session.send("C-s")
        try session.waitFor("Escalation raised")

        // The check shows the link, and Enter follows it to the escalation and back again.
        try session.send("Enter")
        screen = try session.waitFor("re-check")
        #expect(screen.contains("handled in time"), "\(screen)")
        try session.send("Enter")
        screen = try session.waitFor("About: MAR check")
        try session.send("Enter")
        try session.waitFor("Refusal without a reason · Rm 4")
        try session.send("Escape", "Escape", "Escape")
        try session.waitFor("Daily MAR chart checks")

        // Charts returned late are never called clean, and the escalation about them opens.
        try session.send("a")
        try session.waitFor("Charts checked")
        try session.type("5")
        try session.send("Tab", "Tab", "Tab", "C-u")
        try session.type("2")
        try session.send("BTab", "BTab", "BTab", "BTab")
        try session.type("n")  // the night round
        try session.send("C-s")
        screen = try session.waitFor("Raise an escalation")
        #expect(screen.contains("2 charts returned late"), "\(screen)")
        try session.send("C-s")
        try session.waitFor("Escalation raised")

        // An entry for two days ago asks for a reason, and keeps what was typed.
        try session.send("a")
        try session.waitFor("Charts checked")
        try session.type("7")
        try session.send("BTab", "BTab", "C-u")
        let twoDaysAgo = Self.ukDate(daysAgo: 2)
        try session.type(twoDaysAgo)
        try session.send("C-s")
        screen = try session.waitFor("Needed: the round was over 24 hours ago")
        #expect(screen.contains(twoDaysAgo))
        #expect(screen.contains("7"))
        try session.type("Agency shift, paperwork found today")
        try session.send("C-s")
        try session.waitFor("Flagged as a late entry")

        // A care worker cannot log a check: the store says so and the form keeps its figures.
        try session.send("F8")
        try session.signIn("Cal", pin: "5555")
        try session.send("F4", "a")
        try session.waitFor("Charts checked")
        try session.type("5")
        try session.send("C-s")
        screen = try session.waitFor("may not log MAR chart checks")
        #expect(screen.contains("5"))
        try session.send("Escape")
        try session.waitFor("Unsaved input")
        try session.send("y")

        // A supervisor records a not-yet-competent observation; the person shows as restricted.
        try session.send("F8")
        try session.signIn("Fay", pin: "2222")
        try session.send("F5")
        try session.waitFor("Medicines competency")
        try session.send("a")
        try session.waitFor("Record an observation")
        // The person, the checklist answers, the outcome and the follow-up are pick lists: the
        // first letters of a choice pick it.
        try session.type("Cal")
        for _ in 0..<3 { try session.send("Tab") }
        try session.type("not m")
        for _ in 0..<8 { try session.send("Tab") }
        try session.type("not y")
        try session.send("Tab")
        try session.type("r")
        try session.send("C-s")
        try session.waitFor("Observation recorded: not yet competent.")
        try session.waitFor("Restricted")

        // A deputy manager resolves the escalation.
        try session.send("F8")
        try session.signIn("Dee", pin: "4321")
        try session.send("F6")
        try session.waitFor("Refusal without")
        try session.send("Enter")
        try session.waitFor("Status: Open")
        try session.send("a")
        try session.waitFor("Escalation acknowledged.")
        try session.send("r")
        try session.waitFor("Record the response")
        try session.type("Called the worker back to add the reason")
        try session.send("Enter")
        try session.waitFor("Escalation responded.")
        try session.send("v")
        try session.waitFor("Resolve the escalation")
        try session.type("Spoke to the worker; reason added to the chart; GP informed")
        try session.send("Enter")
        try session.waitFor("Handled in time.")
        try session.send("F10")
        try session.waitFor("EXIT=0")

        let store = session.home.appendingPathComponent("store.sqlite").path
        let verify = try ChildProcess.run(TmuxSession.binary, ["verify", "--store", store], environment: ["HOME": session.home.path])
        #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
        let escalations = try ChildProcess.run(TmuxSession.binary, ["escalations", "--store", store, "--format", "json"],
                                               environment: ["HOME": session.home.path])
        #expect(escalations.status == 0)
        #expect(escalations.output.contains("resolved"), "\(escalations.output)")
    }

    static func ukDate(daysAgo: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let day = calendar.date(byAdding: .day, value: -daysAgo, to: Date())!
        let parts = calendar.dateComponents([.day, .month, .year], from: day)
        return String(format: "%02d/%02d/%04d", parts.day!, parts.month!, parts.year!)
    }
}
