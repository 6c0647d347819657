import CursesTerminal
import Foundation
import Logging
import RecoveryApp
import RecoveryModel
import RecoveryFixtures
import RecoveryStore
import TUI

/// One run of the app on the real terminal: read settings and theme, start curses, run the
/// loop, restore the terminal. Returns the process exit code.
enum TerminalSession {
    static func run(options: AppLauncher.Options, environment: [String: String]) -> Int32 {
        let paths = AppPaths(environment: environment)
        let sink = LogFileSink(url: paths.logFile)
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: sink) }
        let logger = Logger(label: "recoverydesk")

        // Files first, while the terminal is still ours to print to.
        let prepared: AppLauncher.Prepared
        do {
            prepared = try AppLauncher.prepare(options: options, environment: environment)
        } catch {
            logger.error("Start-up refused: \(error.description)")
            printError(error.description)
            return 1
        }

        // The store next, still before the screen starts, so a bad file is reported plainly.
        let opened: StoreOpening.Opened
        var environment = prepared.environment
        do {
            if options.demo, !FileManager.default.fileExists(atPath: environment.storePath) {
                print("Making the demo store at \(environment.storePath) (first use only)…")
                _ = try DemoStore.build(at: URL(fileURLWithPath: environment.storePath), options: DemoOptions(),
                                        templates: environment.templates, workingDays: environment.workingDays, now: Date())
            }
            let result = try StoreOpening.open(path: prepared.environment.storePath, now: Date(),
                                                workingDays: prepared.environment.workingDays)
            opened = result.0
            if let problem = result.backupProblem { logger.warning("Daily backup not made: \(problem)") }
            environment.isDemoStore = try (opened.store as? SQLiteRecoveryStore)?.isDemo() ?? false
        } catch {
            logger.error("Store refused: \(error.description)")
            printError(error.description)
            return 1
        }

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start(options: CursesOptions(
                mouse: prepared.mouse, useColour: !prepared.theme.isMonochrome, hideCursor: true))
        } catch {
            printError(error.description)
            return 2
        }
        defer { terminal.stop() }
        logger.info("RecoveryDesk \(RecoveryDeskVersion.current) started; store \(prepared.environment.storePath)")

        var theme = prepared.theme
        var services = prepared.services.attaching(opened.store, workingDays: prepared.environment.workingDays)
        if !terminal.supportsColour {
            theme = Theme.monochrome
            services = services.monochrome()
        }
        let state = AppState(environment: environment, theme: theme, keymap: prepared.keymap,
                             size: terminal.size, now: Date(), mouseEnabled: prepared.mouse, start: opened.start)
        let runner = AppRunner(state: state, terminal: terminal, services: services, logger: logger)
        runner.run()
        if let signal = terminal.quitSignal {
            logger.info("Stopped by signal \(signal)")
            return 128 + signal
        }
        return 0
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("recoverydesk: \(message)\n".utf8))
    }
}
