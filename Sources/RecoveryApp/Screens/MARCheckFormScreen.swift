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
///
/// Service, round, finding type, staff member and "escalate?" are pick lists: what is saved is
/// always one of their choices.
public struct MARCheckFormScreen: Screen {
    public static let screenID = "mar-check-form"
    public var title: String { correcting == nil ? "Log a MAR chart check" : "Correct a MAR chart check" }
    /// While the re-check question is asked only its yes and no keys listen.
    public var scopes: [KeyScope] { recheckQuestion == nil ? [.screen(id), .form] : [.dialog] }
    public var isTyping: Bool { recheckQuestion == nil }
    /// The question asked when the round was checked already (yes saves a re-check, no goes back).
    public private(set) var recheckQuestion: String?
    public var hasUnsavedInput: Bool { paged.hasUnsavedInput }
    /// True while a save is with the store (a second Ctrl-S is refused).
    public private(set) var saving = false

    private let services: [Service]
    private let staff: [StaffMember]
    private let lateEntryHours: Int
    /// The check being corrected, if this is a correction.
    private let correcting: MARCheck?
    /// The check's page, then one page per finding (group `findingGroup`, tagged with the
    /// stored number of the finding; none for one added in this form).
    public private(set) var paged: PagedForm

    static let findingGroup = "finding"
    /// The label of the staff pick list's first choice.
    static let staffNotKnown = "not known"

    public init(services: [Service], staff: [StaffMember], serviceID: Int64?, round: MARRound, today: Date,
                lateEntryHours: Int, correcting: MARCheck? = nil) {
        self.services = services
        self.staff = staff
        self.lateEntryHours = lateEntryHours
        self.correcting = correcting
        let draft = correcting?.draft
        // A new check may be late; a correction asks why it was late only if it was entered late.
        let asksLateReason = correcting?.isLateEntry ?? true
        var check = Form(fields: [
            .pick("service", label: "Service", services: services, selected: draft?.serviceID ?? serviceID),
            FormField("date", label: "Date of the round", field: TextField(value: UKDateFormat.date(draft?.date ?? today)),
                      hint: "dd/mm/yyyy", validator: FieldChecks.date(optional: false)),
            .pick("round", label: "Round", selected: draft?.round ?? round),
            FormField("charts", label: "Charts checked", field: TextField(value: draft.map { String($0.chartsChecked) } ?? ""),
                      validator: FieldChecks.whole(1...500)),
            FormField("refusals-seen", label: "Refusals seen", field: TextField(value: String(draft?.refusalsSeen ?? 0)),
                      validator: FieldChecks.whole(0...500)),
            FormField("refusals-complete", label: "Refusals fully recorded",
                      field: TextField(value: String(draft?.refusalsComplete ?? 0)),
                      hint: "Reason, action and escalation decision", validator: FieldChecks.whole(0...500)),
            FormField("returned-late", label: "Charts returned late", field: TextField(value: String(draft?.chartsReturnedLate ?? 0)),
                      hint: "Homecare", validator: FieldChecks.whole(0...500)),
        ] + (asksLateReason ? [
            FormField("late-reason", label: "Why entered late", field: TextField(value: draft?.lateEntryReason ?? ""),
                      hint: correcting == nil ? "Only if the round was long ago" : "It was entered late"),
        ] : []) + (correcting == nil ? [] : [
            FormField("correction-reason", label: "Why it is corrected",
                      validator: FieldChecks.required("why the check is being corrected")),
        ]), labelWidth: 26, fieldWidth: 20, rowSpacing: 0)
        // Straight to the number of charts: the rest is remembered or already right for a clean check.
        check.move(to: "charts")
        paged = PagedForm(pages: [FormPage("The check", form: check)]
                          + (draft?.findings ?? []).map { Self.findingPage($0, staff: staff) })
    }

    static func findingPage(_ finding: MARFinding?, staff: [StaffMember]) -> FormPage {
        let form = Form(fields: [
            .pick("type", label: "Finding", selected: finding?.type ?? .missingSignature),
            FormField("person", label: "Person (initials/room)", field: TextField(value: finding?.personReference ?? "", maxLength: 12),
                      hint: "Not a full name", validator: FieldChecks.required("initials or a room")),
            .pick("staff", label: "Staff member involved", staff: staff, selected: finding?.staffID, none: staffNotKnown),
            FormField("note", label: "Note", field: TextField(value: finding?.note ?? "")),
            FormField("action", label: "Action taken", field: TextField(value: finding?.actionTaken ?? "")),
            .pick("escalate", label: "Escalate?", choices: ["no", "yes"], selected: (finding?.escalate ?? false) ? "yes" : "no"),
        ], labelWidth: 26, fieldWidth: 30, rowSpacing: 0)
        return FormPage("Finding", form: form, group: findingGroup, tag: finding?.number)
    }

