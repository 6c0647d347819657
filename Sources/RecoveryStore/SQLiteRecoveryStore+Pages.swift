import Foundation
import GRDB
import RecoveryModel

/// The lists read a page at a time: MAR checks, escalations and the competency list. Each is a
/// `KeysetList` (its order, parts and conditions, search included, in SQL); a page reads the
/// cursors of its rows, then only those rows in full. Nothing counts the whole list.
extension SQLiteRecoveryStore {
    public func marCheckPage(_ query: MARCheckQuery, _ page: PageRequest) throws(StoreError) -> RecordPage<MARCheck> {
        try read { db in
            let (cursors, hasBefore, hasAfter) = try Self.marCheckList(db, query).page(db, page)
            let checks = try cursors.isEmpty ? [] : EvidenceRows.checks(db, where: Self.idIn("id", cursors))
            return RecordPage(rows: try Self.inOrder(checks, of: cursors, id: \.id, what: "MAR check"), cursors: cursors,
                              hasBefore: hasBefore, hasAfter: hasAfter)
        }
    }

    public func escalationPage(_ query: EscalationQuery, _ page: PageRequest, at now: Date) throws(StoreError) -> RecordPage<Escalation> {
        try read { db in
            let (cursors, hasBefore, hasAfter) = try Self.escalationList(db, query, at: now).page(db, page)
            let escalations = try cursors.isEmpty ? [] : EvidenceRows.escalations(db, where: Self.idIn("id", cursors))
            return RecordPage(rows: try Self.inOrder(escalations, of: cursors, id: \.id, what: "escalation"), cursors: cursors,
                              hasBefore: hasBefore, hasAfter: hasAfter)
        }
    }

    public func escalation(_ escalationID: Int64) throws(StoreError) -> Escalation {
        try read { db in try EvidenceRows.escalation(db, escalationID) }
    }

    public func competencyPage(_ query: CompetencyQuery, _ page: PageRequest, at now: Date) throws(StoreError) -> RecordPage<CompetencyRow> {
        try read { db in
            let (cursors, hasBefore, hasAfter) = try Self.competencyList(db, query, at: now).page(db, page)
            let people = try cursors.isEmpty ? [] : Self.loadStaff(db, where: Self.idIn("s.id", cursors))
            let (relevant, relevantArguments) = CompetencySQL.relevant("o")
            let rows = try Self.inOrder(people, of: cursors, id: \.id, what: "member of staff").map { person in
                // The deciding observation is all `CompetencyRules.status` needs.
                let deciding = try Row.fetchOne(db, sql: """
                    SELECT * FROM observation o WHERE o.staff_id = ? AND o.occurred_at <= ? AND \(relevant)
                    ORDER BY o.occurred_at DESC, o.recorded_at DESC, o.id DESC LIMIT 1
                    """, arguments: [person.id, Timestamp.text(now)] + relevantArguments)
                let latest = try Row.fetchOne(db, sql: """
                    SELECT * FROM observation WHERE staff_id = ? ORDER BY occurred_at DESC, id DESC LIMIT 1
                    """, arguments: [person.id])
                let status = CompetencyRules.status(observations: try deciding.map { [try EvidenceRows.observation($0)] } ?? [],
                                                    at: now)
                return CompetencyRow(person: person, status: status, latest: try latest.map(EvidenceRows.observation))
            }
            return RecordPage(rows: rows, cursors: cursors, hasBefore: hasBefore, hasAfter: hasAfter)
        }
    }

    // MARK: The lists

    /// MAR checks newest round first: by `occurred_at` (the end of the round, within its London
    /// day, so the same as by round day and round) and then id. The round days asked for bound
    /// `occurred_at` too, so the index on it is read only across those days.
    static func marCheckList(_ db: Database, _ query: MARCheckQuery) throws -> KeysetList {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let serviceID = query.serviceID {
            conditions.append("c.service_id = ?")
            arguments += [serviceID]
        }
        if let from = query.from {
            let first = Timestamp.text(LondonDay(from).start)
            conditions.append("c.round_date >= ? AND c.occurred_at >= ?")
            arguments += [first, first]
        }
        if let to = query.to {
            let day = LondonDay(to)
            conditions.append("c.round_date <= ? AND c.occurred_at < ?")
            arguments += [Timestamp.text(day.start), Timestamp.text(day.adding(days: 1).start)]
        }
        if let checkedByID = query.checkedByID {
            conditions.append("c.checked_by_id = ?")
            arguments += [checkedByID]
        }
        if let search = try marCheckSearch(db, query.search) {
            conditions.append(search.0)
            arguments += search.1
        }
        return KeysetList(from: "mar_check c", key: "c.occurred_at", id: "c.id", descending: true,
                          parts: [KeysetList.Part(condition: all(conditions), arguments: arguments)])
    }

