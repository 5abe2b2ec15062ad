import WineBoxConfig
import WineBoxServices

extension AppConfiguration.Auth {
    /// The Argon2id cost configured in `[auth]`.
    var argon2Parameters: Argon2Parameters {
        Argon2Parameters(
            iterations: UInt32(argon2Iterations), memoryKiB: UInt32(argon2MemoryKiB),
            parallelism: UInt32(argon2Parallelism))
    }
}
