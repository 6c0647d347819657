import Foundation
import TestSupport
import RecoveryModel
@testable import RecoveryStore
import Testing

/// Real processes on one store: two writing at once, one killed mid-loop, verify while busy.
@Suite(.serialized) struct TwoProcessTests {
    @Test func twoProcessesWritingFiveHundredEachAllLand() throws {
        let setUp = try SetUpStore()
        let started = Date()
        let first = try ChildProcess(recoverydesk: ["stress-write", "--store", setUp.url.path, "--count", "500", "--label", "A"],
                                     input: "2468\n")
        let second = try ChildProcess(recoverydesk: ["stress-write", "--store", setUp.url.path, "--count", "500", "--label", "B"],
                                      input: "2468\n")
        #expect(first.wait() == 0, "\(first.errors)")
        #expect(second.wait() == 0, "\(second.errors)")
        let seconds = Date().timeIntervalSince(started)
        print("two processes, 500 writes each: \(String(format: "%.1f", seconds)) s")
        #expect(!first.errors.contains("locked") && !second.errors.contains("locked"))
        #expect(first.errors.isEmpty && second.errors.isEmpty)
        let acknowledged = (first.output + second.output).split(separator: "\n").compactMap { Int64($0) }
        #expect(acknowledged.count == 1000)
        let services = try setUp.store.services(includingInactive: true)
        let names = Set(services.map(\.name))
        #expect((1...500).allSatisfy { names.contains("A-\($0)") && names.contains("B-\($0)") })
        #expect(Set(services.map(\.id)).isSuperset(of: acknowledged))
        #expect(services.count == 1001)
        #expect(try setUp.store.verify().isSound)
    }

    @Test func aProcessKilledMidLoopLeavesASoundStoreHoldingEveryAcknowledgedWrite() throws {
        let setUp = try SetUpStore()
        try setUp.store.close()
        let child = try ChildProcess(recoverydesk: ["stress-write", "--store", setUp.url.path, "--count", "100000", "--label", "K"],
                                     input: "2468\n")
        let deadline = Date().addingTimeInterval(60)
        while child.output.split(separator: "\n").count < 150, Date() < deadline { usleep(5_000) }
        kill(child.pid, SIGKILL)
        #expect(child.wait() == 128 + SIGKILL)
        let acknowledged = child.output.split(separator: "\n").compactMap { Int64($0) }
        #expect(acknowledged.count >= 150)
        let reopened = try SQLiteRecoveryStore.open(at: setUp.url, createIfMissing: false)
        let report = try reopened.verify()
        #expect(report.problems == [])
        let ids = Set(try reopened.services(includingInactive: true).map(\.id))
        #expect(ids.isSuperset(of: acknowledged))
    }

    @Test func verifyPassesWhileAnotherProcessWrites() throws {
        let setUp = try SetUpStore()
        let child = try ChildProcess(recoverydesk: ["stress-write", "--store", setUp.url.path, "--count", "300", "--label", "V"],
                                     input: "2468\n")
        var checks = 0
        while child.output.split(separator: "\n").count < 300, checks < 200 {
            let report = try setUp.store.verify()
            #expect(report.problems == [])
            checks += 1
            if child.output.split(separator: "\n").count >= 300 { break }
            usleep(20_000)
        }
        #expect(child.wait() == 0, "\(child.errors)")
        #expect(checks > 1)
        #expect(try setUp.store.verify().isSound)
        // A backup taken now is complete too.
        let copy = setUp.folder.file("busy-backup.sqlite")
        try setUp.store.backup(to: copy)
        #expect(try SQLiteRecoveryStore.open(at: copy, createIfMissing: false).verify().isSound)
    }
}
