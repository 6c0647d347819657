import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// Logging a daily MAR chart check. A clean check is a number and Ctrl-S: the service starts on
/// the checker's own, the round on the one due now by the clock, and the date is today. F7 adds
/// a finding (a page of its own). Once saved, anything that must be escalated (a finding that
/// needs it, charts returned late) opens a pre-filled escalation about exactly those items, for a
/// new check and a correction alike. A check for a round long past asks why it is late; a
/// correction asks why it is corrected (and why it was late only when it was entered late); a
/// second check of the same round asks first.
public struct MARCheckFormScreen: Screen {
    public static let screenID = "mar-check-form"
    public let id = MARCheckFormScreen.screenID
    public var title: String { correcting == nil ? "Log a MAR chart check" : "Correct a MAR chart check" }
    public var scopes: [KeyScope] { [.screen(id), .form] }
    public var isTyping: Bool { true }
    /// The question asked when the round was checked already (y saves a re-check, n goes back).
    public private(set) var recheckQuestion: String?
    public var hasUnsavedInput: Bool { pages.contains { $0.hasUnsavedInput } || pages.count > 1 }

    private let services: [Service]
    private let staff: [StaffMember]
    private let lateEntryHours: Int
    /// The check being corrected, if this is a correction.
    private let correcting: MARCheck?
    public private(set) var pages: [Form]
    public private(set) var page = 0
    /// The number of the finding on each finding page (nil for one added in this form).
    private var findingNumbers: [Int?]
    /// Where the late-entry reason and the correction reason are on the first page, if shown.
    private let lateReasonField: Int?
    private let correctionReasonField: Int?

    public init(services: [Service], staff: [StaffMember], serviceID: Int64?, round: MARRound, today: Date,
                lateEntryHours: Int, correcting: MARCheck? = nil) {
        self.services = services
        self.staff = staff
        self.lateEntryHours = lateEntryHours
        self.correcting = correcting
        let draft = correcting?.draft
        // A new check may be late; a correction asks why it was late only if it was entered late.
        let asksLateReason = correcting?.isLateEntry ?? true
        let serviceName = services.first { $0.id == (draft?.serviceID ?? serviceID) }?.name ?? services.first?.name ?? ""
        let check = Form(fields: [
            .pick("Service", choices: services.map(\.name), selected: serviceName),
            FormField(label: "Date of the round", field: TextField(value: UKDateFormat.date(draft?.date ?? today)),
                      hint: "dd/mm/yyyy", validator: FieldChecks.date(optional: false)),
            .pick("Round", choices: MARRound.allCases.map { $0.title.lowercased() },
                  selected: (draft?.round ?? round).title.lowercased()),
            FormField(label: "Charts checked", field: TextField(value: draft.map { String($0.chartsChecked) } ?? ""),
                      validator: FieldChecks.whole(1...500)),
            FormField(label: "Refusals seen", field: TextField(value: String(draft?.refusalsSeen ?? 0)),
                      validator: FieldChecks.whole(0...500)),
            FormField(label: "Refusals fully recorded", field: TextField(value: String(draft?.refusalsComplete ?? 0)),
                      hint: "Reason, action and escalation decision", validator: FieldChecks.whole(0...500)),
            FormField(label: "Charts returned late", field: TextField(value: String(draft?.chartsReturnedLate ?? 0)),
                      hint: "Homecare", validator: FieldChecks.whole(0...500)),
        ] + (asksLateReason ? [
            FormField(label: "Why entered late", field: TextField(value: draft?.lateEntryReason ?? ""),
                      hint: correcting == nil ? "Only if the round was long ago" : "It was entered late"),
        ] : []) + (correcting == nil ? [] : [
            FormField(label: "Why it is corrected", validator: FieldChecks.required("why the check is being corrected")),
        ]), labelWidth: 26, fieldWidth: 20, rowSpacing: 0)
        lateReasonField = asksLateReason ? 7 : nil
        correctionReasonField = correcting == nil ? nil : check.fields.count - 1
        var first = check
        // Straight to the number of charts: the rest is remembered or already right for a clean check.
        first.move(to: 3)
        pages = [first] + (draft?.findings ?? []).map { Self.findingPage($0, staff: staff) }
        findingNumbers = (draft?.findings ?? []).map(\.number)
    }

