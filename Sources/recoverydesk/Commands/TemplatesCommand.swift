import ArgumentParser
import Foundation
import PlanLibrary
import RecoveryModel

/// `recoverydesk templates`: the built-in plan templates with their five steps and target rules.
struct TemplatesCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List the built-in recovery plan templates with their steps and target rules.",
        discussion: "Needs no store. JSON gives id, title, summary, steps (position, role, action, recorded_in, cadence) and measures (name, period, source, rules in words)."
    )

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    func run() throws {
        try CommandSupport.guarded {
            let templates: [PlanTemplate]
            do {
                templates = try PlanTemplateLibrary.builtin()
            } catch {
                throw CommandFailure("\(error)")
            }
            switch format {
            case .json:
                let items: [[String: Any]] = templates.map { template in
                    [
                        "id": template.id, "title": template.title, "summary": template.summary,
                        "steps": template.steps.map { step -> [String: Any] in
                            ["position": step.position, "role": step.role.rawValue, "action": step.action,
                             "recorded_in": step.recordedIn, "cadence": step.cadence.rawValue]
                        },
                        "measures": template.measures.map { measure -> [String: Any] in
                            ["name": measure.name, "period": measure.period.rawValue, "source": measure.source.rawValue,
                             "rules": measure.rules.map { $0.summary(period: measure.period) }]
                        },
                    ]
                }
                let data = try JSONSerialization.data(withJSONObject: items, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
                CommandSupport.say(String(decoding: data, as: UTF8.self))
            case .text:
                var lines: [String] = []
                for (index, template) in templates.enumerated() {
                    if index > 0 { lines.append("") }
                    lines.append("\(template.id) — \(template.title)")
                    lines.append("  \(template.summary)")
                    lines.append("  Steps:")
                    for step in template.steps.sorted(by: { $0.position < $1.position }) {
                        lines.append("    \(step.position). \(step.role.title), \(step.cadence.title.lowercased()): \(step.action) (recorded in: \(step.recordedIn))")
                    }
                    lines.append("  Measures:")
                    for measure in template.measures {
                        let rules = measure.rules.map { $0.summary(period: measure.period) }.joined(separator: " and ")
                        lines.append("    \(measure.name) (each \(measure.period.noun)): \(rules)")
                    }
                }
                CommandSupport.say(lines.joined(separator: "\n"))
            }
        }
    }
}
