import Foundation
import RecoveryModel
import Yams

/// The built-in recovery-plan templates, one YAML file each in `Resources/templates`, and the
/// reader that checks them. See docs/templates.md for the file format.
public enum PlanTemplateLibrary {
    /// The quality statement codes of the cqc-2024 framework, by key question.
    public static let qualityStatementCodes: Set<String> = {
        var codes: Set<String> = []
        for (letter, count) in [("S", 8), ("E", 6), ("C", 5), ("R", 7), ("W", 8)] {
            for number in 1...count { codes.insert("\(letter)\(number)") }
        }
        return codes
    }()

    /// The regulation numbers a template may name (Health and Social Care Act 2008 (Regulated
    /// Activities) Regulations 2014, fundamental standards).
    public static let regulationNumbers: ClosedRange<Int> = 9...20

    /// The template files shipped with RecoveryDesk, in id order.
    public static func builtin() throws(TemplateError) -> [PlanTemplate] {
        guard let resources = LibraryFiles.directory else {
            throw TemplateError(file: "templates", problem:
                "the built-in templates cannot be found (the RecoveryDesk_PlanLibrary.resources folder is not beside the program); reinstall RecoveryDesk")
        }
        return try load(directory: resources.appendingPathComponent("templates", isDirectory: true))
    }

