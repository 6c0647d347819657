import Foundation
import TestSupport

/// Runs the real `recoverydesk` binary in a private tmux server and reads its screen, for
/// end-to-end tests. Each session has its own socket and its own temporary home folder.
final class TmuxSession {
    let socket: String
    let home: URL
    let sessionName = "app"
    private(set) var isRunning = false
    /// The arguments the app was started with.
    private(set) var arguments: [String] = []

    enum Failure: Error, CustomStringConvertible {
        case tmux(String)
        case timeout(String, screen: String)
        var description: String {
            switch self {
            case .tmux(let message): return "tmux failed: \(message)"
            case .timeout(let what, let screen): return "timed out waiting for \(what); the screen was:\n\(screen)"
            }
        }
    }

    /// The built binary: beside the test bundle, or `RECOVERYDESK_BINARY`.
    static var binary: String { ChildProcess.recoverydesk }

    /// Starts `recoverydesk` with `arguments` in a detached session of the given size.
    /// After the app exits the pane prints `EXIT=<code>` and stays open so it can be read.
    /// With `interactiveShell`, the pane runs an interactive bash with job control and the app
    /// is started from its prompt (for Ctrl-Z and `fg`). With `store`, a store is made first
    /// with `recoverydesk init` (and any extra people) and the app opens it.
    init(arguments: [String] = [], width: Int = 100, height: Int = 30,
         environment: [String: String] = [:], interactiveShell: Bool = false, store: StoreSetUp? = nil,
         setUp: ((URL) throws -> Void)? = nil) throws {
        let id = UUID().uuidString.prefix(8)
        socket = FileManager.default.temporaryDirectory.appendingPathComponent("rd-tmux-\(id)").path
        home = FileManager.default.temporaryDirectory.appendingPathComponent("rd-home-\(id)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try setUp?(home)
        var arguments = arguments
        if let store {
            let path = home.appendingPathComponent("store.sqlite").path
            try store.make(at: path, home: home)
            arguments = ["--store", path] + arguments
        }
        self.arguments = arguments
        var env = [
            "LANG": "C.UTF-8", "TERM": "tmux-256color", "HOME": home.path,
            "XDG_CONFIG_HOME": home.appendingPathComponent("config").path,
            "XDG_DATA_HOME": home.appendingPathComponent("data").path,
            "XDG_STATE_HOME": home.appendingPathComponent("state").path,
        ]
        env.merge(environment) { _, new in new }
        let quoted = ([Self.binary] + arguments).map(Self.shellQuote).joined(separator: " ")
        let shellCommand = interactiveShell ? "PS1='$ ' bash --norc --noprofile -i"
            : "\(quoted); echo EXIT=$?; sleep 600"

        var args = ["-S", socket, "-f", "/dev/null", "new-session", "-d", "-s", sessionName,
                    "-x", String(width), "-y", String(height)]
        for (key, value) in env.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(key)=\(value)"] }
        args.append(shellCommand)
        try Self.tmux(args)
        isRunning = true
    }

    deinit { close() }

    /// Stops the tmux server and removes the socket and home folder.
    func close() {
        guard isRunning else { return }
        isRunning = false
        _ = try? Self.tmux(["-S", socket, "kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
        try? FileManager.default.removeItem(at: home)
    }

    /// Signs in from the sign-in screen: narrows the list to `name`, then enters the PIN.
    func signIn(_ name: String, pin: String) throws {
        try waitFor("Who are you?")
        try type(name)
        try waitUntil("the list to narrow to \(name)") { $0.contains(name) && $0.contains("Find: \(name)") }
        try send("Enter")
        try waitFor("PIN:")
        try type(pin)
        try send("Enter")
        try waitUntil("\(name) to be signed in") { $0.contains("Signed in as") || $0.contains("Welcome back") }
    }

    /// Sends tmux key names, e.g. "F1", "Enter", "Escape", "C-l".
    func send(_ keys: String...) throws {
        try Self.tmux(["-S", socket, "send-keys", "-t", sessionName] + keys)
    }

    /// Types text literally (UTF-8 included).
    func type(_ text: String) throws {
        try Self.tmux(["-S", socket, "send-keys", "-t", sessionName, "-l", text])
    }

    func resize(width: Int, height: Int) throws {
        try Self.tmux(["-S", socket, "resize-window", "-t", sessionName, "-x", String(width), "-y", String(height)])
    }

    /// The visible screen as text.
    func screen() throws -> String {
        try Self.tmux(["-S", socket, "capture-pane", "-p", "-t", sessionName])
    }

    /// Polls the screen every 20 ms until it contains `text`; returns that screen.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitUntil("\"\(text)\"", timeout: timeout) { $0.contains(text) }
    }

    /// Polls the screen until `condition` holds on two captures in a row that are the same, so a
    /// frame caught half drawn is never returned.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        var previous: String?
        while Date() < deadline {
            last = try screen()
            if condition(last) {
                if last == previous { return last }
                previous = last
            } else {
                previous = nil
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw Failure.timeout(what, screen: last)
    }

    /// The process id of the app inside the pane (the shell's child).
    func appProcessID() throws -> Int32? {
        let shell = try Self.tmux(["-S", socket, "display-message", "-p", "-t", sessionName, "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let children = try Self.run("/usr/bin/env", ["pgrep", "-P", shell])
        return children.split(separator: "\n").compactMap { Int32($0) }.first
    }

    @discardableResult
    static func tmux(_ arguments: [String]) throws -> String {
        try run("/usr/bin/env", ["tmux"] + arguments)
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let result = try ChildProcess.run(executable, arguments)
        if result.status != 0 && arguments.contains("tmux") && !arguments.contains("kill-server") {
            throw Failure.tmux(result.errors + result.output)
        }
        return result.output
    }

    static func shellQuote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A store made with the real command line before the app starts: the provider, a service, the
/// first administrator (Amara Okafor, PIN 2468) and any extra people.
struct StoreSetUp {
    struct Person {
        var name: String
        var role: String
        var pin: String
    }

    var people: [Person] = [Person(name: "Tom Reid", role: "team leader", pin: "1357")]

    static let standard = StoreSetUp()

    func make(at path: String, home: URL) throws {
        let env = ["HOME": home.path, "LANG": "C.UTF-8"]
        try run(["init", "--store", path, "--provider", "Brookfield Care", "--service", "Oak House",
                 "--admin", "Amara Okafor"], input: "2468\n", environment: env, home: home)
        for person in people {
            try run(["users", "add", "--store", path, "--name", person.name, "--role", person.role,
                     "--as", "Amara Okafor"], input: "2468\n\(person.pin)\n", environment: env, home: home)
        }
    }

    private func run(_ arguments: [String], input: String, environment: [String: String], home: URL) throws {
        let result = try ChildProcess.run(TmuxSession.binary, arguments, input: input, environment: environment)
        if result.status != 0 {
            throw TmuxSession.Failure.tmux("recoverydesk \(arguments.prefix(2).joined(separator: " ")) failed: \(result.errors)")
        }
    }
}
