import BuiltinThemes
import Foundation
@testable import RecoveryApp
import RecoveryModel
import RecoveryServices
import RecoveryStore
import Testing
import TUI

/// Store work as typed tasks: what a key asks for, what a reply does to the screen that asked,
/// replies for screens that have closed, and keys answered while the store is still reading.
@Suite struct ScreenTaskTests {
    typealias Support = ShellTestSupport

    static func page(_ checks: [MARCheck]) -> RecordPage<MARCheck> {
        RecordPage(rows: checks, cursors: checks.map { PageCursor(key: "k", id: $0.id) }, hasBefore: false, hasAfter: false)
    }

    static func check(id: Int64, serviceID: Int64 = 1) -> MARCheck {
        MARCheck(id: id, draft: MARCheckDraft(serviceID: serviceID, date: Support.fixedNow, round: .morning, chartsChecked: 12),
                 checkedBy: "Amara Okafor", checkedByID: 1, recordedAt: Support.fixedNow, isLateEntry: false)
    }

    @Test func aKeyAsksForTypedTasksStampedWithItsScreenAndTheUser() {
        var state = Support.state()
        let effects = Support.press([.function(4)], on: &state)
        let pages = effects.tasks(MARChecksScreen.LoadPage.self)
        #expect(pages.count == 1)
        #expect(pages.first?.days == MARChecksScreen.recentDays)
        #expect(effects.tasks(LoadServiceNames<MARChecksScreen>.self).count == 1)
        for case .task(let request) in effects {
            #expect(request.generation == state.currentGeneration, "stamped with the generation of the screen that asked")
            #expect(request.actor == Support.administrator.actor)
        }
        #expect(state.pendingTasks[state.currentGeneration]?.count == 2)

        // The page's reply fills the list; f asks for every check (days nil).
        let task = pages[0]
        _ = state.update(.taskFinished(task.answer(Self.page([Self.check(id: 5)]), generation: state.currentGeneration)))
        #expect((state.current as? MARChecksScreen)?.paging.rows.map(\.id) == [5])
        #expect(state.pendingTasks[state.currentGeneration]?.count == 1)
        let filtered = Support.press([.character("f")], on: &state).tasks(MARChecksScreen.LoadPage.self)
        #expect(filtered.count == 1 && filtered[0].days == nil)
        // A late page of the 28-day list no longer fits the list's filter and is dropped.
        _ = state.update(.taskFinished(task.answer(Self.page([Self.check(id: 9)]), generation: state.currentGeneration)))
        #expect((state.current as? MARChecksScreen)?.paging.rows.map(\.id) == [5])
    }

    @Test func aReplyForAScreenThatHasClosedIsDropped() {
        var state = Support.state()
        let effects = Support.press([.function(4)], on: &state)
        let asked = state.currentGeneration
        let task = effects.tasks(MARChecksScreen.LoadPage.self)[0]
        _ = Support.press([.escape], on: &state)
        #expect(state.current is DashboardScreen)
        #expect(state.pendingTasks[asked] == nil, "nothing waits for a closed screen")
        let before = AppView.render(state).text
        #expect(state.update(.taskFinished(task.answer(Self.page([Self.check(id: 5)]), generation: asked))).isEmpty)
        #expect(AppView.render(state).text == before)

        // The same screen opened again has a new generation: the old reply cannot reach it.
        _ = Support.press([.function(4)], on: &state)
        #expect(state.currentGeneration != asked)
        _ = state.update(.taskFinished(task.answer(Self.page([Self.check(id: 5)]), generation: asked)))
        #expect((state.current as? MARChecksScreen)?.paging.rows.isEmpty == true)
    }

    @Test func aRefusalGoesToTheStatusLineAndLeavesTheScreen() {
        var state = Support.state()
        let task = Support.press([.function(4)], on: &state).tasks(MARChecksScreen.LoadPage.self)[0]
        _ = state.update(.taskFinished(task.answer(refusal: .storage("The disk is full."), generation: state.currentGeneration)))
        #expect(state.status == .error("The disk is full."))
        #expect(state.current is MARChecksScreen)
    }

