import Foundation
@testable import RecoveryApp
import RecoveryModel
import Testing
import TUI

@Suite struct AppUpdateTests {
    typealias Support = ShellTestSupport

    @Test func functionKeysAndDigitsOpenSections() {
        var state = Support.state()
        _ = Support.press([.function(3)], on: &state)
        #expect(state.section == .plans)
        _ = Support.press([.character("4")], on: &state)
        #expect(state.section == .marChecks)
        #expect(state.stack.count == 2, "sections replace each other rather than piling up")
        _ = Support.press([.function(2)], on: &state)
        #expect(state.section == .dashboard)
        #expect(state.stack.count == 1)
    }

    @Test func qLeavesAScreenAndQuitsFromTheDashboard() {
        var state = Support.state()
        _ = state.update(.storeChecked(newestRecord: nil, changes: 7))
        let load = state.update(.started).tasks(DashboardScreen.LoadIndicators.self)
        #expect(load.count == 1)
        let empty = ServiceIndicators(serviceID: nil, name: "Whole provider", values: [])
        _ = state.update(.taskFinished(load[0].answer(IndicatorReport(asOf: Support.fixedNow, provider: empty, services: []),
                                                      generation: state.currentGeneration, readAt: 7)))
        _ = Support.press([.function(5)], on: &state)
        #expect(Support.press([.character("q")], on: &state) == [.checkStore],
                "coming back to the dashboard shows it as it was and only asks whether the store changed")
        #expect(state.update(.storeChecked(newestRecord: nil, changes: 7)).isEmpty,
                "nothing changed in the store, so nothing is worked out again")
        _ = Support.press([.function(5), .character("q")], on: &state)
        #expect(state.update(.storeChecked(newestRecord: nil, changes: 9)).tasks(DashboardScreen.LoadIndicators.self).count == 1,
                "a change made anywhere (here, or another terminal) reads the figures again")
        #expect(state.section == .dashboard)
        #expect(Support.press([.character("q")], on: &state) == [.quit])
        #expect(!state.isRunning)
    }

    @Test func escapeNeverQuitsFromTheDashboard() {
        var state = Support.state()
        #expect(Support.press([.escape], on: &state).isEmpty)
        #expect(state.isRunning)
        #expect(state.status?.text.contains("F10") == true)
    }

    @Test func f10QuitsAtOnceWhenNothingIsUnsaved() {
        var state = Support.state()
        _ = Support.press([.function(9), .down, .down, .down, .down, .enter], on: &state)
        #expect(state.current.id == "preferences")
        #expect(Support.press([.function(10)], on: &state) == [.quit])
    }

    @Test func f10AsksFirstWhenAFormHoldsUnsavedInputAndNoKeepsIt() {
        var state = Support.state()
        _ = Support.press([.function(9), .down, .down, .down, .down, .enter, .tab, .control("u")], on: &state)
        _ = Support.press([.character("4"), .character("5")], on: &state)
        #expect(state.current.hasUnsavedInput)
        #expect(Support.press([.function(10)], on: &state).isEmpty)
        #expect(state.dialog?.onConfirm == .quit)
        _ = Support.press([.character("n")], on: &state)
        #expect(state.dialog == nil)
        #expect(state.isRunning)
        let form = (state.current as? PreferencesScreen)?.form
        #expect(form?.fields[1].value == "45", "the answer no keeps what was typed")
        _ = Support.press([.function(10)], on: &state)
        #expect(Support.press([.character("y")], on: &state) == [.quit])
    }

    @Test func switchingSectionAwayFromUnsavedInputAsksFirst() {
        var state = Support.state()
        _ = Support.press([.function(9), .down, .down, .down, .down, .enter, .character("x")], on: &state)
        _ = Support.press([.function(3)], on: &state)
        #expect(state.dialog?.onConfirm == .showSection(.plans))
        _ = Support.press([.escape], on: &state)
        #expect(state.current.id == "preferences")
        _ = Support.press([.function(3), .character("y")], on: &state)
        #expect(state.section == .plans)
    }

    @Test func digitsAndQuestionMarkAreTypedInAForm() {
        var state = Support.state()
        _ = Support.press([.function(9), .down, .down, .down, .down, .enter, .control("u")], on: &state)
        _ = Support.press([.character("3"), .character("?"), .character("q")], on: &state)
        #expect(state.current.id == "preferences")
        #expect((state.current as? PreferencesScreen)?.form.fields[0].value == "3?q")
    }

    @Test func helpOpensWithF1OrQuestionMarkAndClosesWithF1() {
        var state = Support.state()
        _ = Support.press([.character("?")], on: &state)
        #expect(state.current is HelpScreen)
        _ = Support.press([.function(1)], on: &state)
        #expect(state.current.id == "dashboard")
        _ = Support.press([.function(1), .escape], on: &state)
        #expect(state.current.id == "dashboard")
    }

    @Test func searchFindsRowsAndNAndShiftNStepThroughMatches() {
        var state = Support.state()
        _ = Support.press([.function(1), .character("/")], on: &state)
        #expect(state.search.isOpen)
        for character in "match" { _ = Support.press([.character(character)], on: &state) }
        _ = Support.press([.enter], on: &state)
        guard let help = state.current as? HelpScreen else { Issue.record("help closed"); return }
        let first = help.selectedRow
        #expect(help.searchRows.cells(at: first)[1].lowercased().contains("match"))
        _ = Support.press([.character("n")], on: &state)
        let second = (state.current as? HelpScreen)?.selectedRow ?? -1
        #expect(second != first)
        #expect(help.searchRows.cells(at: second)[1].lowercased().contains("match"))
        _ = Support.press([.character("N")], on: &state)
        #expect((state.current as? HelpScreen)?.selectedRow == first)
    }

    @Test func searchWithNoMatchSaysSo() {
        var state = Support.state()
        _ = Support.press([.function(1), .character("/"), .character("z"), .character("z"), .enter], on: &state)
        #expect(state.status?.kind == .warning)
        #expect(state.status?.text == "No match for \"zz\".")
    }

    @Test func aFunctionKeyClosesTheSearchPromptAndStillWorks() {
        var state = Support.state()
        _ = Support.press([.function(1), .character("/"), .character("x"), .function(3)], on: &state)
        #expect(!state.search.isOpen)
        #expect(state.section == .plans)
    }

    @Test func searchOnAScreenWithoutAListSaysSo() {
        var state = Support.state()
        _ = Support.press([.function(9), .end, .enter], on: &state)
        #expect(state.current.id == "about")
        _ = Support.press([.character("/")], on: &state)
        #expect(!state.search.isOpen)
        #expect(state.status?.text == "There is no list to search on this screen.")
    }

    @Test func listKeysMoveTheSelection() {
        var state = Support.state()
        _ = Support.press([.function(9), .down, .down, .down, .down, .enter, .function(1), .character("j"), .down, .end], on: &state)
        let help = state.current as? HelpScreen
        #expect(help?.selectedRow == (help?.searchRows.rowCount ?? 0) - 1)
        _ = Support.press([.home, .pageDown], on: &state)
        #expect((state.current as? HelpScreen)?.selectedRow == ListPane.pageSize(forContentHeight: 20))
    }

    @Test func tooSmallIgnoresEverythingButQuitAndGrowingBackRestoresTheScreen() {
        var state = Support.state()
        _ = Support.press([.function(9), .down], on: &state)
        let before = AppView.render(state)
        _ = state.update(.resize(Size(width: 60, height: 20)))
        #expect(AppView.render(state).text.contains("Terminal too small: need 80x24, have 60x20"))
        _ = Support.press([.function(3), .enter, .character("q")], on: &state)
        #expect(state.isRunning)
        _ = state.update(.resize(Size(width: 80, height: 24)))
        #expect(AppView.render(state) == before)
        _ = state.update(.resize(Size(width: 79, height: 30)))
        #expect(Support.press([.function(10)], on: &state) == [.quit])
    }

    @Test func ctrlLAsksForAFullRepaint() {
        var state = Support.state()
        #expect(Support.press([.control("l")], on: &state) == [.invalidateScreen])
    }

    @Test func anUnboundKeySaysItDoesNothing() {
        var state = Support.state()
        _ = Support.press([.character("z")], on: &state)
        #expect(state.status?.text == "The key z does nothing here. Press F1 for help.")
    }

    @Test func aSignalStopsTheAppWithoutAsking() {
        var state = Support.state()
        _ = Support.press([.function(9), .down, .down, .down, .down, .enter, .character("x")], on: &state)
        #expect(state.update(.terminate) == [.quit])
        #expect(!state.isRunning)
    }

    @Test func refusedSaveKeepsEveryValueAndSaysWhy() {
        var state = Support.state()
        _ = Support.press([.function(9), .down, .down, .down, .down, .enter, .control("u"), .character("n"), .character("o"), .tab,
                           .control("u"), .character("0")], on: &state)
        let effects = Support.press([.control("s")], on: &state)
        #expect(effects.isEmpty)
        #expect(state.status?.kind == .error)
        #expect(state.status?.text.contains("2 fields need attention") == true)
        let form = (state.current as? PreferencesScreen)?.form
        #expect(form?.fields[0].value == "no")
        #expect(form?.fields[1].value == "0")
    }

    @Test func validSaveAsksTheRunLoopToWriteTheSettings() {
        var state = Support.state()
        _ = Support.press([.function(9), .down, .down, .down, .down, .enter, .tab, .control("u"), .character("1"), .character("5")], on: &state)
        let effects = Support.press([.control("s")], on: &state)
        #expect(effects == [.saveConfiguration(UserConfiguration(theme: "monochrome", idleLockMinutes: 15, mouse: false))])
    }

    @Test func mouseClickOnAKeyBarLabelRunsIt() {
        var state = Support.state(mouse: true)
        let bar = AppView.render(state).line(23)
        guard let column = bar.range(of: "F3Plans").map({ bar.distance(from: bar.startIndex, to: $0.lowerBound) }) else {
            Issue.record("no F3Plans in \(bar)")
            return
        }
        _ = state.update(.mouse(MouseEvent(kind: .click, position: Point(x: column + 2, y: 23))))
        #expect(state.section == .plans)
    }

    @Test func mouseClickSelectsARowAndASecondClickOpensIt() {
        var state = Support.state(mouse: true)
        _ = Support.press([.function(9)], on: &state)
        let frame = AppView.render(state)
        guard let y = (0..<24).first(where: { frame.line($0).contains("About this installation") }) else {
            Issue.record("no About row")
            return
        }
        let click = AppAction.mouse(MouseEvent(kind: .click, position: Point(x: 5, y: y)))
        _ = state.update(click)
        #expect((state.current as? AdminScreen)?.selectedRow == 7)
        _ = state.update(click)
        #expect(state.current.id == "about")
    }

    @Test func mouseWheelMovesTheSelection() {
        var state = Support.state(mouse: true)
        _ = Support.press([.function(9)], on: &state)
        _ = state.update(.mouse(MouseEvent(kind: .scrollDown, position: Point(x: 5, y: 5))))
        #expect((state.current as? AdminScreen)?.selectedRow == 1)
        _ = state.update(.mouse(MouseEvent(kind: .scrollUp, position: Point(x: 5, y: 5))))
        #expect((state.current as? AdminScreen)?.selectedRow == 0)
    }

    @Test func mouseIsIgnoredWhenNotEnabled() {
        var state = Support.state(mouse: false)
        _ = state.update(.mouse(MouseEvent(kind: .click, position: Point(x: 20, y: 23))))
        #expect(state.section == .dashboard)
    }
}
