import Synchronization
import WineBoxDomain
import WineBoxServices

/// Remembers tokens whose signature and claims were already verified, so a signed-in request skips the base64,
/// HMAC and JSON work for a token it has seen, and the last admission of each token, so a request skips the
/// database read too while nothing has been committed since.
///
/// What can change about a session (revocation, the account being disabled, sign-out everywhere) lives in the
/// database; an admission is kept only under the database's change generation it was read at
/// (`Database.changeGeneration()`), so any commit, by this process or another one, makes the next request read
/// again. The expiry is checked against the clock on every request.
///
/// Bounded: when `capacity` tokens are held it forgets them all and starts again (one household has few
/// sessions, so this rarely happens). Thread-safe.
final class VerifiedTokenCache: Sendable {
    /// What is known about one token.
    private struct Entry {
        var claims: TokenClaims
        /// The account the token was last admitted for, and the change generation that admission was read at.
        var admission: (user: User, generation: UInt64)?
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int

    init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    func claims(for token: String) -> TokenClaims? {
        entries.withLock { $0[token]?.claims }
    }

    func remember(_ claims: TokenClaims, for token: String) {
        entries.withLock { entries in
            if entries.count >= capacity {
                entries.removeAll(keepingCapacity: true)
            }
            entries[token] = Entry(claims: claims)
        }
    }

    /// The user `token` was admitted for at `generation`, or nil when it was not (or was admitted at another one).
    func admittedUser(for token: String, at generation: UInt64) -> User? {
        entries.withLock { entries in
            guard let admission = entries[token]?.admission, admission.generation == generation else { return nil }
            return admission.user
        }
    }

    /// Records that `token` (already remembered) was admitted for `user` from data read at `generation`.
    func rememberAdmission(of user: User, for token: String, at generation: UInt64) {
        entries.withLock { entries in
            entries[token]?.admission = (user, generation)
        }
    }
}
