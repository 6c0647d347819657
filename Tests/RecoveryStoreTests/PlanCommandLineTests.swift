import Foundation
import RecoveryModel
@testable import RecoveryStore
import TestSupport
import Testing

/// `recoverydesk templates` and `recoverydesk plans` as a person at a shell would use them.
@Suite struct PlanCommandLineTests {
    @Test func templatesAsTextAndJSON() throws {
        let json = try ChildProcess.run(["templates", "--format", "json"])
        #expect(json.status == 0, "\(json.errors)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        #expect(items.count == 15)
        let late = try #require(items.first { $0["id"] as? String == "late-mar-returns" })
        #expect(late["title"] as? String == "MAR charts returned late to the office")
        #expect((late["summary"] as? String)?.isEmpty == false)
        let steps = try #require(late["steps"] as? [[String: Any]])
        #expect(steps.map { $0["position"] as? Int } == [1, 2, 3, 4, 5])
        #expect(steps[0]["role"] as? String == "administrator")
        #expect(steps[0]["recorded_in"] as? String == "MAR return log")
        #expect(steps[0]["cadence"] as? String == "weekly")
        #expect((steps[0]["action"] as? String)?.hasPrefix("Compare the charts received") == true)
        let measures = try #require(late["measures"] as? [[String: Any]])
        #expect(measures.map { $0["name"] as? String } == ["MAR charts returned on time", "Late charts escalated in time"])
        #expect(measures[0]["period"] as? String == "month")
        #expect(measures[0]["source"] as? String == "charts-returned-on-time")
        #expect(measures[0]["rules"] as? [String] == ["at least 98% in each of 3 consecutive months"])
        #expect(measures[1]["rules"] as? [String] == ["every one handled within 1 working day"])

        let text = try ChildProcess.run(["templates"])
        #expect(text.status == 0, "\(text.errors)")
        #expect(text.output.contains("late-mar-returns — MAR charts returned late to the office\n"))
        #expect(text.output.contains("    1. Administrator, weekly: Compare the charts received"))
        #expect(text.output.contains("    MAR charts returned on time (each month): at least 98% in each of 3 consecutive months\n"))

        let bad = try ChildProcess.run(["templates", "--format", "xml"])
        #expect(bad.status != 0)
    }

    /// A store with one plan part-way through (two good months, a step done) and a draft plan
    /// in another service.
    static func storeWithPlans() throws -> (PlanStore, PlanRecord) {
        let p = try PlanStore()
        let plan = try p.store.createPlan(try p.draft("late-mar-returns", starting: londonDay(1, 9, 2026)), activate: true,
                                          by: p.deputy.actor, at: londonNoon(1, 9, 2026))
        for (month, onTime) in [(9, 49), (10, 50)] {
            try p.store.recordMeasurement(measureID: plan.measures[0].id,
                                          result: PeriodResult(periodStart: londonDay(1, month, 2026), numerator: onTime, denominator: 50),
                                          by: p.supervisor.actor, at: londonNoon(2, month + 1, 2026))
        }
        for step in plan.steps {
            _ = try p.store.recordStepEntry(planID: plan.id, stepID: step.id, outcome: .done, note: "", evidence: "",
                                            occurredAt: londonNoon(12, 11, 2026), by: p.leader.actor, at: londonNoon(12, 11, 2026))
        }
        let elm = try p.store.addService(name: "Elm Court", kind: .domiciliary, registeredManager: nil, by: p.setUp.admin.actor,
                                         at: SetUpStore.start)
        var other = try p.draft("refusal-recording-gaps", starting: londonDay(1, 11, 2026))
        other.serviceID = elm.id
        let lead = try p.setUp.add("Quinn Quality", .qualityLead)
        _ = try p.store.createPlan(other, activate: false, by: lead.actor, at: londonNoon(2, 11, 2026))
        return (p, plan)
    }

