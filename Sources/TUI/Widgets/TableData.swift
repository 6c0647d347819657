/// Rows for a table or list. A table only asks for the rows it can show, so a source can hold
/// any number of rows (or fetch them lazily).
public protocol TableDataSource {
    /// How many rows there are.
    var rowCount: Int { get }
    /// The text of each column for one row (missing columns show blank).
    func cells(at row: Int) -> [String]
    /// A role for a whole row (e.g. `.muted` for a closed case), or nil for `normal`.
    func role(at row: Int) -> StyleRole?
    /// A role for one cell (e.g. a RAG badge), or nil to use the row's role.
    func cellRole(at row: Int, column: Int) -> StyleRole?
}

extension TableDataSource {
    public func role(at row: Int) -> StyleRole? { nil }
    public func cellRole(at row: Int, column: Int) -> StyleRole? { nil }
}

/// A data source kept in memory: rows of cells, with optional roles per row.
public struct TableRows: TableDataSource, Hashable, Sendable {
    public var rows: [[String]]
    public var roles: [Int: StyleRole]

    public init(_ rows: [[String]], roles: [Int: StyleRole] = [:]) {
        self.rows = rows
        self.roles = roles
    }

    public var rowCount: Int { rows.count }
    public func cells(at row: Int) -> [String] { rows[row] }
    public func role(at row: Int) -> StyleRole? { roles[row] }
}
