import ArgumentParser
import Foundation
import RecoveryModel
import RecoveryStore

/// `recoverydesk backup`: a consistent copy through SQLite's online backup, safe while the app
/// or another command is writing.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the store to a new file, safely, even while RecoveryDesk is in use.",
        discussion: "DEST must not exist yet. When DEST is a folder, the copy is named after the store and the moment inside it, e.g. recoverydesk-YYYY-MM-DD-HHMM.sqlite for recoverydesk.sqlite. \(CommandSupport.storeHelp)"
    )

    /// `--store PATH` is the root command's option (the app's own); it is read from there.
    @OptionGroup(visibility: .hidden) var root: RecoveryDeskCommand
    var store: String? { root.store }

    @Argument(help: ArgumentHelp("Where to write the copy.", valueName: "dest"))
    var destination: String

    func run() throws {
        try CommandSupport.guarded {
            let opened = try CommandSupport.openStore(store)
            var target = URL(fileURLWithPath: (destination as NSString).expandingTildeInPath)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder), isFolder.boolValue {
                let now = Date()
                let stem = DailyBackup.stem(ofStore: opened.url)
                let time = UKDateFormat.time(now).replacingOccurrences(of: ":", with: "")
                target.appendPathComponent("\(stem)-\(DailyBackup.dayStamp(now))-\(time).sqlite")
            }
            try opened.backup(to: target)
            CommandSupport.say("Backed up to \(target.path).")
        }
    }
}
