import Testing
@testable import TUI

/// A form with a short pick list (fits beside), a long one (opens as a list) and a text field.
func checkForm() -> Form {
    Form(fields: [
        .pick("round", label: "Round", choices: ["morning", "lunchtime", "teatime", "bedtime"], selected: "teatime"),
        .pick("follow-up", label: "Follow-up",
              choices: ["none", "supervised practice", "strengthen oversight", "stop administering", "retrain",
                        "reassess", "refer to HR", "other", "supervision", "sign off"].map { Choice($0) }),
        FormField("note", label: "Note", field: TextField(value: "all fine")),
    ], labelWidth: 16, fieldWidth: 16, rowSpacing: 0)
}

@Suite struct PickListTests {
    let t0 = ContinuousClock.now
    func at(_ ms: Int) -> ContinuousClock.Instant { t0.advanced(by: .milliseconds(ms)) }

    @Test func fieldsAreReadAndWrittenByName() {
        var form = checkForm()
        #expect(form["round"] == "teatime")
        #expect(form.value(of: "note") == "all fine")
        #expect(form.selectedIndex(of: "round") == 2)
        #expect(form.selectedIndex(of: "note") == nil)
        form["round"] = "Morning"  // ignoring case
        #expect(form["round"] == "morning")
        form["round"] = "visit"  // not offered: unchanged
        #expect(form["round"] == "morning")
        form["note"] = "two refusals"
        #expect(form["note"] == "two refusals")
        #expect(form[field: "note"].field.cursor == 12)
        #expect(form.index(of: "missing") == nil)
        #expect(!form.contains("missing"))
        #expect(form.valuesByName["follow-up"] == "none")
    }

