/// The answer to a successful sign-in: a bearer token, as the earlier WineBox returned it.
struct SessionGrant: Encodable, Sendable {
    let accessToken: String
    let tokenType = "bearer"
    /// Seconds until the token expires.
    let expiresIn: Int64

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case expiresIn = "expires_in"
    }
}
