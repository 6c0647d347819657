import Testing
@testable import TUI

func findingPage(person: String = "", tag: Int? = nil) -> FormPage {
    FormPage("Finding", form: Form(fields: [
        .pick("type", label: "Finding", choices: ["missing signature", "wrong time", "other"].map { Choice($0) }),
        FormField("person", label: "Person", field: TextField(value: person), validator: Validators.required("Enter initials or a room")),
    ], labelWidth: 20, fieldWidth: 24, rowSpacing: 0), group: "finding", tag: tag)
}

func markForm() -> PagedForm {
    PagedForm(pages: [
        FormPage("The check", form: Form(fields: [
            .pick("round", label: "Round", choices: ["morning", "lunchtime", "teatime", "bedtime"].map { Choice($0) }),
            FormField("charts", label: "Charts checked", validator: Validators.required("Enter the number of charts")),
        ], labelWidth: 20, fieldWidth: 24, rowSpacing: 0)),
        FormPage("Why entered late", form: Form(fields: [FormField("late-reason", label: "Why late")])),
    ])
}

@Suite struct PagedFormTests {
    @Test func tabAndShiftTabCrossPages() {
        var paged = markForm()
        #expect(paged.indicator == "Page 1 of 2: The check")
        do { let result = paged.handle(.tab); #expect(result == .handled) }
        #expect(paged.current.focusedName == "charts")
        do { let result = paged.handle(.tab); #expect(result == .handled) }  // past the last field: the next page
        #expect(paged.page == 1)
        #expect(paged.pages[0].form.fields[1].error == "Enter the number of charts")  // the field left was checked
        do { let result = paged.handle(.backTab); #expect(result == .handled) }
        #expect(paged.page == 0)
        #expect(paged.current.focusedName == "charts")
        do { let result = paged.handle(.pageDown); #expect(result == .handled) }
        #expect(paged.page == 1)
        do { let result = paged.handle(.enter); #expect(result == .submit) }  // Enter on the very last field
        do { let result = paged.handle(.pageUp); #expect(result == .handled) }
        #expect(paged.page == 0)
        do { let result = paged.handle(.enter); #expect(result == .handled) }  // the round's choices do not fit beside it
        #expect(paged.current.openList != nil)
        _ = paged.handle(.escape)
        _ = paged.handle(.tab)
        do { let result = paged.handle(.enter); #expect(result == .handled) }  // elsewhere Enter moves on
        #expect(paged.page == 1)
    }

    @Test func pickListKeepsUpAndDown() {
        var paged = markForm()
        do { let result = paged.handle(.down); #expect(result == .handled) }
        #expect(paged["round"] == "lunchtime")
        #expect(paged.current.focusedName == "round")
        _ = paged.handle(.tab)
        do { let result = paged.handle(.down); #expect(result == .handled) }  // a text field: Down moves on, here to the next page
        #expect(paged.page == 1)
    }

    @Test func namesReachAcrossPages() {
        var paged = markForm()
        paged["late-reason"] = "Agency cover"
        #expect(paged["late-reason"] == "Agency cover")
        #expect(paged.value(of: "round") == "morning")
        #expect(paged.selectedIndex(of: "round") == 0)
        #expect(paged.location(of: "late-reason")! == (page: 1, field: 0))
        paged.move(to: "late-reason")
        #expect(paged.page == 1)
        #expect(paged.location(of: "person") == nil)  // only on group pages
    }

    @Test func repeatingGroupAddsAndRemovesPages() {
        var paged = markForm()
        #expect(!paged.hasUnsavedInput)
        paged.addPage(findingPage(person: "R12"))
        // Added after the last page (the group has none yet) and shown.
        #expect(paged.page == 2)
        #expect(paged.indicator == "Page 3 of 3: Finding 1 of 1")
        #expect(paged.hasUnsavedInput)
        paged.addPage(findingPage(person: "JB", tag: 7))
        #expect(paged.indicator == "Page 4 of 4: Finding 2 of 2")
        #expect(paged.forms(in: "finding").map { $0["person"] } == ["R12", "JB"])
        #expect(paged.pages(in: "finding").map(\.tag) == [nil, 7])
        do { let result = paged.removePage(at: 0); #expect(!result) }  // fixed pages stay
        do { let result = paged.removePage(at: 2); #expect(result) }
        #expect(paged.forms(in: "finding").map { $0["person"] } == ["JB"])
        #expect(paged.indicator == "Page 3 of 3: Finding 1 of 1")
        do { let result = paged.removePage(at: paged.page); #expect(result) }
        #expect(paged.page == 1)
        #expect(!paged.hasUnsavedInput)  // back as it started
    }

    @Test func addingKeepsTheGroupTogether() {
        var paged = PagedForm(pages: [markForm().pages[0], findingPage(person: "A"), FormPage("Reason", form: Form(fields: [
            FormField("reason", label: "Reason"),
        ]))])
        paged.addPage(findingPage(person: "B"), show: false)
        #expect(paged.pages.map(\.title) == ["The check", "Finding", "Finding", "Reason"])
        #expect(paged.page == 0)
        #expect(paged.title(of: 2) == "Finding 2 of 2")
    }

    @Test func validateAllShowsTheFirstPageAndFieldWithAProblem() {
        var paged = markForm()
        paged["charts"] = "12"
        paged.addPage(findingPage(person: "R12"))
        paged.addPage(findingPage())
        paged.go(toPage: 0)
        do { let result = paged.validateAll(); #expect(!result) }
        #expect(paged.page == 3)
        #expect(paged.current.focusedName == "person")
        #expect(paged.problems.map(\.page) == ["Finding 2 of 2"])
        #expect(paged.focusedError == "Person: Enter initials or a room")
        paged.current["person"] = "Room 4"
        do { let result = paged.validateAll(); #expect(result) }
    }

    @Test func drawsTheIndicatorAboveThePage() {
        var paged = markForm()
        paged.addPage(findingPage(person: "R12"))
        var buffer = Buffer(size: Size(width: 60, height: 6))
        let used = paged.render(in: buffer.area, into: &buffer, theme: .monochrome)
        #expect(used == 4)
        #expect(buffer.line(0).hasPrefix("Page 3 of 3: Finding 1 of 1"))
        #expect(buffer.line(2).hasPrefix("> Finding"))
        #expect(buffer.line(3).dropFirst(20).hasPrefix("R12"))
    }
}
