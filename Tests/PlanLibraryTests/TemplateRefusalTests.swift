import Foundation
import PlanLibrary
import RecoveryModel
import Testing

/// A small template that reads cleanly; each case below breaks one thing in it.
let goodTemplate = """
id: sample-plan
title: Sample plan
summary: A plan used by the tests.
source: audit
regulations: [12, 17]
quality-statements: [S8, W5]
baseline: Something went wrong.
learning: Leaders learned something.
risks:
  - A risk.
warning-signs:
  - A sign.
escalation-route: Tell the manager.
consistency: Same checks every week.
steps:
  - position: 1
    role: administrator
    action: Check the log.
    recorded-in: Log
    cadence: weekly
  - position: 2
    role: care-coordinator
    action: Chase the late ones.
    recorded-in: Log
    cadence: weekly
  - position: 3
    role: registered-manager
    action: Review the week.
    recorded-in: Report
    cadence: weekly
  - position: 4
    role: team-leader
    action: Check each round.
    recorded-in: Daily check
    cadence: daily
  - position: 5
    role: nominated-individual
    action: Review the month.
    recorded-in: Minutes
    cadence: monthly
measures:
  - name: On time
    period: month
    source: charts-returned-on-time
    rules:
      - at-least-percent: 98
        consecutive-periods: 3
      - every-event-within-working-days: 1
manager-review-weeks: 1
provider-review-months: 1

"""

/// The line (from 1) of the first line containing `marker`.
func lineOf(_ marker: String, in text: String) -> Int? {
    text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(marker) }.map { $0 + 1 }
}

struct BrokenCase: CustomTestStringConvertible, Sendable {
    var name: String
    var replace: String
    var with: String
    /// Text on the line the error should name; nil means line 1.
    var lineMarker: String?
    /// Words the message must contain.
    var says: String
    var testDescription: String { name }
}

@Suite struct TemplateRefusalTests {
    @Test func theGoodTemplateReads() throws {
        let template = try PlanTemplateLibrary.parse(goodTemplate, file: "sample-plan.yaml")
        #expect(template.steps.count == 5)
        #expect(template.measures[0].rules.count == 2)
    }

