import ArgumentParser
import Foundation
import PlanLibrary
import RecoveryApp
import RecoveryModel
import RecoveryStore

/// `recoverydesk plans`: every recovery plan (or one service's) with its status, each measure's
/// state from the target engine and the next step due. Reading needs no PIN.
struct PlansCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "plans",
        abstract: "List recovery plans with their status, how each measure stands and the next step due.",
        discussion: """
        Measures are judged on today's date in UK working days: the built-in England and Wales bank \
        holidays, or $XDG_CONFIG_HOME/recoverydesk/bank-holidays.txt when that file exists. \
        \(CommandSupport.storeHelp)
        """
    )

    /// `--store PATH` is the root command's option (the app's own); it is read from there.
    @OptionGroup(visibility: .hidden) var root: RecoveryDeskCommand
    var store: String? { root.store }

    @Option(name: .long, help: ArgumentHelp("Only this service's plans.", valueName: "name"))
    var service: String?

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    /// The day to judge measures on (dd/mm/yyyy), for tests; today when not given.
    @Option(name: .long, help: .hidden)
    var today: String?

    func run() throws {
        try CommandSupport.guarded {
            let now = try CommandSupport.moment(today: today)
            let workingDays = try Self.workingDays()
            let opened = try CommandSupport.openStore(store)
            let services = try opened.services(includingInactive: true)
            var serviceID: Int64?
            if let service {
                let wanted = service.trimmingCharacters(in: .whitespaces)
                let matches = services.filter { $0.name.caseInsensitiveCompare(wanted) == .orderedSame }
                guard let match = matches.first(where: \.active) ?? matches.first else {
                    throw CommandFailure("There is no service called \(wanted).")
                }
                serviceID = match.id
            }
            let names = Dictionary(services.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            let plans = try opened.plans(serviceID: serviceID).map {
                PlanSummary(plan: $0, serviceName: $0.draft.serviceID.flatMap { names[$0] }, today: now, workingDays: workingDays)
            }
            switch format {
            case .json:
                let data = try JSONSerialization.data(withJSONObject: plans.map(\.json),
                                                      options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                CommandSupport.say(String(decoding: data, as: UTF8.self))
            case .text:
                if plans.isEmpty {
                    CommandSupport.say(service == nil ? "No plans yet." : "No plans for \(service!.trimmingCharacters(in: .whitespaces)).")
                    return
                }
                CommandSupport.say(plans.map(\.text).joined(separator: "\n\n"))
            }
        }
    }

    /// UK working days from the user's bank holiday file when there is one, else the built-in table.
    static func workingDays() throws -> WorkingDays {
        let override = AppPaths(environment: ProcessInfo.processInfo.environment).configDirectory
            .appendingPathComponent("bank-holidays.txt")
        do {
            return WorkingDays(holidays: try BankHolidayFile.resolve(userOverride: override))
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}

/// One plan as `recoverydesk plans` shows it.
struct PlanSummary {
    struct Measure {
        var name: String
        var state: MeasureState
        var why: String
        var earliestClose: LondonDay?
        /// Where its figures come from, in words.
        var source: String
        /// Periods where a hand-entered figure and the records disagree, in words.
        var disagreements: [String]
    }

    var plan: PlanRecord
    var serviceName: String?
    var measures: [Measure]
    /// The step due soonest (its next due moment), or nil when none is due (one-off steps done,
    /// or the plan is closed).
    var nextStep: (step: PlanStep, due: Date)?
    var today: Date

    init(plan: PlanRecord, serviceName: String?, today: Date, workingDays: WorkingDays) {
        self.plan = plan
        self.serviceName = serviceName
        self.today = today
        measures = plan.measures.map { measure in
            let evaluation = TargetEngine.evaluate(measure.definition, records: measure.records, planStart: plan.draft.startDate,
                                                   today: today, workingDays: workingDays)
            let disagreements = measure.disagreements.map { comparison in
                "\(PlanStanding.periodName(comparison.periodStart, measure.definition)): the records give "
                    + "\(PlanStanding.figure(comparison.records, measure.definition)), entered by hand "
                    + "\(PlanStanding.figure(comparison.handEntered, measure.definition))"
            }
            return Measure(name: measure.definition.name, state: evaluation.state, why: evaluation.why,
                           earliestClose: evaluation.earliestCloseDay, source: measure.definition.source.origin,
                           disagreements: disagreements)
        }
        if plan.status == .closed {
            nextStep = nil
        } else {
            nextStep = plan.steps
                .compactMap { step in step.nextDue.map { (step: step, due: $0) } }
                .min { ($0.due, $0.step.definition.position) < ($1.due, $1.step.definition.position) }
        }
    }

    var where_: String { serviceName ?? "provider-wide" }

    var text: String {
        var lines = ["Plan \(plan.id): \(plan.draft.title)",
                     "  \(where_) — \(plan.status.title) — started \(UKDateFormat.date(plan.draft.startDate))"]
        if measures.isEmpty { lines.append("  No outcome measure yet.") }
        for measure in measures {
            lines.append("  \(measure.name): \(measure.state.title) — \(measure.why)")
            for disagreement in measure.disagreements {
                lines.append("    Sources disagree: \(disagreement); the target uses the records.")
            }
        }
        if let next = nextStep {
            let overdue = StepSchedule.isOverdue(nextDue: next.due, today: today) ? " (overdue)" : ""
            lines.append("  Next due: step \(next.step.definition.position) of \(plan.steps.count), \(next.step.definition.role.title), on \(UKDateFormat.date(next.due))\(overdue): \(next.step.definition.action)")
        } else {
            lines.append("  Next due: nothing")
        }
        return lines.joined(separator: "\n")
    }

    var json: [String: Any] {
        var item: [String: Any] = [
            "id": plan.id, "title": plan.draft.title, "status": plan.status.rawValue,
            "service": serviceName as Any? ?? NSNull(), "start_date": UKDateFormat.date(plan.draft.startDate),
            "template": plan.draft.templateID as Any? ?? NSNull(),
            "measures": measures.map { measure -> [String: Any] in
                ["name": measure.name, "state": measure.state.title, "why": measure.why,
                 "earliest_close": measure.earliestClose.map { "\($0)" } as Any? ?? NSNull(),
                 "source": measure.source, "sources_disagree": measure.disagreements]
            },
        ]
        if let next = nextStep {
            item["next_due"] = [
                "position": next.step.definition.position, "role": next.step.definition.role.rawValue,
                "action": next.step.definition.action, "due": UKDateFormat.date(next.due),
                "overdue": StepSchedule.isOverdue(nextDue: next.due, today: today),
            ] as [String: Any]
        } else {
            item["next_due"] = NSNull()
        }
        return item
    }
}
