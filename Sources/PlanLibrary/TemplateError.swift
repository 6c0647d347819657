/// Why a plan template file was refused: the file, the line where known, and the problem in plain
/// words, e.g. `late-mar-returns.yaml, line 41: "cadence" is "hourly", which is not a cadence ...`.
public struct TemplateError: Error, CustomStringConvertible, Hashable, Sendable {
    /// The file as it was named to the reader (a path, or a name given to `parse`).
    public var file: String
    /// The line the problem is on (from 1), or nil when it is about the whole file or folder.
    public var line: Int?
    /// What is wrong and, where it helps, what to write instead.
    public var problem: String

    public init(file: String, line: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        if let line { return "\(file), line \(line): \(problem)" }
        return "\(file): \(problem)"
    }
}
