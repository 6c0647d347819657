import Foundation

/// What makes a SQLite file a RecoveryDesk store, and which version of the layout this build
/// understands.
enum StoreFormat {
    /// `PRAGMA application_id` of every RecoveryDesk store: "RDSK" in ASCII.
    static let applicationID: Int32 = 0x5244_534B
    /// The newest store version this build can read and write. Each registered migration raises
    /// `PRAGMA user_version` by one; a store with a larger number came from a newer RecoveryDesk.
    static let version = 7
    /// How long a connection waits for another process's write to finish before giving up.
    static let busyTimeout: TimeInterval = 5
}
