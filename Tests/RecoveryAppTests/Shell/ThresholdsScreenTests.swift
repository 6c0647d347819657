import Foundation
import RecoveryModel
import RecoveryStore
import Testing
import TUI
@testable import RecoveryApp

/// Admin › Indicator thresholds: an administrator changes one, a refused form keeps what was
/// typed, and putting back the standard ones works; the store keeps them.
@Suite(.serialized) struct ThresholdsScreenTests {
    typealias Harness = SessionTests.Harness

    func openThresholds(_ app: Harness) {
        app.keys(.function(9))
        for _ in 0..<6 { app.keys(.down) }
        app.keys(.enter)
    }

    @Test func anAdministratorChangesAThresholdAndPutsItBack() throws {
        let app = try Harness()
        app.runner.runUntilIdle()
        app.signIn("Amara", pin: "2468")
        openThresholds(app)
        #expect(app.screen.contains("Indicator thresholds"))
        #expect(app.screen.contains("Rounds without a MAR check"))
        #expect(app.screen.contains("Standard"))
        app.keys(.character("e"))
        #expect(app.screen.contains("Thresholds: Rounds without a MAR check"))
        // Amber above red is refused, and what was typed stays.
        app.keys(.control("u"))
        app.text("9")
        app.keys(.tab, .control("u"))
        app.text("4")
        app.keys(.enter)
        #expect(app.screen.contains("amber threshold cannot be above the red one"))
        #expect(app.screen.contains("9"))
        #expect(try app.store.indicatorThresholds() == .standard)
        app.keys(.control("u"))
        app.text("12")
        app.keys(.enter)
        #expect(app.screen.contains("Rounds without a MAR check: amber from 9, red from 12."))
        #expect(try app.store.indicatorThresholds()[.marCoverage] == IndicatorThreshold(amber: 9, red: 12))
        #expect(app.screen.contains("Provider"))
        app.keys(.character("r"))
        #expect(app.screen.contains("amber from 2, red from 6"))
        #expect(try app.store.indicatorThresholds() == .standard)
    }
}
