import TUI

/// Facts about this installation: the version and where everything is kept.
public struct AboutScreen: Screen {
    public static let screenID = "about"
    public let title = "About this installation"

    public init() {}

    public func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse { .notHandled }

    public var keyHints: [Hint]? { [.key(AppCommand.back)] }

    /// The label and value lines shown.
    func facts(_ environment: AppEnvironment, theme: Theme) -> [(String, String)] {
        [
            ("Version", environment.version),
            ("Store", environment.storePath),
            ("Settings file", environment.paths.configFile.path),
            ("Your themes folder", environment.paths.userThemesDirectory.path),
            ("Log file", environment.paths.logFile.path),
            ("Backups folder", environment.backupsDirectory.path),
            ("Theme in use", theme.name),
            ("Idle lock", "\(environment.configuration.idleLockMinutes) minutes"),
            ("Mouse", environment.configuration.mouse ? "on" : "off"),
        ]
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        var rows = RowCursor(area.inset(top: 1, left: 2, bottom: 0, right: 2))
        for fact in facts(context.environment, theme: context.theme) {
            rows.labelled(fact.0, fact.1, labelWidth: 20, into: &buffer, labelStyle: context.theme[.header],
                          valueStyle: context.theme[.normal])
        }
    }
}
