import Foundation
import RecoveryApp
import RecoveryModel
import TestSupport
import Testing
import TUI

/// Messages too long for the status line, and the warning of a clock behind the records, as
/// whole frames compared with golden files (re-record with RECORD_GOLDEN=1).
@Suite struct MessageSnapshotTests {
    typealias Support = ShellTestSupport

    func check(_ state: AppState, _ name: String) {
        if let problem = GoldenFile.mismatch(AppView.render(state).text, named: name, in: AppSnapshotTests.golden) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// A refusal of exactly 200 characters, as the closure guard might give.
    static let refusal = "This plan cannot close yet: \"Late chart returns escalated within one working day\" has met its target for only 2 of the 4 weeks it must, and no governance review has yet recorded the decision to close."

    /// The add-staff form with a name typed in.
    func formWithTyping() -> AppState {
        var state = Support.state()
        _ = Support.press([.function(9), .down, .enter, .character("a")], on: &state)
        _ = Support.press("Priya Shah".map { .character($0) }, on: &state)
        return state
    }

    /// The rows of the frame between the rule above a wrapped message and the key bar, joined.
    func wrappedMessage(_ state: AppState) -> String? {
        let rows = AppView.render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let rule = rows.lastIndex(where: { $0.hasPrefix("────") }) else { return nil }
        return rows[(rule + 1)..<(state.size.height - 1)].map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }

    @Test func aRefusalOf200CharactersIsReadableInFullAt80x24() throws {
        #expect(Self.refusal.count == 200)
        var state = formWithTyping()
        #expect(state.current.id == "add-staff")
        _ = state.update(.storeReplied(.failed(Self.refusal), to: "add-staff"))
        check(state, "long-refusal-80x24")
        #expect(wrappedMessage(state) == "Error: Not saved: \(Self.refusal)")

        // The next key is typed into the form as usual, the message goes and nothing typed is lost.
        _ = Support.press([.character("s")], on: &state)
        #expect(state.status == nil)
        #expect(state.current.hasUnsavedInput)
        #expect(AppView.render(state).text.contains("Priya Shahs"))
        #expect(wrappedMessage(state) == nil)
    }

    @Test func aShortMessageStaysOnTheStatusLineAsBefore() {
        var state = formWithTyping()
        let without = AppView.render(state)
        _ = state.update(.storeReplied(.failed("Name taken."), to: "add-staff"))
        let with = AppView.render(state)
        let rows = with.text.split(separator: "\n", omittingEmptySubsequences: false)
        let before = without.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[22].trimmingCharacters(in: .whitespaces) == "Error: Not saved: Name taken.")
        #expect(Array(rows[0..<22]) == Array(before[0..<22]), "nothing above the status line changes")
        #expect(rows[23] == before[23], "the key bar stays")
    }

    @Test func aMessageLongerThanTheScreenIsCutOnlyAfterFillingIt() {
        var state = formWithTyping()
        let words = Array(repeating: "medicines", count: 300).joined(separator: " ")
        state.status = .warning(words)
        let rows = AppView.render(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows[0].contains("RecoveryDesk"), "the title bar stays")
        #expect(rows[1].contains("Add a member of staff"), "so does the heading")
        #expect(rows[22].hasSuffix("…"))
        #expect(rows[23].hasPrefix("F1"))
    }

    // MARK: The clock

    /// Two hours after the fixed now: records written by a clock that was right.
    static let newest = Support.fixedNow.addingTimeInterval(7200)

    static let people = [
        StaffMember(id: 1, name: "Amara Okafor", role: .administrator, canSignIn: true),
        StaffMember(id: 2, name: "Dana Patel", role: .deputyManager, canSignIn: true),
    ]

    @Test func aClockBehindTheRecordsIsNamedAtSignInAndInTheTitleBarUntilItIsRight() throws {
        var state = AppState(environment: Support.environment(), theme: .monochrome, keymap: DefaultKeymap.keymap,
                             size: Size(width: 80, height: 24), now: Support.fixedNow, start: .signIn(Support.provider))
        state.session.idleLockMinutes = 240
        _ = state.update(.storeChecked(newestRecord: Self.newest))
        _ = state.update(.storeReplied(.signInList(Self.people), to: "sign-in"))
        check(state, "sign-in-clock-behind-80x24")
        let lines = AppView.render(state).text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.joined(separator: " ").contains(
            "! Clock behind: this computer says 21/11/2026 09:30 but records go up to 21/11/2026 11:30. New entries would be stamped too early; ask for the computer's clock to be put right."))

        _ = state.update(.storeReplied(.signIn(.signedIn(Self.people[1])), to: "sign-in"))
        check(state, "signed-in-clock-behind-80x24")
        #expect(state.status?.kind == .warning)
        #expect(state.status?.text.hasPrefix("Signed in as Dana Patel, deputy manager. Clock behind:") == true)
        let title = AppView.render(state).text.split(separator: "\n")[0]
        #expect(title.contains("! Clock behind: records up to 21/11/2026 11:30"))
        #expect(title.contains("21/11/2026 09:30"), "the computer's own time stays on the right")

        // Time passes: within five minutes of the newest record the warning goes by itself.
        let effects = state.update(.tick(Self.newest.addingTimeInterval(-300)))
        #expect(effects.contains(.checkStore),
                "the store is asked again as the minutes pass")
        #expect(state.clockBehind == nil)
        let righted = AppView.render(state).text.split(separator: "\n")[0]
        #expect(!righted.contains("Clock behind"))
        #expect(righted.hasPrefix(" RecoveryDesk │ Brookfield Care"))
    }

    @Test func theStoreIsAskedOnceAMinuteNotOnEveryFrame() {
        var state = Support.state()
        #expect(state.update(.started).contains(.checkStore))
        #expect(state.update(.tick(Support.fixedNow.addingTimeInterval(10))).isEmpty)
        #expect(state.update(.tick(Support.fixedNow.addingTimeInterval(50))).isEmpty)
        #expect(state.update(.tick(Support.fixedNow.addingTimeInterval(70))) == [.checkStore])
    }
}