    /// Every `.yaml` file in `directory`, in id order. Refuses the whole folder if any file is
    /// wrong or if a file's id differs from its name (which also keeps ids unique).
    public static func load(directory: URL) throws(TemplateError) -> [PlanTemplate] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw TemplateError(file: directory.path, problem: "the templates folder cannot be read (\(error.localizedDescription))")
        }
        let files = names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted()
        guard !files.isEmpty else {
            throw TemplateError(file: directory.path, problem: "the templates folder holds no .yaml files")
        }
        var templates: [PlanTemplate] = []
        for name in files {
            let url = directory.appendingPathComponent(name)
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw TemplateError(file: url.path, problem: "the file cannot be read (\(error.localizedDescription))")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw TemplateError(file: url.path, problem: "this is not plain text (it is not UTF-8); save it as plain UTF-8 text")
            }
            let template = try parse(text, file: url.path)
            let expected = String(name.dropLast(".yaml".count))
            guard template.id == expected else {
                throw TemplateError(file: url.path, line: lineOfID(in: text), problem:
                    "the id is \"\(template.id)\" but the file is named \(name); name the file \(template.id).yaml or change the id")
            }
            templates.append(template)
        }
        return templates.sorted { $0.id < $1.id }
    }

    /// One template from the text of its file. `file` is only used to name the file in messages.
    public static func parse(_ text: String, file: String) throws(TemplateError) -> PlanTemplate {
        guard let root = try TemplateYAML.compose(text, file: file) else {
            throw TemplateError(file: file, line: 1, problem: "the file is empty; a template needs an id, a title, its steps and its measures")
        }
        let fields = try FieldGroup(root, file: file, what: "the template")
        try fields.onlyKeys(TemplateKeys.all)

        let id = try fields.text(TemplateKeys.id)
        guard isValidID(id) else {
            throw TemplateError(file: file, line: try fields.node(TemplateKeys.id).mark?.line, problem:
                "the id \(FieldGroup.shown(id)) should be lower-case words joined by hyphens, such as \"late-mar-returns\"")
        }
        let sourceNode = try fields.node(TemplateKeys.source)
        let sourceText = try FieldGroup.text(sourceNode, file: file, name: "\"source\"")
        guard let source = PlanSource(rawValue: sourceText) else {
            throw unknown("source", sourceText, line: sourceNode.mark?.line, file: file,
                          choices: PlanSource.allCases.map(\.rawValue))
        }
        return PlanTemplate(
            id: id,
            title: try fields.text(TemplateKeys.title),
            summary: try fields.text(TemplateKeys.summary),
            source: source,
            regulations: try regulations(fields),
            qualityStatements: try qualityStatements(fields),
            baseline: try fields.text(TemplateKeys.baseline),
            learning: try fields.text(TemplateKeys.learning),
            risks: try fields.textList(TemplateKeys.risks),
            warningSigns: try fields.textList(TemplateKeys.warningSigns),
            escalationRoute: try fields.text(TemplateKeys.escalationRoute),
            consistency: try fields.text(TemplateKeys.consistency),
            steps: try steps(fields),
            measures: try measures(fields),
            managerReviewWeeks: try fields.int(TemplateKeys.managerReviewWeeks, in: 1...13),
            providerReviewMonths: try fields.int(TemplateKeys.providerReviewMonths, in: 1...12))
    }

    // MARK: - Parts

    private static func regulations(_ fields: FieldGroup) throws(TemplateError) -> [Int] {
        var numbers: [Int] = []
        for item in try fields.list(TemplateKeys.regulations).items {
            let number = try FieldGroup.int(item, file: fields.file, name: "a regulation number", in: regulationNumbers)
            guard !numbers.contains(number) else {
                throw TemplateError(file: fields.file, line: item.mark?.line, problem: "regulation \(number) is listed twice")
            }
            numbers.append(number)
        }
        return numbers
    }

    private static func qualityStatements(_ fields: FieldGroup) throws(TemplateError) -> [String] {
        var codes: [String] = []
        for item in try fields.list(TemplateKeys.qualityStatements).items {
            let code = try FieldGroup.text(item, file: fields.file, name: "a quality statement code")
            guard qualityStatementCodes.contains(code) else {
                throw TemplateError(file: fields.file, line: item.mark?.line, problem:
                    "\(FieldGroup.shown(code)) is not a quality statement code; use S1–S8, E1–E6, C1–C5, R1–R7 or W1–W8 (for example S8)")
            }
            guard !codes.contains(code) else {
                throw TemplateError(file: fields.file, line: item.mark?.line, problem: "quality statement \(code) is listed twice")
            }
            codes.append(code)
        }
        return codes
    }

    private static func steps(_ fields: FieldGroup) throws(TemplateError) -> [PlanStepDefinition] {
        let file = fields.file
        let (items, listLine) = try fields.list(TemplateKeys.steps)
        guard items.count == 5 else {
            throw TemplateError(file: file, line: listLine, problem:
                "there \(items.count == 1 ? "is 1 step" : "are \(items.count) steps"); a template has exactly five, at positions 1 to 5")
        }
        var steps: [PlanStepDefinition] = []
        for (index, item) in items.enumerated() {
            let group = try FieldGroup(item, file: file, what: "step \(index + 1)")
            try group.onlyKeys(StepKeys.all)
            let position = try group.int(StepKeys.position, in: 1...5)
            if steps.contains(where: { $0.position == position }) {
                throw TemplateError(file: file, line: try group.node(StepKeys.position).mark?.line,
                                    problem: "two steps are at position \(position); number the steps 1, 2, 3, 4 and 5")
            }
            let roleNode = try group.node(StepKeys.role)
            let roleText = try FieldGroup.text(roleNode, file: file, name: "\"role\"")
            guard let role = Role(name: roleText) else {
                throw unknown("role", roleText, line: roleNode.mark?.line, file: file, choices: Role.allCases.map(\.rawValue))
            }
            let cadenceNode = try group.node(StepKeys.cadence)
            let cadenceText = try FieldGroup.text(cadenceNode, file: file, name: "\"cadence\"")
            guard let cadence = Cadence(rawValue: cadenceText) else {
                throw unknown("cadence", cadenceText, line: cadenceNode.mark?.line, file: file, choices: Cadence.allCases.map(\.rawValue))
            }
            steps.append(PlanStepDefinition(position: position, role: role, action: try group.text(StepKeys.action),
                                            recordedIn: try group.text(StepKeys.recordedIn), cadence: cadence))
        }
        return steps.sorted { $0.position < $1.position }
    }

    private static func measures(_ fields: FieldGroup) throws(TemplateError) -> [OutcomeMeasureDefinition] {
        let file = fields.file
        var measures: [OutcomeMeasureDefinition] = []
        for (index, item) in try fields.list(TemplateKeys.measures).items.enumerated() {
            let group = try FieldGroup(item, file: file, what: "measure \(index + 1)")
            try group.onlyKeys(MeasureKeys.all)
            let name = try group.text(MeasureKeys.name)
            let periodNode = try group.node(MeasureKeys.period)
            let periodText = try FieldGroup.text(periodNode, file: file, name: "\"period\"")
            guard let period = MeasurePeriod(rawValue: periodText) else {
                throw unknown("period", periodText, line: periodNode.mark?.line, file: file, choices: MeasurePeriod.allCases.map(\.rawValue))
            }
            let sourceNode = try group.node(MeasureKeys.source)
            let sourceText = try FieldGroup.text(sourceNode, file: file, name: "\"source\" of \(group.what)")
            guard let source = MeasureSource(rawValue: sourceText) else {
                throw unknown("measure source", sourceText, line: sourceNode.mark?.line, file: file,
                              choices: MeasureSource.allCases.map(\.rawValue))
            }
            var rules: [TargetRule] = []
            for (ruleIndex, ruleNode) in try group.list(MeasureKeys.rules).items.enumerated() {
                rules.append(try rule(ruleNode, file: file, what: "rule \(ruleIndex + 1) of \(group.what)"))
            }
            measures.append(OutcomeMeasureDefinition(name: name, period: period, source: source, rules: rules))
        }
        return measures
    }

    /// One target rule. Its first-named field says which kind it is; the kind decides which other
    /// fields it needs and allows.
    static func rule(_ node: Node, file: String, what: String) throws(TemplateError) -> TargetRule {
        let group = try FieldGroup(node, file: file, what: what)
        let kinds = group.keys.filter { RuleKeys.kinds.contains($0) }
        guard kinds.count == 1, let kind = kinds.first else {
            let problem = kinds.isEmpty
                ? "\(what) does not say what kind of rule it is; start it with one of: \(RuleKeys.kinds.joined(separator: ", "))"
                : "\(what) mixes \(kinds.joined(separator: " and ")); write each as its own rule (rules are combined with AND)"
            throw TemplateError(file: file, line: group.line, problem: problem)
        }
        let percent = 0.0...100.0
        switch kind {
        case RuleKeys.atLeastPercent:
            try group.onlyKeys([kind, RuleKeys.consecutivePeriods])
            return .atLeastPercentForConsecutivePeriods(
                percent: try group.number(kind, in: percent, openBelow: true),
                periods: try group.int(RuleKeys.consecutivePeriods, in: 1...52))
        case RuleKeys.everyEventWithin:
            try group.onlyKeys([kind, RuleKeys.allowance])
            let allowance = group.has(RuleKeys.allowance) ? try group.int(RuleKeys.allowance, in: 0...100) : 0
            return .everyEventWithinWorkingDays(workingDays: try group.int(kind, in: 1...60), allowance: allowance)
        case RuleKeys.zeroOccurrences:
            try group.onlyKeys([kind])
            return .zeroOccurrencesForMonths(months: try group.int(kind, in: 1...24))
        case RuleKeys.reductionPercent:
            try group.onlyKeys([kind, RuleKeys.baseline, RuleKeys.withinDays])
            return .reductionFromBaseline(
                percent: try group.number(kind, in: percent, openBelow: true),
                baseline: try group.number(RuleKeys.baseline, in: 0...1_000_000, openBelow: true),
                withinDays: try group.int(RuleKeys.withinDays, in: 1...730))
        default:
            try group.onlyKeys([kind, RuleKeys.withinDays])
            return .reachPercentByDeadline(percent: try group.number(kind, in: percent, openBelow: true),
                                           withinDays: try group.int(RuleKeys.withinDays, in: 1...730))
        }
    }

    // MARK: - Helpers

    static func isValidID(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return id.count <= 60 && !parts.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
        }
    }

    private static func unknown(_ what: String, _ value: String, line: Int?, file: String, choices: [String]) -> TemplateError {
        TemplateError(file: file, line: line, problem:
            "\(FieldGroup.shown(value)) is not a \(what) RecoveryDesk knows; use one of: \(choices.joined(separator: ", "))")
    }

    private static func lineOfID(in text: String) -> Int? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.hasPrefix("\(TemplateKeys.id):") {
            return index + 1
        }
        return nil
    }
}

