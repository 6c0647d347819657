import Foundation
import RecoveryApp
import Testing

@Suite("Where files live")
struct AppPathsTests {
    @Test func usesXDGFoldersWhenSet() {
        let paths = AppPaths(environment: ["HOME": "/home/sam", "XDG_CONFIG_HOME": "/cfg",
                                           "XDG_DATA_HOME": "/data", "XDG_STATE_HOME": "/state"])
        #expect(paths.configDirectory.path == "/cfg/recoverydesk")
        #expect(paths.configFile.path == "/cfg/recoverydesk/config.yaml")
        #expect(paths.userThemesDirectory.path == "/cfg/recoverydesk/themes")
        #expect(paths.dataDirectory.path == "/data/recoverydesk")
        #expect(paths.defaultStore.path == "/data/recoverydesk/recoverydesk.sqlite")
        #expect(paths.stateDirectory.path == "/state/recoverydesk")
        #expect(paths.logFile.path == "/state/recoverydesk/recoverydesk.log")
    }

    @Test func fallsBackToHomeFolders() {
        let paths = AppPaths(environment: ["HOME": "/home/sam"])
        #expect(paths.configFile.path == "/home/sam/.config/recoverydesk/config.yaml")
        #expect(paths.userThemesDirectory.path == "/home/sam/.config/recoverydesk/themes")
        #expect(paths.defaultStore.path == "/home/sam/.local/share/recoverydesk/recoverydesk.sqlite")
        #expect(paths.logFile.path == "/home/sam/.local/state/recoverydesk/recoverydesk.log")
    }

    @Test func ignoresEmptyOrRelativeXDGValues() {
        let paths = AppPaths(environment: ["HOME": "/home/sam", "XDG_CONFIG_HOME": "", "XDG_DATA_HOME": "relative/data"])
        #expect(paths.configDirectory.path == "/home/sam/.config/recoverydesk")
        #expect(paths.dataDirectory.path == "/home/sam/.local/share/recoverydesk")
    }

    @Test func withoutHomeAsksTheSystem() {
        let paths = AppPaths(environment: [:])
        #expect(paths.configFile.path.hasSuffix("/.config/recoverydesk/config.yaml"))
        #expect(paths.configFile.path.hasPrefix("/"))
    }
}
