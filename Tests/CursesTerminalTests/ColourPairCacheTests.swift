import Testing
import TUI
@testable import CursesTerminal

@Suite struct ColourPairCacheTests {
    /// Records init_pair calls instead of making them.
    final class Recorder {
        var calls: [[Int16]] = []
        var refuse = false
        func call(_ pair: Int16, _ fg: Int16, _ bg: Int16) -> Bool {
            calls.append([pair, fg, bg])
            return !refuse
        }
    }

    @Test func allocatesOnFirstUseAndReuses() {
        var cache = ColourPairCache(colourCount: 256, pairCount: 256, defaultColoursAllowed: true)
        let r = Recorder()
        #expect(cache.pair(foreground: .indexed(1), background: .terminalDefault, initPair: r.call) == 1)
        #expect(cache.pair(foreground: .indexed(2), background: .indexed(0), initPair: r.call) == 2)
        #expect(cache.pair(foreground: .indexed(1), background: .terminalDefault, initPair: r.call) == 1)
        #expect(r.calls == [[1, 1, -1], [2, 2, 0]])
        #expect(cache.allocatedCount == 2)
    }

    @Test func defaultColoursArePairZero() {
        var cache = ColourPairCache(colourCount: 256, pairCount: 256, defaultColoursAllowed: true)
        let r = Recorder()
        #expect(cache.pair(foreground: .terminalDefault, background: .terminalDefault, initPair: r.call) == 0)
        #expect(r.calls.isEmpty)
    }

    @Test func withoutDefaultColoursWhiteOnBlackStandsIn() {
        var cache = ColourPairCache(colourCount: 8, pairCount: 64, defaultColoursAllowed: false)
        let r = Recorder()
        #expect(cache.pair(foreground: .indexed(1), background: .terminalDefault, initPair: r.call) == 1)
        #expect(cache.pair(foreground: .terminalDefault, background: .indexed(4), initPair: r.call) == 2)
        #expect(r.calls == [[1, 1, 0], [2, 7, 4]])
    }

    @Test func coloursAreLimitedToThePalette() {
        var cache = ColourPairCache(colourCount: 8, pairCount: 64, defaultColoursAllowed: true)
        let r = Recorder()
        // 196 is the cube's pure red; 9 is bright red: both become red (1) on an 8-colour terminal
        // and so share one pair.
        #expect(cache.pair(foreground: .indexed(196), background: .terminalDefault, initPair: r.call) == 1)
        #expect(cache.pair(foreground: .indexed(9), background: .terminalDefault, initPair: r.call) == 1)
        #expect(r.calls == [[1, 1, -1]])
    }

    @Test func noColourMeansPairZero() {
        var cache = ColourPairCache(colourCount: 0, pairCount: 0, defaultColoursAllowed: false)
        let r = Recorder()
        #expect(cache.pair(foreground: .indexed(1), background: .indexed(2), initPair: r.call) == 0)
        #expect(r.calls.isEmpty)
    }

    @Test func fullCacheFallsBackToPairZero() {
        var cache = ColourPairCache(colourCount: 8, pairCount: 3, defaultColoursAllowed: true)
        let r = Recorder()
        #expect(cache.pair(foreground: .indexed(1), background: .indexed(0), initPair: r.call) == 1)
        #expect(cache.pair(foreground: .indexed(2), background: .indexed(0), initPair: r.call) == 2)
        #expect(cache.pair(foreground: .indexed(3), background: .indexed(0), initPair: r.call) == 0)
        #expect(cache.pair(foreground: .indexed(1), background: .indexed(0), initPair: r.call) == 1)
        #expect(r.calls.count == 2)
    }

    @Test func refusedPairIsNotKept() {
        var cache = ColourPairCache(colourCount: 8, pairCount: 16, defaultColoursAllowed: true)
        let r = Recorder()
        r.refuse = true
        #expect(cache.pair(foreground: .indexed(1), background: .indexed(0), initPair: r.call) == 0)
        r.refuse = false
        #expect(cache.pair(foreground: .indexed(1), background: .indexed(0), initPair: r.call) == 1)
        #expect(r.calls == [[1, 1, 0], [1, 1, 0]])
    }

    @Test func pairNumbersFitInAShort() {
        let cache = ColourPairCache(colourCount: 256, pairCount: 65536, defaultColoursAllowed: true)
        #expect(cache.pairCount == 32768)
    }
}

@Suite struct AttributeBitsTests {
    @Test func eachAttributeMapsToItsBit() {
        let bits = CursesAttributeBits(bold: 1, dim: 2, underline: 4, reverse: 8, italic: 16)
        #expect(bits.value(for: []) == 0)
        #expect(bits.value(for: .bold) == 1)
        #expect(bits.value(for: [.underline, .reverse]) == 12)
        #expect(bits.value(for: [.bold, .dim, .underline, .reverse, .italic]) == 31)
    }

    @Test func realBitsAreDistinct() {
        let b = CursesAttributeBits.ncurses
        let all = [b.bold, b.dim, b.underline, b.reverse, b.italic]
        #expect(Set(all).count == 5)
        #expect(all.allSatisfy { $0 != 0 })
    }
}
