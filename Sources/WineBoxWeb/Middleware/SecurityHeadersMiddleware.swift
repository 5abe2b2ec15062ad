public import WineBoxHTTP

/// Adds the security headers of the published security model to every response.
///
/// The Content-Security-Policy allows scripts, styles, fonts and connections to this origin only, images also
/// from `data:` and `blob:` (label previews), and no framing, plugins or inline code.
public struct SecurityHeadersMiddleware: Middleware {
    /// The Content-Security-Policy sent with every response.
    public static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
        "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
        "frame-ancestors 'none'",
    ].joined(separator: "; ")

    private let headers: [(String, String)]

    /// - Parameter enforceHTTPS: also send `Strict-Transport-Security` (only behind HTTPS).
    public init(enforceHTTPS: Bool) {
        var headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Frame-Options", "DENY"),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
            ("X-Permitted-Cross-Domain-Policies", "none"),
            (
                "Permissions-Policy",
                "accelerometer=(), camera=(self), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
                    + "payment=(), usb=()"
            ),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        if enforceHTTPS {
            headers.append(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
        }
        self.headers = headers
    }

    public func finish(_ request: HTTPRequest, response: inout HTTPResponse, context: RequestContext) {
        for (name, value) in headers where !response.headers.contains(name) {
            response.headers.add(name, value)
        }
    }
}