    static func findingPage(_ finding: MARFinding?, staff: [StaffMember]) -> Form {
        let staffName = finding?.staffID.flatMap { id in staff.first { $0.id == id }?.name } ?? ""
        return Form(fields: [
            .pick("Finding", choices: FindingType.allCases.map { $0.title.lowercased() },
                  selected: (finding?.type ?? .missingSignature).title.lowercased()),
            FormField(label: "Person (initials/room)", field: TextField(value: finding?.personReference ?? "", maxLength: 12),
                      hint: "Not a full name", validator: FieldChecks.required("initials or a room")),
            FormField(label: "Staff member involved", field: TextField(value: staffName), hint: "If known",
                      validator: { value in
                          value.trimmed.isEmpty || staff.contains { $0.name.lowercased() == value.trimmed.lowercased() }
                              ? nil : "No member of staff of that name"
                      }),
            FormField(label: "Note", field: TextField(value: finding?.note ?? "")),
            FormField(label: "Action taken", field: TextField(value: finding?.actionTaken ?? "")),
            .pick("Escalate?", choices: ["no", "yes"], selected: (finding?.escalate ?? false) ? "yes" : "no",
                  hint: "← → yes or no"),
        ], labelWidth: 26, fieldWidth: 30, rowSpacing: 0)
    }

    public var hints: [String]? {
        ["Page \(page + 1) of \(pages.count)", "F7 add a finding", "Tab next", "Ctrl-S save", "Esc leave"]
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        switch command.rawValue {
        case "mar-check.add-finding":
            pages.append(Self.findingPage(nil, staff: staff))
            findingNumbers.append(nil)
            page = pages.count - 1
            return .message(.info("Finding \(pages.count - 1) added: describe it, then Ctrl-S saves the whole check."))
        default: break
        }
        switch command {
        case AppCommand.nextField, AppCommand.submit:
            if pages[page].focus == pages[page].fields.count - 1 {
                if page == pages.count - 1 && command == AppCommand.submit { return save(context: context) }
                if page < pages.count - 1 {
                    pages[page].validate(pages[page].focus)
                    page += 1
                    pages[page].move(to: 0)
                    return .done
                }
            }
            pages[page].focusNext()
            return FormCommands.status(pages[page])
        case AppCommand.previousField:
            if pages[page].focus == 0 && page > 0 {
                page -= 1
                pages[page].move(to: pages[page].fields.count - 1)
                return .done
            }
            pages[page].focusPrevious()
            return FormCommands.status(pages[page])
        case AppCommand.save:
            return save(context: context)
        default:
            guard let key = DefaultKeymap.editingKeys[command] else { return .notHandled }
            _ = pages[page].handle(key)
            return .done
        }
    }

    public mutating func type(_ key: Key, context: ScreenContext) -> ScreenResponse {
        if recheckQuestion != nil, case .character(let letter) = key {
            switch letter.lowercased() {
            case "y":
                recheckQuestion = nil
                return ScreenResponse(effects: [ask(.logMARCheck(draft(now: context.now), lateEntryHours: lateEntryHours, recheck: true),
                                                    context: context)])
            case "n":
                recheckQuestion = nil
                return .message(.info("Not saved. The form is as you left it."))
            default:
                return .message(.warning("Press y to save it as a re-check, or n to go back to the form."))
            }
        }
        _ = pages[page].handle(key)
        return .done
    }

    /// The check described by the form (only once every field validates).
    func draft(now: Date) -> MARCheckDraft {
        let values = pages[0].values.map(\.trimmed)
        let findings = zip(pages.dropFirst(), findingNumbers).map { form, number -> MARFinding in
            let item = form.values.map(\.trimmed)
            return MARFinding(type: EvidenceForms.named(item[0], as: FindingType.self) ?? .other, personReference: item[1],
                              staffID: staff.first { $0.name.lowercased() == item[2].lowercased() }?.id,
                              note: item[3], actionTaken: item[4], escalate: item[5].lowercased() == "yes", number: number)
        }
        let lateReason = lateReasonField.map { values[$0] } ?? ""
        return MARCheckDraft(serviceID: EvidenceForms.service(values[0], in: services)?.id ?? 0,
                             date: UKDateFormat.parseDate(values[1]) ?? now,
                             round: EvidenceForms.named(values[2], as: MARRound.self) ?? .morning,
                             chartsChecked: Int(values[3]) ?? 0, refusalsSeen: Int(values[4]) ?? 0,
                             refusalsComplete: Int(values[5]) ?? 0, chartsReturnedLate: Int(values[6]) ?? 0,
                             findings: findings, lateEntryReason: lateReason.isEmpty ? nil : lateReason)
    }

