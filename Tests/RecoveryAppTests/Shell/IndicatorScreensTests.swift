import BuiltinThemes
import Foundation
import RecoveryApp
import RecoveryModel
import RecoveryServices
import RecoveryStore
import TestSupport
import Testing
import TUI

/// The dashboard, a service's indicators, the records behind one and the record itself, on a
/// real store with a few weeks of evidence: snapshots at 80x24 and 120x40 (text, and which role
/// styles each cell in the default theme and in monochrome), Enter walking down to each kind of
/// record, and the dashboard showing exactly the indicator engine's figures.
@Suite(.serialized) struct IndicatorScreensTests {
    typealias Harness = SessionTests.Harness
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]
    static let now = ShellTestSupport.fixedNow
    static let golden = GoldenFile.directory(besides: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static let defaultTheme: Theme = {
        let paths = AppPaths(environment: ["HOME": "/nonexistent-home"])
        return (try? ThemeCatalogue(builtinDirectory: BuiltinThemes.directory, userDirectory: paths.userThemesDirectory)
            .load("default")) ?? .monochrome
    }()

    func golden(_ text: String, _ name: String) {
        if let problem = GoldenFile.mismatch(text, named: name, in: Self.golden) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    /// The frame as drawn in a theme.
    func frame(_ app: Harness, theme: Theme) -> Buffer {
        var state = app.state
        state.theme = theme
        return AppView.render(state)
    }

    /// One letter per role; where a theme gives two roles the same style, the first listed wins:
    /// plain cells read ".", and red, amber and green come before the roles that share their
    /// styles (in monochrome amber and green are plain, and red is bold like the key-bar keys).
    func styleMap(_ buffer: Buffer, theme: Theme) -> String {
        let letters: [(StyleRole, Character)] = [
            (.normal, "."), (.red, "R"), (.amber, "A"), (.green, "G"), (.title, "T"), (.header, "H"), (.muted, "m"),
            (.selected, "S"), (.keyBar, "k"), (.keyBarKey, "K"), (.status, "s"), (.ok, "o"), (.warning, "W"),
            (.error, "E"),
        ]
        var legend: [Style: Character] = [:]
        for (role, letter) in letters where legend[theme[role]] == nil { legend[theme[role]] = letter }
        return buffer.styleMap(legend)
    }

    // MARK: The evidence

    /// Oak House (residential) with checks on most rounds of four weeks (the last three days
    /// only mornings), findings naming one carer, refusals half recorded and a late return, an
    /// overdue escalation, a carer never assessed and a plan started five weeks ago; Elm Court
    /// (homecare) with every day's visits checked and clean.
    func evidence(_ app: Harness) throws {
        let store = app.store
        let people = try store.staff(includingInactive: false)
        let admin = people.first { $0.role == .administrator }!
        let tom = people.first { $0.name == "Tom Reid" }!
        let oak = try store.services(includingInactive: false)[0]
        let day = 86_400.0
        let started = Self.now.addingTimeInterval(-40 * day)
        let elm = try store.addService(name: "Elm Court Homecare", kind: .domiciliary, registeredManager: "Rhys Pugh",
                                       by: admin.actor, at: started)
        let nia = try store.addStaff(name: "Nia Hughes", role: .careWorker, serviceIDs: [oak.id], pin: nil,
                                     by: admin.actor, at: started)
        let ben = try store.addStaff(name: "Ben Carter", role: .seniorCarer, serviceIDs: [oak.id, elm.id], pin: nil,
                                     by: admin.actor, at: started)
        let fay = try store.addStaff(name: "Fay Ward", role: .fieldSupervisor, serviceIDs: [oak.id, elm.id], pin: "2222",
                                     by: admin.actor, at: started)
        let dee = try store.addStaff(name: "Dee Morgan", role: .deputyManager, serviceIDs: [oak.id], pin: "4321",
                                     by: admin.actor, at: started)
        _ = try store.recordObservation(ObservationDraft(staffID: ben.id, occurredAt: Self.now.addingTimeInterval(-20 * day),
                                                         kind: .competencyAssessment, checklist: [.identityChecked: .met],
                                                         outcome: .competent, followUp: .none),
                                        by: fay.actor, at: Self.now.addingTimeInterval(-20 * day))

        let today = LondonDay(Self.now)
        for offset in 1...28 {
            let date = today.adding(days: -offset).start
            let rounds: [MARRound] = offset <= 3 ? [.morning] : MARRound.careHomeRounds
            for round in rounds {
                var draft = MARCheckDraft(serviceID: oak.id, date: date, round: round, chartsChecked: 8)
                if round == .morning, [2, 5, 9, 12].contains(offset) {
                    draft.findings = [MARFinding(type: .missingSignature, personReference: "Rm \(offset)", staffID: nia.id,
                                                 note: "Signature missing for the 08:00 dose")]
                }
                if round == .teatime, [6, 10].contains(offset) {
                    draft.refusalsSeen = 2
                    draft.refusalsComplete = 1
                }
                if round == .night, offset == 8 { draft.chartsReturnedLate = 1 }
                _ = try store.logMARCheck(draft, lateEntryRule: LateEntryRule(), by: tom.actor,
                                          at: LateEntryRule.roundEnd(date: date, round: round).addingTimeInterval(1800))
            }
            _ = try store.logMARCheck(MARCheckDraft(serviceID: elm.id, date: date, round: .visit, chartsChecked: 12),
                                      lateEntryRule: LateEntryRule(), by: fay.actor,
                                      at: LateEntryRule.roundEnd(date: date, round: .visit).addingTimeInterval(1800))
        }
        let raised = Self.now.addingTimeInterval(-10 * day)
        _ = try store.raiseEscalation(EscalationDraft(serviceID: oak.id, category: .refusalWithoutFollowUp, severity: .moderate,
                                                      occurredAt: raised, escalatedToRole: .registeredManager,
                                                      whatHappened: "Two refusals in Rm 6 with no follow-up"),
                                      workingDays: app.state.environment.workingDays, by: tom.actor, at: raised)
        let template = try #require(app.state.environment.templates.first { $0.id == "refusal-recording-gaps" })
        let start = Self.now.addingTimeInterval(-35 * day)
        _ = try store.createPlan(PlanDraft(template: template, serviceID: oak.id, ownerID: dee.id, startDate: start),
                                 activate: true, by: dee.actor, at: start)
    }

    /// A harness on the evidence, signed in as Fay and showing the dashboard.
    func signedIn(size: Size) throws -> Harness {
        // The store was set up before the evidence began (history counts nothing from before).
        let app = try Harness(size: size, setUpAt: Self.now.addingTimeInterval(-60 * 86_400))
        try evidence(app)
        app.runner.runUntilIdle()
        app.signIn("Fay", pin: "2222")
        return app
    }

    /// Moves the dashboard's selection to a row by name.
    func selectOnDashboard(_ app: Harness, _ name: String) throws {
        let dashboard = try #require(app.state.current as? DashboardScreen)
        let index = try #require(dashboard.shownRows.firstIndex { $0.name == name })
        app.keys(.home)
        for _ in 0..<index { app.keys(.down) }
    }

    /// The engine's report for the harness's store, worked out here without the app.
    func report(_ app: Harness) throws -> IndicatorReport {
        let workingDays = app.state.environment.workingDays
        return IndicatorEngine(evidence: try app.store.indicatorEvidence(at: Self.now, workingDays: workingDays),
                               thresholds: try app.store.indicatorThresholds(), now: Self.now, workingDays: workingDays).report()
    }

    // MARK: Snapshots

    @Test(arguments: sizes) func dashboardAndServicePageSnapshots(size: Size) throws {
        let app = try signedIn(size: size)
        #expect(app.state.current is DashboardScreen)
        golden(app.screen, "indicators-dashboard-\(size)")
        golden(styleMap(frame(app, theme: Self.defaultTheme), theme: Self.defaultTheme), "indicators-dashboard-styles-default-\(size)")
        golden(styleMap(frame(app, theme: .monochrome), theme: .monochrome), "indicators-dashboard-styles-monochrome-\(size)")

        try selectOnDashboard(app, "Oak House")
        app.keys(.enter)
        #expect(app.state.current is IndicatorServiceScreen)
        golden(app.screen, "indicators-service-\(size)")
        golden(styleMap(frame(app, theme: Self.defaultTheme), theme: Self.defaultTheme), "indicators-service-styles-default-\(size)")
        golden(styleMap(frame(app, theme: .monochrome), theme: .monochrome), "indicators-service-styles-monochrome-\(size)")

        openRecords(app, .refusalsIncomplete)
        #expect(app.state.current is IndicatorRecordsScreen)
        golden(app.screen, "indicators-records-\(size)")
    }

    /// Red cells carry the theme's red role in the default theme, and every cell shows its
    /// state's letter, which is all monochrome has.
    @Test(arguments: sizes) func redCellsAreRedAndEveryStateHasItsLetter(size: Size) throws {
        let app = try signedIn(size: size)
        let report = try report(app)
        let rows = [report.provider] + report.services
        let longest = rows.map { TextWidth.of($0.name) }.max() ?? 0
        let shown = DashboardScreen.indicatorColumns(width: size.width, longestName: longest)
        let content = AppLayout(size: size).content
        let table = ListPane.tableArea(in: content)
        let starts = TableView(columns: DashboardScreen.columns(shown)).columnStarts(for: table.width)
        let coloured = frame(app, theme: Self.defaultTheme)
        let plain = frame(app, theme: .monochrome)
        var reds = 0
        for (index, row) in rows.enumerated() {
            let y = table.y + 1 + index
            let line = Array(plain.line(y))
            for (column, id) in shown.enumerated() {
                let value = try #require(row[id])
                let x = table.x + starts[column + 2]
                let badge = String(line[x..<(x + 2)])
                switch value.state {
                case .red: #expect(badge == "▲R")
                case .amber: #expect(badge == "◆A")
                case .green: #expect(badge == "●G")
                case .noData: #expect(badge == "··")
                }
                // The selected row (the first) is drawn in the selection style instead.
                guard index > 0, value.state == .red else { continue }
                reds += 1
                #expect(coloured[x, y].style == Self.defaultTheme[.red], "\(row.name) \(id)")
                #expect(coloured[x + 1, y].style == Self.defaultTheme[.red])
                #expect(plain[x, y].style == Theme.monochrome[.red])
            }
        }
        #expect(reds > 0, "the evidence has at least one red indicator in view")
        #expect(Self.defaultTheme[.red] != Self.defaultTheme[.green], "the default theme was loaded")
    }

    // MARK: Figures

    @Test(arguments: sizes) func theDashboardShowsTheEnginesFigures(size: Size) throws {
        let app = try signedIn(size: size)
        let report = try report(app)
        let rows = [report.provider] + report.services
        let longest = rows.map { TextWidth.of($0.name) }.max() ?? 0
        let shown = DashboardScreen.indicatorColumns(width: size.width, longestName: longest)
        #expect(shown.count >= 4)
        if size.width >= 120 { #expect(shown.count > 4) }
        #expect(shown == Array(IndicatorID.dashboardOrder.prefix(shown.count)))
        let buffer = try #require(app.terminal.frames.last)
        let table = ListPane.tableArea(in: AppLayout(size: size).content)
        let view = TableView(columns: DashboardScreen.columns(shown))
        let starts = view.columnStarts(for: table.width)
        let widths = view.columnWidths(for: table.width)
        // The header names each indicator shown.
        let header = buffer.line(table.y)
        for id in shown { #expect(header.contains(id.definition.shortName)) }
        var compared = 0
        for (index, row) in rows.enumerated() {
            let line = Array(buffer.line(table.y + 1 + index))
            let name = String(line[(table.x + starts[0])..<(table.x + starts[0] + widths[0])]).trimmingCharacters(in: .whitespaces)
            #expect(name == row.name)
            for (column, id) in shown.enumerated() {
                let x = table.x + starts[column + 2]
                let cell = String(line[x..<(x + widths[column + 2])])
                let words = cell.split(separator: " ").map(String.init)
                let value = try #require(row[id])
                #expect(words.count >= 2, "\(row.name) \(id): \(cell)")
                #expect(words.first == IndicatorCellsBadge.of(value.state))
                #expect(words.dropFirst().first == value.text, "\(row.name) \(id): screen \(cell), engine \(value.text)")
                compared += 1
            }
        }
        #expect(compared == rows.count * shown.count)
    }

    // MARK: Walking down with Enter

    /// Moves the selection on a service page to an indicator and opens its records.
    func openRecords(_ app: Harness, _ id: IndicatorID) {
        app.keys(.home)
        let index = IndicatorID.allCases.firstIndex(of: id)!
        for _ in 0..<index { app.keys(.down) }
        app.keys(.enter)
    }

    @Test func enterWalksFromTheDashboardToEachKindOfRecord() throws {
        let app = try signedIn(size: Size(width: 100, height: 30))
        #expect(app.screen.contains("Whole provider"))
        #expect(app.screen.contains("Oak House"))
        #expect(app.screen.contains("Elm Court Homecare"))
        try selectOnDashboard(app, "Oak House")
        app.keys(.enter)
        let page = try #require(app.state.current as? IndicatorServiceScreen)
        #expect(page.serviceID != nil)
        #expect(app.screen.contains("Oak House"))
        #expect(page.indicators.values.map(\.id) == IndicatorID.allCases)
        #expect(app.screen.contains(IndicatorID.marCoverage.definition.name))

        // An overdue escalation opens the escalation.
        openRecords(app, .escalationsOverdue)
        let records = try #require(app.state.current as? IndicatorRecordsScreen)
        #expect(records.lines.count == 1)
        #expect(app.screen.contains("Escalations overdue"))
        #expect(app.screen.contains("Two refusals in Rm 6"))
        app.keys(.enter)
        #expect(app.state.current is EscalationDetailScreen)
        #expect(app.screen.contains("What happened: Two refusals in Rm 6 with no follow-up"))

        // A MAR finding opens the check.
        app.keys(.escape, .escape)
        openRecords(app, .findingRate)
        #expect(app.screen.contains("Missing signature") || app.screen.contains("missing signature"))
        app.keys(.enter)
        #expect(app.state.current is MARCheckDetailScreen)
        #expect(app.screen.contains("Findings:"))

        // A carer without a competency opens their competency.
        app.keys(.escape, .escape)
        openRecords(app, .staffWithoutCompetency)
        #expect(app.screen.contains("Nia Hughes"))
        app.keys(.enter)
        #expect(app.state.current is StaffCompetencyScreen)
        #expect(app.screen.contains("Medicines competency: · Never assessed"))

        // An overdue plan step opens the plan.
        app.keys(.escape, .escape)
        openRecords(app, .stepsOverdue)
        let steps = try #require(app.state.current as? IndicatorRecordsScreen)
        if !steps.lines.isEmpty {
            app.keys(.enter)
            #expect(app.state.current is PlanDetailScreen)
            #expect(app.screen.contains("The five steps"))
            app.keys(.escape)
        }

        // A round with no check has no record: Enter shows the coverage and says why.
        app.keys(.escape)
        openRecords(app, .marCoverage)
        #expect(app.screen.contains("no MAR check logged"))
        app.keys(.enter)
        #expect(app.state.current is CoverageScreen)
        #expect(app.screen.contains("No check was logged for that round, so there is nothing to open."))
    }

    @Test func theProviderRowOpensThePooledFiguresAndEveryServicesRecords() throws {
        let app = try signedIn(size: Size(width: 120, height: 40))
        app.keys(.enter)
        let page = try #require(app.state.current as? IndicatorServiceScreen)
        #expect(page.isProvider)
        #expect(app.screen.contains("Whole provider"))
        #expect(app.screen.contains("Worst: "))
        openRecords(app, .marCoverage)
        let records = try #require(app.state.current as? IndicatorRecordsScreen)
        #expect(records.serviceID == nil)
        #expect(Set(records.lines.map(\.serviceName)).contains("Oak House"))
        #expect(app.screen.contains("Service"))
    }

    @Test func theDashboardReloadsWhenItAppearsAgainAndSurvivesResizing() throws {
        let app = try signedIn(size: Size(width: 120, height: 40))
        let before = try report(app)
        let oak = try #require(before.services.first { $0.name == "Oak House" })
        #expect(oak[.escalationsOverdue]?.value == 1)
        let tom = try app.store.staff(includingInactive: false).first { $0.name == "Tom Reid" }!
        _ = try app.store.raiseEscalation(EscalationDraft(serviceID: try #require(oak.serviceID), category: .refusalWithoutFollowUp,
                                                          severity: .moderate, occurredAt: Self.now.addingTimeInterval(-9 * 86_400),
                                                          escalatedToRole: .registeredManager, whatHappened: "Another one"),
                                          workingDays: app.state.environment.workingDays, by: tom.actor,
                                          at: Self.now.addingTimeInterval(-9 * 86_400))
        #expect(try report(app).services.first { $0.name == "Oak House" }?[.escalationsOverdue]?.value == 2)
        try selectOnDashboard(app, "Oak House")
        app.keys(.enter, .escape)
        let dashboard = try #require(app.state.current as? DashboardScreen)
        #expect(dashboard.report?.services.first { $0.name == "Oak House" }?[.escalationsOverdue]?.value == 2)
        app.terminal.resize(to: Size(width: 80, height: 24))
        app.runner.runUntilIdle()
        #expect(app.screen.contains("Oak House"))
        #expect(app.screen.contains(IndicatorID.dashboardOrder[3].definition.shortName))
        app.terminal.resize(to: Size(width: 70, height: 20))
        app.runner.runUntilIdle()
        #expect(app.screen.contains("Terminal too small"))
        app.terminal.resize(to: Size(width: 120, height: 40))
        app.runner.runUntilIdle()
        #expect(app.screen.contains("Elm Court Homecare"))
    }
}

/// The badge the dashboard writes for a state (kept here so the test does not lean on the app's
/// own helper).
enum IndicatorCellsBadge {
    static func of(_ state: IndicatorState) -> String {
        switch state {
        case .red: return RAG.red.badge
        case .amber: return RAG.amber.badge
        case .green: return RAG.green.badge
        case .noData: return "··"
        }
    }
}
