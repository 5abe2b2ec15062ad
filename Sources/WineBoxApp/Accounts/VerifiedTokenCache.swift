import Synchronization
import WineBoxServices

/// Remembers tokens whose signature and claims were already verified, so a signed-in request skips the base64,
/// HMAC and JSON work for a token it has seen. What can change about a token (revocation, the account being
/// disabled, sign-out everywhere) is still read from the database on every request; only facts fixed inside
/// the signed token are cached, and the expiry is checked against the clock each time.
///
/// Bounded: when `capacity` tokens are held it forgets them all and starts again (one household has few
/// sessions, so this rarely happens). Thread-safe.
final class VerifiedTokenCache: Sendable {
    private let entries = Mutex<[String: TokenClaims]>([:])
    private let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    func claims(for token: String) -> TokenClaims? {
        entries.withLock { $0[token] }
    }

    func remember(_ claims: TokenClaims, for token: String) {
        entries.withLock { entries in
            if entries.count >= capacity {
                entries.removeAll(keepingCapacity: true)
            }
            entries[token] = claims
        }
    }
}
