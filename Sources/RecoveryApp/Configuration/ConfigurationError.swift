/// A problem with a settings file or theme file, worded for the person who wrote the file.
///
/// Its description names the file and, where known, the line:
/// `/home/x/.config/recoverydesk/config.yaml, line 4: "blue-ish" is not a colour; ...`
public struct ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file (or folder) the problem is in, as a path.
    public var file: String
    /// The line the problem is on, counting from 1, when one line is to blame.
    public var line: Int?
    /// What is wrong and, where possible, how to put it right, in plain words.
    public var problem: String

    /// Makes an error for a file, optionally naming a line.
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
