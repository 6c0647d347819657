import ArgumentParser
import Foundation
import RecoveryApp
import RecoveryModel
import RecoveryStore

/// A refusal by a command itself (not the store), in one plain sentence.
struct CommandFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// What the store commands share: finding and opening the store, reading PINs from standard
/// input, signing in the acting administrator, and printing refusals as
/// `recoverydesk: <sentence>` with exit code 1.
enum CommandSupport {
    /// Said in every store command's help, since `--store` is the root command's option.
    static let storeHelp = "--store PATH names the store (default $XDG_DATA_HOME/recoverydesk/recoverydesk.sqlite)."

    /// `--store PATH`, or the app's default `$XDG_DATA_HOME/recoverydesk/recoverydesk.sqlite`.
    static func storeURL(_ path: String?) -> URL {
        if let path, !path.isEmpty {
            return URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
        }
        return AppPaths(environment: ProcessInfo.processInfo.environment).defaultStore
    }

    static func openStore(_ path: String?, createIfMissing: Bool = false) throws(StoreError) -> SQLiteRecoveryStore {
        // The bank holidays count for the plans' standing the store keeps; a broken table is
        // reported by the commands that read it, so opening falls back to weekends only.
        try SQLiteRecoveryStore.open(at: storeURL(path), createIfMissing: createIfMissing,
                                     workingDays: (try? PlansCommand.workingDays()) ?? .weekendsOnly)
    }

    /// Runs a command body; a refusal is printed on standard error and exits with 1.
    /// Now, or noon on the day given by a hidden `--today dd/mm/yyyy` (so tests get fixed output).
    static func moment(today: String?) throws -> Date {
        guard let today else { return Date() }
        guard let day = UKDateFormat.parseDate(today) else {
            throw CommandFailure("\(today) is not a date; write it as dd/mm/yyyy.")
        }
        return day.addingTimeInterval(12 * 3600)
    }

    static func guarded(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as StoreError {
            fail(error.description)
        } catch let failure as CommandFailure {
            fail(failure.message)
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("recoverydesk: \(message)\n".utf8))
        Foundation.exit(1)
    }

    /// Writes a line to standard output at once (no buffering), so a reader sees it immediately.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Reads one line from standard input: a PIN. Never echoed or logged.
    static func readPIN(_ what: String) throws -> String {
        guard let line = readLine(strippingNewline: true) else {
            throw CommandFailure("Type \(what) as a line on standard input.")
        }
        return line.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Signs in the member of staff acting for a command: `--as NAME`, or the only active
    /// administrator when there is just one. Their PIN is the first line of standard input.
    /// The store then checks their role for whatever they try to do.
    static func signIn(_ store: SQLiteRecoveryStore, as name: String?, now: Date = Date()) throws -> Actor {
        let users = try store.signInList()
        let member: StaffMember
        if let name {
            guard let found = users.first(where: { $0.name.caseInsensitiveCompare(name.trimmingCharacters(in: .whitespaces)) == .orderedSame }) else {
                throw CommandFailure("There is no active user called \(name) who can sign in.")
            }
            member = found
        } else {
            let administrators = users.filter { $0.role == .administrator }
            guard administrators.count == 1, let only = administrators.first else {
                throw CommandFailure("Name the administrator doing this with --as NAME.")
            }
            member = only
        }
        let pin = try readPIN("the PIN of \(member.name)")
        switch try store.signIn(staffID: member.id, pin: pin, at: now) {
        case .signedIn(let signedIn):
            return signedIn.actor
        case .wrongPIN(let left):
            throw CommandFailure("That PIN is not right for \(member.name); \(left) \(left == 1 ? "try" : "tries") left before a five-minute lock.")
        case .locked(let until):
            throw CommandFailure("\(member.name) is locked after five wrong PINs until \(UKDateFormat.time(until)) on \(UKDateFormat.date(until)).")
        }
    }

    /// An indicator by its id (any case), or a refusal naming every id.
    static func indicator(named name: String) throws -> IndicatorID {
        guard let id = IndicatorID(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw CommandFailure("There is no indicator called \(name). The ids are: \(IndicatorID.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return id
    }

    /// The active member of staff with this name (any case).
    static func staffMember(_ store: SQLiteRecoveryStore, named name: String) throws -> StaffMember {
        let wanted = name.trimmingCharacters(in: .whitespaces)
        guard let member = try store.staff(includingInactive: false)
            .first(where: { $0.name.caseInsensitiveCompare(wanted) == .orderedSame }) else {
            throw CommandFailure("There is no active member of staff called \(wanted).")
        }
        return member
    }
}