    static let cases: [BrokenCase] = [
        BrokenCase(name: "missing summary", replace: "summary: A plan used by the tests.\n", with: "",
                   lineMarker: nil, says: "has no \"summary\""),
        BrokenCase(name: "missing step action", replace: "    action: Review the week.\n", with: "",
                   lineMarker: "- position: 3", says: "step 3 has no \"action\""),
        BrokenCase(name: "four steps", replace: """
                     - position: 5
                       role: nominated-individual
                       action: Review the month.
                       recorded-in: Minutes
                       cadence: monthly

                   """, with: "", lineMarker: "- position: 1", says: "are 4 steps; a template has exactly five"),
        BrokenCase(name: "position 6", replace: "position: 5", with: "position: 6",
                   lineMarker: "position: 6", says: "must be from 1 to 5"),
        BrokenCase(name: "position twice", replace: "- position: 5", with: "- position:  4",
                   lineMarker: "position:  4", says: "two steps are at position 4"),
        BrokenCase(name: "unknown role", replace: "role: team-leader", with: "role: rota-lead",
                   lineMarker: "rota-lead", says: "\"rota-lead\" is not a role"),
        BrokenCase(name: "unknown cadence", replace: "cadence: daily", with: "cadence: hourly",
                   lineMarker: "hourly", says: "\"hourly\" is not a cadence"),
        BrokenCase(name: "unknown plan source", replace: "source: audit", with: "source: rumour",
                   lineMarker: "rumour", says: "\"rumour\" is not a source"),
        BrokenCase(name: "unknown period", replace: "period: month", with: "period: year",
                   lineMarker: "period: year", says: "\"year\" is not a period"),
        BrokenCase(name: "unknown measure source", replace: "source: charts-returned-on-time", with: "source: gut-feeling",
                   lineMarker: "gut-feeling", says: "\"gut-feeling\" is not a measure source"),
        BrokenCase(name: "percent over 100", replace: "at-least-percent: 98", with: "at-least-percent: 120",
                   lineMarker: "120", says: "more than 0 and at most 100"),
        BrokenCase(name: "percent of zero", replace: "at-least-percent: 98", with: "at-least-percent: 0",
                   lineMarker: "at-least-percent: 0", says: "impossible"),
        BrokenCase(name: "zero periods", replace: "consecutive-periods: 3", with: "consecutive-periods: 0",
                   lineMarker: "consecutive-periods: 0", says: "must be from 1 to 52"),
        BrokenCase(name: "percent not a number", replace: "at-least-percent: 98", with: "at-least-percent: most",
                   lineMarker: "most", says: "should be a number"),
        BrokenCase(name: "zero working days", replace: "every-event-within-working-days: 1",
                   with: "every-event-within-working-days: 0", lineMarker: "working-days: 0", says: "impossible"),
        BrokenCase(name: "negative allowance", replace: "every-event-within-working-days: 1",
                   with: "every-event-within-working-days: 1\n        allowance: -1", lineMarker: "allowance", says: "from 0 to 100"),
        BrokenCase(name: "reduction needs a baseline", replace: "- every-event-within-working-days: 1",
                   with: "- reduction-percent: 75\n        within-days: 120", lineMarker: "reduction-percent",
                   says: "has no \"baseline\""),
        BrokenCase(name: "baseline of zero", replace: "- every-event-within-working-days: 1",
                   with: "- reduction-percent: 75\n        baseline: 0\n        within-days: 120", lineMarker: "baseline: 0",
                   says: "impossible"),
        BrokenCase(name: "zero months", replace: "- every-event-within-working-days: 1",
                   with: "- zero-occurrences-for-months: 0", lineMarker: "zero-occurrences", says: "must be from 1 to 24"),
        BrokenCase(name: "reach deadline of zero days", replace: "- every-event-within-working-days: 1",
                   with: "- reach-percent: 90\n        within-days: 0", lineMarker: "within-days: 0", says: "impossible"),
        BrokenCase(name: "rule of no known kind", replace: "- every-event-within-working-days: 1",
                   with: "- most-of-the-time: 1", lineMarker: "most-of-the-time", says: "does not say what kind of rule"),
        BrokenCase(name: "two kinds in one rule", replace: "- every-event-within-working-days: 1",
                   with: "- every-event-within-working-days: 1\n        zero-occurrences-for-months: 3",
                   lineMarker: "every-event-within", says: "mixes"),
        BrokenCase(name: "field belonging to another kind", replace: "consecutive-periods: 3",
                   with: "consecutive-periods: 3\n        within-days: 30", lineMarker: "within-days: 30",
                   says: "\"within-days\" is not a field of rule 1 of measure 1"),
        BrokenCase(name: "no rules", replace: "    rules:\n      - at-least-percent: 98\n        consecutive-periods: 3\n      - every-event-within-working-days: 1\n",
                   with: "    rules: []\n", lineMarker: "rules: []", says: "\"rules\" is an empty list"),
        BrokenCase(name: "no measures", replace: """
                   measures:
                     - name: On time
                       period: month
                       source: charts-returned-on-time
                       rules:
                         - at-least-percent: 98
                           consecutive-periods: 3
                         - every-event-within-working-days: 1

                   """, with: "measures: []\n", lineMarker: "measures: []", says: "\"measures\" is an empty list"),
        BrokenCase(name: "unknown top-level key", replace: "consistency:", with: "owner: Jo\nconsistency:",
                   lineMarker: "owner: Jo", says: "\"owner\" is not a field of the template"),
        BrokenCase(name: "unknown step key", replace: "    recorded-in: Report\n", with: "    recorded-in: Report\n    due: Monday\n",
                   lineMarker: "due: Monday", says: "\"due\" is not a field of step 3"),
        BrokenCase(name: "regulation out of range", replace: "regulations: [12, 17]", with: "regulations: [12, 21]",
                   lineMarker: "regulations:", says: "must be from 9 to 20"),
        BrokenCase(name: "regulation twice", replace: "regulations: [12, 17]", with: "regulations: [12, 12]",
                   lineMarker: "regulations:", says: "listed twice"),
        BrokenCase(name: "quality statement outside the scheme", replace: "[S8, W5]", with: "[S8, S9]",
                   lineMarker: "quality-statements", says: "\"S9\" is not a quality statement code"),
        BrokenCase(name: "empty title", replace: "title: Sample plan", with: "title:",
                   lineMarker: "title:", says: "is empty"),
        BrokenCase(name: "risks not a list", replace: "risks:\n  - A risk.", with: "risks: A risk.",
                   lineMarker: "risks:", says: "should be a list"),
        BrokenCase(name: "bad id", replace: "id: sample-plan", with: "id: Sample Plan",
                   lineMarker: "id:", says: "lower-case words joined by hyphens"),
        BrokenCase(name: "manager review of 0 weeks", replace: "manager-review-weeks: 1", with: "manager-review-weeks: 0",
                   lineMarker: "manager-review-weeks", says: "must be from 1 to 13"),
        BrokenCase(name: "key given twice", replace: "consistency:", with: "title: Again\nconsistency:",
                   lineMarker: "title: Again", says: "more than once"),
        BrokenCase(name: "tab indentation", replace: "  - A risk.", with: "\t- A risk.",
                   lineMarker: "\t- A risk.", says: "tab"),
        BrokenCase(name: "alias to nothing", replace: "recorded-in: Report", with: "recorded-in: *report",
                   lineMarker: "*report", says: "not allowed in templates"),
    ]

