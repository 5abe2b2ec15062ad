public import WineBoxHTTP

/// Who may call a route. Routes are signed-in only unless registered otherwise (deny by default).
public struct RouteAccess: Hashable, Sendable, CustomStringConvertible {
    /// Anyone, without credentials: the health check, sign-in, first-run setup.
    public static let `public` = RouteAccess(description: "public")
    /// Any signed-in, active member.
    public static let signedIn = RouteAccess(description: "signed_in")
    /// Signed-in admins only.
    public static let admin = RouteAccess(description: "admin")

    public let description: String
}

/// Checks credentials for routes that are not public. Implemented by the app (it knows users and tokens).
public protocol AccessGuard: Sendable {
    /// Returns `context` with the caller's identity attached when the request may use a route with `access`.
    ///
    /// - Throws: an error rendered as 401 (no or bad credentials) or 403 (signed in, not allowed).
    func admit(_ request: HTTPRequest, context: RequestContext, access: RouteAccess) async throws -> RequestContext

    /// What ``admit(_:context:access:)`` would return, when that is known from memory alone (no waiting, no I/O);
    /// nil when it is not, or when the answer would be an error. Runs on the server thread.
    func admitFromMemory(_ request: HTTPRequest, context: RequestContext, access: RouteAccess) -> RequestContext?
}

extension AccessGuard {
    /// Never known from memory: every admission goes through ``admit(_:context:access:)``.
    public func admitFromMemory(_ request: HTTPRequest, context: RequestContext, access: RouteAccess)
        -> RequestContext?
    {
        nil
    }
}