    /// A check's date, round, service or notes containing the search. Services, rounds and notes
    /// are few, so they are matched here and named by id or value; the date is matched in SQL
    /// (a whole date by comparing moments, part of one by writing each date out).
    static func marCheckSearch(_ db: Database, _ search: String) throws -> (String, StatementArguments)? {
        guard let needle = ListSearchSQL.needle(search) else { return nil }
        var found: [(String, StatementArguments)] = []
        let services = try Row.fetchAll(db, sql: "SELECT id, name FROM service")
            .filter { TextMatch.contains(search, in: $0["name"]) }.map { $0["id"] as Int64 }
        if let condition = ListSearchSQL.isOneOf("c.service_id", services) { found.append(condition) }
        if let condition = ListSearchSQL.isOneOf("c.round", ListSearchSQL.matching(MARRound.self, search, title: \.title)) {
            found.append(condition)
        }
        if TextMatch.contains(search, in: MARCheckQuery.lateEntryNote) { found.append(("c.late_entry = 1", [])) }
        if TextMatch.contains(search, in: MARCheckQuery.correctedNote) { found.append(("c.version > 1", [])) }
        if let date = ListSearchSQL.dateContains("c.round_date", needle, time: false) { found.append(date) }
        return ListSearchSQL.any(found) ?? ("0", [])
    }

    /// Escalations in two parts, overdue at `now` and the rest, each newest raised first.
    static func escalationList(_ db: Database, _ query: EscalationQuery, at now: Date) throws -> KeysetList {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        let resolved = EscalationStatus.resolved.rawValue
        if query.openOnly { conditions.append("e.status <> '\(resolved)'") }
        if let serviceID = query.serviceID {
            conditions.append("e.service_id = ?")
            arguments += [serviceID]
        }
        if let search = escalationSearch(query.search) {
            conditions.append(search.0)
            arguments += search.1
        }
        let moment = Timestamp.text(now)
        // The same test as `Escalation.isOverdue(at:)`.
        let overdue = KeysetList.Part(condition: all(conditions + ["e.status <> '\(resolved)' AND e.due_by < ?"]),
                                      arguments: arguments + [moment])
        let rest = KeysetList.Part(condition: all(conditions + ["(e.status = '\(resolved)' OR e.due_by >= ?)"]),
                                   arguments: arguments + [moment])
        return KeysetList(from: "escalation e", key: "e.raised_at", id: "e.id", descending: true, parts: [overdue, rest])
    }

    /// An escalation's due-by moment, status, severity, category or what happened containing the search.
    static func escalationSearch(_ search: String) -> (String, StatementArguments)? {
        guard let needle = ListSearchSQL.needle(search) else { return nil }
        var found: [(String, StatementArguments)] = []
        let enums: [(String, [String])] = [
            ("e.status", ListSearchSQL.matching(EscalationStatus.self, search, title: \.title)),
            ("e.severity", ListSearchSQL.matching(EscalationSeverity.self, search, title: \.title)),
            ("e.category", ListSearchSQL.matching(EscalationCategory.self, search, title: \.title)),
        ]
        for (column, values) in enums {
            if let condition = ListSearchSQL.isOneOf(column, values) { found.append(condition) }
        }
        if let date = ListSearchSQL.dateContains("e.due_by", needle, time: true) { found.append(date) }
        found.append(ListSearchSQL.contains("e.what_happened", needle))
        return ListSearchSQL.any(found)
    }

    /// Active staff by name (any case), then id.
    static func competencyList(_ db: Database, _ query: CompetencyQuery, at now: Date) throws -> KeysetList {
        var conditions = ["s.active = 1"]
        var arguments: StatementArguments = []
        if !TextMatch.isBlank(query.search) {
            let search = query.search
            var found: [(String, StatementArguments)] = []
            // Staff are few beside the records: their names are matched here, accents and all.
            let named = try Row.fetchAll(db, sql: "SELECT id, name FROM staff WHERE active = 1")
                .filter { TextMatch.contains(search, in: $0["name"]) }.map { $0["id"] as Int64 }
            if let condition = ListSearchSQL.isOneOf("s.id", named) { found.append(condition) }
            if let condition = ListSearchSQL.isOneOf("s.role", ListSearchSQL.matching(Role.self, search, title: \.title)) {
                found.append(condition)
            }
            if let condition = CompetencySQL.status(in: CompetencySQL.Kind.allCases.filter { TextMatch.contains(search, in: $0.label) },
                                                    at: now) {
                found.append(condition)
            }
            let matched = ListSearchSQL.any(found) ?? ("0", [])
            conditions.append(matched.0)
            arguments += matched.1
        }
        return KeysetList(from: "staff s", key: "s.name COLLATE NOCASE", id: "s.id", descending: false,
                          parts: [KeysetList.Part(condition: all(conditions), arguments: arguments)])
    }

    // MARK: Helpers

    /// Conditions joined with AND ("1" for none).
    static func all(_ conditions: [String]) -> String {
        conditions.isEmpty ? "1" : conditions.map { "(\($0))" }.joined(separator: " AND ")
    }

    /// `column IN (ids)` for the rows of a page (ids are integers, written out).
    static func idIn(_ column: String, _ cursors: [PageCursor]) -> String {
        "\(column) IN (\(cursors.map { String($0.id) }.joined(separator: ", ")))"
    }

    /// The records put in the page's order; a row that vanished between the two reads of one
    /// snapshot would be a fault of the store.
    static func inOrder<Record>(_ records: [Record], of cursors: [PageCursor], id: KeyPath<Record, Int64>,
                                what: String) throws -> [Record] {
        let byID = Dictionary(records.map { ($0[keyPath: id], $0) }, uniquingKeysWith: { first, _ in first })
        return try cursors.map { cursor in
            guard let record = byID[cursor.id] else {
                throw StoreError.storage("The \(what) with id \(cursor.id) could not be read back for the list.")
            }
            return record
        }
    }
}