    @Test func loadingShowsOnlyAfterATenthOfASecond() {
        var state = Support.state()
        _ = Support.press([.function(4)], on: &state)
        #expect(!state.isLoading)
        #expect(!AppView.render(state).text.contains(AppView.loadingText))
        _ = state.update(.tick(Support.fixedNow.addingTimeInterval(0.05)))
        #expect(!state.isLoading)
        _ = state.update(.tick(Support.fixedNow.addingTimeInterval(0.15)))
        #expect(state.isLoading)
        #expect(AppView.render(state).text.contains(AppView.loadingText))
    }

    /// Services whose every task takes `delay` seconds, as a slow disk or server would.
    struct SlowServices: AppServices {
        let base: LiveServices
        let delay: TimeInterval
        var recovery: RecoveryServices? { base.recovery }
        func loadTheme(_ nameOrPath: String) -> Result<Theme, ConfigurationError> { base.loadTheme(nameOrPath) }
        func saveConfiguration(_ configuration: UserConfiguration) -> Result<UserConfiguration, ConfigurationError> {
            base.saveConfiguration(configuration)
        }
        func run(_ request: TaskRequest, now: Date) -> TaskReply {
            Thread.sleep(forTimeInterval: delay)
            return base.run(request, now: now)
        }
    }

    @Test func aKeyPressedWhileTheStoreIsSlowIsAnsweredAtOnce() throws {
        let home = Support.temporaryHome()
        defer { try? FileManager.default.removeItem(at: home) }
        let store = try SQLiteRecoveryStore.open(at: home.appendingPathComponent("store.sqlite"), createIfMissing: true)
        let admin = try store.setUp(SetUpRequest(providerName: "Brookfield Care", serviceName: "Oak House",
                                                 serviceKind: .residential, administratorName: "Amara Okafor", pin: "2468"),
                                    at: Support.fixedNow)
        let terminal = TestTerminal(size: Size(width: 100, height: 30))
        let clock = TestClock(Support.fixedNow)
        let base = LiveServices(catalogue: ThemeCatalogue(builtinDirectory: BuiltinThemes.directory, userDirectory: home),
                                paths: AppPaths(environment: ["HOME": home.path]), forceMonochrome: false, store: store)
        let state = AppState(environment: Support.environment(home: home), theme: .monochrome, keymap: DefaultKeymap.keymap,
                             size: terminal.size, now: Support.fixedNow, start: .signedIn(admin, try store.provider()))
        let runner = AppRunner(state: state, terminal: terminal, services: SlowServices(base: base, delay: 0.5),
                               clock: { clock.now })
        runner.runUntilIdle()
        #expect(terminal.screenText.contains("Oak House"))

        // F4 opens the MAR checks at once, while its page is still being read.
        terminal.type(keys: [.function(4)])
        var started = Date()
        runner.runKeysOnly()
        #expect(Date().timeIntervalSince(started) < 0.3)
        #expect(runner.state.current is MARChecksScreen)
        #expect(runner.isWaitingForStore)
        #expect(terminal.screenText.contains("Daily MAR chart checks"))
        #expect(!terminal.screenText.contains(AppView.loadingText), "not within the first tenth of a second")

        // Another key meanwhile is answered at once too: help opens and closes.
        terminal.type(keys: [.function(1)])
        started = Date()
        runner.runKeysOnly()
        #expect(Date().timeIntervalSince(started) < 0.3)
        #expect(runner.state.current is HelpScreen)
        terminal.type(keys: [.escape])
        runner.runKeysOnly()
        #expect(runner.state.current is MARChecksScreen)

        // Past a tenth of a second the frame says it is loading, then fills in.
        clock.now = Support.fixedNow.addingTimeInterval(0.2)
        runner.runKeysOnly()
        #expect(terminal.screenText.contains(AppView.loadingText))
        runner.settle()
        #expect(!terminal.screenText.contains(AppView.loadingText))
        #expect(terminal.screenText.contains("No MAR chart checks"))
        #expect(!runner.isWaitingForStore)
    }
}
