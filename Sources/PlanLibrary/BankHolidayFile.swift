import Foundation
import RecoveryModel

/// The bank holiday table on disk: the built-in England and Wales file in the library's
/// resources, or the user's own copy, which replaces it without a rebuild.
public enum BankHolidayFile {
    /// The built-in file's name in the library's `Resources` folder.
    public static let builtinFileName = "bank-holidays-england-and-wales.txt"

    /// Why a bank holiday table could not be used.
    public enum LoadError: Error, CustomStringConvertible, Equatable {
        /// The library's resources are not next to the program.
        case builtinMissing
        case unreadable(path: String, reason: String)
        case invalid(path: String, BankHolidayFormatError)

        public var description: String {
            switch self {
            case .builtinMissing:
                return "The built-in bank holiday table is missing: reinstall RecoveryDesk."
            case .unreadable(let path, let reason):
                return "Cannot read the bank holiday table \(path): \(reason)"
            case .invalid(let path, let error):
                return "\(path): \(error)"
            }
        }
    }

    /// The built-in England and Wales table.
    public static func builtin() throws -> BankHolidays {
        guard let directory = LibraryFiles.directory else { throw LoadError.builtinMissing }
        return try load(from: directory.appendingPathComponent(builtinFileName))
    }

    /// A table read from a file in the format of `BankHolidays.parse(_:)`.
    public static func load(from url: URL) throws -> BankHolidays {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw LoadError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        do {
            return try BankHolidays.parse(text)
        } catch let error as BankHolidayFormatError {
            throw LoadError.invalid(path: url.path, error)
        }
    }

    /// The user's own table when `userOverride` names a file that exists (for example
    /// `$XDG_CONFIG_HOME/recoverydesk/bank-holidays.txt`), otherwise the built-in one. A user
    /// file that exists but cannot be read is an error, never silently ignored.
    public static func resolve(userOverride: URL?) throws -> BankHolidays {
        if let userOverride, FileManager.default.fileExists(atPath: userOverride.path) {
            return try load(from: userOverride)
        }
        return try builtin()
    }
}
