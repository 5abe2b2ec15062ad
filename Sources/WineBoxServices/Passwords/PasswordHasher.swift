import CArgon2
import WineBoxDomain
public import WineBoxSupport

/// Hashes and verifies passwords with Argon2id (libargon2), in PHC string form.
///
/// Every hash runs on a bounded ``WorkerPool`` so that a burst of sign-ins uses at most
/// `threads × memoryKiB` of memory and never blocks Swift's cooperative threads. When the pool is full the
/// call fails with ``WineBoxError/Code/unavailable``.
public struct PasswordHasher: Sendable {
    /// Salt length in bytes (128 bits).
    static let saltLength = 16
    /// Hash length in bytes (256 bits).
    static let hashLength = 32

    public let parameters: Argon2Parameters
    private let pool: WorkerPool

    public init(parameters: Argon2Parameters = Argon2Parameters(), pool: WorkerPool) {
        self.parameters = parameters
        self.pool = pool
    }

    /// Hashes `password` with a fresh random salt.
    public func hash(_ password: String) async throws -> String {
        let parameters = self.parameters
        return try await runOnPool {
            try Self.computeHash(password, parameters: parameters, salt: SecureRandom.bytes(count: Self.saltLength))
        }
    }

    /// Whether `password` matches `phcString`. A malformed hash never matches.
    public func verify(_ password: String, against phcString: String) async throws -> Bool {
        try await runOnPool {
            let result = argon2id_verify(phcString, password, password.utf8.count)
            return result == ARGON2_OK.rawValue
        }
    }

    /// Whether `phcString` was made with weaker or different parameters than the current ones and should be
    /// replaced at the next successful sign-in.
    public func needsRehash(_ phcString: String) -> Bool {
        Argon2Parameters(phcString: phcString) != parameters
    }

    static func computeHash(_ password: String, parameters: Argon2Parameters, salt: [UInt8]) throws -> String {
        let length = argon2_encodedlen(
            parameters.iterations, parameters.memoryKiB, parameters.parallelism, UInt32(salt.count),
            UInt32(hashLength), Argon2_id)
        var encoded = [CChar](repeating: 0, count: length)
        let passwordBytes = Array(password.utf8)
        let result = argon2id_hash_encoded(
            parameters.iterations, parameters.memoryKiB, parameters.parallelism, passwordBytes, passwordBytes.count,
            salt, salt.count, hashLength, &encoded, length)
        guard result == ARGON2_OK.rawValue else {
            let reason = String(cString: argon2_error_message(result))
            throw WineBoxError(.unavailable, "Password hashing failed: \(reason)")
        }
        return encoded.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    private func runOnPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        do {
            return try await pool.run(work)
        } catch let error as WorkerPoolError {
            throw WineBoxError(
                .unavailable, "The server is busy; try again in a moment (\(error))", retryAfterSeconds: 1)
        }
    }
}
