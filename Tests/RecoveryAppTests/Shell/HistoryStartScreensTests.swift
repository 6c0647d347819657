import Foundation
import RecoveryApp
import RecoveryModel
import RecoveryStore
import Testing
import TUI

/// A store made today, on screen: the dashboard shows no red and the coverage grid expects no
/// round from before the service was added or not yet ended.
@Suite(.serialized) struct HistoryStartScreensTests {
    typealias Harness = SessionTests.Harness
    static let now = ShellTestSupport.fixedNow  // Saturday 21/11/2026 09:30, when the harness's store is set up

    /// The lines of the screen that start (after spaces) with one of `starts`.
    func lines(_ screen: String, starting starts: [String]) -> [String] {
        screen.split(separator: "\n").map(String.init).filter { line in
            starts.contains { line.trimmingCharacters(in: .whitespaces).hasPrefix($0) }
        }
    }

    @Test func aStoreMadeTodayShowsNoRedAndNoMissingRounds() throws {
        let app = try Harness(idleMinutes: 24 * 60, size: Size(width: 80, height: 24))
        app.runner.runUntilIdle()
        app.signIn("Tom", pin: "1357")
        var screen = app.screen
        #expect(screen.contains("Services dashboard"))
        var rows = lines(screen, starting: ["Whole provider", "Oak House"])
        #expect(rows.count == 2, "\(screen)")
        #expect(!rows.contains { $0.contains("▲R") }, "\(screen)")
        // The unchecked rounds have no data, not a count.
        #expect(rows.allSatisfy { $0.contains("·· –") }, "\(screen)")

        app.keys(.function(4), .character("c"))
        screen = app.screen
        #expect(app.state.current is CoverageScreen)
        let grid = lines(screen, starting: ["Morning", "Lunchtime", "Teatime", "Night"])
        #expect(grid.count == 4)
        #expect(!grid.contains { $0.contains("·") }, "\(screen)")
        #expect(screen.contains("No rounds due yet in these 28 days."), "\(screen)")
        #expect(screen.contains("– Oak House was added on 21/11/2026; nothing is due before then."), "\(screen)")

        // At 14:30 the morning and lunchtime rounds have ended unchecked: two gaps, still not 56.
        app.clock.now = Self.now.addingTimeInterval(5 * 3600)
        app.keys(.escape, .function(4), .character("c"))
        screen = app.screen
        #expect(screen.contains("0 of 2 rounds due checked; 2 without a check."), "\(screen)")
        app.keys(.function(2))
        rows = lines(app.screen, starting: ["Whole provider", "Oak House"])
        #expect(rows.count == 2 && !rows.contains { $0.contains("▲R") }, "\(app.screen)")
    }
}
