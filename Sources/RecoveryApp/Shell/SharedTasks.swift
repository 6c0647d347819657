import Foundation
import RecoveryModel
import RecoveryServices

/// A screen that names services in what it shows, and so reads them (retired ones too).
public protocol NamesServices: Screen {
    var services: [Service] { get set }
}

/// Reads every service (retired ones too) for a screen that names them.
public struct LoadServiceNames<Target: NamesServices>: ScreenTask {
    public init() {}

    public func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> [Service] {
        try services.store.services(includingInactive: true)
    }

    public func apply(_ loaded: [Service], to screen: inout Target, context: ScreenContext) -> ScreenResponse {
        screen.services = loaded
        return .done
    }
}

extension Screen {
    /// After a write: `message` on the status line and the screen read again.
    public func saved(_ message: String, context: ScreenContext) -> ScreenResponse {
        ScreenResponse(status: .ok(message), effects: appear(context: context))
    }
}
