import Foundation
import TestSupport
import RecoveryModel
@testable import RecoveryStore
import Testing

/// `recoverydesk init`, `users`, `verify` and `backup` as a person at a shell would use them.
@Suite struct StoreCommandLineTests {
    @Test func initThenUsersAddListDeactivateAndResetPIN() throws {
        let folder = TestFolder()
        let store = folder.file("office/recoverydesk.sqlite").path

        let setUp = try ChildProcess.run(["init", "--store", store, "--provider", "Acme Care", "--service", "Oak House",
                                          "--kind", "supported living", "--admin", "Ann Admin"], input: "2468\n")
        #expect(setUp.status == 0, "\(setUp.errors)")
        #expect(mode(store) == 0o600)
        let again = try ChildProcess.run(["init", "--store", store, "--provider", "X", "--service", "Y", "--admin", "Z"], input: "1234\n")
        #expect(again.status == 1)
        #expect(again.errors == "recoverydesk: This store is already set up.\n")

        let badPIN = try ChildProcess.run(["init", "--store", folder.file("other.sqlite").path, "--provider", "X", "--service", "Y",
                                           "--admin", "Z"], input: "12ab\n")
        #expect(badPIN.status == 1)
        #expect(badPIN.errors == "recoverydesk: A PIN is digits only.\n")

        let add = try ChildProcess.run(["users", "add", "--store", store, "--name", "Tina Leader", "--role", "Team Leader",
                                        "--service", "oak house"], input: "2468\n1357\n")
        #expect(add.status == 0, "\(add.errors)")
        let carer = try ChildProcess.run(["users", "add", "--store", store, "--name", "Cal Carer", "--role", "care-worker",
                                          "--no-pin"], input: "2468\n")
        #expect(carer.status == 0, "\(carer.errors)")

        // A team leader is refused by the store's own permission check.
        let refused = try ChildProcess.run(["users", "add", "--store", store, "--name", "Mallory", "--role", "administrator",
                                            "--as", "tina leader"], input: "1357\n1111\n")
        #expect(refused.status == 1)
        #expect(refused.errors == "recoverydesk: A team leader may not manage users; that needs: administrator.\n")

        let wrongPIN = try ChildProcess.run(["users", "deactivate", "--store", store, "--name", "Cal Carer"], input: "0000\n")
        #expect(wrongPIN.status == 1)
        #expect(wrongPIN.errors == "recoverydesk: That PIN is not right for Ann Admin; 4 tries left before a five-minute lock.\n")

        let badRole = try ChildProcess.run(["users", "add", "--store", store, "--name", "Chef", "--role", "chef"], input: "2468\n1234\n")
        #expect(badRole.status == 1)
        #expect(badRole.errors.hasPrefix("recoverydesk: chef is not a role RecoveryDesk knows"))

        let deactivate = try ChildProcess.run(["users", "deactivate", "--store", store, "--name", "cal carer"], input: "2468\n")
        #expect(deactivate.status == 0, "\(deactivate.errors)")
        let reset = try ChildProcess.run(["users", "reset-pin", "--store", store, "--name", "Tina Leader"], input: "2468\n97531\n")
        #expect(reset.status == 0, "\(reset.errors)")

        let list = try ChildProcess.run(["users", "list", "--store", store, "--format", "json"])
        #expect(list.status == 0, "\(list.errors)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(list.output.utf8)) as? [[String: Any]])
        #expect(items.map { $0["name"] as? String } == ["Ann Admin", "Cal Carer", "Tina Leader"])
        #expect(items.map { $0["role"] as? String } == ["administrator", "care-worker", "team-leader"])
        #expect(items.map { $0["active"] as? Bool } == [true, false, true])
        // With one service, a service-level role added without --service works there.
        #expect(items.map { $0["services"] as? [String] } == [["Oak House"], ["Oak House"], ["Oak House"]])

        let opened = try SQLiteRecoveryStore.open(at: URL(fileURLWithPath: store), createIfMissing: false)
        let tina = try #require(opened.signInList().first { $0.name == "Tina Leader" })
        #expect(try opened.signIn(staffID: tina.id, pin: "97531", at: Date()) == .signedIn(tina))
        #expect(try opened.services(includingInactive: false).first?.kind == .supportedLiving)
    }

