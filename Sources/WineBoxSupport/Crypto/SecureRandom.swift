import CCrypto

/// Cryptographically secure random bytes from OpenSSL's CSPRNG.
public enum SecureRandom {
    /// Returns `count` random bytes.
    ///
    /// A failing CSPRNG means the process cannot produce safe secrets at all, so this traps rather than throws.
    public static func bytes(count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let result = buffer.withUnsafeMutableBytes { RAND_bytes($0.baseAddress, Int32($0.count)) }
        precondition(result == 1, "OpenSSL RAND_bytes failed; refusing to continue without a working CSPRNG")
        return buffer
    }

    /// Returns `byteCount` random bytes as lower-case hexadecimal (twice as many characters).
    public static func hexString(byteCount: Int) -> String {
        Hex.encode(bytes(count: byteCount))
    }
}
