import Testing
@testable import TUI

func referralForm() -> Form {
    Form(fields: [
        FormField(label: "Name", validator: Validators.required("Enter the person's name")),
        FormField(label: "Date of birth", field: TextField(placeholder: "DD/MM/YYYY"), hint: "For example, 27/03/1950",
                  validator: { value in
                      value.split(separator: "/").count == 3 ? nil : "Enter the date as day, month and year"
                  }),
        FormField(label: "Notes", field: TextField(value: "Prefers Welsh")),
    ])
}

@Suite struct FormTests {
    func type(_ text: String, into form: inout Form) {
        for c in text { _ = form.handle(.character(c)) }
    }

    @Test func validatesTheFieldBeingLeft() {
        var form = referralForm()
        #expect(form.fields[0].error == nil)  // nothing shown before the user has been there
        do { let used = form.focusNext(); #expect(used == false) }
        #expect(form.focus == 1)
        #expect(form.fields[0].error == "Enter the person's name")
        #expect(form.fields[1].error == nil)  // not yet left
        type("1950", into: &form)
        do { let used = form.handle(.tab); #expect(used) }
        #expect(form.fields[1].error == "Enter the date as day, month and year")
        #expect(form.focus == 2)
        do { let used = form.focusPrevious(); #expect(used) }  // Notes has no check
        #expect(form.focus == 1)
        #expect(form.focusedError == "Date of birth: Enter the date as day, month and year")
    }

    @Test func valuesAreKeptWhenRefused() {
        var form = referralForm()
        type("Siobhán", into: &form)
        _ = form.focusNext()
        type("31-12-1950", into: &form)
        do { let used = form.validateAll(); #expect(used == false) }
        #expect(form.focus == 1)
        #expect(form.values == ["Siobhán", "31-12-1950", "Prefers Welsh"])
        #expect(form.fields[1].field.cursor == 10)
    }

    @Test func errorClearsOnceCorrected() {
        var form = referralForm()
        _ = form.focusNext()
        _ = form.focusPrevious()
        #expect(form.fields[0].error != nil)
        type("Ann", into: &form)
        #expect(form.fields[0].error == nil)
        #expect(form.focusedError == nil)
    }

    @Test func validateAllMovesFocusToFirstProblem() {
        var form = referralForm()
        _ = form.focusNext()
        _ = form.focusNext()
        #expect(form.focus == 2)
        do { let used = form.validateAll(); #expect(!used) }
        #expect(form.focus == 0)
        type("Ann", into: &form)
        _ = form.focusNext()
        type("01/02/1950", into: &form)
        do { let used = form.validateAll(); #expect(used) }
        #expect(form.isValid)
    }

    @Test func unsavedInputComparesWithStartingValues() {
        var form = referralForm()
        #expect(!form.hasUnsavedInput)
        type("A", into: &form)
        #expect(form.hasUnsavedInput)
        _ = form.handle(.backspace)
        #expect(!form.hasUnsavedInput)
        _ = form.move(to: 2)
        _ = form.handle(.control("u"))
        #expect(form.hasUnsavedInput)
    }

    @Test func errorShownBesideFieldWithMarker() {
        var form = referralForm()
        _ = form.focusNext()
        var buffer = Buffer(size: Size(width: 80, height: 6))
        form.render(in: buffer.area, into: &buffer, theme: .monochrome)
        let row = buffer.line(0)
        #expect(row.hasPrefix("  Name"))
        // label 22 + field 30 + 2 spaces: the message starts at column 54.
        #expect(row.dropFirst(54).hasPrefix("! Enter the person's name"))
        #expect(buffer[54, 0].style == Theme.monochrome[.error])
        #expect(buffer.line(2).hasPrefix("> Date of birth"))
        #expect(buffer.line(2).dropFirst(54).hasPrefix("For example, 27/03/1950"))
        #expect(buffer.line(4).dropFirst(22).hasPrefix("Prefers Welsh"))
        #expect(buffer.cursor == Point(x: 22, y: 2))
    }

    @Test func longErrorIsCutBesideTheFieldButFullInTheStatus() {
        var form = Form(fields: [FormField(label: "Postcode", validator: { _ in
            "Enter a postcode in England, for example LS1 4AP, without extra words"
        })])
        _ = form.focusNext()  // only one field: validates it and stays
        var buffer = Buffer(size: Size(width: 80, height: 1))
        form.render(in: buffer.area, into: &buffer, theme: .monochrome)
        #expect(buffer.line(0).hasSuffix("…"))
        #expect(TextWidth.of(buffer.line(0)) == 80)
        #expect(form.focusedError == "Postcode: Enter a postcode in England, for example LS1 4AP, without extra words")
    }

    @Test func clickSelectsField() {
        let form = referralForm()
        let rect = Rect(x: 0, y: 3, width: 80, height: 10)
        #expect(form.fieldIndex(atScreenRow: 3, in: rect) == 0)
        #expect(form.fieldIndex(atScreenRow: 4, in: rect) == nil)
        #expect(form.fieldIndex(atScreenRow: 7, in: rect) == 2)
        #expect(form.fieldIndex(atScreenRow: 9, in: rect) == nil)
    }
}
