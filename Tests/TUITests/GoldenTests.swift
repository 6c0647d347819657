import Testing
import TestSupport
@testable import TUI

/// Whole screens drawn with the monochrome theme and compared with text files in Golden/.
/// Record afresh with RECORD_GOLDEN=1 and read the files before committing them.
@Suite struct GoldenTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    static let people: TableRows = {
        let names = ["Siobhán Ó Briain", "王小明", "Zoë Brontë", "Zoe\u{0308} Bronte\u{0308}", "Margaret Okonkwo-Fitzgerald",
                     "Arthur Davies", "Priya Raghunathan", "Tomasz Wiśniewski", "Grace O’Neill", "Kwame Mensah",
                     "Dorothy Ellis", "Fatima Begum"]
        let workers = ["A. Khan", "B. Lewis", "C. Nowak", "D. Patel"]
        let rags: [RAG] = [.red, .amber, .green]
        var rows: [[String]] = []
        for index in 0..<40 {
            let name = names[index % names.count]
            let history: [Double?] = (0..<12).map { week in week == 5 && index % 3 == 0 ? nil : Double((index * 7 + week * 3) % 10) }
            rows.append([
                String(format4(1000 + index)),
                name,
                "\(String(format2(index % 28 + 1)))/0\(index % 9 + 1)/2025",
                rags[index % 3].badge,
                workers[index % workers.count],
                Sparkline(values: history).text(width: 12),
                Gauge(fraction: Double((index * 13) % 101) / 100).text(width: 10),
            ])
        }
        return TableRows(rows, roles: [6: .muted])
    }()

    static let table = TableView(columns: [
        TableColumn(title: "Ref", width: .fixed(6)),
        TableColumn(title: "Name", width: .flexible(minimum: 14, weight: 2)),
        TableColumn(title: "Plan due", width: .fixed(10)),
        TableColumn(title: "RAG", width: .fixed(3)),
        TableColumn(title: "Key worker", width: .flexible(minimum: 8)),
        TableColumn(title: "Visits", width: .fixed(12)),
        TableColumn(title: "Progress", width: .fixed(10)),
    ], emptyMessage: "No people to show.")

    static let keyBar = KeyBar(items: [(key: "F1", label: "Help"), (key: "F2", label: "Dashboard"), (key: "F3", label: "Search"),
                                      (key: "F4", label: "Plans"), (key: "F5", label: "Visits"), (key: "F6", label: "Reports"),
                                      (key: "F7", label: "Audit"), (key: "F9", label: "Settings"), (key: "F10", label: "Quit")])

    /// Title, table, status line and key bar.
    static func tableScreen(_ size: Size, selected: Int) -> Buffer {
        var buffer = Buffer(size: size)
        let theme = Theme.monochrome
        let parts = buffer.area.splitRows([.fixed(1), .flexible, .fixed(1), .fixed(1)])
        let rect = parts[1]
        var state = TableState()
        state.move(.to(selected), rowCount: people.rowCount, pageSize: table.pageSize(for: rect))
        let position = state.position(rowCount: people.rowCount) + " "
        buffer.write(position, in: parts[0], style: theme[.title], alignment: .right)
        buffer.write(" RecoveryDesk · People receiving support", x: 0, y: 0, style: theme[.title])
        table.render(people, state: state, in: rect, into: &buffer, theme: theme)
        StatusLine(message: "12 plans are overdue", kind: .warning, right: "Signed in: A. Khan").render(
            in: parts[2], into: &buffer, theme: theme)
        keyBar.render(in: parts[3], into: &buffer, theme: theme)
        return buffer
    }

    func check(_ buffer: Buffer, _ name: String) {
        let message = GoldenFile.mismatch(buffer.text, named: name, in: GoldenFile.directory(besides: #filePath))
        #expect(message == nil, "\(message ?? "")")
    }

    @Test(arguments: sizes) func tableScreen(size: Size) {
        check(Self.tableScreen(size, selected: 2), "table-\(size)")
    }

    @Test func tableScreenStyles() {
        let buffer = Self.tableScreen(Size(width: 80, height: 24), selected: 2)
        let legend: [Style: Character] = [
            .plain: ".", Style(attributes: .reverse): "R", Style(attributes: .dim): "d",
            Style(attributes: [.bold, .underline]): "H", Style(attributes: .bold): "B", Style(attributes: .underline): "u",
        ]
        let message = GoldenFile.mismatch(buffer.styleMap(legend), named: "table-80x24-styles",
                                          in: GoldenFile.directory(besides: #filePath))
        #expect(message == nil, "\(message ?? "")")
    }

    @Test(arguments: sizes) func formWithError(size: Size) {
        var buffer = Buffer(size: size)
        let theme = Theme.monochrome
        let parts = buffer.area.splitRows([.fixed(1), .fixed(1), .flexible, .fixed(1), .fixed(1)])
        buffer.write(" New referral", in: parts[0], style: theme[.title])
        var form = Form(fields: [
            FormField(label: "Full name", field: TextField(value: "Siobhán Ó Briain"),
                      validator: Validators.required("Enter the person's full name")),
            FormField(label: "Date of birth", field: TextField(placeholder: "DD/MM/YYYY"), hint: "For example, 27/03/1950",
                      validator: { $0.split(separator: "/").count == 3 ? nil : "Enter the date of birth as day, month and year" }),
            FormField(label: "NHS number", field: TextField(maxLength: 10), hint: "10 digits",
                      validator: { $0.count == 10 && $0.allSatisfy(\.isNumber) ? nil : "Enter the 10-digit NHS number" }),
            FormField(label: "Preferred name", field: TextField(value: "Zoe\u{0308}"), hint: "Optional"),
            FormField(label: "Referral notes", field: TextField(value: "Discharged from Leeds General Infirmary on Friday; needs help with meals and medication"),
                      hint: "Optional"),
            FormField(label: "Staff PIN", field: TextField(value: "4826", maxLength: 6, masked: true)),
        ])
        _ = form.focusNext()
        for c in "31-12-1950" { _ = form.handle(.character(c)) }
        _ = form.focusNext()  // leaves Date of birth with a wrong date
        _ = form.focusPrevious()
        form.render(in: parts[2].inset(left: 1), into: &buffer, theme: theme)
        StatusLine(message: form.focusedError ?? "", kind: .error).render(in: parts[3], into: &buffer, theme: theme)
        KeyBar(items: [(key: "Tab", label: "Next"), (key: "F2", label: "Save"), (key: "Esc", label: "Cancel")]).render(
            in: parts[4], into: &buffer, theme: theme)
        #expect(form.values[1] == "31-12-1950")
        check(buffer, "form-error-\(size)")
    }

    @Test(arguments: sizes) func dialogOverTable(size: Size) {
        var buffer = Self.tableScreen(size, selected: 30)
        ConfirmDialog(title: "Close this plan?",
                      message: "Closing the support plan for Siobhán Ó Briain stops reminders for reviews. You can reopen it later from Plans.",
                      yesLabel: "Close plan", noLabel: "Keep open", defaultAnswer: false)
            .render(in: buffer.area, into: &buffer, theme: .monochrome)
        check(buffer, "dialog-over-table-\(size)")
    }

    @Test func emptyTable() {
        var buffer = Buffer(size: Size(width: 80, height: 6))
        Self.table.render(TableRows([]), state: TableState(), in: buffer.area, into: &buffer, theme: .monochrome)
        check(buffer, "table-empty-80x6")
    }
}

private func format4(_ n: Int) -> String { "R" + String(n) }
private func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
