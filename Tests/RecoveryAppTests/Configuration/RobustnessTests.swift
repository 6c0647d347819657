import Foundation
import RecoveryApp
import Testing

/// Feeds thousands of broken files to both readers. Each must either read the file or throw a
/// `ConfigurationError` (typed throws guarantee nothing else escapes); none may crash or hang.
/// The work runs on a thread with a small stack, so deep nesting would show up here.
@Suite("Robustness")
struct RobustnessTests {
    typealias Support = ConfigurationTestSupport

    /// A small fixed-seed generator, so failures repeat.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func corpus() throws -> [Data] {
        var random = SplitMix(state: 20_260_101)
        let valid = try Support.builtinNames.map { try Data(Support.builtinText($0).utf8) }
            + [Data(ConfigurationFileTests.sample.utf8),
               Data(ConfigurationFile.render(ConfigurationFileTests.roundTrips.last!).utf8)]
        var inputs: [Data] = []

        // Random bytes, and random bytes drawn from characters that matter to YAML.
        let yamlish = Array("[]{}:-?,#&*!|>'\"%@` \t\n\r\0abc019".utf8)
        for _ in 0..<800 {
            let length = Int.random(in: 0...200, using: &random)
            inputs.append(Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }))
            inputs.append(Data((0..<length).map { _ in yamlish.randomElement(using: &random)! }))
        }
        // Every truncation of the valid files.
        for file in valid {
            for end in stride(from: 0, through: file.count, by: 2) { inputs.append(file.prefix(end)) }
        }
        // Byte-level mutations: replace, insert, delete, duplicate a stretch.
        for _ in 0..<2_500 {
            var bytes = [UInt8](valid.randomElement(using: &random)!)
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<max(1, bytes.count), using: &random)
                let byte = Bool.random(using: &random) ? yamlish.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0 where !bytes.isEmpty: bytes[at] = byte
                case 1: bytes.insert(byte, at: min(at, bytes.count))
                case 2 where !bytes.isEmpty: bytes.remove(at: at)
                default:
                    let end = min(bytes.count, at + Int.random(in: 1...40, using: &random))
                    bytes.insert(contentsOf: bytes[min(at, end)..<end], at: min(at, bytes.count))
                }
            }
            inputs.append(Data(bytes))
        }
        // Hand-made nasties.
        let nasty: [String] = [
            String(repeating: "[", count: 10_000),
            String(repeating: "{", count: 10_000),
            "roles: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
            String(repeating: "- ", count: 10_000) + "x",
            // Just inside the nesting limit: must be read (or refused) without trouble.
            "roles: " + String(repeating: "[", count: 90) + String(repeating: "]", count: 90),
            "keys: " + String(repeating: "{a: ", count: 90) + String(repeating: "}", count: 90),
            String(repeating: "- ", count: 45) + "x",
            (0..<46).map { String(repeating: " ", count: $0) + "a\($0):" }.joined(separator: "\n"),
            String(repeating: "? ", count: 10_000) + "x",
            (0..<2_000).map { String(repeating: " ", count: $0) + "a\($0):" }.joined(separator: "\n"),
            (0..<2_000).map { String(repeating: " ", count: $0) + "a\($0):" }.joined(separator: "\r"),
            (0..<500).map { String(repeating: " ", count: $0) + "-" }.joined(separator: "\u{2028}"),
            "name: x\nroles:\n\tnormal: {}\n",
            "\t\t\t",
            "name: \0\nroles:\n  normal: {}\n",
            String(repeating: "\0", count: 100),
            "idle-lock-minutes: " + String(repeating: "9", count: 5_000),
            "idle-lock-minutes: 1e400\nmouse: 0x1F\n",
            "roles:\n  normal: { fg: " + String(repeating: "9", count: 1_000) + " }\n",
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
            "a: &a [x, x]\n? [*a, *a]\n: 1\n? [*a, *a, *a]\n: 2\n",
            "a: &a [b, *a]\n",
            "roles: *undefined\n",
            "roles: &r\n  normal: {}\n  muted: *r\n",
            "keys: &k\n  plans: *k\n",
            "---\n...\n---\n",
            "%YAML 1.2\n---\nname: x\n",
            "!!binary aGVsbG8=",
            "roles: !!map\n  normal: !!str {}\n",
            "\u{FEFF}name: x\nroles:\n  normal: {}\n",
            "name: x\r\nroles:\r\n  normal: {}\r\n",
            "? [a, b]\n: c\n",
            "keys:\n  ? [a]\n  : F3\n",
            "theme: |\n  multi\n  line\n",
            "keys:\n  plans: \"\\uD800\"\n",
            "keys:\n  plans: [\"\\u0000\"]\n",
            String(repeating: "x", count: 70_000),
            String(repeating: "#", count: 60_000),
        ]
        inputs += nasty.map { Data($0.utf8) }
        inputs.append(Data([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x90, 0x28, 0xBC]))
        inputs.append(Data([0xFE, 0xFF, 0x00, 0x6E, 0x00, 0x61]))
        return inputs
    }

    final class Outcome: @unchecked Sendable {
        var parsed = 0
        var refused = 0
        var badErrors: [String] = []
        var failure: String?
    }

    @Test func neitherReaderCrashesOnMalformedInput() throws {
        let inputs = try Self.corpus()
        #expect(inputs.count > 5_000)
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            defer { finished.signal() }
            for data in inputs {
                for reader in 0..<4 {
                    do throws(ConfigurationError) {
                        switch reader {
                        case 0: _ = try ThemeFile.parse(data, file: "t.yaml")
                        case 1: _ = try ConfigurationFile.parse(data, file: "c.yaml")
                        case 2: _ = try ThemeFile.parse(String(decoding: data, as: UTF8.self), file: "t.yaml")
                        default: _ = try ConfigurationFile.parse(String(decoding: data, as: UTF8.self), file: "c.yaml")
                        }
                        outcome.parsed += 1
                    } catch {
                        outcome.refused += 1
                        if error.problem.isEmpty || (error.line ?? 1) < 1 {
                            outcome.badErrors.append(error.description)
                        }
                    }
                }
            }
        }
        thread.stackSize = 512 * 1024
        thread.start()
        finished.wait()
        #expect(outcome.badErrors.isEmpty, "\(outcome.badErrors.prefix(5))")
        #expect(outcome.refused > 0)
        #expect(outcome.parsed > 0)
    }

    @Test func deepNestingIsRefusedInPlainWords() {
        let error = Support.error { () throws(ConfigurationError) in
            try ThemeFile.parse(String(repeating: "[", count: 10_000), file: "t.yaml")
        }
        #expect(error?.problem.contains("nested too deeply") == true)
        #expect(error?.line == 1)
    }

    @Test func manyRepeatsAreRefused() {
        var text = "roles:\n  normal: &n {}\n"
        for role in ["muted", "selected", "header", "title", "border", "status", "input", "focus", "error", "warning",
                     "ok", "red", "amber", "green", "key-bar", "key-bar-key"] {
            text += "  \(role): *n\n"
        }
        #expect((try? ThemeFile.parse(text, file: "t.yaml")) != nil, "16 repeats are fine")
        let big = "a: &a [x]\n" + (0..<30).map { "b\($0): *a" }.joined(separator: "\n")
        let error = Support.error { () throws(ConfigurationError) in try ConfigurationFile.parse(big, file: "c") }
        #expect(error?.problem.contains("repeats") == true)
    }
}
