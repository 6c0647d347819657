import Foundation
import RecoveryModel

/// Something a screen asks of the store. The run loop carries it out with the signed-in user as
/// the actor and sends back a `StoreReply` to the screen that asked.
public enum StoreRequest: Sendable, Equatable {
    case loadSignInList
    case signIn(staffID: Int64, pin: String)
    case setUp(SetUpRequest)
    case loadServices
    case addService(name: String, kind: Service.Kind, registeredManager: String?)
    case setServiceActive(id: Int64, active: Bool)
    case loadStaff
    case addStaff(name: String, role: Role, serviceIDs: [Int64], pin: String?)
    case deactivateStaff(id: Int64)
    case resetPIN(id: Int64, pin: String)
    case loadMARCodes
    case addMARCode(code: String, meaning: String, outcome: CanonicalOutcome)
    case setMARCodeActive(id: Int64, active: Bool)
    case loadReferenceData
    case setMinimumPINLength(Int)
}

/// The store's answer.
public enum StoreReply: Sendable, Equatable {
    case signInList([StaffMember])
    case signIn(SignInResult)
    case setUpDone(StaffMember, Provider?)
    case services([Service])
    case staff([StaffMember], services: [Service])
    case marCodes([MARCode])
    case referenceData(statements: [QualityStatement], regulations: [Regulation], enforcement: [EnforcementType],
                       pinPolicy: PINPolicy)
    /// A write succeeded; the words say what was done.
    case saved(String)
    /// Refused or failed; the words say why.
    case failed(String)
}

/// Carries out store requests against a `RecoveryDataStore`.
public struct StoreRequestRunner: Sendable {
    public let store: any RecoveryDataStore

    public init(store: any RecoveryDataStore) { self.store = store }

    /// Runs one request as `actor` (nil before anyone has signed in) at `now`.
    public func perform(_ request: StoreRequest, actor: Actor?, now: Date) -> StoreReply {
        do {
            return try reply(to: request, actor: actor, now: now)
        } catch {
            return .failed(error.description)
        }
    }

    private func signedIn(_ actor: Actor?) throws(StoreError) -> Actor {
        guard let actor else { throw .invalid("Sign in first.") }
        return actor
    }

    private func reply(to request: StoreRequest, actor: Actor?, now: Date) throws(StoreError) -> StoreReply {
        switch request {
        case .loadSignInList:
            return .signInList(try store.signInList())
        case .signIn(let staffID, let pin):
            return .signIn(try store.signIn(staffID: staffID, pin: pin, at: now))
        case .setUp(let setUp):
            let administrator = try store.setUp(setUp, at: now)
            return .setUpDone(administrator, try store.provider())
        case .loadServices:
            return .services(try store.services(includingInactive: true))
        case .addService(let name, let kind, let manager):
            let service = try store.addService(name: name, kind: kind, registeredManager: manager,
                                               by: try signedIn(actor), at: now)
            return .saved("Service \"\(service.name)\" added.")
        case .setServiceActive(let id, let active):
            try store.setServiceActive(id, active: active, by: try signedIn(actor), at: now)
            return .saved(active ? "Service brought back into use." : "Service retired; its records are kept.")
        case .loadStaff:
            return .staff(try store.staff(includingInactive: true), services: try store.services(includingInactive: true))
        case .addStaff(let name, let role, let serviceIDs, let pin):
            let member = try store.addStaff(name: name, role: role, serviceIDs: serviceIDs, pin: pin,
                                            by: try signedIn(actor), at: now)
            return .saved("\(member.name) added as \(member.role.title.lowercased())\(member.canSignIn ? " and can sign in" : "").")
        case .deactivateStaff(let id):
            try store.deactivateStaff(id, by: try signedIn(actor), at: now)
            return .saved("Deactivated: they can no longer sign in, and their records are kept.")
        case .resetPIN(let id, let pin):
            try store.resetPIN(id, pin: pin, by: try signedIn(actor), at: now)
            return .saved("PIN changed.")
        case .loadMARCodes:
            return .marCodes(try store.marCodes(includingRetired: true))
        case .addMARCode(let code, let meaning, let outcome):
            let added = try store.addMARCode(code: code, meaning: meaning, outcome: outcome,
                                             by: try signedIn(actor), at: now)
            return .saved("MAR code \"\(added.code)\" added.")
        case .setMARCodeActive(let id, let active):
            try store.setMARCodeActive(id, active: active, by: try signedIn(actor), at: now)
            return .saved(active ? "MAR code brought back into use." : "MAR code retired; charts that used it keep it.")
        case .loadReferenceData:
            return .referenceData(statements: try store.qualityStatements(), regulations: try store.regulations(),
                                  enforcement: try store.enforcementTypes(), pinPolicy: try store.pinPolicy())
        case .setMinimumPINLength(let length):
            try store.setMinimumPINLength(length, by: try signedIn(actor), at: now)
            return .saved("New PINs now need at least \(length) digits.")
        }
    }
}
