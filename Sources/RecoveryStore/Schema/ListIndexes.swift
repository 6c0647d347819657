import GRDB

/// Migration "7 list indexes": the indexes the lists read a page at a time need, so each page is
/// a short walk down an index in the list's own order (see `KeysetList`) and never a sort of
/// the whole table. Each index also holds the row id, which breaks ties in the order.
///
/// - `mar_check_order`: MAR checks newest round first (`occurred_at` is the round's end).
/// - `mar_check_service_order`: the same for one service.
/// - `escalation_raised`: escalations newest raised first.
/// - `escalation_open_raised`: only escalations not yet resolved, newest first, for the open
///   list and for the overdue ones, which are always open.
enum ListIndexes {
    static let sql = """
        CREATE INDEX mar_check_order ON mar_check(occurred_at);
        CREATE INDEX mar_check_service_order ON mar_check(service_id, occurred_at);
        CREATE INDEX escalation_raised ON escalation(raised_at);
        CREATE INDEX escalation_open_raised ON escalation(raised_at) WHERE status <> 'resolved';
        """

    static func create(_ db: Database) throws {
        try db.execute(sql: sql)
    }
}