    // MARK: Commands

    public static let addFinding: CommandID = "mar-check.add-finding"

    public static let commands = [
        binding(addFinding, keys: [.function(7)], label: "Finding", help: "Add a finding to the check", inKeyBar: true),
    ]

    public var keyHints: [Hint]? {
        [.note(paged.indicator), .key(Self.addFinding, "add a finding"), .key(AppCommand.nextField, "next"),
         .key(AppCommand.save, "save"), .key(AppCommand.back, "leave")]
    }

    public func claims(_ key: Key) -> Bool { recheckQuestion == nil && paged.current.claims(key) }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        if recheckQuestion != nil { return answerRecheck(command, context: context) }
        if command == Self.addFinding {
            paged.addPage(Self.findingPage(nil, staff: staff))
            let count = paged.pageIndices(in: Self.findingGroup).count
            return .message(.info("Finding \(count) added: describe it, then \(keyName(AppCommand.save, context: context)) saves the whole check."))
        }
        switch FormCommands.perform(command, on: &paged) {
        case .handled: return FormCommands.status(paged.current)
        case .notHandled: return .notHandled
        case .save: return save(context: context)
        }
    }

    public mutating func type(_ key: Key, context: ScreenContext) -> ScreenResponse {
        _ = paged.handle(key)
        return .done
    }

    /// The answer to "this round was checked already": yes saves it as a re-check, no goes back
    /// to the form as it was; any other key says which keys answer.
    private mutating func answerRecheck(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        switch command {
        case AppCommand.confirm:
            recheckQuestion = nil
            saving = true
            return ScreenResponse(effects: [task(LogCheck(draft: draft(now: context.now), lateEntryHours: lateEntryHours,
                                                          recheck: true))])
        case AppCommand.cancel:
            recheckQuestion = nil
            return .message(.info("Not saved. The form is as you left it."))
        default:
            return .message(.warning("\(Self.recheckAnswers(context)) to the form."))
        }
    }

    /// "Press y to save it as a re-check, or n to go back" with the keys as bound now.
    static func recheckAnswers(_ context: ScreenContext) -> String {
        let yes = context.keyName(AppCommand.confirm, scopes: [.dialog]), no = context.keyName(AppCommand.cancel, scopes: [.dialog])
        return "Press \(yes) to save it as a re-check, or \(no) to go back"
    }

    /// The check described by the form (only once every field validates).
    func draft(now: Date) -> MARCheckDraft {
        let findings = paged.pages(in: Self.findingGroup).map { page -> MARFinding in
            let form = page.form
            return MARFinding(type: form.picked("type") ?? .other, personReference: form.text("person"),
                              staffID: form.pickedStaff("staff", in: staff)?.id, note: form.text("note"),
                              actionTaken: form.text("action"), escalate: form["escalate"] == "yes", number: page.tag)
        }
        let check = paged.pages[0].form
        let lateReason = check.contains("late-reason") ? check.text("late-reason") : ""
        return MARCheckDraft(serviceID: check.pickedService("service", in: services)?.id ?? 0,
                             date: UKDateFormat.parseDate(check.text("date")) ?? now,
                             round: check.picked("round") ?? .morning,
                             chartsChecked: Int(check.text("charts")) ?? 0, refusalsSeen: Int(check.text("refusals-seen")) ?? 0,
                             refusalsComplete: Int(check.text("refusals-complete")) ?? 0,
                             chartsReturnedLate: Int(check.text("returned-late")) ?? 0,
                             findings: findings, lateEntryReason: lateReason.isEmpty ? nil : lateReason)
    }

    private mutating func save(context: ScreenContext) -> ScreenResponse {
        if saving { return .message(.warning(FormCommands.savingMessage)) }
        if let refusal = FormCommands.refusal(&paged) { return refusal }
        let draft = draft(now: context.now)
        if let problem = draft.problems.first { return .message(.error("Not saved: \(problem)")) }
        let rule = LateEntryRule(hours: lateEntryHours)
        if correcting == nil, paged.location(of: "late-reason") != nil,
           rule.isLate(date: draft.date, round: draft.round, enteredAt: context.now), draft.lateEntryReason == nil {
            paged.move(to: "late-reason")
            paged[field: "late-reason"].error = "Needed: the round was over \(lateEntryHours) hours ago"
            return .message(.error("Not saved: the round was more than \(lateEntryHours) hours ago, so give a reason for the late entry."))
        }
        saving = true
        if let correcting {
            return ScreenResponse(effects: [task(CorrectCheck(id: correcting.id, draft: draft,
                                                              reason: paged.text("correction-reason")))])
        }
        return ScreenResponse(effects: [task(LogCheck(draft: draft, lateEntryHours: lateEntryHours, recheck: false))])
    }

    // MARK: Tasks

    /// Logs the check with its follow-ups (`RecoveryServices.logMARCheck`): saved, or the
    /// question to ask when the round was checked already.
    struct LogCheck: ScreenTask {
        typealias Target = MARCheckFormScreen
        var draft: MARCheckDraft
        var lateEntryHours: Int
        var recheck: Bool
        var changesStore: Bool { true }

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> MARCheckLogging {
            try services.logMARCheck(draft, lateEntryHours: lateEntryHours, recheck: recheck, as: actor, at: now)
        }

        func apply(_ logging: MARCheckLogging, to screen: inout MARCheckFormScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            switch logging {
            case .saved(let check, let unqualified):
                return screen.saved(check, unqualified: unqualified, corrected: false, context: context)
            case .recheckQuestion(let question):
                screen.recheckQuestion = question
                return .message(.warning("\(question) \(MARCheckFormScreen.recheckAnswers(context)) to the form."))
            }
        }

        func refused(_ error: StoreError, screen: inout MARCheckFormScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            return FormCommands.notSaved(error)
        }
    }

    /// Corrects a stored check, keeping the original beside it.
    struct CorrectCheck: ScreenTask {
        typealias Target = MARCheckFormScreen
        var id: Int64
        var draft: MARCheckDraft
        var reason: String
        var changesStore: Bool { true }

        func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> MARCheck {
            try services.store.amendMARCheck(id, to: draft, reason: reason, by: try services.signedIn(actor), at: now)
        }

        func apply(_ check: MARCheck, to screen: inout MARCheckFormScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            return screen.saved(check, unqualified: [], corrected: true, context: context)
        }

        func refused(_ error: StoreError, screen: inout MARCheckFormScreen, context: ScreenContext) -> ScreenResponse {
            screen.saving = false
            return FormCommands.notSaved(error)
        }
    }

    /// Closes the form once saved, opening the escalation of anything that must be escalated
    /// (or, failing that, the one suggested for staff without a current competency).
    private func saved(_ check: MARCheck, unqualified: [StaffMember], corrected: Bool, context: ScreenContext) -> ScreenResponse {
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

    // MARK: Drawing

    /// The paged form's area: below a blank row, indented, down to the foot of the screen.
    private func formArea(_ area: Rect) -> Rect { area.inset(top: 1, left: 2, right: 1) }

    public mutating func click(at point: Point, area: Rect, context: ScreenContext) -> ScreenResponse {
        let rect = paged.formRect(in: formArea(area))
        if let index = paged.current.fieldIndex(atScreenRow: point.y, in: rect) { paged.current.move(to: index) }
        return FormCommands.status(paged.current)
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let theme = context.theme
        var rows = RowCursor(formArea(area))
        let footer = rows.bottom(height: recheckQuestion == nil ? 1 : 3)
        let body = rows.rest()
        paged.render(in: body, into: &buffer, theme: theme)
        let findings = paged.forms(in: Self.findingGroup)
        if paged.page == 0 && !findings.isEmpty {
            var lines = RowCursor(body)
            lines.skip(2 + paged.current.height + 1)
            for (offset, form) in findings.enumerated() {
                lines.text("Finding \(offset + 1): \(form["type"]) · \(form["person"])" + (form["escalate"] == "yes" ? " · to escalate" : ""),
                           into: &buffer, style: theme[.normal], maxLines: 1)
            }
        }
        if let recheckQuestion {
            buffer.writeWrapped("? \(recheckQuestion) \(Self.recheckAnswers(context)).", in: footer, style: theme[.warning])
        } else {
            let save = keyName(AppCommand.save, context: context), add = keyName(Self.addFinding, context: context)
            let back = keyName(AppCommand.back, context: context)
            buffer.write("Clean check: charts checked, then \(save). \(add) adds a finding. \(back) leaves.",
                         in: footer, style: theme[.muted])
        }
        paged.renderOpenList(in: body, into: &buffer, theme: theme)
    }
}
