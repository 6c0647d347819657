import TUI

/// The main sections of the app, each on a function key shown in the key bar.
public enum Section: String, CaseIterable, Sendable {
    case dashboard, plans, marChecks, observations, escalations, admin

    /// The heading shown at the top of the section.
    public var title: String {
        switch self {
        case .dashboard: return "Services dashboard"
        case .plans: return "Recovery plans"
        case .marChecks: return "Daily MAR chart checks"
        case .observations: return "Observations and competency"
        case .escalations: return "Escalations"
        case .admin: return "Administration"
        }
    }

    /// The command that opens it.
    public var command: CommandID {
        switch self {
        case .dashboard: return AppCommand.dashboard
        case .plans: return AppCommand.plans
        case .marChecks: return AppCommand.marChecks
        case .observations: return AppCommand.observations
        case .escalations: return AppCommand.escalations
        case .admin: return AppCommand.admin
        }
    }

    /// The section a command opens, if it opens one.
    public init?(command: CommandID) {
        guard let section = Section.allCases.first(where: { $0.command == command }) else { return nil }
        self = section
    }
}
