import Foundation
import TUI
#if canImport(Glibc)
import Glibc
#endif

/// Clocks, statistics, memory and child processes for the bench.
enum Bench {
    /// Monotonic nanoseconds, the same clock in every process on the machine (CLOCK_MONOTONIC).
    static func nanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Milliseconds taken by `body`, and its result.
    static func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = nanoseconds()
        let result = try body()
        return (result, Double(nanoseconds() - start) / 1_000_000)
    }

    /// Peak resident memory of this process so far, in KiB (getrusage ru_maxrss).
    static func peakKiB() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss)
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Nearest-rank percentile (p in 0...100).
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count - 1, max(0, rank - 1))]
    }

    /// The path of this executable.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    struct ChildResult {
        var status: Int32
        var output: String
        var error: String
        /// Peak resident memory of the child, in KiB (from wait4).
        var peakKiB: Int
    }

    /// Runs a program with `posix_spawn` (no shell), standard input from `input` (a file) or
    /// /dev/null, standard output captured unless `discardOutput`, standard error captured.
    static func run(_ program: String, _ arguments: [String], input: String? = nil, discardOutput: Bool = false,
                    environment: [String: String]? = nil) -> ChildResult {
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        _ = pipe(&outPipe)
        _ = pipe(&errPipe)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        if discardOutput {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        }
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let env = environment ?? ProcessInfo.processInfo.environment
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            return ChildResult(status: -1, output: "", error: "could not start \(program): \(String(cString: strerror(spawned)))", peakKiB: 0)
        }
        // Read both pipes on their own threads so neither fills up and blocks the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let errFD = errPipe[0]
        let errThread = Thread { errBox.data = FileHandle(fileDescriptor: errFD, closeOnDealloc: true).readDataToEndOfFile() }
        errThread.start()
        let outData = FileHandle(fileDescriptor: outPipe[0], closeOnDealloc: true).readDataToEndOfFile()
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        while !errThread.isFinished { usleep(1000) }
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ChildResult(status: code, output: String(decoding: outData, as: UTF8.self),
                           error: String(decoding: errBox.data, as: UTF8.self), peakKiB: Int(usage.ru_maxrss))
    }

    /// Writes a JSON value on standard output (a child's report to the parent).
    static func report<T: Encodable>(_ value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        if let data = try? encoder.encode(value) {
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
    }

    /// Reads a child's report: the last line of its output that is JSON.
    static func decode<T: Decodable>(_ type: T.Type, from output: String) -> T? {
        for line in output.split(separator: "\n").reversed() where line.hasPrefix("{") {
            if let value = try? JSONDecoder().decode(type, from: Data(line.utf8)) { return value }
        }
        return nil
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("recoverydesk-bench: \(message)\n".utf8))
        exit(1)
    }
}

/// A terminal that keeps only the frame on screen, as a real one does (`TestTerminal` keeps every
/// frame it is given, which would count hundreds of frames in the peak memory).
final class FrameSink: Terminal {
    let size: Size
    private(set) var last: Buffer?
    private(set) var presented = 0

    init(size: Size) { self.size = size }

    func readEvent(timeoutMilliseconds: Int) -> Event? { nil }

    func present(_ buffer: Buffer) {
        last = buffer
        presented += 1
    }

    func invalidate() {}

    var screenText: String { last?.text ?? "" }
}