/// The field names of a template file, as written in it.
enum TemplateKeys {
    static let id = "id"
    static let title = "title"
    static let summary = "summary"
    static let source = "source"
    static let regulations = "regulations"
    static let qualityStatements = "quality-statements"
    static let baseline = "baseline"
    static let learning = "learning"
    static let risks = "risks"
    static let warningSigns = "warning-signs"
    static let escalationRoute = "escalation-route"
    static let consistency = "consistency"
    static let steps = "steps"
    static let measures = "measures"
    static let managerReviewWeeks = "manager-review-weeks"
    static let providerReviewMonths = "provider-review-months"
    static let all = [id, title, summary, source, regulations, qualityStatements, baseline, learning, risks,
                      warningSigns, escalationRoute, consistency, steps, measures, managerReviewWeeks, providerReviewMonths]
}

enum StepKeys {
    static let position = "position"
    static let role = "role"
    static let action = "action"
    static let recordedIn = "recorded-in"
    static let cadence = "cadence"
    static let all = [position, role, action, recordedIn, cadence]
}

enum MeasureKeys {
    static let name = "name"
    static let period = "period"
    static let source = "source"
    static let rules = "rules"
    static let all = [name, period, source, rules]
}

enum RuleKeys {
    static let atLeastPercent = "at-least-percent"
    static let consecutivePeriods = "consecutive-periods"
    static let everyEventWithin = "every-event-within-working-days"
    static let allowance = "allowance"
    static let zeroOccurrences = "zero-occurrences-for-months"
    static let reductionPercent = "reduction-percent"
    static let baseline = "baseline"
    static let withinDays = "within-days"
    static let reachPercent = "reach-percent"
    static let kinds = [atLeastPercent, everyEventWithin, zeroOccurrences, reductionPercent, reachPercent]
}
