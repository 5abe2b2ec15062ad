import Synchronization
import WineBoxSupport

/// Makes request ids: 16 lower-case hex digits, unique within a process.
///
/// Each id is a counter passed through SplitMix64's finalizer (a bijection on 64 bits) after adding a secret
/// random offset, so ids never repeat within 2^64 requests, look random, and cost one atomic increment
/// instead of a call into the CSPRNG. They are correlation ids, not secrets.
struct RequestIDGenerator: ~Copyable {
    private let counter = Atomic<UInt64>(0)
    private let offset = SecureRandom.bytes(count: 8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }

    func next() -> String {
        let count = counter.wrappingAdd(1, ordering: .relaxed).newValue
        var value = (count &+ offset) &* 0x9E37_79B9_7F4A_7C15
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        value ^= value >> 31
        return Self.hex(value)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 16) { buffer in
            digits.withUTF8Buffer { table in
                for index in 0..<16 {
                    buffer[index] = table[Int((value >> UInt64(60 - 4 * index)) & 0xF)]
                }
            }
            return 16
        }
    }
}
