/// A built-in starting point for a recovery plan, one per operational scenario. Everything in it
/// is copied into a new plan, where it can be changed.
public struct PlanTemplate: Hashable, Codable, Sendable, Identifiable {
    /// A stable identifier, e.g. "late-mar-returns".
    public var id: String
    public var title: String
    /// The scenario in a sentence, for choosing a template.
    public var summary: String
    public var source: PlanSource
    /// Regulation numbers (9–20) it usually answers.
    public var regulations: [Int]
    /// Quality statement codes (framework cqc-2024) it usually answers, e.g. "S8".
    public var qualityStatements: [String]
    /// The baseline issue in words.
    public var baseline: String
    /// What leaders typically learn about why it happened (a prompt to write their own).
    public var learning: String
    public var risks: [String]
    public var warningSigns: [String]
    public var escalationRoute: String
    public var consistency: String
    public var steps: [PlanStepDefinition]
    public var measures: [OutcomeMeasureDefinition]
    /// Registered manager review every this many weeks.
    public var managerReviewWeeks: Int
    /// Provider / nominated individual review every this many months.
    public var providerReviewMonths: Int

    public init(id: String, title: String, summary: String, source: PlanSource, regulations: [Int],
                qualityStatements: [String], baseline: String, learning: String, risks: [String],
                warningSigns: [String], escalationRoute: String, consistency: String,
                steps: [PlanStepDefinition], measures: [OutcomeMeasureDefinition],
                managerReviewWeeks: Int, providerReviewMonths: Int) {
        self.id = id
        self.title = title
        self.summary = summary
        self.source = source
        self.regulations = regulations
        self.qualityStatements = qualityStatements
        self.baseline = baseline
        self.learning = learning
        self.risks = risks
        self.warningSigns = warningSigns
        self.escalationRoute = escalationRoute
        self.consistency = consistency
        self.steps = steps
        self.measures = measures
        self.managerReviewWeeks = managerReviewWeeks
        self.providerReviewMonths = providerReviewMonths
    }
}
