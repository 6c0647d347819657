import BuiltinThemes
import Foundation
import RecoveryApp
import RecoveryModel
import TUI

/// Builds app states and runners for the shell tests, on a temporary home folder and a fixed clock.
enum ShellTestSupport {
    /// Saturday 21/11/2026 09:30 in London (GMT in November).
    static let fixedNow = Date(timeIntervalSince1970: 1_795_253_400)

    /// The signed-in user of the pure shell tests.
    static let administrator = StaffMember(id: 1, name: "Amara Okafor", role: .administrator, canSignIn: true)
    static let provider = Provider(id: 1, name: "Brookfield Care")

    static func temporaryHome() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rd-shell-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func environment(home: URL = URL(fileURLWithPath: "/home/carer")) -> AppEnvironment {
        let paths = AppPaths(environment: ["HOME": home.path])
        let catalogue = ThemeCatalogue(builtinDirectory: BuiltinThemes.directory, userDirectory: paths.userThemesDirectory)
        return AppEnvironment(version: RecoveryDeskVersion.current, paths: paths,
                              storePath: paths.defaultStore.path, themeNames: catalogue.availableNames(),
                              configuration: UserConfiguration())
    }

    static func state(size: Size = Size(width: 80, height: 24), home: URL = URL(fileURLWithPath: "/home/carer"),
                      theme: Theme = .monochrome, mouse: Bool = false) -> AppState {
        AppState(environment: environment(home: home), theme: theme, keymap: DefaultKeymap.keymap, size: size,
                 now: fixedNow, mouseEnabled: mouse, start: .signedIn(administrator, provider))
    }

    /// Sends keys through `update`, ignoring effects other than quitting.
    static func press(_ keys: [Key], on state: inout AppState) -> [AppEffect] {
        var effects: [AppEffect] = []
        for key in keys { effects += state.update(.key(key)) }
        return effects
    }

    static func services(home: URL) -> LiveServices {
        let paths = AppPaths(environment: ["HOME": home.path])
        return LiveServices(catalogue: ThemeCatalogue(builtinDirectory: BuiltinThemes.directory,
                                                      userDirectory: paths.userThemesDirectory),
                            paths: paths, forceMonochrome: false)
    }
}