    @Test func plansAsJSONWithMeasureStatesAndTheNextStep() throws {
        let (p, plan) = try Self.storeWithPlans()
        let result = try ChildProcess.run(["plans", "--store", p.setUp.url.path, "--format", "json", "--today", "15/11/2026"])
        #expect(result.status == 0, "\(result.errors)")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        #expect(items.map { $0["title"] as? String } == ["Medicine refusals recorded without reason, action or escalation",
                                                          "MAR charts returned late to the office"])
        #expect(items.map { $0["status"] as? String } == ["draft", "active"])
        #expect(items.map { $0["service"] as? String } == ["Elm Court", "Oak House"])
        let late = items[1]
        #expect(late["id"] as? Int64 == plan.id)
        #expect(late["start_date"] as? String == "01/09/2026")
        #expect(late["template"] as? String == "late-mar-returns")
        let measures = try #require(late["measures"] as? [[String: Any]])
        #expect(measures[0]["name"] as? String == "MAR charts returned on time")
        #expect(measures[0]["state"] as? String == "Sustaining 2 of 3")
        #expect(measures[0]["why"] as? String == "98% or more in 2 of the 3 months required; earliest close 30/11/2026")
        #expect(measures[0]["earliest_close"] as? String == "30/11/2026")
        #expect(measures[1]["state"] as? String == "No data")
        // Every step done on 12/11; the weekly ones come round first, step 1 first of them.
        let next = try #require(late["next_due"] as? [String: Any])
        #expect(next["position"] as? Int == 1)
        #expect(next["role"] as? String == "administrator")
        #expect(next["due"] as? String == "19/11/2026")
        #expect(next["overdue"] as? Bool == false)

        let oak = try ChildProcess.run(["plans", "--store", p.setUp.url.path, "--service", "oak house", "--format", "json",
                                        "--today", "15/11/2026"])
        let oakItems = try #require(try JSONSerialization.jsonObject(with: Data(oak.output.utf8)) as? [[String: Any]])
        #expect(oakItems.map { $0["title"] as? String } == ["MAR charts returned late to the office"])
    }

    @Test func plansAsText() throws {
        let (p, _) = try Self.storeWithPlans()
        let result = try ChildProcess.run(["plans", "--store", p.setUp.url.path, "--service", "Oak House", "--today", "15/11/2026"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("MAR charts returned late to the office\n  Oak House — Active — started 01/09/2026\n"))
        #expect(result.output.contains("  MAR charts returned on time: Sustaining 2 of 3 — 98% or more in 2 of the 3 months required; earliest close 30/11/2026\n"))
        #expect(result.output.contains("  Next due: step 1 of 5, Administrator, on 19/11/2026: Compare the charts received"))
        #expect(!result.output.contains("Elm Court"))

        let late = try ChildProcess.run(["plans", "--store", p.setUp.url.path, "--service", "Elm Court", "--today", "15/12/2026"])
        #expect(late.output.contains("  Elm Court — Draft — started 01/11/2026\n"))
        #expect(late.output.contains("(overdue)"))
    }

    @Test func plansRefusalsAndTheUsersBankHolidayFile() throws {
        let (p, _) = try Self.storeWithPlans()
        let unknown = try ChildProcess.run(["plans", "--store", p.setUp.url.path, "--service", "Ash Lodge"])
        #expect(unknown.status == 1)
        #expect(unknown.errors == "recoverydesk: There is no service called Ash Lodge.\n")

        let badDay = try ChildProcess.run(["plans", "--store", p.setUp.url.path, "--today", "31/02/2026"])
        #expect(badDay.status == 1)
        #expect(badDay.errors == "recoverydesk: 31/02/2026 is not a date; write it as dd/mm/yyyy.\n")

        let missing = try ChildProcess.run(["plans", "--store", p.setUp.folder.file("none.sqlite").path])
        #expect(missing.status == 1)
        #expect(missing.errors == "recoverydesk: There is no store at \(p.setUp.folder.file("none.sqlite").path).\n")

        // The user's own bank holiday table is read (and a broken one is refused, never ignored).
        let config = p.setUp.folder.file("config")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("recoverydesk"), withIntermediateDirectories: true)
        let holidays = config.appendingPathComponent("recoverydesk/bank-holidays.txt")
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CONFIG_HOME"] = config.path
        try "2026-12-25 Christmas Day\n".write(to: holidays, atomically: true, encoding: .utf8)
        let good = try ChildProcess.run(ChildProcess.recoverydesk, ["plans", "--store", p.setUp.url.path],
                                        environment: ChildProcess.storeEnvironment(environment))
        #expect(good.status == 0, "\(good.errors)")
        try "not a holiday\n".write(to: holidays, atomically: true, encoding: .utf8)
        let broken = try ChildProcess.run(ChildProcess.recoverydesk, ["plans", "--store", p.setUp.url.path],
                                          environment: ChildProcess.storeEnvironment(environment))
        #expect(broken.status == 1)
        #expect(broken.errors.hasPrefix("recoverydesk: \(holidays.path): "))
    }
}
