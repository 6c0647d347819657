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

    @Test func idleLockReturnsTheSameUserToTheirHalfTypedForm() throws {
        let session = try TmuxSession(store: .standard, setUp: { home in
            let folder = home.appendingPathComponent("config/recoverydesk")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "idle-lock-minutes: 1\n".write(to: folder.appendingPathComponent("config.yaml"), atomically: true,
                                               encoding: .utf8)
        })
        defer { session.close() }
        try session.signIn("Amara", pin: "2468")
        try session.send("F9", "Down", "Enter")
        try session.waitFor("Staff and users")
        try session.send("a")
        try session.waitFor("Add a member of staff")
        try session.type("Priya Shah")
        try session.waitFor("Priya Shah")
        let locked = try session.waitFor("The screen locked because nothing was pressed", timeout: 90)
        #expect(!locked.contains("Priya Shah"))
        try session.signIn("Amara", pin: "2468")
        let back = try session.waitFor("Welcome back")
        #expect(back.contains("Add a member of staff"))
        #expect(back.contains("Priya Shah"))
    }
}
