import Testing
@Test func libraryPlaceholder() { #expect(Bool(true)) }
