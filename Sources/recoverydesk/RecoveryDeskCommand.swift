import ArgumentParser
import Foundation
import RecoveryApp

/// `recoverydesk`: runs the terminal app. Later commands (verify, backup, demo, ...) join as
/// subcommands; with none given, the app itself runs.
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
        """,
        version: RecoveryDeskVersion.current,
        subcommands: [RunCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
