import ArgumentParser
import CursesTerminal
import Foundation
import Logging
import RecoveryApp
import TUI

/// `recoverydesk [run]`: opens the app in this terminal.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Open RecoveryDesk in this terminal (what happens when no command is given)."
    )

    @Option(name: .long, help: ArgumentHelp("The store file to use.", discussion: "Default: $XDG_DATA_HOME/recoverydesk/recoverydesk.sqlite", valueName: "path"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("A theme name (default, light, high-contrast, colour-blind, monochrome, or one of your own) or the path of a theme file.", valueName: "name-or-path"))
    var theme: String?

    @Flag(name: .long, help: "Let a mouse click select a row or a key-bar label, and the wheel scroll.")
    var mouse = false

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let paths = AppPaths(environment: environment)
        let sink = LogFileSink(url: paths.logFile)
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: sink) }
        let logger = Logger(label: "recoverydesk")

        let prepared: AppLauncher.Prepared
        do {
            prepared = try AppLauncher.prepare(
                options: .init(storePath: store, theme: theme, mouse: mouse), environment: environment)
        } catch {
            logger.error("Start-up refused: \(error.description)")
            Self.printError(error.description)
            throw ExitCode(1)
        }

        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.start(options: CursesOptions(mouse: prepared.mouse, useColour: !prepared.theme.isMonochrome, hideCursor: true))
        } catch {
            Self.printError(error.description)
            throw ExitCode(2)
        }
        defer { terminal.stop() }
        logger.info("RecoveryDesk \(RecoveryDeskVersion.current) started; store \(prepared.environment.storePath)")

        var theme = prepared.theme
        var services = prepared.services
        if !terminal.supportsColour {
            theme = Theme.monochrome
            services = LiveServices(catalogue: services.catalogue, paths: services.paths, forceMonochrome: true)
        }
        let state = AppState(environment: prepared.environment, theme: theme, keymap: prepared.keymap,
                             size: terminal.size, now: Date(), mouseEnabled: prepared.mouse)
        let runner = AppRunner(state: state, terminal: terminal, services: services, logger: logger)
        runner.run()
        if let signal = terminal.quitSignal {
            throw ExitCode(128 + signal)
        }
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("recoverydesk: \(message)\n".utf8))
    }
}
