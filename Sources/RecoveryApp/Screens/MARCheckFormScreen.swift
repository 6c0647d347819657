import Foundation
import RecoveryModel
import TUI

/// Logging a daily MAR chart check. A clean check is a number and Ctrl-S: the service starts on
/// the checker's own, the round on the one due now by the clock, and the date is today. F7 adds a finding (a page
/// of its own); a finding marked for escalation opens a pre-filled escalation once the check is
/// saved. A check for a round long past asks for the reason it is late.
public struct MARCheckFormScreen: Screen {
    public static let screenID = "mar-check-form"
    public let id = MARCheckFormScreen.screenID
    public var title: String { correcting == nil ? "Log a MAR chart check" : "Correct a MAR chart check" }
    public var scopes: [KeyScope] { [.screen(id), .form] }
    public var isTyping: Bool { true }
    public var hasUnsavedInput: Bool { pages.contains { $0.hasUnsavedInput } || pages.count > 1 }

    private let services: [Service]
    private let staff: [StaffMember]
    private let lateEntryHours: Int
    /// The check being corrected, if this is a correction.
    private let correcting: MARCheck?
    public private(set) var pages: [Form]
    public private(set) var page = 0

    public init(services: [Service], staff: [StaffMember], serviceID: Int64?, round: MARRound, today: Date,
                lateEntryHours: Int, correcting: MARCheck? = nil) {
        self.services = services
        self.staff = staff
        self.lateEntryHours = lateEntryHours
        self.correcting = correcting
        let draft = correcting?.draft
        let serviceName = services.first { $0.id == (draft?.serviceID ?? serviceID) }?.name ?? services.first?.name ?? ""
        let check = Form(fields: [
            FormField(label: "Service", field: TextField(value: serviceName),
                      validator: { EvidenceForms.service($0, in: services) == nil ? "No service of that name" : nil }),
            FormField(label: "Date of the round", field: TextField(value: UKDateFormat.date(draft?.date ?? today)),
                      hint: "dd/mm/yyyy", validator: FieldChecks.date(optional: false)),
            FormField(label: "Round", field: TextField(value: (draft?.round ?? round).title.lowercased()),
                      hint: "morning, lunchtime, teatime, night, visit", validator: EvidenceForms.choice(MARRound.self)),
            FormField(label: "Charts checked", field: TextField(value: draft.map { String($0.chartsChecked) } ?? ""),
                      validator: FieldChecks.whole(1...500)),
            FormField(label: "Refusals seen", field: TextField(value: String(draft?.refusalsSeen ?? 0)),
                      validator: FieldChecks.whole(0...500)),
            FormField(label: "Refusals fully recorded", field: TextField(value: String(draft?.refusalsComplete ?? 0)),
                      hint: "Reason, action and escalation decision", validator: FieldChecks.whole(0...500)),
            FormField(label: "Charts returned late", field: TextField(value: String(draft?.chartsReturnedLate ?? 0)),
                      hint: "Homecare", validator: FieldChecks.whole(0...500)),
            FormField(label: "Why entered late", field: TextField(value: draft?.lateEntryReason ?? ""),
                      hint: "Only if the round was long ago"),
        ] + (correcting == nil ? [] : [
            FormField(label: "Reason for correction", validator: FieldChecks.required("why the check is being corrected")),
        ]), labelWidth: 26, fieldWidth: 20, rowSpacing: 0)
        var first = check
        // Straight to the number of charts: the rest is remembered or already right for a clean check.
        first.move(to: 3)
        pages = [first] + (draft?.findings ?? []).map { Self.findingPage($0, staff: staff) }
    }

    static func findingPage(_ finding: MARFinding?, staff: [StaffMember]) -> Form {
        let staffName = finding?.staffID.flatMap { id in staff.first { $0.id == id }?.name } ?? ""
        return Form(fields: [
            FormField(label: "Finding", field: TextField(value: finding?.type.title.lowercased() ?? "missing signature"),
                      validator: EvidenceForms.choice(FindingType.self)),
            FormField(label: "Person (initials/room)", field: TextField(value: finding?.personReference ?? "", maxLength: 12),
                      hint: "Not a full name", validator: FieldChecks.required("initials or a room")),
            FormField(label: "Staff member involved", field: TextField(value: staffName), hint: "If known",
                      validator: { value in
                          value.trimmed.isEmpty || staff.contains { $0.name.lowercased() == value.trimmed.lowercased() }
                              ? nil : "No member of staff of that name"
                      }),
            FormField(label: "Note", field: TextField(value: finding?.note ?? "")),
            FormField(label: "Action taken", field: TextField(value: finding?.actionTaken ?? "")),
            FormField(label: "Escalate?", field: TextField(value: (finding?.escalate ?? false) ? "yes" : "no"),
                      hint: "yes or no", validator: PreferencesScreen.yesNoValidator),
        ], labelWidth: 26, fieldWidth: 30, rowSpacing: 0)
    }

