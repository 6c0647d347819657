import Foundation
import TestSupport
import Testing

/// Who is at the keyboard, on the real binary: first-run set-up, sign-in, lockout, idle lock and
/// switch user.
@Suite(.serialized) struct SessionEndToEndTests {
    @Test func firstRunSetsUpTheStoreThenVerifyPasses() throws {
        let session = try TmuxSession(setUp: { _ in })
        defer { session.close() }
        let store = session.home.appendingPathComponent("data/recoverydesk/recoverydesk.sqlite").path
        try session.waitFor("set up this store")
        try session.type("Brookfield Care")
        try session.send("Tab")
        try session.type("Oak House")
        try session.send("Tab", "Tab")
        try session.type("Amara Okafor")
        try session.send("Tab")
        try session.type("2468")
        try session.send("Tab")
        try session.type("2468")
        try session.send("C-s")
        let screen = try session.waitFor("Signed in as Amara Okafor")
        #expect(screen.contains("Brookfield Care"))
        let shown = screen.split(separator: "\n").filter { !$0.contains("Store:") }.joined(separator: "\n")
        #expect(!shown.contains("2468"), "a PIN is never shown")
        try session.send("F10")
        try session.waitFor("EXIT=0")
        let attributes = try FileManager.default.attributesOfItem(atPath: store)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let verify = try ChildProcess.run(TmuxSession.binary, ["verify", "--store", store],
                                          environment: ["HOME": session.home.path])
        #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
    }

    @Test func aWrongPINSaysSoAndFiveLockThePersonOut() throws {
        let session = try TmuxSession(store: .standard)
        defer { session.close() }
        try session.waitFor("Who are you?")
        try session.type("Tom")
        try session.waitFor("Find: Tom")
        try session.send("Enter")
        try session.waitFor("PIN:")
        try session.type("0000")
        try session.send("Enter")
        try session.waitFor("That PIN is not right. 4 tries left before Tom Reid is locked for five minutes.")
        for _ in 0..<4 {
            try session.type("0000")
            try session.send("Enter")
        }
        try session.waitFor("Tom Reid is locked after five wrong PINs.")
        try session.type("1357")
        try session.send("Enter")
        let screen = try session.waitFor("Tom Reid is locked after five wrong PINs.")
        #expect(!screen.contains("Signed in as"))
    }

    @Test func switchUserLetsSomeoneElseSignIn() throws {
        let session = try TmuxSession(store: .standard)
        defer { session.close() }
        try session.signIn("Amara", pin: "2468")
        try session.send("F8")
        try session.waitFor("Locked for a change of user")
        try session.signIn("Tom", pin: "1357")
        try session.waitFor("Tom Reid (Team leader)")
    }

    /// The one idle-lock test (it waits a real minute); the other sessions use F8.
    @Test func aDeputysHalfTypedEscalationWaitsForHerAloneThroughTheIdleLockAndTwoOtherSessions() throws {
        var people = StoreSetUp.standard
        people.people.append(StoreSetUp.Person(name: "Dana Patel", role: "deputy manager", pin: "2580"))
        let session = try TmuxSession(store: people, setUp: { home in
            let folder = home.appendingPathComponent("config/recoverydesk")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "idle-lock-minutes: 1\n".write(to: folder.appendingPathComponent("config.yaml"), atomically: true,
                                               encoding: .utf8)
        })
        defer { session.close() }
        let typed = "Bruise on left arm"  // fits the field, so all of it shows

        try session.signIn("Dana", pin: "2580")
        try session.send("F6")
        try session.waitFor("Escalations")
        try session.send("a")
        try session.waitFor("Raise an escalation")
        try Self.tab(session, to: "What happened")
        try session.type(typed)
        try session.waitFor(typed)

        let locked = try session.waitFor("The screen locked because nothing was pressed", timeout: 90)
        #expect(!locked.contains(typed))

        // Two other people sign in and out: each sees their own dashboard, never Dana's form.
        for (name, pin) in [("Tom", "1357"), ("Amara", "2468")] {
            try session.signIn(name, pin: pin)
            let theirs = try session.waitFor("Services dashboard")
            #expect(theirs.contains("Signed in as \(name)"))
            #expect(!theirs.contains(typed))
            #expect(!theirs.contains("Raise an escalation"))
            try session.send("F8")
            try session.waitFor("Locked for a change of user")
        }

        try session.signIn("Dana", pin: "2580")
        let back = try session.waitFor("is open again")
        #expect(back.contains("Raise an escalation"))
        #expect(back.contains(typed))
        #expect(back.range(of: #"Welcome back, Dana Patel\. Your unsaved escalation form from \d\d:\d\d is open again\."#,
                           options: .regularExpression) != nil, "\(back)")

        // Locked again; quitting from the sign-in screen names whose work would be lost.
        try session.send("F8")
        try session.waitFor("Locked for a change of user")
        try session.send("F10")
        let question = try session.waitFor("Unsaved work waiting")
        #expect(Self.boxText(question).contains("Unsaved work is waiting for Dana Patel (escalation form). Quit and lose it?"),
                "\(question)")
        try session.send("n")
        try session.waitFor("Nothing was lost")
        try session.send("F10")
        try session.waitFor("Unsaved work waiting")
        try session.send("y")
        try session.waitFor("EXIT=0")
    }

    /// Presses Tab until the form's focus marker is on `label`.
    static func tab(_ session: TmuxSession, to label: String) throws {
        func focused(_ screen: String) -> String? {
            screen.split(separator: "\n").first { $0.hasPrefix("  > ") }.map(String.init)
        }
        for _ in 0..<15 {
            let before = try session.screen()
            if focused(before)?.contains(label) == true { return }
            try session.send("Tab")
            try session.waitUntil("the focus to move on from \(focused(before) ?? "nothing")") { focused($0) != focused(before) }
        }
        throw TmuxSession.Failure.timeout("the field \(label)", screen: try session.screen())
    }

    /// The words inside a dialog box, its wrapped lines joined by spaces.
    static func boxText(_ screen: String) -> String {
        screen.split(separator: "\n").compactMap { line -> String? in
            guard let first = line.firstIndex(of: "│"), let last = line.lastIndex(of: "│"), first < last else { return nil }
            return line[line.index(after: first)..<last].trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
