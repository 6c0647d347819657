import _CryptoExtras
import Crypto
import Foundation
import RecoveryModel

/// PINs are kept only as PBKDF2-HMAC-SHA256 hashes with a random 16-byte salt per user and the
/// round count stored beside them, so the count can be raised later without breaking old PINs.
/// A PIN is never stored, logged or returned.
struct PINHasher: Sendable {
    static let kdfName = "pbkdf2-sha256"
    /// The fewest rounds allowed (swift-crypto refuses fewer); also the default.
    static let minimumRounds = 210_000

    struct Credential {
        var rounds: Int
        var salt: Data
        var hash: Data
        /// SHA-256 of salt and hash: audited in their place, so a swapped hash is noticed.
        var fingerprint: String { PINHasher.fingerprint(salt: salt, hash: hash) }
    }

    var rounds: Int = minimumRounds

    func make(pin: String) throws(StoreError) -> Credential {
        var salt = Data(count: 16)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = UInt8.random(in: .min ... .max, using: &generator) }
        return Credential(rounds: rounds, salt: salt, hash: try Self.derive(pin: pin, salt: salt, rounds: rounds))
    }

    /// True when `pin` gives the stored hash (compared in constant time).
    static func matches(pin: String, salt: Data, hash: Data, rounds: Int) throws(StoreError) -> Bool {
        let candidate = try derive(pin: pin, salt: salt, rounds: rounds)
        guard candidate.count == hash.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(candidate, hash) { difference |= a ^ b }
        return difference == 0
    }

    static func derive(pin: String, salt: Data, rounds: Int) throws(StoreError) -> Data {
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(from: Data(pin.utf8), salt: salt, using: .sha256,
                                                        outputByteCount: 32, rounds: rounds)
            return key.withUnsafeBytes { Data($0) }
        } catch {
            throw StoreError.storage("The PIN could not be checked (\(error)).")
        }
    }

    static func fingerprint(salt: Data, hash: Data) -> String {
        SHA256.hash(data: salt + hash).map { String(format: "%02x", $0) }.joined()
    }
}
