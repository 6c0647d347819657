import TUI

/// Makes the screen at the root of each section.
public enum SectionScreens {
    /// The root screen of a section.
    public static func make(_ section: Section) -> any Screen {
        switch section {
        case .admin: return AdminScreen()
        case .dashboard: return DashboardScreen()
        case .plans: return PlansScreen()
        case .marChecks: return MARChecksScreen()
        case .observations: return ObservationsScreen()
        case .escalations: return EscalationsScreen()
        }
    }

    /// The section a root screen belongs to.
    public static func section(of screen: any Screen) -> Section? {
        Section.allCases.first { $0.rawValue == screen.id }
    }
}
