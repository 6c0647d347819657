import Foundation
import GRDB
import RecoveryModel

/// A list read a page at a time by keyset: its rows in one or more parts, shown part after part,
/// each part sorted by one key column and then the id, the same way round. A page is found from
/// the cursor of a row next to it (`key < ? OR (key = ? AND id < ?)`, written so that an index
/// on the key serves it), never by an offset, so a page deep in the list costs what the first
/// costs and rows added between two pages neither repeat nor go missing.
struct KeysetList {
    /// One part of the list: the SQL condition its rows meet.
    struct Part {
        var condition: String
        var arguments: StatementArguments = []
    }

    /// The FROM clause (a table and its alias, with any joins).
    let from: String
    /// The sort key, as a column or expression of text that is never null.
    let key: String
    /// The id column, which breaks ties.
    let id: String
    /// True when the list shows the largest key first.
    let descending: Bool
    /// The parts, in the order they are shown.
    let parts: [Part]

    /// The cursors of the rows of one page, and whether the list goes on either side of it.
    func page(_ db: Database, _ request: PageRequest) throws -> (cursors: [PageCursor], hasBefore: Bool, hasAfter: Bool) {
        let limit = request.limit
        switch request.start {
        case .first:
            let found = try fetch(db, forward: true, from: nil, inclusive: false, limit: limit + 1)
            return (Array(found.prefix(limit)), false, found.count > limit)
        case .last:
            let found = try fetch(db, forward: false, from: nil, inclusive: false, limit: limit + 1)
            return (Array(found.prefix(limit).reversed()), found.count > limit, false)
        case .after(let cursor), .from(let cursor):
            let inclusive: Bool
            if case .from = request.start { inclusive = true } else { inclusive = false }
            let found = try fetch(db, forward: true, from: cursor, inclusive: inclusive, limit: limit + 1)
            let rows = Array(found.prefix(limit))
            // Rows before the page: before its first row, or (an empty page) at or before the cursor.
            let before = try fetch(db, forward: false, from: rows.first ?? cursor, inclusive: rows.isEmpty && !inclusive,
                                   limit: 1)
            return (rows, !before.isEmpty, found.count > limit)
        case .before(let cursor):
            let found = try fetch(db, forward: false, from: cursor, inclusive: false, limit: limit + 1)
            let rows = Array(found.prefix(limit).reversed())
            let after = try fetch(db, forward: true, from: rows.last ?? cursor, inclusive: rows.isEmpty, limit: 1)
            return (rows, found.count > limit, !after.isEmpty)
        }
    }

    /// Up to `limit` cursors going forward (list order) or backward from `cursor` (excluding it
    /// unless `inclusive`), or from the start or end of the list, through the parts in turn.
    func fetch(_ db: Database, forward: Bool, from cursor: PageCursor?, inclusive: Bool, limit: Int) throws -> [PageCursor] {
        var found: [PageCursor] = []
        let order = forward ? Array(parts.indices) : Array(parts.indices.reversed())
        // Going forward in a descending list is going down the key.
        let downward = forward == descending
        let direction = downward ? "DESC" : "ASC"
        for index in order {
            if let cursor, forward ? index < cursor.part : index > cursor.part { continue }
            var conditions = [parts[index].condition]
            var arguments = parts[index].arguments
            if let cursor, cursor.part == index {
                let (less, lessOrEqual) = downward ? ("<", "<=") : (">", ">=")
                conditions.append("\(key) \(lessOrEqual) ? AND (\(key) \(less) ? OR \(id) \(inclusive ? lessOrEqual : less) ?)")
                arguments += [cursor.key, cursor.key, cursor.id]
            }
            let sql = """
                SELECT \(key) AS sort_key, \(id) AS row_id FROM \(from)
                WHERE \(conditions.map { "(\($0))" }.joined(separator: " AND "))
                ORDER BY \(key) \(direction), \(id) \(direction) LIMIT \(limit - found.count)
                """
            for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                found.append(PageCursor(part: index, key: row["sort_key"], id: row["row_id"]))
            }
            if found.count >= limit { break }
        }
        return found
    }
}
