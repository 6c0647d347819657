import Foundation

/// Everything a plan says, as written on the plan form (from a template or from scratch).
/// Editing an active plan replaces its draft with an amendment and a reason.
public struct PlanDraft: Hashable, Codable, Sendable {
    /// The service it belongs to, or nil for a provider-wide plan.
    public var serviceID: Int64?
    public var title: String
    public var source: PlanSource
    /// The notice or report reference, e.g. "RN-2026-114".
    public var sourceReference: String
    public var sourceDate: Date?
    public var regulations: [Int]
    public var qualityStatements: [String]
    public var baseline: String
    public var baselineFigure: Double?
    public var learning: String
    public var risks: [String]
    public var warningSigns: [String]
    public var escalationRoute: String
    public var consistency: String
    public var managerReviewWeeks: Int
    public var providerReviewMonths: Int
    /// The member of staff who owns the plan.
    public var ownerID: Int64?
    /// The five steps, each with its first due date.
    public var steps: [PlanStepDraft]
    public var measures: [OutcomeMeasureDefinition]
    /// The template it was made from, if any.
    public var templateID: String?
    /// When the plan starts counting (periods before it are not measured).
    public var startDate: Date

    public init(serviceID: Int64?, title: String, source: PlanSource, sourceReference: String = "",
                sourceDate: Date? = nil, regulations: [Int] = [], qualityStatements: [String] = [],
                baseline: String = "", baselineFigure: Double? = nil, learning: String = "",
                risks: [String] = [], warningSigns: [String] = [], escalationRoute: String = "",
                consistency: String = "", managerReviewWeeks: Int = 4, providerReviewMonths: Int = 3,
                ownerID: Int64? = nil, steps: [PlanStepDraft] = [], measures: [OutcomeMeasureDefinition] = [],
                templateID: String? = nil, startDate: Date) {
        self.serviceID = serviceID
        self.title = title
        self.source = source
        self.sourceReference = sourceReference
        self.sourceDate = sourceDate
        self.regulations = regulations
        self.qualityStatements = qualityStatements
        self.baseline = baseline
        self.baselineFigure = baselineFigure
        self.learning = learning
        self.risks = risks
        self.warningSigns = warningSigns
        self.escalationRoute = escalationRoute
        self.consistency = consistency
        self.managerReviewWeeks = managerReviewWeeks
        self.providerReviewMonths = providerReviewMonths
        self.ownerID = ownerID
        self.steps = steps
        self.measures = measures
        self.templateID = templateID
        self.startDate = startDate
    }

    /// A draft filled from a template, starting `startDate`, every step first due that day.
    public init(template: PlanTemplate, serviceID: Int64?, ownerID: Int64?, startDate: Date) {
        self.init(serviceID: serviceID, title: template.title, source: template.source,
                  regulations: template.regulations, qualityStatements: template.qualityStatements,
                  baseline: template.baseline, learning: template.learning, risks: template.risks,
                  warningSigns: template.warningSigns, escalationRoute: template.escalationRoute,
                  consistency: template.consistency, managerReviewWeeks: template.managerReviewWeeks,
                  providerReviewMonths: template.providerReviewMonths, ownerID: ownerID,
                  steps: template.steps.map { PlanStepDraft(definition: $0, firstDue: startDate) },
                  measures: template.measures, templateID: template.id, startDate: startDate)
    }

    /// What is wrong with the draft, in words; empty when it can be saved.
    public var problems: [String] {
        var found: [String] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty { found.append("Give the plan a title.") }
        if steps.count != 5 { found.append("A plan has exactly five steps; this one has \(steps.count).") }
        if steps.map(\.definition.position).sorted() != Array(1...5) && steps.count == 5 {
            found.append("The steps must be numbered 1 to 5.")
        }
        for measure in measures { found += measure.problems.map { "\(measure.name): \($0)" } }
        if !(1...52).contains(managerReviewWeeks) { found.append("Registered manager reviews: every 1 to 52 weeks.") }
        if !(1...12).contains(providerReviewMonths) { found.append("Provider reviews: every 1 to 12 months.") }
        return found
    }
}

/// A step as planned: its definition and the day it is first due.
public struct PlanStepDraft: Hashable, Codable, Sendable {
    public var definition: PlanStepDefinition
    public var firstDue: Date

    public init(definition: PlanStepDefinition, firstDue: Date) {
        self.definition = definition
        self.firstDue = firstDue
    }
}