    @Test func usersAddRefusesAServiceLevelRoleWithoutAServiceWhenThereAreSeveral() throws {
        let setUp = try SetUpStore()
        _ = try setUp.store.addService(name: "Elm Court", kind: .domiciliary, registeredManager: nil, by: setUp.admin.actor,
                                       at: SetUpStore.start)
        let path = setUp.url.path

        let refused = try ChildProcess.run(["users", "add", "--store", path, "--name", "Tina Leader", "--role", "team leader"],
                                           input: "2468\n1357\n")
        #expect(refused.status == 1)
        #expect(refused.errors == "recoverydesk: A team leader works at one service or more: name it with --service (one of Elm Court and Oak House).\n")

        // Provider-wide roles need no service; a named service is used, the first named being their home.
        let lead = try ChildProcess.run(["users", "add", "--store", path, "--name", "Quinn Quality", "--role", "quality lead",
                                         "--no-pin"], input: "2468\n")
        #expect(lead.status == 0, "\(lead.errors)")
        let both = try ChildProcess.run(["users", "add", "--store", path, "--name", "Tess Two", "--role", "team leader",
                                         "--service", "Oak House", "--service", "elm court", "--no-pin"], input: "2468\n")
        #expect(both.status == 0, "\(both.errors)")

        let staff = try setUp.store.staff(includingInactive: true)
        #expect(!staff.contains { $0.name == "Tina Leader" })
        #expect(staff.first { $0.name == "Quinn Quality" }?.serviceIDs == [])
        let elm = try #require(try setUp.store.services(includingInactive: false).first { $0.name == "Elm Court" })
        #expect(staff.first { $0.name == "Tess Two" }?.serviceIDs == [setUp.firstService.id, elm.id])
    }

    @Test func verifyExitCodesAndBackup() throws {
        let setUp = try SetUpStore()
        _ = try setUp.add("Tina Leader", .teamLeader)
        let sound = try ChildProcess.run(["verify", "--store", setUp.url.path])
        #expect(sound.status == 0, "\(sound.errors)")
        // The last line: a machine whose clock is before November 2026 is also warned about it.
        #expect(sound.output.split(separator: "\n").last?.hasPrefix("The store is sound:") == true)

        let copy = setUp.folder.file("copy.sqlite").path
        let backup = try ChildProcess.run(["backup", "--store", setUp.url.path, copy])
        #expect(backup.status == 0, "\(backup.errors)")
        #expect(try ChildProcess.run(["verify", "--store", copy]).status == 0)

        try setUp.raw("UPDATE service SET registered_manager = 'Nobody' WHERE id = \(setUp.firstService.id)")
        let tampered = try ChildProcess.run(["verify", "--store", setUp.url.path])
        #expect(tampered.status == 1)
        #expect(tampered.errors == "recoverydesk: service row \(setUp.firstService.id) differs from its last audited state (registered_manager).\n")
        #expect(try ChildProcess.run(["verify", "--store", copy]).status == 0, "the backup is untouched")
    }

    @Test func badStoresAreRefusedWithOneSentenceAndExitOne() throws {
        let folder = TestFolder()
        let text = folder.file("notes.txt")
        try Data("not a store\n".utf8).write(to: text)
        let empty = folder.file("empty.sqlite")
        try Data().write(to: empty)
        for (path, message) in [
            (text.path, "The file at \(text.path) is not a RecoveryDesk store (it is not a SQLite database)."),
            (empty.path, "The file at \(empty.path) is empty, so it is not a RecoveryDesk store."),
            (folder.file("missing.sqlite").path, "There is no store at \(folder.file("missing.sqlite").path)."),
        ] {
            let result = try ChildProcess.run(["verify", "--store", path])
            #expect(result.status == 1)
            #expect(result.errors == "recoverydesk: \(message)\n")
            let list = try ChildProcess.run(["users", "list", "--store", path])
            #expect(list.status == 1)
            #expect(list.errors == "recoverydesk: \(message)\n")
        }
    }
}
