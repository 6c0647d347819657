import Foundation

/// Where a row stands in a list read a page at a time (keyset paging): enough of its sort key to
/// ask for the rows after or before it, whatever was added to the list since. Callers treat it
/// as opaque and hand back what a `RecordPage` gave them.
public struct PageCursor: Hashable, Sendable {
    /// Which part of the list the row is in, for lists in parts (overdue escalations come before
    /// the rest); 0 for a list in one part.
    public var part: Int
    /// The row's sort key within its part, as text (a moment, a name).
    public var key: String
    /// The row's id, which breaks ties in the sort key.
    public var id: Int64

    public init(part: Int = 0, key: String, id: Int64) {
        self.part = part
        self.key = key
        self.id = id
    }
}

/// Which page of a list to read, and how many rows at most.
public struct PageRequest: Hashable, Sendable {
    public enum Start: Hashable, Sendable {
        /// The first rows of the list.
        case first
        /// The last rows of the list (still in list order).
        case last
        /// The rows just after this one (not including it).
        case after(PageCursor)
        /// The rows just before this one (not including it), in list order.
        case before(PageCursor)
        /// This row, if it is still in the list, and the rows after it: to read a page again.
        case from(PageCursor)
    }

    public var start: Start
    /// Rows wanted; at least 1.
    public var limit: Int

    public init(_ start: Start, limit: Int) {
        self.start = start
        self.limit = max(1, limit)
    }

    public static func first(_ limit: Int) -> PageRequest { PageRequest(.first, limit: limit) }
    public static func last(_ limit: Int) -> PageRequest { PageRequest(.last, limit: limit) }
}

/// One page of a list, in list order, with each row's cursor and whether the list goes on
/// either side of it. The store never counts the whole list to make one.
public struct RecordPage<Row: Sendable>: Sendable {
    public var rows: [Row]
    /// `cursors[i]` is where `rows[i]` stands, to ask for the rows after or before it.
    public var cursors: [PageCursor]
    /// True when the list has rows before the first row of this page.
    public var hasBefore: Bool
    /// True when the list has rows after the last row of this page.
    public var hasAfter: Bool

    public init(rows: [Row], cursors: [PageCursor], hasBefore: Bool, hasAfter: Bool) {
        precondition(rows.count == cursors.count, "a page has one cursor for each row")
        self.rows = rows
        self.cursors = cursors
        self.hasBefore = hasBefore
        self.hasAfter = hasAfter
    }

    /// A page with no rows and nothing either side.
    public static var empty: RecordPage<Row> { RecordPage(rows: [], cursors: [], hasBefore: false, hasAfter: false) }

    /// Where to continue after this page, or nil at the end of the list.
    public var after: PageCursor? { hasAfter ? cursors.last : nil }
    /// Where to continue before this page, or nil at the start of the list.
    public var before: PageCursor? { hasBefore ? cursors.first : nil }
    /// True when the page holds the whole list.
    public var isWholeList: Bool { !hasBefore && !hasAfter }

    /// The same page with each row changed by `transform`.
    public func map<Other: Sendable>(_ transform: (Row) throws -> Other) rethrows -> RecordPage<Other> {
        RecordPage<Other>(rows: try rows.map(transform), cursors: cursors, hasBefore: hasBefore, hasAfter: hasAfter)
    }
}

extension RecordPage: Equatable where Row: Equatable {}
extension RecordPage: Hashable where Row: Hashable {}
