/// The cost of an Argon2id hash. Defaults: 3 passes over 64 MiB with one lane (about 0.2 s on this machine),
/// above the OWASP and ASVS 5.0 minimums.
public struct Argon2Parameters: Sendable, Equatable {
    /// Passes over memory (`t`). Default 3.
    public var iterations: UInt32
    /// Memory in KiB (`m`). Default 65536 (64 MiB).
    public var memoryKiB: UInt32
    /// Lanes (`p`). Default 1.
    public var parallelism: UInt32

    public init(iterations: UInt32 = 3, memoryKiB: UInt32 = 64 * 1024, parallelism: UInt32 = 1) {
        self.iterations = iterations
        self.memoryKiB = memoryKiB
        self.parallelism = parallelism
    }

    /// Reads the parameters of a PHC string such as `$argon2id$v=19$m=65536,t=3,p=1$salt$hash`; nil when it is
    /// not an Argon2id hash.
    public init?(phcString: String) {
        let fields = phcString.split(separator: "$", omittingEmptySubsequences: true)
        guard fields.count == 5, fields[0] == "argon2id" else {
            return nil
        }
        var values: [Substring: UInt32] = [:]
        for pair in fields[2].split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let number = UInt32(parts[1]) else {
                return nil
            }
            values[parts[0]] = number
        }
        guard let memory = values["m"], let iterations = values["t"], let parallelism = values["p"] else {
            return nil
        }
        self.init(iterations: iterations, memoryKiB: memory, parallelism: parallelism)
    }
}
