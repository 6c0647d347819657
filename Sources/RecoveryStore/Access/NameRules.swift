import Foundation
import RecoveryModel

/// How names typed by people are tidied and checked before they are stored.
enum NameRules {
    static let maximumLength = 100

    /// The name with outer spaces removed, or a refusal saying what to type.
    static func clean(_ name: String, what: String) throws(StoreError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw StoreError.invalid("Enter \(what).") }
        if trimmed.count > maximumLength {
            throw StoreError.invalid("Keep \(what) to \(maximumLength) characters or fewer.")
        }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw StoreError.invalid("\(what.prefix(1).uppercased() + what.dropFirst()) cannot contain control characters.")
        }
        return trimmed
    }
}
