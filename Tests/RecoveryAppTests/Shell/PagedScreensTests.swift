import Foundation
@testable import RecoveryApp
import RecoveryModel
import RecoveryStore
import Testing
import TUI

/// The lists read a page at a time, on a real store: the MAR checks list pages, switches to
/// every check, narrows to a search and back; escalation detail reads the one escalation; the
/// competency list is searched in the store.
@Suite(.serialized) struct PagedScreensTests {
    typealias Harness = SessionTests.Harness
    static let now = ShellTestSupport.fixedNow  // Saturday 21/11/2026 09:30

    /// One check a day at Oak House for the 60 days before today, the rounds in turn.
    func checks(_ app: Harness) throws -> (tom: StaffMember, days: [LondonDay]) {
        let tom = try #require(try app.store.staff(includingInactive: false).first { $0.name == "Tom Reid" })
        let service = try app.store.services(includingInactive: false)[0]
        let today = LondonDay(Self.now)
        var days: [LondonDay] = []
        for back in 1...60 {
            let day = today.adding(days: -back)
            let round = MARRound.careHomeRounds[back % 4]
            _ = try app.store.logMARCheck(MARCheckDraft(serviceID: service.id, date: day.start, round: round, chartsChecked: back),
                                          lateEntryRule: LateEntryRule(),
                                          by: tom.actor, at: LateEntryRule.roundEnd(date: day.start, round: round).addingTimeInterval(600))
            days.append(day)
        }
        return (tom, days)
    }

    /// The table's body lines (under the header line holding `header`), up to the hint line.
    func tableLines(_ app: Harness, header: String) -> [String] {
        let lines = app.screen.components(separatedBy: "\n")
        guard let top = lines.firstIndex(where: { $0.contains(header) }) else { return [] }
        // Up to a blank line, or the words under a page saying the list goes on.
        return Array(lines[(top + 1)...].prefix {
            !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.contains("more above") && !$0.contains("more below")
        })
    }

    @Test func marChecksPageSearchAndSwitchToEveryCheck() throws {
        let app = try Harness()
        let (_, days) = try checks(app)
        app.signIn("Tom", pin: "1357")
        app.keys(.function(4))
        let list = try #require(app.state.current as? MARChecksScreen)
        let shown = tableLines(app, header: "Findings")
        #expect(shown.count > 5 && shown.count < 29, "a page, not the whole 28 days:\n\(app.screen)")
        #expect(shown.first?.hasPrefix(" \(days[0].description)") == true, "\(app.screen)")
        #expect(app.screen.contains("more below ↓"))
        #expect(list.title == "Daily MAR chart checks")

        // End: the oldest check of the last 28 days (28 days back is the first day shown).
        app.keys(.end)
        #expect(tableLines(app, header: "Findings").last?.hasPrefix(" \(days[27].description)") == true, "\(app.screen)")
        #expect(app.screen.contains("↑ more above"))
        #expect(!app.screen.contains(days[28].description))
        app.keys(.home)
        #expect(tableLines(app, header: "Findings").first?.hasPrefix(" \(days[0].description)") == true)

        // Down past the bottom of the page slides it by one row.
        let rows = shown.count
        for _ in 0..<rows { app.keys(.down) }
        let slid = tableLines(app, header: "Findings")
        #expect(slid.first?.hasPrefix(" \(days[1].description)") == true, "\(app.screen)")
        #expect(slid.last?.hasPrefix(" \(days[rows].description)") == true)
        app.keys(.pageDown, .pageUp, .pageUp)
        #expect(tableLines(app, header: "Findings").first?.hasPrefix(" \(days[0].description)") == true, "\(app.screen)")

        // f: every check; End reaches the oldest of all.
        app.keys(.character("f"))
        #expect(app.screen.contains("Daily MAR chart checks: every check"))
        let hints = app.state.current.keyHints?.compactMap { $0.text(keymap: app.state.keymap, scopes: app.state.activeScopes) }
        #expect(hints?.contains("f every check") == true, "the hint names the key from the keymap")
        app.keys(.end)
        #expect(tableLines(app, header: "Findings").last?.hasPrefix(" \(days[59].description)") == true, "\(app.screen)")

        // Search in the store: only the teatime checks, in order; n moves to the next of them.
        app.keys(.character("/"))
        #expect(app.screen.contains("Enter show matches"))
        app.text("TEATIME")
        app.keys(.enter)
        let teatime = days.indices.filter { MARRound.careHomeRounds[($0 + 1) % 4] == .teatime }.map { days[$0] }
        let found = tableLines(app, header: "Findings")
        #expect(found.count == teatime.count, "\(app.screen)")
        #expect(found.allSatisfy { $0.contains("Teatime") })
        #expect(found.first?.hasPrefix(" \(teatime[0].description)") == true)
        #expect(app.screen.contains("Daily MAR chart checks: every check, matching \"TEATIME\""))
        #expect(app.screen.contains("Showing the checks matching \"TEATIME\""))
        app.keys(.character("n"))
        #expect((app.state.current as? MARChecksScreen)?.list.state.selected == 1)
        app.keys(.character("N"))
        #expect((app.state.current as? MARChecksScreen)?.list.state.selected == 0)

        // A search that finds nothing keeps the list as it was.
        app.keys(.character("/"))
        app.text("50%_")
        app.keys(.enter)
        #expect(app.screen.contains("No checks match \"50%_\"."), "\(app.screen)")
        #expect(tableLines(app, header: "Findings").count == teatime.count)

        // A date, as the list writes it.
        app.keys(.character("/"))
        app.text(days[3].description)
        app.keys(.enter)
        #expect(tableLines(app, header: "Findings").count == 1, "\(app.screen)")

        // Esc shows every check again; Esc once more leaves the list.
        app.keys(.escape)
        #expect(app.screen.contains("Search cleared"))
        #expect(tableLines(app, header: "Findings").count == shown.count)
        #expect((app.state.current as? MARChecksScreen)?.searchText == "")

        // Enter opens the selected check.
        app.keys(.down, .enter)
        #expect(app.state.current is MARCheckDetailScreen, "\(app.screen)")
        #expect(app.screen.contains("Checked by"), "\(app.screen)")
        // Back on the list, the page and the selection are where they were.
        app.keys(.escape)
        #expect((app.state.current as? MARChecksScreen)?.list.state.selected == 1)
        #expect(app.screen.contains("every check"))
    }

