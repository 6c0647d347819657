import Foundation
import TestSupport
import Testing

/// A deputy manager's recovery plan on the real binary: from the late MAR returns template,
/// through the five steps (one skipped, and drawn as skipped), a refused closure, three months of
/// results, a closure refused for want of a sign-off review, the review, and a closure that holds.
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
        // The list is read again off the input loop once the store's change count is checked
        // (a key does it): Enter once the new plan is a row of it, not only in the message.
        try session.send("Home")
        try session.waitUntil("the new plan listed") { $0.contains("MAR charts returned late to the office     Oak House") }
        try session.send("Enter")
        try session.waitFor("The five steps")
        try session.send("s")
        // Step 1 is skipped, with a reason; the others are done.
        try session.waitFor("Step 1 of 5")
        try session.send("s")
        try session.waitFor("Why it was skipped")
        try session.type("Office closed for the audit")
        try session.send("Enter", "Enter", "Enter")
        for position in 2...5 {
            try session.waitFor("Step \(position) of 5")
            try session.send("d")
            try session.waitFor("When it happened")
            try session.send("Enter", "Enter", "Enter")
        }
        try session.waitFor("That was step 5 of 5")
        // Back on step 1 the skip is drawn as skipped, with its reason, never as done.
        try session.send("<", "<", "<", "<")
        let skipped = try session.waitFor("Step 1 of 5")
        #expect(skipped.contains("Last recorded: ⤼ skipped"), "\(skipped)")
        #expect(skipped.contains("reason: Office closed for the audit"), "\(skipped)")
        #expect(skipped.contains("[1⤼] 2✓  3✓  4✓  5✓"), "\(skipped)")
        try session.send("Escape")
        // Step 1 is drawn as skipped on the plan's page (paging down to it if it is below).
        _ = try session.waitFor("Recovery plans ›")
        var pages = 0
        while !(try session.screen()).contains("last ⤼ skipped"), pages < 4 {
            try session.send("NPage")
            pages += 1
            Thread.sleep(forTimeInterval: 0.2)
        }
        try session.waitFor("last ⤼ skipped")
        try session.send("Home")
        try session.waitFor("The five steps")
        try session.send("c")
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
            try session.waitFor("Enter a result")
            // The measure is a pick list labelled "1. …", "2. …": its number picks it.
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
        // The targets are met, but no governance review has decided to close since then.
        let unsigned = try session.waitFor("No governance review has recorded")
        #expect(unsigned.contains("Not ready to close"), "\(unsigned)")
        #expect(unsigned.contains("31/10/2026"), "\(unsigned)")
        try session.send("c")
        try session.waitFor("Closing review note")
        try session.type("Three months at 99%, every late chart escalated in time")
        try session.send("Enter")
        try session.waitFor("Not saved: No governance review has recorded a decision to close")
        try session.send("Escape")
        try session.waitFor("Unsaved input")
        try session.send("y")
        try session.waitFor("The five steps")

        // The registered manager's review decides to close (the form offers it), with a challenge.
        try session.send("r")
        let form = try session.waitFor("Record a governance review")
        #expect(form.contains("close"), "\(form)")
        // Who reviewed and the decision are pick lists: Tab keeps the manager and "close".
        try session.send("Tab", "Tab")
        try session.type("Returns log and escalations looked at together")
        try session.send("Enter")
        try session.type("Asked to see October's two late charts")
        try session.send("Enter")
        try session.waitFor("review recorded: close")
        try session.waitFor("the plan can be closed")
        try session.waitFor("Signed off")
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
        // The store's own daily backup sits beside it, named after it and the day.
        let backups = session.home.appendingPathComponent("store.sqlite.backups")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: backups.path)) ?? []
        #expect(names.count == 1 && names.allSatisfy { $0.wholeMatch(of: #/store-\d{4}-\d{2}-\d{2}\.backup\.sqlite/#) != nil },
                "\(names)")
    }
}
