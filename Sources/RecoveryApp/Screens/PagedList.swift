import RecoveryModel
import RecoveryServices
import TUI

/// A list shown a page at a time from the store (keyset paging, see `RecordPage`): it holds the
/// rows of one page only, answers the list keys inside that page, and at its edges says which
/// page to ask the store for and where the selection lands when it comes.
///
/// - Up and Down move one row; past the page's edge the page slides by one row.
/// - PgUp and PgDn move a page, as in a list held whole: the selection moves by a page and
///   stops at the list's first or last row.
/// - Home and End read the first or last page.
public struct PagedList<Row: Sendable>: Sendable {
    /// The page shown.
    public private(set) var page: RecordPage<Row> = .empty
    /// What the page asked for is for; nil when nothing is asked.
    private var landing: Landing?

    /// Where the selection goes when the page asked for arrives.
    enum Landing: Sendable, Equatable {
        /// On the first or last row of the new page.
        case top, bottom
        /// On this row of the new page.
        case index(Int)
        /// `count` rows up from the end of the new page (after sliding up by a row).
        case fromEnd(Int)
        /// A page on from the row selected, the new rows added after the page shown.
        case pageDown(selected: Int)
        /// A page back from the row selected, the new rows added before the page shown.
        case pageUp(selected: Int)
    }

    /// What a list key needs.
    public enum Step: Sendable, Equatable {
        /// Done within the page.
        case moved
        /// Ask the store for this page.
        case fetch(PageRequest)
    }

    public init() {}

    public var rows: [Row] { page.rows }

    /// Answers a list key (nil for any other command). `state` is the table's selection over
    /// the page's rows; `pageSize` the rows the table shows.
    public mutating func step(_ command: CommandID, state: inout TableState, pageSize: Int) -> Step? {
        let count = page.rows.count
        let size = max(1, pageSize)
        let selected = min(state.selected, max(0, count - 1))
        func local(_ motion: ListMotion) -> Step {
            state.move(motion, rowCount: count, pageSize: size)
            return .moved
        }
        func fetch(_ start: PageRequest.Start, limit: Int, _ landing: Landing) -> Step {
            self.landing = landing
            return .fetch(PageRequest(start, limit: limit))
        }
        switch command {
        case AppCommand.down:
            guard selected == count - 1, page.hasAfter, let first = page.cursors.first else { return local(.down) }
            return fetch(.after(first), limit: max(size, count), .index(selected))
        case AppCommand.up:
            guard selected == 0, page.hasBefore, let last = page.cursors.last else { return local(.up) }
            return fetch(.before(last), limit: max(size, count), .fromEnd(count))
        case AppCommand.pageDown:
            guard page.hasAfter, let last = page.cursors.last else { return local(.pageDown) }
            return fetch(.after(last), limit: size, .pageDown(selected: selected))
        case AppCommand.pageUp:
            guard page.hasBefore, let first = page.cursors.first else { return local(.pageUp) }
            return fetch(.before(first), limit: size, .pageUp(selected: selected))
        case AppCommand.first:
            guard page.hasBefore else { return local(.home) }
            return fetch(.first, limit: size, .top)
        case AppCommand.last:
            guard page.hasAfter else { return local(.end) }
            return fetch(.last, limit: size, .bottom)
        default:
            return nil
        }
    }

    /// The first page, for a list opened or filtered afresh.
    public mutating func restart(pageSize: Int) -> PageRequest {
        landing = .top
        return .first(max(1, pageSize))
    }

    /// The page shown, read again (coming back to the list, or after a change): from its first
    /// row, or from the start of the list when it was at the start, so new rows show. The
    /// selection stays on the same line.
    public func reload(pageSize: Int) -> PageRequest {
        let limit = max(1, pageSize, page.rows.count)
        guard page.hasBefore, let first = page.cursors.first else { return .first(limit) }
        return PageRequest(.from(first), limit: limit)
    }

    /// Takes the page the store sent for the last request and places the selection (on the
    /// same line when nothing was asked by a key: a reload).
    public mutating func receive(_ new: RecordPage<Row>, state: inout TableState, pageSize: Int) {
        let size = max(1, pageSize)
        let old = page
        var selected: Int
        switch landing ?? .index(state.selected) {
        case .top:
            page = new
            selected = 0
        case .bottom:
            page = new
            selected = new.rows.count - 1
        case .index(let index):
            page = new
            selected = index
        case .fromEnd(let count):
            page = new
            selected = new.rows.count - count
        case .pageDown(let from):
            // The page shown and the rows after it, less what scrolls off the top.
            let rows = old.rows + new.rows
            let cursors = old.cursors + new.cursors
            let drop = max(0, rows.count - size)
            page = RecordPage(rows: Array(rows.dropFirst(drop)), cursors: Array(cursors.dropFirst(drop)),
                              hasBefore: old.hasBefore || drop > 0, hasAfter: new.hasAfter)
            selected = min(from + size, rows.count - 1) - drop
        case .pageUp(let from):
            // The rows before the page shown and the page, less what scrolls off the bottom.
            let rows = new.rows + old.rows
            let cursors = new.cursors + old.cursors
            page = RecordPage(rows: Array(rows.prefix(size)), cursors: Array(cursors.prefix(size)),
                              hasBefore: new.hasBefore, hasAfter: old.hasAfter || rows.count > size)
            selected = max(0, from + new.rows.count - size)
        }
        landing = nil
        let count = page.rows.count
        state = TableState(selected: min(max(0, selected), max(0, count - 1)), offset: state.offset)
        state.clamp(rowCount: count, pageSize: size)
    }

    /// Forgets any page asked for (its answer is not wanted, e.g. a search that found nothing).
    public mutating func cancelRequest() { landing = nil }

    /// Which way the list goes on beyond the page, in words for under the table; nil when the
    /// page holds the whole list (the table then shows "3/12" itself).
    public var moreText: String? {
        switch (page.hasBefore, page.hasAfter) {
        case (false, false): return nil
        case (true, true): return "↑ more above and below ↓"
        case (true, false): return "↑ more above"
        case (false, true): return "more below ↓"
        }
    }
}
