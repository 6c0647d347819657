import Foundation
import RecoveryApp
import RecoveryModel
import Testing
import TUI

/// `PagedList` over a list held by a stand-in store: whatever keys are pressed, the row selected
/// is the row a table holding the whole list would select, and only about a page is ever held.
@Suite struct PagedListTests {
    /// A list of ids, largest first, paged the way the store pages (keyset on the id).
    struct Store {
        var ids: [Int64]

        func page(_ request: PageRequest) -> RecordPage<Int64> {
            let limit = request.limit
            var rows: [Int64]
            var hasBefore = false
            var hasAfter = false
            switch request.start {
            case .first:
                rows = Array(ids.prefix(limit))
                hasAfter = ids.count > limit
            case .last:
                rows = Array(ids.suffix(limit))
                hasBefore = ids.count > limit
            case .after(let cursor), .from(let cursor):
                var inclusive = false
                if case .from = request.start { inclusive = true }
                let later = ids.filter { inclusive ? $0 <= cursor.id : $0 < cursor.id }
                rows = Array(later.prefix(limit))
                hasAfter = later.count > limit
                hasBefore = ids.contains { $0 > (rows.first ?? cursor.id) }
            case .before(let cursor):
                let earlier = ids.filter { $0 > cursor.id }
                rows = Array(earlier.suffix(limit))
                hasBefore = earlier.count > limit
                hasAfter = ids.contains { $0 < (rows.last ?? cursor.id) }
            }
            return RecordPage(rows: rows, cursors: rows.map { PageCursor(key: String($0), id: $0) },
                              hasBefore: hasBefore, hasAfter: hasAfter)
        }
    }

    /// A list pane's selection over a paged list, driven like the screens drive it.
    struct Driver {
        var store: Store
        var paged = PagedList<Int64>()
        var state = TableState()
        let pageSize: Int
        var fetches = 0

        init(store: Store, pageSize: Int) {
            self.store = store
            self.pageSize = pageSize
            let request = paged.restart(pageSize: pageSize)
            paged.receive(store.page(request), state: &state, pageSize: pageSize)
        }

        mutating func press(_ command: CommandID) {
            guard let step = paged.step(command, state: &state, pageSize: pageSize) else {
                Issue.record("\(command.rawValue) is a list key")
                return
            }
            if case .fetch(let request) = step {
                fetches += 1
                paged.receive(store.page(request), state: &state, pageSize: pageSize)
            }
        }

        var selectedID: Int64? { paged.rows.indices.contains(state.selected) ? paged.rows[state.selected] : nil }
    }

    static let keys = [AppCommand.down, AppCommand.up, AppCommand.pageDown, AppCommand.pageUp, AppCommand.first, AppCommand.last]

    @Test(arguments: [(count: 1, page: 5), (count: 5, page: 5), (count: 23, page: 5), (count: 100, page: 7), (count: 64, page: 1)])
    func keysSelectWhatAWholeListWouldSelect(count: Int, page: Int) {
        let ids = (1...Int64(count)).reversed().map { $0 * 10 }
        var driver = Driver(store: Store(ids: Array(ids)), pageSize: page)
        var whole = TableState()
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15 &+ UInt64(count * 31 + page)
        for step in 0..<600 {
            // A fixed sequence for the arguments (no randomness between runs).
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let key = Self.keys[Int(seed >> 33) % Self.keys.count]
            driver.press(key)
            let motion: ListMotion
            switch key {
            case AppCommand.down: motion = .down
            case AppCommand.up: motion = .up
            case AppCommand.pageDown: motion = .pageDown
            case AppCommand.pageUp: motion = .pageUp
            case AppCommand.first: motion = .home
            default: motion = .end
            }
            whole.move(motion, rowCount: ids.count, pageSize: page)
            #expect(driver.selectedID == ids[whole.selected], "step \(step): \(key.rawValue)")
            #expect(driver.paged.rows.count <= page, "only a page is held")
            // The page is a run of the list in order, and its flags are true.
            if let first = driver.paged.rows.first, let start = ids.firstIndex(of: first) {
                #expect(Array(ids[start..<min(ids.count, start + driver.paged.rows.count)]) == driver.paged.rows)
                #expect(driver.paged.page.hasBefore == (start > 0))
                #expect(driver.paged.page.hasAfter == (start + driver.paged.rows.count < ids.count))
            }
        }
        if count <= page { #expect(driver.fetches == 0, "a list that fits in a page is never read again") }
    }

    @Test func downAtTheBottomSlidesOneRowAndEndReadsTheLastPage() {
        let ids: [Int64] = Array((1...50).reversed())
        var driver = Driver(store: Store(ids: ids), pageSize: 10)
        #expect(driver.paged.rows == Array(ids[0..<10]))
        #expect(driver.paged.moreText == "more below ↓")
        for _ in 0..<9 { driver.press(AppCommand.down) }
        #expect(driver.fetches == 0)
        driver.press(AppCommand.down)
        #expect(driver.fetches == 1)
        #expect(driver.paged.rows == Array(ids[1..<11]), "the page slid by one row")
        #expect(driver.selectedID == ids[10])
        #expect(driver.paged.moreText == "↑ more above and below ↓")
        driver.press(AppCommand.last)
        #expect(driver.paged.rows == Array(ids[40..<50]))
        #expect(driver.selectedID == 1)
        #expect(driver.paged.moreText == "↑ more above")
        driver.press(AppCommand.pageUp)
        #expect(driver.paged.rows == Array(ids[30..<40]))
        #expect(driver.selectedID == ids[39])
        driver.press(AppCommand.first)
        #expect(driver.selectedID == 50)

        // Read again from the page's first row: rows added before it do not move it.
        driver.press(AppCommand.pageDown)
        driver.press(AppCommand.down)
        let shown = driver.paged.rows
        let selected = driver.selectedID
        driver.store.ids.insert(contentsOf: [70, 60], at: 0)
        let again = driver.paged.reload(pageSize: 10)
        driver.paged.receive(driver.store.page(again), state: &driver.state, pageSize: 10)
        #expect(driver.paged.rows == shown)
        #expect(driver.selectedID == selected)
        // At the top of the list, reading again shows what was added there.
        driver.press(AppCommand.first)
        #expect(driver.paged.rows.first == 70)
        driver.store.ids.insert(80, at: 0)
        let top = driver.paged.reload(pageSize: 10)
        driver.paged.receive(driver.store.page(top), state: &driver.state, pageSize: 10)
        #expect(driver.paged.rows.first == 80)
    }
}

/// The store's search folds text as the screen's own search does.
@Suite struct TextMatchTests {
    @Test func foldsLikeTheListSearch() {
        let samples = ["Siobhán Ó Briain", "ZOË", "Straße", "Ærøskøbing", "Łódź", "“quoted” ‘text’", "re‑check – 50%_x",
                       "ＦＵＬＬ width", "İstanbul", "plain ASCII 123/45", "", "MIXED case Ünïcödé"]
        for text in samples {
            #expect(TextMatch.fold(text) == ListSearch.fold(text), "\(text)")
        }
        #expect(TextMatch.contains(" siobhan ", in: "Siobhán Ó Briain"))
        #expect(TextMatch.contains("", in: "anything"))
        #expect(!TextMatch.contains("x", in: ""))
    }
}
