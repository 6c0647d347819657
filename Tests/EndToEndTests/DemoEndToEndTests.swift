import Foundation
import TestSupport
import Testing

/// `recoverydesk --demo`: a demo store is made on first use and its sign-in screen says every PIN
/// is 1234; a demo plan's trail opens from the plans list.
@Suite(.serialized) struct DemoEndToEndTests {
    @Test func theDemoStoreIsMadeOnFirstUseAndSaysItsPIN() throws {
        let session = try TmuxSession(arguments: ["--demo"])
        defer { session.close() }
        let screen = try session.waitFor("every PIN is 1234", timeout: 240)
        #expect(screen.contains("Who are you?"))
        try session.signIn("Siobhán", pin: "1234")
        try session.send("F3")
        try session.waitUntil("the demo plans") { $0.contains("Active") }
        // The selected plan's trail, in two keys from anywhere: F3, t.
        try session.send("t")
        let trail = try session.waitUntil("the plan's trail") { $0.contains("Trail: ") && $0.contains("Concern") }
        #expect(trail.contains("Status"), "its status changes are in it")
        #expect(trail.contains("from the plan"), "the selected line in full, with its source")
        // Enter on its first line (the concern) opens the plan itself.
        try session.send("Enter")
        try session.waitFor("The five steps")
        try session.send("Escape")
        try session.waitFor("Trail: ")
        try session.send("F10")
        try session.waitFor("EXIT=0")
        let store = session.home.appendingPathComponent("data/recoverydesk/demo.sqlite").path
        let verify = try ChildProcess.run(TmuxSession.binary, ["verify", "--store", store], environment: ["HOME": session.home.path])
        #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
    }
}
