import Foundation
import RecoveryModel

/// One escalation with every service (retired ones too), to name its service.
public struct EscalationDetail: Sendable, Equatable {
    public var escalation: Escalation
    public var services: [Service]

    public init(escalation: Escalation, services: [Service]) {
        self.escalation = escalation
        self.services = services
    }
}

extension RecoveryServices {
    /// One escalation as its page shows it.
    public func escalationDetail(_ id: Int64) throws(StoreError) -> EscalationDetail {
        EscalationDetail(escalation: try store.escalation(id), services: try store.services(includingInactive: true))
    }

    /// Moves an escalation on (acknowledged, responded, resolved) as `actor`; the escalation as
    /// it now stands.
    public func advanceEscalation(_ id: Int64, to status: EscalationStatus, note: String, as actor: Actor?,
                                  at now: Date) throws(StoreError) -> Escalation {
        try store.advanceEscalation(id, to: status, note: note, by: try signedIn(actor), at: now)
    }
}
