import Foundation
@testable import RecoveryApp
import RecoveryModel
import TestSupport
import Testing
import TUI

/// Whole frames compared with golden text files in Tests/RecoveryAppTests/Golden
/// (re-record with RECORD_GOLDEN=1 and review the diff).
@Suite struct AppSnapshotTests {
    typealias Support = ShellTestSupport
    static let golden = GoldenFile.directory(besides: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    func check(_ state: AppState, _ name: String) {
        if let problem = GoldenFile.mismatch(AppView.render(state).text, named: name, in: Self.golden) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test(arguments: sizes) func dashboard(size: Size) {
        check(Support.state(size: size), "dashboard-\(size)")
    }

    @Test(arguments: sizes) func helpOverTheDashboard(size: Size) {
        var state = Support.state(size: size)
        _ = Support.press([.function(1)], on: &state)
        check(state, "help-\(size)")
    }

    @Test(arguments: sizes) func administration(size: Size) {
        var state = Support.state(size: size)
        _ = Support.press([.function(9)], on: &state)
        check(state, "admin-\(size)")
    }

    @Test func preferencesWithAnErrorBesideAField() {
        var state = Support.state()
        _ = Support.press([.function(9), .down, .down, .down, .down, .enter, .tab, .control("u"), .character("0"), .tab], on: &state)
        check(state, "preferences-error-80x24")
    }

    @Test func unsavedInputQuestion() {
        var state = Support.state()
        _ = Support.press([.function(9), .down, .down, .down, .down, .enter, .character("x"), .function(10)], on: &state)
        check(state, "quit-question-80x24")
    }

    @Test func emptySections() {
        for section in [Section.plans, .marChecks, .observations, .escalations] {
            var state = Support.state()
            _ = state.run(section.command)
            check(state, "section-\(section.rawValue)-80x24")
        }
    }

    @Test func searchPrompt() {
        var state = Support.state()
        _ = Support.press([.function(1), .character("/"), .character("q"), .character("u")], on: &state)
        check(state, "search-prompt-80x24")
    }

    @Test func resizeFrom120x40To60x20AndBack() {
        var state = Support.state(size: Size(width: 120, height: 40))
        _ = Support.press([.function(9), .down, .down, .down, .down, .down, .enter], on: &state)
        let before = AppView.render(state)
        check(state, "resize-before-120x40")
        _ = state.update(.resize(Size(width: 60, height: 20)))
        check(state, "resize-small-60x20")
        _ = state.update(.resize(Size(width: 120, height: 40)))
        #expect(AppView.render(state) == before)
    }

    @Test(arguments: sizes) func firstRunSetUp(size: Size) {
        let state = AppState(environment: Support.environment(), theme: .monochrome, keymap: DefaultKeymap.keymap,
                             size: size, now: Support.fixedNow, start: .setUp)
        check(state, "set-up-\(size)")
    }

    @Test(arguments: sizes) func signInAfterAWrongPIN(size: Size) {
        var state = AppState(environment: Support.environment(), theme: .monochrome, keymap: DefaultKeymap.keymap,
                             size: size, now: Support.fixedNow, start: .signIn(Support.provider))
        let people = [
            StaffMember(id: 1, name: "Amara Okafor", role: .administrator, canSignIn: true),
            StaffMember(id: 2, name: "Siobhán Ó Briain", role: .deputyManager, canSignIn: true),
            StaffMember(id: 3, name: "Zoë Brontë", role: .teamLeader, canSignIn: true),
            StaffMember(id: 4, name: "王小明", role: .fieldSupervisor, canSignIn: true),
        ]
        _ = state.update(.taskFinished(SignInScreen.LoadSignInList().answer(people, generation: state.currentGeneration)))
        check(state, "sign-in-list-\(size)")
        _ = Support.press([.character("z"), .character("o"), .enter, .character("1"), .enter], on: &state)
        _ = state.update(.taskFinished(SignInScreen.SignIn(staffID: 3, pin: "1")
            .answer(.wrongPIN(attemptsLeft: 4), generation: state.currentGeneration)))
        check(state, "sign-in-wrong-pin-\(size)")
    }

    @Test func monochromeStylesMarkMeaningWithoutColour() {
        let state = Support.state()
        let theme = Theme.monochrome
        let legend: [Style: Character] = [
            theme[.normal]: ".", theme[.title]: "T", theme[.header]: "H", theme[.muted]: "m",
            theme[.keyBarKey]: "K",
        ]
        let map = AppView.render(state).styleMap(legend)
        if let problem = GoldenFile.mismatch(map, named: "dashboard-styles-80x24", in: Self.golden) {
            Issue.record(Comment(rawValue: problem))
        }
    }
}
