import Foundation
import TestSupport
import Testing

/// `recoverydesk --demo`: a demo store is made on first use and its sign-in screen says every PIN
/// is 1234.
@Suite(.serialized) struct DemoEndToEndTests {
    @Test func theDemoStoreIsMadeOnFirstUseAndSaysItsPIN() throws {
        let session = try TmuxSession(arguments: ["--demo"])
        defer { session.close() }
        let screen = try session.waitFor("every PIN is 1234", timeout: 240)
        #expect(screen.contains("Who are you?"))
        try session.signIn("Siobhán", pin: "1234")
        try session.send("F3")
        try session.waitUntil("the demo plans") { $0.contains("Active") }
        try session.send("F10")
        try session.waitFor("EXIT=0")
        let store = session.home.appendingPathComponent("data/recoverydesk/demo.sqlite").path
        let verify = try ChildProcess.run(TmuxSession.binary, ["verify", "--store", store], environment: ["HOME": session.home.path])
        #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
    }
}
