import Foundation
import GRDB
import RecoveryModel
@testable import RecoveryStore
import Testing

/// A folder of its own for each test, removed afterwards.
final class TestFolder: @unchecked Sendable {
    let url: URL

    init() {
        url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("rd-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// A set-up store with its first administrator (PIN 2468).
struct SetUpStore {
    let folder: TestFolder
    let store: SQLiteRecoveryStore
    let admin: StaffMember
    let firstService: Service
    static let adminPIN = "2468"
    static let start = Date(timeIntervalSince1970: 1_795_000_000)  // November 2026

    init(name: String = "store.sqlite") throws {
        folder = TestFolder()
        store = try SQLiteRecoveryStore.open(at: folder.file(name), createIfMissing: true)
        admin = try store.setUp(SetUpRequest(providerName: "Acme Care", serviceName: "Oak House", serviceKind: .residential,
                                             administratorName: "Ann Admin", pin: Self.adminPIN), at: Self.start)
        firstService = try #require(store.services(includingInactive: false).first)
    }

    var url: URL { store.url }

    /// Adds a member of staff as the administrator.
    func add(_ name: String, _ role: Role, pin: String? = "1357") throws -> StaffMember {
        try store.addStaff(name: name, role: role, serviceIDs: [firstService.id], pin: pin, by: admin.actor, at: Self.start)
    }

    /// Runs raw SQL on the file behind RecoveryDesk's back, as someone with the sqlite3 shell might.
    func raw(_ sql: String) throws {
        let queue = try DatabaseQueue(path: url.path)
        try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
        try queue.close()
    }
}

/// The `unusableStore` message for opening `url`, or nil when it opens.
func refusal(opening url: URL, createIfMissing: Bool = false) -> String? {
    do {
        let store = try SQLiteRecoveryStore.open(at: url, createIfMissing: createIfMissing)
        try? store.close()
        return nil
    } catch .unusableStore(let message) {
        return message
    } catch {
        return "other error: \(error)"
    }
}

/// File permission bits of `path`.
func mode(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber)?.intValue ?? -1
}
