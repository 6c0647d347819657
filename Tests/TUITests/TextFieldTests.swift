import Testing
@testable import TUI

@Suite struct TextFieldTests {
    func typed(_ text: String, into field: inout TextField) {
        for c in text { _ = field.handle(.character(c)) }
    }

    @Test func typingAndEditing() {
        var field = TextField()
        typed("Sion", into: &field)
        #expect(field.value == "Sion" && field.cursor == 4)
        do { let used = field.handle(.left); #expect(used) }
        do { let used = field.handle(.left); #expect(used) }
        typed("ob", into: &field)
        #expect(field.value == "Siobon")
        do { let used = field.handle(.backspace); #expect(used) }
        #expect(field.value == "Sioon" && field.cursor == 3)
        do { let used = field.handle(.delete); #expect(used) }
        #expect(field.value == "Sion" && field.cursor == 3)
        do { let used = field.handle(.home); #expect(used) }
        do { let used = field.handle(.delete); #expect(used) }
        #expect(field.value == "ion" && field.cursor == 0)
        do { let used = field.handle(.backspace); #expect(used) }  // nothing before the cursor: no change, key still used
        #expect(field.value == "ion")
        do { let used = field.handle(.end); #expect(used) }
        #expect(field.cursor == 3)
        do { let used = field.handle(.right); #expect(used) }
        #expect(field.cursor == 3)
        do { let used = field.handle(.control("u")); #expect(used) }
        #expect(field.value == "" && field.cursor == 0)
    }

    @Test func cursorMovesByGrapheme() {
        var field = TextField(value: "Zoe\u{0308}王")
        #expect(field.cursor == 4)
        _ = field.handle(.backspace)
        #expect(field.value == "Zoe\u{0308}")
        _ = field.handle(.backspace)
        #expect(field.value == "Zo")
        #expect(field.value.unicodeScalars.count == 2)
    }

    @Test func keysItDoesNotUseAreLeftForTheCaller() {
        var field = TextField(value: "abc")
        do { let used = field.handle(.enter); #expect(!used) }
        do { let used = field.handle(.tab); #expect(!used) }
        do { let used = field.handle(.up); #expect(!used) }
        do { let used = field.handle(.function(2)); #expect(!used) }
        do { let used = field.handle(.escape); #expect(!used) }
        #expect(field.value == "abc")
    }

    @Test func maxLengthStopsTyping() {
        var field = TextField(maxLength: 4)
        typed("123456", into: &field)
        #expect(field.value == "1234")
        field.insert("99")
        #expect(field.value == "1234")
        #expect(TextField(value: "toolong", maxLength: 3).value == "too")
    }

    @Test func maskedFieldShowsDots() {
        var field = TextField(masked: true)
        typed("2468", into: &field)
        var buffer = Buffer(size: Size(width: 10, height: 1))
        field.render(in: Rect(x: 0, y: 0, width: 10, height: 1), into: &buffer, theme: .monochrome, focused: true)
        #expect(buffer.text == "••••")
        #expect(!buffer.text.contains("2"))
        #expect(field.value == "2468")
    }

    @Test func scrollsToKeepTheCursorVisible() {
        var field = TextField(value: "abcdefghijklmnop")  // 16 columns in a field of 6
        var buffer = Buffer(size: Size(width: 10, height: 1))
        let rect = Rect(x: 2, y: 0, width: 6, height: 1)
        field.render(in: rect, into: &buffer, theme: .monochrome, focused: true)
        // The cursor is after "p", in the last column; the last five letters show.
        #expect(buffer.text == "  lmnop")
        #expect(buffer.cursor == Point(x: 7, y: 0))
        field.scrollToCursor(width: 6)
        for _ in 0..<3 { _ = field.handle(.left) }
        field.scrollToCursor(width: 6)
        buffer = Buffer(size: Size(width: 10, height: 1))
        field.render(in: rect, into: &buffer, theme: .monochrome, focused: true)
        #expect(buffer.text == "  lmnop")  // the view stays put while the cursor is in it
        #expect(buffer.cursor == Point(x: 4, y: 0))
        _ = field.handle(.home)
        field.scrollToCursor(width: 6)
        buffer = Buffer(size: Size(width: 10, height: 1))
        field.render(in: rect, into: &buffer, theme: .monochrome, focused: true)
        #expect(buffer.text == "  abcdef")
        #expect(buffer.cursor == Point(x: 2, y: 0))
    }

    @Test func scrollingCountsWideCharacters() {
        let field = TextField(value: "王小明王小明")  // 12 columns, cursor at the end
        var buffer = Buffer(size: Size(width: 7, height: 1))
        field.render(in: Rect(x: 0, y: 0, width: 7, height: 1), into: &buffer, theme: .monochrome, focused: true)
        #expect(buffer.text == "王小明")
        #expect(buffer.cursor == Point(x: 6, y: 0))
    }

    @Test func rolesAndCursorDependOnFocus() {
        let field = TextField(value: "hi")
        var buffer = Buffer(size: Size(width: 5, height: 1))
        let rect = Rect(x: 0, y: 0, width: 5, height: 1)
        field.render(in: rect, into: &buffer, theme: .monochrome, focused: false)
        #expect(buffer.cursor == nil)
        #expect((0..<5).allSatisfy { buffer[$0, 0].style == Theme.monochrome[.input] })
        field.render(in: rect, into: &buffer, theme: .monochrome, focused: true)
        #expect(buffer.cursor == Point(x: 2, y: 0))
        #expect((0..<5).allSatisfy { buffer[$0, 0].style == Theme.monochrome[.focus] })
    }
}

@Suite struct TextFieldDisplayTests {
    @Test func unfocusedLongTextShowsItsStart() {
        let field = TextField(value: "Discharged from hospital on Friday")
        var buffer = Buffer(size: Size(width: 12, height: 1))
        field.render(in: buffer.area, into: &buffer, theme: .monochrome, focused: false)
        #expect(buffer.text == "Discharged …")
    }

    @Test func placeholderShowsOnlyWhenEmptyAndNotFocused() {
        let field = TextField(placeholder: "DD/MM/YYYY")
        var buffer = Buffer(size: Size(width: 12, height: 1))
        field.render(in: buffer.area, into: &buffer, theme: .monochrome, focused: false)
        #expect(buffer.text == "DD/MM/YYYY")
        buffer = Buffer(size: Size(width: 12, height: 1))
        field.render(in: buffer.area, into: &buffer, theme: .monochrome, focused: true)
        #expect(buffer.text == "")
        #expect(buffer.cursor == Point(x: 0, y: 0))
    }
}
