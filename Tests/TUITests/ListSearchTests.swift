import Testing
@testable import TUI

@Suite struct ListSearchTests {
    let people = TableRows([
        ["Zoë Brontë", "Leeds"],
        ["Siobhán Ó Briain", "Derry"],
        ["王小明", "London"],
        ["Ann O’Neill", "Hull"],
        ["siobhan smith", "York"],
    ])

    @Test func ignoresCaseAndAccents() {
        #expect(ListSearch.find("siobhan", in: people, from: 0) == 1)
        #expect(ListSearch.find("SIOBHÁN", in: people, from: 2) == 4)
        #expect(ListSearch.find("zoe bronte", in: people, from: 0) == 0)
        #expect(ListSearch.find("ó briain", in: people, from: 0) == 1)
        #expect(ListSearch.find("王", in: people, from: 0) == 2)
        #expect(ListSearch.find("o'neill", in: people, from: 0) == 3)
        #expect(ListSearch.find("york", in: people, from: 0) == 4)
    }

    @Test func combiningMarksMatchToo() {
        let rows = TableRows([["Zoe\u{0308} Bronte\u{0308}"]])
        #expect(ListSearch.find("zoë", in: rows, from: 0) == 0)
        #expect(ListSearch.find("zoe", in: rows, from: 0) == 0)
    }

    @Test func wrapsAndGoesBackward() {
        #expect(ListSearch.find("siobhan", in: people, from: 2) == 4)
        #expect(ListSearch.find("siobhan", in: people, from: 5) == 1)  // past the end: wraps
        #expect(ListSearch.find("siobhan", in: people, from: 2, wrap: false) == 4)
        #expect(ListSearch.find("zoe", in: people, from: 1, wrap: false) == nil)
        #expect(ListSearch.find("siobhan", in: people, from: 3, direction: .backward) == 1)
        #expect(ListSearch.find("siobhan", in: people, from: 0, direction: .backward) == 4)
        #expect(ListSearch.find("siobhan", in: people, from: 0, direction: .backward, wrap: false) == nil)
    }

    @Test func noMatchOrBlankQuery() {
        #expect(ListSearch.find("nobody", in: people, from: 0) == nil)
        #expect(ListSearch.find("  ", in: people, from: 0) == nil)
        #expect(ListSearch.find("ann", in: TableRows([]), from: 0) == nil)
    }

    @Test func searchStopsAtTheFirstMatch() {
        let source = CountingSource(rowCount: 1_000_000)
        #expect(ListSearch.find("person 12", in: source, from: 10) == 12)
        #expect(source.asked == [10, 11, 12])
    }
}
