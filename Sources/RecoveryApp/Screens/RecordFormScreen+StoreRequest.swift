import Foundation
import RecoveryModel
import RecoveryServices
import TUI

// The old way of building a record form, from a `StoreRequest` made of the values by position.
// Kept only so the administration lists (services, staff, MAR codes, PIN length, thresholds)
// build while they move to `RecordFormScreen(id:title:intro:fields:compact:write:)`; delete this
// file with `StoreRequest`.

extension RecordFormScreen {
    /// A form saved by a `StoreRequest` made from its values in order. Prefer `init(…write:)`.
    @available(*, deprecated, message: "Give the form named fields and a RecordWrite: init(id:title:intro:fields:compact:write:)")
    public init(id: String, title: String, intro: String, fields: [FormField], compact: Bool = false,
                crossCheck: @escaping @Sendable ([String]) -> String? = { _ in nil },
                afterSave: (@Sendable (StoreReply) -> (any Screen)?)? = nil,
                makeRequest: @escaping @Sendable ([String]) -> StoreRequest) {
        self.init(id: id, title: title, intro: intro, fields: fields, compact: compact) { form throws(FormRefusal) in
            let values = form.values.map(\.trimmed)
            if let problem = crossCheck(values) { throw FormRefusal(problem) }
            return StoreRequestWrite(request: makeRequest(values), afterSave: afterSave)
        }
    }

    /// Sets the starting value of the field at `index`. Prefer `prefill(_ name:with:)`.
    @available(*, deprecated, message: "Name the field: prefill(_ name:with:)")
    public mutating func prefill(_ index: Int, with value: String) {
        guard form.fields.indices.contains(index) else { return }
        prefill(form.fields[index].name, with: value)
    }
}

/// A record form's write that is one old-style `StoreRequest`.
struct StoreRequestWrite: RecordWrite {
    let request: StoreRequest
    let afterSave: (@Sendable (StoreReply) -> (any Screen)?)?

    func run(_ services: RecoveryServices, as actor: Actor, at now: Date) throws(StoreError) -> RecordWritten {
        let reply = StoreRequestRunner(store: services.store, workingDays: services.workingDays)
            .perform(request, actor: actor, now: now)
        switch reply {
        case .saved(let message), .stepEntrySaved(_, let message):
            return RecordWritten(message, next: afterSave?(reply))
        case .failed(let message):
            throw .invalid(message)
        default:
            return RecordWritten("Saved.", next: afterSave?(reply))
        }
    }

    static func == (left: StoreRequestWrite, right: StoreRequestWrite) -> Bool { left.request == right.request }
}
