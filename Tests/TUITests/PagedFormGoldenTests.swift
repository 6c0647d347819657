import Testing
import TestSupport
@testable import TUI

/// A paged form laid out with `RowCursor`, drawn at 80x24 and 120x40 with the monochrome theme
/// and compared with text files in Golden/ (record afresh with RECORD_GOLDEN=1).
@Suite struct PagedFormGoldenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    static func form() -> PagedForm {
        let followUps: [Choice] = [
            Choice("none"), Choice("supervised practice", detail: "until signed off"),
            Choice("strengthen oversight", detail: "more checks by a senior"), Choice("stop administering"),
            Choice("retrain"), Choice("reassess", detail: "give a date"), Choice("refer to HR"),
            Choice("supervision"), Choice("sign off"), Choice("observe again"), Choice("other"),
        ]
        var paged = PagedForm(pages: [
            FormPage("The check", form: Form(fields: [
                .pick("round", label: "Round", choices: ["morning", "lunchtime", "teatime", "bedtime"].map { Choice($0) },
                      selected: "teatime"),
                FormField("charts", label: "Charts checked", field: TextField(value: "14")),
                .pick("escalate", label: "Escalate?", choices: ["no", "yes"]),
                .pick("follow-up", label: "Follow-up", choices: followUps, hint: "What happens next"),
                FormField("note", label: "Note", field: TextField(value: "Two refusals, both recorded")),
            ], labelWidth: 22, fieldWidth: 24, rowSpacing: 0)),
        ])
        paged.addPage(FormPage("Finding", form: Form(fields: [FormField("person", label: "Person")]), group: "finding"),
                      show: false)
        return paged
    }

    static func screen(_ size: Size, _ paged: PagedForm) -> Buffer {
        var buffer = Buffer(size: size)
        let theme = Theme.monochrome
        var rows = RowCursor(buffer.area)
        buffer.write(" Log a MAR chart check", in: rows.next(), style: theme[.title])
        let keys = rows.bottom()
        let status = rows.bottom()
        rows.skip()
        let body = rows.rest().inset(left: 2, right: 1)
        let used = paged.render(in: body, into: &buffer, theme: theme)
        var below = RowCursor(body)
        below.skip(used + 1)
        below.text("Findings: \(paged.forms(in: "finding").count) · F7 adds one · the check is clean when there are none.",
                   into: &buffer, style: theme[.muted])
        paged.renderOpenList(in: body, into: &buffer, theme: theme)
        StatusLine(message: paged.current.openList != nil ? OpenPickList.hint : "", kind: .info).render(
            in: status, into: &buffer, theme: theme)
        KeyBar(items: [(key: "Tab", label: "Next"), (key: "Ctrl-S", label: "Save"), (key: "Esc", label: "Leave")]).render(
            in: keys, into: &buffer, theme: theme)
        return buffer
    }

    func check(_ buffer: Buffer, _ name: String) {
        let message = GoldenFile.mismatch(buffer.text, named: name, in: GoldenFile.directory(besides: #filePath))
        #expect(message == nil, "\(message ?? "")")
    }

    @Test(arguments: sizes) func shortPickListShowsItsChoices(size: Size) {
        var paged = Self.form()
        paged.move(to: "escalate")
        _ = paged.handle(.down)
        #expect(paged["escalate"] == "yes")
        check(Self.screen(size, paged), "paged-form-pick-\(size)")
    }

    @Test(arguments: sizes) func openListOverTheForm(size: Size) {
        var paged = Self.form()
        paged.move(to: "follow-up")
        _ = paged.handle(.enter)
        for _ in 0..<10 { _ = paged.handle(.down) }
        #expect(paged.current.openList?.highlighted == 10)
        #expect(paged["follow-up"] == "none")
        check(Self.screen(size, paged), "paged-form-open-list-\(size)")
    }
}
