/// The claims of a WineBox token (a JWT signed with HS256).
public struct TokenClaims: Codable, Sendable, Equatable {
    /// The user id.
    public let sub: String
    /// A random id (128 bits, hex), used to revoke this one token.
    public let jti: String
    /// Issued at, Unix seconds.
    public let iat: Int64
    /// Expires at, Unix seconds.
    public let exp: Int64
    /// What the token is for.
    public let purpose: TokenPurpose
    /// The user's session epoch when the token was issued; "sign out everywhere" moves the epoch on.
    public let sev: Int64

    public init(sub: String, jti: String, iat: Int64, exp: Int64, purpose: TokenPurpose, sev: Int64) {
        self.sub = sub
        self.jti = jti
        self.iat = iat
        self.exp = exp
        self.purpose = purpose
        self.sev = sev
    }
}