    @Test(arguments: cases)
    func brokenTemplateIsRefusedWithFileAndLine(_ broken: BrokenCase) throws {
        #expect(goodTemplate.contains(broken.replace), "the case does not apply to the sample")
        let text = goodTemplate.replacingOccurrences(of: broken.replace, with: broken.with)
        let error = #expect(throws: TemplateError.self) {
            try PlanTemplateLibrary.parse(text, file: "sample-plan.yaml")
        }
        guard let error else { return }
        let line = broken.lineMarker.flatMap { lineOf($0, in: text) } ?? 1
        #expect(error.file == "sample-plan.yaml")
        #expect(error.line == line, "\(error)")
        #expect(error.problem.contains(broken.says), "\(error)")
        #expect(error.description.hasPrefix("sample-plan.yaml, line \(line): "))
    }

    @Test func emptyFileIsRefused() {
        let error = #expect(throws: TemplateError.self) { try PlanTemplateLibrary.parse("# nothing\n", file: "x.yaml") }
        #expect(error?.description == "x.yaml, line 1: the file is empty; a template needs an id, a title, its steps and its measures")
    }

    @Test func aListAtTheTopIsRefused() {
        let error = #expect(throws: TemplateError.self) { try PlanTemplateLibrary.parse("- id: x\n", file: "x.yaml") }
        #expect(error?.problem.contains("should be a group of fields") == true)
    }

    // MARK: - Folders

    private func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url
    }

    @Test func aFolderReadsAndIgnoresOtherFiles() throws {
        let url = try folder(["sample-plan.yaml": goodTemplate, "README.md": "notes"])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try PlanTemplateLibrary.load(directory: url).map(\.id) == ["sample-plan"])
    }

    @Test func idMustMatchFileName() throws {
        let url = try folder(["other-name.yaml": goodTemplate])
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: TemplateError.self) { try PlanTemplateLibrary.load(directory: url) }
        #expect(error?.file.hasSuffix("other-name.yaml") == true)
        #expect(error?.line == 1)
        #expect(error?.problem.contains("name the file sample-plan.yaml") == true)
    }

    @Test func oneBadFileRefusesTheFolderAndIsNamed() throws {
        let url = try folder(["sample-plan.yaml": goodTemplate,
                              "broken.yaml": goodTemplate.replacingOccurrences(of: "id: sample-plan", with: "id: broken")
                                  .replacingOccurrences(of: "cadence: daily", with: "cadence: hourly")])
        defer { try? FileManager.default.removeItem(at: url) }
        let error = #expect(throws: TemplateError.self) { try PlanTemplateLibrary.load(directory: url) }
        #expect(error?.file.hasSuffix("broken.yaml") == true)
        #expect(error?.line == lineOf("cadence: daily", in: goodTemplate))
    }

    @Test func emptyOrMissingFolderIsRefused() throws {
        let url = try folder([:])
        defer { try? FileManager.default.removeItem(at: url) }
        let empty = #expect(throws: TemplateError.self) { try PlanTemplateLibrary.load(directory: url) }
        #expect(empty?.problem.contains("no .yaml files") == true)
        let missing = #expect(throws: TemplateError.self) {
            try PlanTemplateLibrary.load(directory: url.appendingPathComponent("nope"))
        }
        #expect(missing?.problem.contains("cannot be read") == true)
    }

    @Test func rolesMayBeWrittenAsPeopleSayThem() throws {
        let text = goodTemplate.replacingOccurrences(of: "role: registered-manager", with: "role: Registered manager")
        #expect(try PlanTemplateLibrary.parse(text, file: "x.yaml").steps[2].role == .registeredManager)
    }
}
