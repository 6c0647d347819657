import Testing
@Test func storePlaceholder() { #expect(Bool(true)) }
