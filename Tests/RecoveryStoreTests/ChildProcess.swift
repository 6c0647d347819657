import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with posix_spawn (Foundation's `Process` can hang under the test
/// runner, and passes on the runner's blocked signals). Output goes to files so it can be read
/// while the child runs. Adapted from Tests/EndToEndTests/ChildProcess.swift.
final class ChildProcess: @unchecked Sendable {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    let pid: pid_t
    let outPath: String
    let errPath: String
    private var finished: Int32?

    /// The built `recoverydesk` beside the test bundle, or `RECOVERYDESK_BINARY`.
    static var binary: String {
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

    /// Starts `recoverydesk` with `arguments`, standard input from `input` (written to a file).
    init(recoverydesk arguments: [String], input: String = "", environment: [String: String]? = nil) throws {
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
        var env = environment ?? ProcessInfo.processInfo.environment
        env["XDG_DATA_HOME"] = env["XDG_DATA_HOME"] ?? folder + "rd-xdg-\(id)"
        let argv = ([Self.binary] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
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
        let spawned = posix_spawn(&child, Self.binary, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw NSError(domain: "ChildProcess", code: Int(spawned),
                          userInfo: [NSLocalizedDescriptionKey: "could not start \(Self.binary): \(String(cString: strerror(spawned)))"])
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
    var output: String { (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "" }
    var errors: String { (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "" }

    /// Waits for the child to end; returns its exit code (128 + signal when killed).
    @discardableResult
    func wait() -> Int32 {
        if let finished { return finished }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        finished = code
        return code
    }

    /// Runs `recoverydesk` to the end.
    static func run(_ arguments: [String], input: String = "") throws -> Result {
        let child = try ChildProcess(recoverydesk: arguments, input: input)
        let status = child.wait()
        return Result(status: status, output: child.output, errors: child.errors)
    }
}
