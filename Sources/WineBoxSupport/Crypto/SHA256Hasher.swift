import CCrypto

/// A SHA-256 digest computed piece by piece, for data too large to hold in memory at once (files read in chunks).
///
/// Feed the data with ``update(_:)`` in order, then call ``finish()`` once. The result equals
/// ``Digest/sha256(_:)`` of the concatenated pieces. Backed by OpenSSL's `EVP_MD_CTX`, freed when the hasher is
/// released.
///
/// Not thread-safe: use one hasher from one thread at a time.
public final class SHA256Hasher {
    private let context: OpaquePointer
    private var isFinished = false

    /// Starts an empty digest. Traps if libcrypto cannot allocate its context (out of memory).
    public init() {
        guard let context = EVP_MD_CTX_new() else {
            preconditionFailure("EVP_MD_CTX_new failed")
        }
        precondition(EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1, "EVP_DigestInit_ex(SHA-256) failed")
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Adds the next piece of data. Traps when called after ``finish()``.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        precondition(!isFinished, "SHA256Hasher.update called after finish")
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        precondition(EVP_DigestUpdate(context, base, bytes.count) == 1, "EVP_DigestUpdate failed")
    }

    /// Adds the next piece of data. Traps when called after ``finish()``.
    public func update(_ bytes: some Collection<UInt8>) {
        Array(bytes).withUnsafeBytes { update($0) }
    }

    /// Ends the digest and returns its 32 bytes. Call it once; later calls trap.
    public func finish() -> [UInt8] {
        precondition(!isFinished, "SHA256Hasher.finish called twice")
        isFinished = true
        var output = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        let ok = output.withUnsafeMutableBufferPointer { buffer in
            EVP_DigestFinal_ex(context, buffer.baseAddress, &length)
        }
        precondition(ok == 1 && length == SHA256_DIGEST_LENGTH, "EVP_DigestFinal_ex failed")
        return output
    }
}
