/// Cryptographically secure random bytes from the kernel: the standard library's `SystemRandomNumberGenerator`,
/// which reads `getrandom(2)` on Linux (waiting, early in boot, until the kernel's generator is seeded).
///
/// Not OpenSSL's `RAND_bytes`: its generator starts OpenSSL's providers on first use, about 2 MiB of resident
/// memory that a server which has not yet checked a token or hashed a file does not need; it is seeded from the
/// same kernel source anyway.
public enum SecureRandom {
    /// Returns `count` random bytes.
    ///
    /// A failing generator means the process cannot produce safe secrets at all, so the standard library traps
    /// rather than returning predictable bytes.
    public static func bytes(count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return [UInt8](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            var offset = 0
            while offset < count {
                let word = generator.next()
                let take = min(MemoryLayout<UInt64>.size, count - offset)
                withUnsafeBytes(of: word) { wordBytes in
                    for index in 0..<take {
                        buffer[offset + index] = wordBytes[index]
                    }
                }
                offset += take
            }
            initializedCount = count
        }
    }

    /// Returns `byteCount` random bytes as lower-case hexadecimal (twice as many characters).
    public static func hexString(byteCount: Int) -> String {
        Hex.encode(bytes(count: byteCount))
    }
}