    @Test func unknownNameIsAProgrammerError() async {
        await #expect(processExitsWith: .failure) {
            let form = checkForm()
            _ = form["no-such-field"]
        }
    }

    @Test func legacyFieldsAreNamedByTheirLabel() {
        let form = Form(fields: [FormField(label: "Name"), .pick("Escalate?", choices: ["no", "yes"])])
        #expect(form["Name"] == "")
        #expect(form["Escalate?"] == "no")
    }

    @Test func prefillIsNotUnsavedInput() {
        var form = checkForm()
        form.prefill("note", with: "from the store")
        form.prefill("round", with: "bedtime")
        #expect(form["note"] == "from the store")
        #expect(form["round"] == "bedtime")
        #expect(!form.hasUnsavedInput)
        _ = form.handle(.up)
        #expect(form["round"] == "teatime")
        #expect(form.hasUnsavedInput)
    }

    @Test func upAndDownChooseWithinAPickListAndMoveOnATextField() {
        var form = checkForm()
        #expect(form.claims(.down))
        _ = form.handle(.down, at: at(0))
        #expect(form["round"] == "bedtime")
        #expect(form.focus == 0)
        _ = form.handle(.down, at: at(0))  // stops at the end
        #expect(form["round"] == "bedtime")
        _ = form.handle(.up, at: at(0))
        #expect(form["round"] == "teatime")
        _ = form.handle(.right, at: at(0))
        _ = form.handle(.right, at: at(0))  // Right wraps round
        #expect(form["round"] == "morning")
        _ = form.handle(.end, at: at(0))
        #expect(form["round"] == "bedtime")
        _ = form.handle(.tab, at: at(0))
        _ = form.handle(.tab, at: at(0))
        #expect(form.focusedName == "note")
        #expect(!form.claims(.down))
        _ = form.handle(.up, at: at(0))  // a text field: Up moves to the field before
        #expect(form.focusedName == "follow-up")
        #expect(form["follow-up"] == "none")
    }

    @Test func typedPrefixNarrows() {
        var form = checkForm()
        _ = form.move(to: "follow-up")
        _ = form.handle(.character("s"), at: at(0))
        #expect(form["follow-up"] == "supervised practice")
        _ = form.handle(.character("t"), at: at(100))
        #expect(form["follow-up"] == "strengthen oversight")
        _ = form.handle(.character("o"), at: at(200))
        #expect(form["follow-up"] == "stop administering")
        _ = form.handle(.character("x"), at: at(300))  // matches nothing: ignored
        #expect(form["follow-up"] == "stop administering")
        _ = form.handle(.character("r"), at: at(400))  // "str"? no: the prefix is "sto", so "stor" matches nothing
        #expect(form["follow-up"] == "stop administering")
        _ = form.handle(.character("r"), at: at(2000))  // after a pause: a new prefix
        #expect(form["follow-up"] == "retrain")
        _ = form.handle(.character("e"), at: at(2100))
        _ = form.handle(.character("f"), at: at(2200))
        #expect(form["follow-up"] == "refer to HR")
    }

    @Test func prefixStartsAfreshOnMoving() {
        var form = checkForm()
        _ = form.move(to: "follow-up")
        _ = form.handle(.character("s"), at: at(0))
        _ = form.handle(.down, at: at(10))  // moving resets the prefix
        _ = form.handle(.character("r"), at: at(20))
        #expect(form["follow-up"] == "retrain")
    }

    @Test func sameLetterAgainStepsThroughThoseStartingWithIt() {
        var form = checkForm()
        _ = form.move(to: "follow-up")
        for (step, expected) in ["supervised practice", "strengthen oversight", "stop administering", "supervision",
                                 "sign off", "supervised practice"].enumerated() {
            _ = form.handle(.character("s"), at: at(step * 100))
            #expect(form["follow-up"] == expected)
        }
    }

    @Test func spaceJoinsAPrefixWhenItMatches() {
        var form = checkForm()
        _ = form.move(to: "follow-up")
        for (offset, c) in "sign".enumerated() { _ = form.handle(.character(c), at: at(offset * 50)) }
        #expect(form["follow-up"] == "sign off")
        _ = form.handle(.character(" "), at: at(300))  // "sign " still matches: part of the prefix
        #expect(form.openList == nil)
        _ = form.handle(.character("o"), at: at(350))
        #expect(form["follow-up"] == "sign off")
        _ = form.handle(.character(" "), at: at(2000))  // after a pause Space opens the list
        #expect(form.openList != nil)
    }

    @Test func shortListShowsItsChoicesBesideAndSpaceStepsOn() {
        var form = checkForm()
        #expect(form.choicesFitBeside(0))
        #expect(!form.choicesFitBeside(1))
        #expect(!form.choicesFitBeside(2))
        #expect(!form.claims(.enter))
        do { let result = form.handle(.enter); #expect(result == false) }  // left to the screen: next field or save
        _ = form.handle(.character(" "))
        #expect(form["round"] == "bedtime")
        var buffer = Buffer(size: Size(width: 80, height: 3))
        form.render(in: buffer.area, into: &buffer, theme: .monochrome)
        #expect(buffer.line(0).hasPrefix("> Round"))
        #expect(buffer.line(0).dropFirst(16).hasPrefix("‹ bedtime      ›  morning · lunchtime · teatime · [bedtime]"))
        #expect(buffer.line(1).dropFirst(16).hasPrefix("‹ none         ›"))
        #expect(buffer.cursor == nil)
    }

    @Test func longListOpensOverTheFormAndEnterTakes() {
        var form = checkForm()
        _ = form.move(to: "follow-up")
        #expect(form.claims(.enter))
        _ = form.handle(.enter, at: at(0))
        #expect(form.openList?.highlighted == 0)
        #expect(form.claims(.tab))  // the open list keeps every key
        _ = form.handle(.tab, at: at(0))
        #expect(form.focusedName == "follow-up")
        _ = form.handle(.down, at: at(0))
        _ = form.handle(.down, at: at(0))
        #expect(form["follow-up"] == "none")  // nothing changes until Enter
        _ = form.handle(.character("r"), at: at(100))
        _ = form.handle(.character("e"), at: at(200))
        _ = form.handle(.character("a"), at: at(300))
        #expect(form.openList?.highlighted == 5)
        _ = form.handle(.enter, at: at(400))
        #expect(form.openList == nil)
        #expect(form["follow-up"] == "reassess")
    }

    @Test func escapeLeavesTheValueUnchanged() {
        var form = checkForm()
        _ = form.move(to: "follow-up")
        _ = form.handle(.character(" "))
        #expect(form.openList != nil)
        _ = form.handle(.end)
        _ = form.handle(.escape)
        #expect(form.openList == nil)
        #expect(form["follow-up"] == "none")
        #expect(!form.hasUnsavedInput)
    }

    @Test func openListScrollsToKeepTheHighlightInView() {
        var form = checkForm()
        form.listRows = 4
        _ = form.move(to: "follow-up")
        form.open()
        for _ in 0..<6 { _ = form.handle(.down) }
        #expect(form.openList?.highlighted == 6)
        #expect(form.openList?.top == 3)
        _ = form.handle(.up)
        _ = form.handle(.up)
        #expect(form.openList?.top == 3)  // moves only as far as needed
        _ = form.handle(.up)
        #expect(form.openList?.top == 3)
        _ = form.handle(.up)
        #expect(form.openList?.top == 2)
        _ = form.handle(.pageDown)
        _ = form.handle(.pageDown)
        _ = form.handle(.pageDown)
        #expect(form.openList?.highlighted == 9)
        #expect(form.openList?.top == 6)
    }

    @Test func nothingOutsideTheListCanBeTheValue() {
        var field = FormField.pick("severity", label: "Severity", choices: ["low", "moderate", "high"], selected: "urgent")
        #expect(field.value == "low")
        do { let taken = field.select("urgent"); #expect(!taken) }
        #expect(field.value == "low")
        field.choices = ["moderate", "high"]  // the choice is no longer offered: the first is taken
        #expect(field.value == "moderate")
        field.setChoices(["low", "moderate", "high"])
        #expect(field.value == "moderate")  // kept while offered
        var form = Form(fields: [field, .pick("staff", label: "Staff member", choices: [Choice]())])
        for c in "zzz" { _ = form.handle(.character(c)) }
        #expect(form["severity"] == "moderate")
        #expect(form["staff"] == "")
        do { let result = form.validateAll(); #expect(!result) }
        #expect(form.fields[1].error == "There is nothing to choose from")
        #expect(form.focus == 1)
    }

    @Test func textFieldsKeepTheirBehaviour() {
        var form = checkForm()
        _ = form.move(to: "note")
        do { let result = form.handle(.character(" ")); #expect(result) }
        #expect(form["note"] == "all fine ")
        do { let result = form.handle(.enter); #expect(result == false) }
        do { let result = form.handle(.left); #expect(result) }
        #expect(form[field: "note"].field.cursor == 8)
    }
}
