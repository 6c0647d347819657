import Foundation
import TestSupport
import Testing

/// Administration on the real binary: the services list read, retired and restored by typed
/// tasks, a service added through its form, with a key rebound in the settings file named on
/// screen and doing the work.
@Suite(.serialized) struct AdminEndToEndTests {
    @Test func servicesAreRetiredRestoredAndAddedWithAReboundKey() throws {
        let session = try TmuxSession(store: .standard) { home in
            let folder = home.appendingPathComponent("config/recoverydesk")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "keys:\n  services.toggle-active: x\n".write(to: folder.appendingPathComponent("config.yaml"),
                                                           atomically: true, encoding: .utf8)
        }
        defer { session.close() }
        try session.signIn("Amara", pin: "2468")
        try session.waitFor("Services dashboard")
        try session.send("F9")
        try session.waitFor("About this installation")
        try session.send("Enter")
        var screen = try session.waitFor("x retire/restore")
        #expect(screen.contains("Oak House"))
        #expect(screen.contains("a add"))
        try session.send("x")
        screen = try session.waitFor("Service retired; its records are kept.")
        #expect(screen.contains("Retired"))
        try session.send("x")
        try session.waitFor("Service brought back into use.")
        try session.send("a")
        try session.waitFor("Add a service")
        try session.type("Elm Court")
        try session.send("C-s")
        screen = try session.waitFor("Service \"Elm Court\" added.")
        // Back on the list, which read the services again because the store changed.
        screen = try session.waitFor("Elm Court  ")
        #expect(screen.contains("Oak House"))
        try session.send("F10")
        try session.waitFor("EXIT=0")
    }
}
