import Testing
import WineBoxServices
import WineBoxSupport

@Suite struct PasswordHasherTests {
    /// Cheap parameters keep the suite fast; the defaults are checked separately without hashing.
    let fast = Argon2Parameters(iterations: 1, memoryKiB: 8 * 1024, parallelism: 1)

    @Test func hashesVerifyTheRightPasswordOnly() async throws {
        let pool = WorkerPool(name: "argon2-test", threadCount: 1)
        defer { pool.shutdown() }
        let hasher = PasswordHasher(parameters: fast, pool: pool)
        let hash = try await hasher.hash("correct horse battery staple")
        #expect(hash.hasPrefix("$argon2id$v=19$m=8192,t=1,p=1$"))
        #expect(try await hasher.verify("correct horse battery staple", against: hash))
        #expect(try await !hasher.verify("Correct horse battery staple", against: hash))
        #expect(try await !hasher.verify("correct horse battery staple", against: "$argon2id$garbage"))
        #expect(try await hasher.hash("same") != hasher.hash("same"))
    }

    @Test func passwordsWithNULAndUnicodeAreHashedByteForByte() async throws {
        let pool = WorkerPool(name: "argon2-test", threadCount: 1)
        defer { pool.shutdown() }
        let hasher = PasswordHasher(parameters: fast, pool: pool)
        let hash = try await hasher.hash("vin\u{0}rouge é")
        #expect(try await hasher.verify("vin\u{0}rouge é", against: hash))
        #expect(try await !hasher.verify("vin", against: hash))
    }

    @Test func hashesWithOtherParametersNeedARehash() async throws {
        let pool = WorkerPool(name: "argon2-test", threadCount: 1)
        defer { pool.shutdown() }
        let old = try await PasswordHasher(parameters: fast, pool: pool).hash("pw")
        let current = PasswordHasher(pool: pool)
        #expect(current.parameters == Argon2Parameters(iterations: 3, memoryKiB: 65536, parallelism: 1))
        #expect(current.needsRehash(old))
        #expect(!PasswordHasher(parameters: fast, pool: pool).needsRehash(old))
        #expect(Argon2Parameters(phcString: "$argon2i$v=19$m=8192,t=1,p=1$c2FsdA$aGFzaA") == nil)
    }
}