    private mutating func save(context: ScreenContext) -> ScreenResponse {
        for index in pages.indices {
            if let refusal = FormCommands.refusal(&pages[index]) {
                page = index
                return refusal
            }
        }
        let draft = draft(now: context.now)
        if let problem = draft.problems.first { return .message(.error("Not saved: \(problem)")) }
        let rule = LateEntryRule(hours: lateEntryHours)
        if correcting == nil, let field = lateReasonField,
           rule.isLate(date: draft.date, round: draft.round, enteredAt: context.now), draft.lateEntryReason == nil {
            page = 0
            pages[0].move(to: field)
            pages[0].fields[field].error = "Needed: the round was over \(lateEntryHours) hours ago"
            return .message(.error("Not saved: the round was more than \(lateEntryHours) hours ago, so give a reason for the late entry."))
        }
        if let correcting, let field = correctionReasonField {
            let reason = pages[0].values[field].trimmed
            return ScreenResponse(effects: [ask(.amendMARCheck(id: correcting.id, draft: draft, reason: reason), context: context)])
        }
        return ScreenResponse(effects: [ask(.logMARCheck(draft, lateEntryHours: lateEntryHours), context: context)])
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .marCheckSaved(let check, let unqualified, let corrected):
            var message = Self.savedMessage(check, corrected: corrected)
            // What must be escalated: everything for a new check; for a correction, what the
            // correction added (earlier items keep their own escalations).
            let before = Set(correcting.map { EscalationDue.of($0).map(\.source) } ?? [])
            let due = EscalationDue.of(check).filter { !before.contains($0.source) }
            var next: (any Screen)?
            if !due.isEmpty {
                message += " \(due.count == 1 ? "One item needs" : "\(due.count) items need") escalating: the escalation form is open."
                next = EvidenceForms.escalation(
                    services: services, serviceID: check.draft.serviceID, category: due[0].category,
                    whatHappened: due.count == 1 ? due[0].whatHappened : due.map(\.whatHappened).joined(separator: " "),
                    links: EscalationLinks(marCheckID: check.id, staffID: due.compactMap(\.staffID).first),
                    sources: due.map(\.source), now: context.now)
            }
            if let person = unqualified.first {
                message += " \(person.name) has no current medicines competency: an escalation is suggested."
                if next == nil {
                    next = EvidenceForms.escalation(
                        services: services, serviceID: check.draft.serviceID, category: .competencyConcern, severity: .high,
                        whatHappened: "\(person.name) was involved in a MAR finding without a current medicines competency.",
                        links: EscalationLinks(marCheckID: check.id, staffID: person.id), now: context.now)
                }
            }
            let warn = !unqualified.isEmpty || !due.isEmpty
            return ScreenResponse(push: next, pop: true, status: warn ? .warning(message) : .ok(message))
        case .recheckQuestion(let question):
            recheckQuestion = question
            return .message(.warning("\(question) y save as a re-check, n go back to the form."))
        case .saved(let message):
            return ScreenResponse(pop: true, status: .ok(message))
        case .failed(let message):
            return .message(.error("Not saved: \(message)"))
        default:
            return .done
        }
    }

    /// What the status line says once a check is saved: only a check with no findings and no
    /// charts returned late is called clean.
    static func savedMessage(_ check: MARCheck, corrected: Bool) -> String {
        let draft = check.draft
        var parts: [String] = []
        if !draft.findings.isEmpty { parts.append("\(draft.findings.count) finding\(draft.findings.count == 1 ? "" : "s")") }
        if draft.chartsReturnedLate > 0 {
            parts.append("\(draft.chartsReturnedLate) chart\(draft.chartsReturnedLate == 1 ? "" : "s") returned late")
        }
        let what = check.isRecheck ? "Re-check" : "Check"
        var message: String
        if corrected {
            message = "Check corrected; the original is kept beside it."
        } else if parts.isEmpty {
            message = check.isRecheck ? "Clean re-check saved." : "Clean check saved."
        } else {
            message = "\(what) saved with \(parts.joined(separator: " and "))" + (draft.chartsReturnedLate > 0 ? ", so it is not a clean check." : ".")
        }
        if check.isLateEntry && !corrected { message += " Flagged as a late entry." }
        return message
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let heading = page == 0 ? "The check" : "Finding \(page) of \(pages.count - 1)"
        buffer.write("  Page \(page + 1) of \(pages.count) · \(heading)", in: area.row(1), style: context.theme[.header])
        pages[page].render(in: area.inset(top: 3, left: 2, bottom: 2, right: 1), into: &buffer, theme: context.theme)
        if page == 0 && pages.count > 1 {
            var y = area.y + 3 + pages[0].fields.count + 1
            for (offset, form) in pages.dropFirst().enumerated() where y < area.maxY - 1 {
                let values = form.values
                buffer.write("  Finding \(offset + 1): \(values[0]) · \(values[1])" + (values[5].lowercased() == "yes" ? " · to escalate" : ""),
                             in: Rect(x: area.x, y: y, width: area.width, height: 1), style: context.theme[.normal])
                y += 1
            }
        }
        if let recheckQuestion {
            let lines = TextWrap.lines("? \(recheckQuestion) Press y to save it as a re-check, n to go back.", width: max(10, area.width - 4))
            for (offset, line) in lines.suffix(3).enumerated() {
                buffer.write("  " + line, in: area.row(-(min(3, lines.count)) + offset), style: context.theme[.warning])
            }
            return
        }
        buffer.write("  Clean check: charts checked, then Ctrl-S. F7 adds a finding. Esc leaves.",
                     in: area.row(-1), style: context.theme[.muted])
    }
}
