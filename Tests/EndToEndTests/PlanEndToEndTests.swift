import Foundation
import TestSupport
import Testing

/// A deputy manager's recovery plan on the real binary: from the late MAR returns template,
/// through the five steps, a refused closure, three months of results, and a closure that holds.
@Suite(.serialized) struct PlanEndToEndTests {
    @Test func lateMARReturnsPlanFromTemplateToClosure() throws {
        var setUp = StoreSetUp()
        setUp.people = [StoreSetUp.Person(name: "Dee Morgan", role: "deputy manager", pin: "4321")]
        let session = try TmuxSession(store: setUp)
        defer { session.close() }
        try session.signIn("Dee", pin: "4321")
        try session.send("F3")
        try session.waitFor("No recovery plans yet")
        try session.send("a")
        try session.waitFor("choose a starting point")
        try session.send("/")
        try session.type("returned late")
        try session.send("Enter")
        try session.waitFor("Found \"returned late\"")
        try session.send("Enter")
        try session.waitFor("Page 1 of 7")
        // Start the plan on 01/08/2026 so that three past months count towards its target.
        try session.send("Tab", "Tab", "Tab", "Tab", "Tab", "C-u")
        try session.type("01/08/2026")
        try session.send("C-s")
        try session.waitFor("saved as active")
        try session.send("Enter")
        try session.waitFor("The five steps")
        try session.send("s")
        for position in 1...5 {
            try session.waitFor("Step \(position) of 5")
            try session.send("d")
            try session.waitFor("When it happened")
            try session.send("Enter", "Enter", "Enter")
        }
        try session.waitFor("That was step 5 of 5")
        try session.send("Escape", "c")
        try session.waitFor("Closing review note")
        try session.type("Charts are coming back on time now")
        try session.send("Enter")
        let refused = try session.waitFor("Not closed")
        #expect(refused.contains("MAR charts returned on time"))
        try session.send("Escape")
        try session.waitFor("Unsaved input")
        try session.send("y")
        for (measure, month) in [("1", "08/2026"), ("1", "09/2026"), ("1", "10/2026"), ("2", "10/2026")] {
            try session.waitFor("The five steps")
            try session.send("m")
            try session.waitFor("Measure number")
            try session.send("C-u")
            try session.type(measure)
            try session.send("Tab", "C-u")
            try session.type(month)
            try session.send("Tab")
            try session.type("99")
            try session.send("Tab")
            try session.type("100")
            try session.send("C-s")
            try session.waitFor("Result recorded.")
        }
        try session.waitFor("the plan can be closed")
        try session.send("c")
        try session.waitFor("Closing review note")
        try session.type("Three months at 99%, every late chart escalated in time")
        try session.send("Enter")
        try session.waitFor("Plan closed")
        try session.send("F10")
        try session.waitFor("EXIT=0")
        let store = session.home.appendingPathComponent("store.sqlite").path
        let verify = try ChildProcess.run(TmuxSession.binary, ["verify", "--store", store],
                                          environment: ["HOME": session.home.path])
        #expect(verify.status == 0, "\(verify.output)\(verify.errors)")
        let plans = try ChildProcess.run(TmuxSession.binary, ["plans", "--store", store, "--format", "json"],
                                         environment: ["HOME": session.home.path])
        #expect(plans.status == 0)
        #expect(plans.output.contains("\"closed\"") || plans.output.contains("Closed"), "\(plans.output)")
    }
}
