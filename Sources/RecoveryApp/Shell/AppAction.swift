import Foundation
import RecoveryModel
import TUI

/// Everything that can change the app's state: input from the terminal, the clock, and the
/// results of effects the run loop carried out.
public enum AppAction: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    /// The clock moved on (the title bar shows the time).
    case tick(Date)
    /// The process was asked to stop by a signal.
    case terminate
    case themeLoaded(Theme)
    case themeFailed(String)
    case configurationSaved(UserConfiguration)
    case configurationFailed(String)
    /// A screen's task finished on the worker.
    case taskFinished(TaskReply)
    /// The newest record's moment (nil for a store with no records), for the clock check, and
    /// the store's change count (nil when it could not be read), to know what is out of date.
    case storeChecked(newestRecord: Date?, changes: Int64? = nil)
    /// The run loop has started: screens may ask for what they show.
    case started
}

/// Work the update function asks the run loop to do outside the pure state change.
public enum AppEffect: Sendable, Equatable {
    /// Run a screen's task on the store's worker; answers `.taskFinished`.
    case task(TaskRequest)
    /// Ask the store for its newest record's moment and change count; answers `.storeChecked`.
    case checkStore
    /// Restore the terminal and stop.
    case quit
    /// Repaint every cell on the next frame (Ctrl-L).
    case invalidateScreen
    /// Read a theme by name or path; answers `.themeLoaded` or `.themeFailed`.
    case loadTheme(String)
    /// Write the configuration file; answers `.configurationSaved` or `.configurationFailed`.
    case saveConfiguration(UserConfiguration)
}

/// A message on the status line. Its kind is shown by a word as well as a colour.
public struct StatusMessage: Sendable, Equatable {
    public var kind: StatusKind
    public var text: String

    public init(_ kind: StatusKind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    public static func info(_ text: String) -> StatusMessage { StatusMessage(.info, text) }
    public static func ok(_ text: String) -> StatusMessage { StatusMessage(.ok, text) }
    public static func warning(_ text: String) -> StatusMessage { StatusMessage(.warning, text) }
    public static func error(_ text: String) -> StatusMessage { StatusMessage(.error, text) }
}
