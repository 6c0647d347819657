import Foundation
import RecoveryModel
import Yams

extension PlanTemplateLibrary {
    /// The template as the text of a template file, in the same layout `parse` reads, so that
    /// `parse(yaml(t), file:)` gives `t` back. Useful for saving an edited plan as a template or
    /// printing a template for someone to adapt.
    public static func yaml(_ template: PlanTemplate) -> String {
        /// Text, quoted where YAML would otherwise read it as "nothing".
        func text(_ value: String) -> Node {
            ["", "~", "null", "Null", "NULL"].contains(value) ? Node(value, .implicit, .doubleQuoted) : Node(value)
        }
        var pairs: [(Node, Node)] = []
        func add(_ key: String, _ value: Node) { pairs.append((Node(key), value)) }
        add(TemplateKeys.id, Node(template.id))
        add(TemplateKeys.title, text(template.title))
        add(TemplateKeys.summary, text(template.summary))
        add(TemplateKeys.source, Node(template.source.rawValue))
        add(TemplateKeys.regulations, Node(template.regulations.map { Node(String($0)) }, .implicit, .flow))
        add(TemplateKeys.qualityStatements, Node(template.qualityStatements.map { Node($0) }, .implicit, .flow))
        add(TemplateKeys.baseline, text(template.baseline))
        add(TemplateKeys.learning, text(template.learning))
        add(TemplateKeys.risks, Node(template.risks.map(text)))
        add(TemplateKeys.warningSigns, Node(template.warningSigns.map(text)))
        add(TemplateKeys.escalationRoute, text(template.escalationRoute))
        add(TemplateKeys.consistency, text(template.consistency))
        add(TemplateKeys.steps, Node(template.steps.map { step in
            Node([(Node(StepKeys.position), Node(String(step.position))),
                  (Node(StepKeys.role), Node(step.role.rawValue)),
                  (Node(StepKeys.action), text(step.action)),
                  (Node(StepKeys.recordedIn), text(step.recordedIn)),
                  (Node(StepKeys.cadence), Node(step.cadence.rawValue))])
        }))
        add(TemplateKeys.measures, Node(template.measures.map { measure in
            Node([(Node(MeasureKeys.name), text(measure.name)),
                  (Node(MeasureKeys.period), Node(measure.period.rawValue)),
                  (Node(MeasureKeys.source), Node(measure.source.rawValue)),
                  (Node(MeasureKeys.rules), Node(measure.rules.map(ruleNode)))])
        }))
        add(TemplateKeys.managerReviewWeeks, Node(String(template.managerReviewWeeks)))
        add(TemplateKeys.providerReviewMonths, Node(String(template.providerReviewMonths)))
        do {
            return try Yams.serialize(node: Node(pairs), width: 100, allowUnicode: true)
        } catch {
            // Serialising a tree of plain strings cannot fail; keep the signature simple.
            return ""
        }
    }

    private static func ruleNode(_ rule: TargetRule) -> Node {
        func number(_ value: Double) -> Node { Node(FieldGroup.plain(value)) }
        switch rule {
        case .atLeastPercentForConsecutivePeriods(let percent, let periods):
            return Node([(Node(RuleKeys.atLeastPercent), number(percent)),
                         (Node(RuleKeys.consecutivePeriods), Node(String(periods)))])
        case .everyEventWithinWorkingDays(let days, let allowance):
            var pairs = [(Node(RuleKeys.everyEventWithin), Node(String(days)))]
            if allowance > 0 { pairs.append((Node(RuleKeys.allowance), Node(String(allowance)))) }
            return Node(pairs)
        case .zeroOccurrencesForMonths(let months):
            return Node([(Node(RuleKeys.zeroOccurrences), Node(String(months)))])
        case .reductionFromBaseline(let percent, let baseline, let days):
            return Node([(Node(RuleKeys.reductionPercent), number(percent)),
                         (Node(RuleKeys.baseline), number(baseline)),
                         (Node(RuleKeys.withinDays), Node(String(days)))])
        case .reachPercentByDeadline(let percent, let days):
            return Node([(Node(RuleKeys.reachPercent), number(percent)),
                         (Node(RuleKeys.withinDays), Node(String(days)))])
        }
    }
}