    @Test func escalationDetailAsksForTheOneEscalation() throws {
        let app = try Harness()
        let tom = try #require(try app.store.staff(includingInactive: false).first { $0.name == "Tom Reid" })
        let service = try app.store.services(includingInactive: false)[0]
        var raised: [Escalation] = []
        for index in 0..<3 {
            raised.append(try app.store.raiseEscalation(
                EscalationDraft(serviceID: service.id, category: .omission, severity: .moderate,
                                occurredAt: Self.now.addingTimeInterval(Double(index - 10) * 600), escalatedToRole: .registeredManager,
                                escalatedToName: "", links: EscalationLinks(), whatHappened: "Dose \(index) missed",
                                immediateAction: ""),
                workingDays: .weekendsOnly, by: tom.actor, at: Self.now.addingTimeInterval(Double(index - 10) * 600)))
        }
        app.signIn("Tom", pin: "1357")
        app.keys(.function(6))
        #expect(tableLines(app, header: "What happened").first?.contains("Dose 2 missed") == true, "\(app.screen)")
        app.keys(.down, .enter)
        let detail = try #require(app.state.current as? EscalationDetailScreen)
        #expect(detail.escalationID == raised[1].id)
        // Handed the escalation and the service names by the list: nothing is read on opening,
        // and the one escalation is read again only when the store has changed.
        #expect(detail.escalation == raised[1])
        #expect(detail.appear(context: app.state.screenContext).isEmpty)
        #expect(detail.refresh(context: app.state.screenContext).tasks(EscalationDetailScreen.LoadEscalation.self)
                == [EscalationDetailScreen.LoadEscalation(id: raised[1].id)])
        #expect(app.screen.contains("E-\(raised[1].id) ·"), "\(app.screen)")
        #expect(app.screen.contains("What happened: Dose 1 missed"))

        // Searched in the store, with the status and the words.
        app.keys(.escape, .character("/"))
        app.text("dose 0")
        app.keys(.enter)
        #expect(tableLines(app, header: "What happened").map { $0.contains("Dose 0 missed") } == [true], "\(app.screen)")
    }

    @Test func theCompetencyListIsSearchedInTheStore() throws {
        let app = try Harness()
        app.signIn("Tom", pin: "1357")
        app.keys(.function(5))
        #expect(tableLines(app, header: "Medicines competency").count == 2, "\(app.screen)")
        app.keys(.character("/"))
        app.text("never")
        app.keys(.enter)
        #expect(tableLines(app, header: "Medicines competency").count == 2, "\(app.screen)")
        app.keys(.character("/"))
        app.text("reid")
        app.keys(.enter)
        #expect(tableLines(app, header: "Medicines competency").map { $0.contains("Tom Reid") } == [true], "\(app.screen)")
        #expect(app.screen.contains("Observations and competency: matching \"reid\""))
        app.keys(.character("/"))
        app.keys(.enter)
        #expect(tableLines(app, header: "Medicines competency").count == 2, "an empty search shows everyone again")
    }
}
