import Foundation
import Logging
import RecoveryApp
import RecoveryModel
import RecoveryServices
import RecoveryFixtures
import RecoveryStore
import TUI

/// The app as the bench runs it: prepared the way `recoverydesk` prepares it (configuration,
/// theme, templates, bank holidays, from an empty home folder), on the provider-scale store, with
/// the administrator signed in directly (no PIN: as the shell tests do), drawing into a terminal
/// in memory. The clock stands still at the store's "now", so every screen sees the same records.
struct BenchApp {
    let store: SQLiteRecoveryStore
    let runner: AppRunner
    let workingDays: WorkingDays

    /// Where the time of `make` went, in milliseconds.
    struct Split {
        var prepare = 0.0
        var open = 0.0
        var signIn = 0.0
    }

    static func make(storePath: String, home: URL, size: Size, now: Date, terminal: any Terminal) throws -> BenchApp {
        var split = Split()
        return try make(storePath: storePath, home: home, size: size, now: now, terminal: terminal, split: &split)
    }

    static func make(storePath: String, home: URL, size: Size, now: Date, terminal: any Terminal,
                     split: inout Split) throws -> BenchApp {
        var mark = Bench.nanoseconds()
        func lap() -> Double {
            let next = Bench.nanoseconds()
            defer { mark = next }
            return Double(next - mark) / 1e6
        }
        let prepared: AppLauncher.Prepared
        do {
            prepared = try AppLauncher.prepare(options: AppLauncher.Options(storePath: storePath), environment: ["HOME": home.path])
        } catch {
            throw BenchError("the app could not be prepared: \(error.description)")
        }
        split.prepare = lap()
        let store = try SQLiteRecoveryStore.open(at: URL(fileURLWithPath: storePath), createIfMissing: false)
        split.open = lap()
        guard let user = try store.signInList().first(where: { $0.role == .administrator }) else {
            throw BenchError("the store has no administrator who can sign in")
        }
        split.signIn = lap()
        let workingDays = prepared.environment.workingDays
        let services = prepared.services.attaching(store, workingDays: workingDays)
        let state = AppState(environment: prepared.environment, theme: prepared.theme, keymap: prepared.keymap, size: size,
                             now: now, mouseEnabled: false, start: .signedIn(user, try store.provider()))
        let runner = AppRunner(state: state, terminal: terminal, services: services, clock: { now },
                               logger: Logger(label: "recoverydesk.bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        return BenchApp(store: store, runner: runner, workingDays: workingDays)
    }
}

extension BenchApp {
    /// Presses `key`: milliseconds until its frame is drawn (the input loop's own work), and
    /// until the data it asked for is on screen (its tasks done and their frame drawn).
    func keyToData(_ key: Key) -> (frame: Double, data: Double) {
        let start = Bench.nanoseconds()
        runner.handle(.key(key))
        let framed = Bench.nanoseconds()
        runner.settle()
        let filled = Bench.nanoseconds()
        return (Double(framed - start) / 1e6, Double(filled - start) / 1e6)
    }
}

/// A failure of the bench itself, in words.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The keys of the scripted navigation, with a label for each.
enum KeyScript {
    struct Step {
        var label: String
        var key: Key
    }

    static func steps() -> [Step] {
        var steps: [Step] = []
        func add(_ label: String, _ key: Key, times: Int = 1) {
            for _ in 0..<times { steps.append(Step(label: label, key: key)) }
        }
        add("Down (dashboard)", .down, times: 20)
        add("Up (dashboard)", .up, times: 5)
        add("Enter (dashboard: open service)", .enter)
        add("Down (after Enter)", .down)
        add("Esc (back)", .escape)
        add("F3 (plans)", .function(3))
        add("Down (plans)", .down, times: 10)
        add("PgDn (plans)", .pageDown, times: 3)
        add("Esc (back)", .escape)
        add("F4 (MAR checks, 28 days)", .function(4))
        add("Down (MAR checks)", .down, times: 10)
        add("PgDn (MAR checks)", .pageDown, times: 10)
        add("Esc (back)", .escape)
        add("F6 (escalations, open)", .function(6))
        add("Down (escalations)", .down, times: 10)
        add("f (escalations: all)", .character("f"))
        add("Down (escalations, all)", .down, times: 5)
        add("PgDn (escalations, all)", .pageDown, times: 3)
        add("F2 (dashboard)", .function(2))
        add("Down (dashboard)", .down, times: 5)
        return steps
    }
}

