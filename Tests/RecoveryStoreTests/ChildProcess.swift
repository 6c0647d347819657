import Foundation
import TestSupport

/// `recoverydesk` as a child process, with a private data folder unless one is given, so a
/// command that falls back to the default store never touches the real one.
extension ChildProcess {
    static var binary: String { recoverydesk }

    static func storeEnvironment(_ environment: [String: String]?) -> [String: String] {
        var env = environment ?? ProcessInfo.processInfo.environment
        env["XDG_DATA_HOME"] = env["XDG_DATA_HOME"] ?? NSTemporaryDirectory() + "rd-xdg-\(UUID().uuidString)"
        return env
    }

    /// Starts `recoverydesk` with `arguments`, standard input from `input`.
    convenience init(recoverydesk arguments: [String], input: String = "", environment: [String: String]? = nil) throws {
        try self.init(Self.recoverydesk, arguments, input: input, environment: Self.storeEnvironment(environment))
    }

    /// Runs `recoverydesk` to the end.
    static func run(_ arguments: [String], input: String = "") throws -> Result {
        try run(recoverydesk, arguments, input: input, environment: storeEnvironment(nil))
    }
}
