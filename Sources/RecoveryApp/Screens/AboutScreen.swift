import TUI

/// Facts about this installation: the version and where everything is kept.
public struct AboutScreen: Screen {
    public static let screenID = "about"
    public let id = AboutScreen.screenID
    public let title = "About this installation"

    public init() {}

    public func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse { .notHandled }

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
        let inner = area.inset(top: 1, left: 2, bottom: 0, right: 2)
        let labelWidth = 20
        for (offset, fact) in facts(context.environment, theme: context.theme).enumerated() where offset < inner.height {
            let y = inner.y + offset
            buffer.write(fact.0, in: Rect(x: inner.x, y: y, width: labelWidth, height: 1), style: context.theme[.header])
            buffer.write(fact.1, in: Rect(x: inner.x + labelWidth, y: y, width: inner.width - labelWidth, height: 1),
                         style: context.theme[.normal])
        }
    }
}
