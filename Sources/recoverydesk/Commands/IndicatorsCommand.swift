import ArgumentParser
import CSV
import Foundation
import RecoveryApp
import RecoveryModel
import RecoveryServices
import RecoveryStore

/// `recoverydesk indicators`: every service's early-warning indicators, the same figures the
/// dashboard shows, as text, JSON or CSV. Reading needs no PIN.
struct IndicatorsCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "Show each service's early-warning indicators: value, red/amber/green and 12-week history.",
        discussion: """
        The provider's row comes first (figures added together; the worst service's state). Each \
        indicator's history is its value at the end of each of the last 12 weeks, oldest first. \
        What each indicator counts is in docs/indicators.md. \(CommandSupport.storeHelp)
        """
    )

    @OptionGroup(visibility: .hidden) var root: RecoveryDeskCommand
    var store: String? { root.store }

    @Option(name: .long, help: ArgumentHelp("Only this service.", valueName: "name"))
    var service: String?

    @Option(name: .long, help: "text, json or csv.")
    var format: Format = .text

    @Option(name: .long, help: ArgumentHelp("With --service: list the records behind this indicator (its id).", valueName: "id"))
    var records: String?

    /// The day to work the indicators out on (dd/mm/yyyy, at noon), for tests; now when not given.
    @Option(name: .long, help: .hidden)
    var today: String?

    func run() throws {
        try CommandSupport.guarded {
            let now = try CommandSupport.moment(today: today)
            let opened = try CommandSupport.openStore(store)
            let workingDays = try PlansCommand.workingDays()
            // The same use case the dashboard runs.
            let services = RecoveryServices(store: opened, workingDays: workingDays)
            let report = try services.indicatorReport(at: now)
            var rows = [report.provider] + report.services
            if let service {
                let name = service.trimmingCharacters(in: .whitespaces)
                guard let match = report.services.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) else {
                    throw CommandFailure("There is no active service called \(name).")
                }
                rows = [match]
                if let records {
                    let id = try CommandSupport.indicator(named: records)
                    // The same use case as the app's list of the records behind a figure.
                    let behind = try services.indicatorRecords(id, serviceID: match.serviceID ?? 0, at: now)
                    let list = behind.lines.map(\.record)
                    let value = match[id]
                    var lines = ["\(match.name): \(id.definition.name) \(value?.text ?? "–") (\(value?.state.title.lowercased() ?? "no data")); \(value?.basis ?? "")"]
                    lines += list.map { "  \(UKDateFormat.dateTime($0.date))  \($0.summary)" }
                    if list.isEmpty { lines.append("  No records behind this figure.") }
                    CommandSupport.say(lines.joined(separator: "\n"))
                    return
                }
            } else if records != nil {
                throw CommandFailure("Name the service with --service to list the records behind an indicator.")
            }
            switch format {
            case .text: CommandSupport.say(Self.text(rows, asOf: now))
            case .json: CommandSupport.say(try Self.json(rows, asOf: now))
            case .csv: CommandSupport.say(try Self.csv(rows))
            }
        }
    }

    static func overall(_ row: ServiceIndicators) -> String {
        let counts = [IndicatorState.red, .amber, .green].compactMap { state -> String? in
            let count = row.count(state)
            return count == 0 ? nil : "\(count) \(state.title.lowercased())"
        }
        return "\(row.overall.badge) \(row.overall.title) (\(counts.joined(separator: ", ")))"
    }

    static func text(_ rows: [ServiceIndicators], asOf: Date) -> String {
        var lines = ["Early-warning indicators at \(UKDateFormat.dateTime(asOf)) (Europe/London)"]
        let width = IndicatorID.allCases.map { $0.definition.name.count }.max() ?? 40
        for row in rows {
            lines.append("")
            lines.append("\(row.name): \(overall(row))")
            for value in row.values {
                let name = value.id.definition.name.padding(toLength: width, withPad: " ", startingAt: 0)
                let figure = value.text.padding(toLength: 6, withPad: " ", startingAt: 0)
                lines.append("  \(value.state.badge) \(name)  \(figure) \(value.basis); \(value.threshold.describe(unit: value.id.definition.unit)); trend \(value.trend.title)")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func json(_ rows: [ServiceIndicators], asOf: Date) throws -> String {
        let items: [[String: Any]] = rows.map { row in
            [
                "service": row.name,
                "serviceId": row.serviceID.map { NSNumber(value: $0) } ?? NSNull(),
                "overall": row.overall.rawValue,
                "indicators": row.values.map { value -> [String: Any] in
                    [
                        "id": value.id.rawValue,
                        "name": value.id.definition.name,
                        "value": value.value.map { NSNumber(value: ($0 * 10).rounded() / 10) } ?? NSNull(),
                        "text": value.text,
                        "state": value.state.rawValue,
                        "amber": value.threshold.amber,
                        "red": value.threshold.red,
                        "unit": value.id.definition.unit.rawValue,
                        "trend": value.trend.rawValue,
                        "history": value.history.map { $0.map { NSNumber(value: ($0 * 10).rounded() / 10) } ?? NSNull() },
                        "basis": value.basis,
                    ]
                },
            ]
        }
        let document: [String: Any] = ["asOf": ISO8601DateFormatter().string(from: asOf), "services": items]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    static func csv(_ rows: [ServiceIndicators]) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: ["service", "indicator", "name", "value", "state", "amber", "red", "trend", "history", "basis"])
        func number(_ value: Double?) -> String {
            value.map { IndicatorFormat.number($0, unit: .count) } ?? ""
        }
        for row in rows {
            for value in row.values {
                try writer.write(row: [
                    row.name, value.id.rawValue, value.id.definition.name, number(value.value), value.state.rawValue,
                    number(value.threshold.amber), number(value.threshold.red), value.trend.rawValue,
                    value.history.map(number).joined(separator: " "), value.basis,
                ])
            }
        }
        writer.stream.close()
        guard let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CommandFailure("The CSV could not be written.")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