    public var hints: [String]? {
        ["Page \(page + 1) of \(pages.count)", "F7 add a finding", "Tab next", "Ctrl-S save", "Esc leave"]
    }

    public mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse {
        switch command.rawValue {
        case "mar-check.add-finding":
            pages.append(Self.findingPage(nil, staff: staff))
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
        _ = pages[page].handle(key)
        return .done
    }

    /// The check described by the form (only once every field validates).
    func draft(now: Date) -> MARCheckDraft {
        let values = pages[0].values.map(\.trimmed)
        let findings = pages.dropFirst().map { form -> MARFinding in
            let item = form.values.map(\.trimmed)
            return MARFinding(type: EvidenceForms.named(item[0], as: FindingType.self) ?? .other, personReference: item[1],
                              staffID: staff.first { $0.name.lowercased() == item[2].lowercased() }?.id,
                              note: item[3], actionTaken: item[4], escalate: item[5].lowercased() == "yes")
        }
        return MARCheckDraft(serviceID: EvidenceForms.service(values[0], in: services)?.id ?? 0,
                             date: UKDateFormat.parseDate(values[1]) ?? now,
                             round: EvidenceForms.named(values[2], as: MARRound.self) ?? .morning,
                             chartsChecked: Int(values[3]) ?? 0, refusalsSeen: Int(values[4]) ?? 0,
                             refusalsComplete: Int(values[5]) ?? 0, chartsReturnedLate: Int(values[6]) ?? 0,
                             findings: findings, lateEntryReason: values[7].isEmpty ? nil : values[7])
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
        if rule.isLate(date: draft.date, round: draft.round, enteredAt: context.now), draft.lateEntryReason == nil {
            page = 0
            pages[0].move(to: 7)
            pages[0].fields[7].error = "Needed: the round was over \(lateEntryHours) hours ago"
            return .message(.error("Not saved: the round was more than \(lateEntryHours) hours ago, so give a reason for the late entry."))
        }
        if let correcting {
            let reason = pages[0].values[8].trimmed
            return ScreenResponse(effects: [ask(.amendMARCheck(id: correcting.id, draft: draft, reason: reason), context: context)])
        }
        return ScreenResponse(effects: [ask(.logMARCheck(draft, lateEntryHours: lateEntryHours), context: context)])
    }

    public mutating func receive(_ reply: StoreReply, context: ScreenContext) -> ScreenResponse {
        switch reply {
        case .marCheckSaved(let check, let unqualified):
            var message = check.draft.findings.isEmpty ? "Clean check saved." : "Check saved with \(check.draft.findings.count) finding\(check.draft.findings.count == 1 ? "" : "s")."
            if check.isLateEntry { message += " Flagged as a late entry." }
            var next: (any Screen)?
            if let person = unqualified.first {
                message += " \(person.name) has no current medicines competency: an escalation is suggested."
                next = EvidenceForms.escalation(
                    services: services, serviceID: check.draft.serviceID, category: .competencyConcern, severity: .high,
                    whatHappened: "\(person.name) was involved in a MAR finding without a current medicines competency.",
                    links: EscalationLinks(marCheckID: check.id, staffID: person.id), now: context.now)
            } else if let finding = check.draft.findings.first(where: \.escalate) {
                next = EvidenceForms.escalation(
                    services: services, serviceID: check.draft.serviceID, category: EvidenceForms.category(for: finding.type),
                    whatHappened: "\(finding.type.title) for \(finding.personReference)" + (finding.note.isEmpty ? "" : ": \(finding.note)"),
                    links: EscalationLinks(marCheckID: check.id, staffID: finding.staffID), now: context.now)
            }
            return ScreenResponse(push: next, pop: true, status: unqualified.isEmpty ? .ok(message) : .warning(message))
        case .saved(let message):
            return ScreenResponse(pop: true, status: .ok(message))
        case .failed(let message):
            return .message(.error("Not saved: \(message)"))
        default:
            return .done
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {
        let heading = page == 0 ? "The check" : "Finding \(page) of \(pages.count - 1)"
        buffer.write("  Page \(page + 1) of \(pages.count) · \(heading)", in: area.row(1), style: context.theme[.header])
        pages[page].render(in: area.inset(top: 3, left: 2, bottom: 2, right: 1), into: &buffer, theme: context.theme)
        if page == 0 && pages.count > 1 {
            var y = area.y + 3 + pages[0].fields.count + 1
            for (offset, form) in pages.dropFirst().enumerated() where y < area.maxY - 1 {
                let values = form.values
                buffer.write("  Finding \(offset + 1): \(values[0]) · \(values[1])" + (values[5].lowercased() == "yes" ? " · escalate" : ""),
                             in: Rect(x: area.x, y: y, width: area.width, height: 1), style: context.theme[.normal])
                y += 1
            }
        }
        buffer.write("  A clean check: charts checked, then Ctrl-S. F7 adds a finding. Esc leaves (asks first).",
                     in: area.row(-1), style: context.theme[.muted])
    }
}
