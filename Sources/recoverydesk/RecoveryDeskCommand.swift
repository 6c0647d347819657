import ArgumentParser
import Foundation
import RecoveryApp

/// `recoverydesk`: with no command it opens the app in this terminal; `init`, `users`, `verify`
/// and `backup` work on a store from the command line.
@main
struct RecoveryDeskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recoverydesk",
        abstract: "Run recovery plans, MAR chart checks, observations and escalations for adult social care services.",
        discussion: """
        With no command, RecoveryDesk opens its screen in this terminal. It needs an interactive \
        terminal at least 80 columns wide and 24 rows high.

        Settings are read from $XDG_CONFIG_HOME/recoverydesk/config.yaml, themes from the built-in \
        set and $XDG_CONFIG_HOME/recoverydesk/themes/. Logs go to $XDG_STATE_HOME/recoverydesk/.

        Exit codes: 0 normal quit; 1 a settings or theme file was refused; 2 no usable terminal; \
        128 plus the signal number when stopped by a signal.
        """,
        version: RecoveryDeskVersion.current,
        subcommands: [InitCommand.self, UsersCommand.self, PlansCommand.self, EscalationsCommand.self, TemplatesCommand.self, VerifyCommand.self, BackupCommand.self, StressWriteCommand.self, DemoCommand.self, IndicatorsCommand.self, ThresholdsCommand.self]
    )

    @Option(name: .long, help: ArgumentHelp("The store file to use (default: $XDG_DATA_HOME/recoverydesk/recoverydesk.sqlite).", valueName: "path"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("A theme name (default, light, high-contrast, colour-blind, monochrome, or one of your own) or the path of a theme file.", valueName: "name-or-path"))
    var theme: String?

    @Flag(name: .long, help: "Let a mouse click select a row or a key-bar label, and the wheel scroll.")
    var mouse = false

    @Flag(name: .long, help: "Open the demo store (a fictional provider with a year of records, made on first use); every demo PIN is 1234.")
    var demo = false

    func run() throws {
        let code = TerminalSession.run(options: AppLauncher.Options(storePath: store, theme: theme, mouse: mouse, demo: demo),
                                       environment: ProcessInfo.processInfo.environment)
        if code != 0 { throw ExitCode(code) }
    }
}
