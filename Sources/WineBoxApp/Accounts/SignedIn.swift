import WineBoxDomain
import WineBoxServices
import WineBoxWeb

/// The member a request is signed in as, with the token it presented. Attached by ``SessionGuard``.
struct SignedIn: Sendable {
    let user: User
    let claims: TokenClaims
    /// The database change generation the admission was checked at (`Database.changeGeneration()`). Answers kept
    /// in memory under this generation are as current as the admission itself, so a cached-first route can use it
    /// instead of asking again.
    let generation: UInt64
}

/// The context key for ``SignedIn``.
enum SignedInKey: ContextKey {
    typealias Value = SignedIn
}

extension RequestContext {
    /// The signed-in member; only nil on public routes (the guard has admitted every other request).
    var signedIn: SignedIn? {
        storage[SignedInKey.self]
    }

    /// The signed-in member, for handlers of routes that are not public.
    ///
    /// - Throws: ``WineBoxError`` `.unauthenticated` if the route was wrongly registered as public.
    func requireSignedIn() throws -> SignedIn {
        guard let signedIn else {
            throw WineBoxError(.unauthenticated, "Authentication required")
        }
        return signedIn
    }
}
