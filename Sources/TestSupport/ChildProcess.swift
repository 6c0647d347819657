import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process for tests, started with posix_spawn. Foundation's `Process` sometimes never
/// notices a `tmux` client exit under the test runner (it stays a zombie and `waitUntilExit`
/// waits for ever), and it passes on the runner's blocked signals; here the child starts with no
/// signal blocked and default handlers, as from a shell. Output goes to files (a tmux server
/// would hold a pipe open for ever), readable while the child runs.
public final class ChildProcess: @unchecked Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var errors: String
    }

    public let pid: pid_t
    private let outPath: String
    private let errPath: String
    private var finished: Int32?

    /// The built `recoverydesk` beside the test bundle, or `RECOVERYDESK_BINARY`.
    public static var recoverydesk: String {
        if let path = ProcessInfo.processInfo.environment["RECOVERYDESK_BINARY"] { return path }
        var candidates: [URL] = []
        if let first = CommandLine.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        candidates.append(Bundle.main.bundleURL)
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        for folder in candidates {
            let url = folder.appendingPathComponent("recoverydesk")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url.path }
        }
        return "recoverydesk"
    }

    /// Starts `executable` (looked up on PATH when it has no slash) with `arguments`, standard
    /// input from `input`. `environment` nil keeps ours.
    public init(_ executable: String, _ arguments: [String], input: String = "",
                environment: [String: String]? = nil) throws {
        let folder = NSTemporaryDirectory()
        let id = UUID().uuidString
        outPath = folder + "rd-out-\(id)"
        errPath = folder + "rd-err-\(id)"
        let inPath = folder + "rd-in-\(id)"
        try Data(input.utf8).write(to: URL(fileURLWithPath: inPath))
        defer { unlink(inPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var child: pid_t = 0
        let spawned = executable.contains("/")
            ? posix_spawn(&child, executable, &actions, &attributes, argv, envp)
            : posix_spawnp(&child, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw NSError(domain: "ChildProcess", code: Int(spawned),
                          userInfo: [NSLocalizedDescriptionKey: "could not start \(executable): \(String(cString: strerror(spawned)))"])
        }
        pid = child
    }

    deinit {
        if finished == nil {
            kill(pid, SIGKILL)
            _ = wait()
        }
        unlink(outPath)
        unlink(errPath)
    }

    /// Standard output so far.
    public var output: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
    /// Standard error so far.
    public var errors: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }

    /// Waits for the child to end; returns its exit code (128 + signal when killed).
    @discardableResult
    public func wait() -> Int32 {
        if let finished { return finished }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        finished = code
        return code
    }

    /// Runs a program to the end.
    public static func run(_ executable: String, _ arguments: [String], input: String = "",
                           environment: [String: String]? = nil) throws -> Result {
        let child = try ChildProcess(executable, arguments, input: input, environment: environment)
        let status = child.wait()
        return Result(status: status, output: child.output, errors: child.errors)
    }
}
