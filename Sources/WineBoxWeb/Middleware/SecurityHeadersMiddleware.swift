public import WineBoxHTTP

/// Adds the security headers of the published security model to every response.
///
/// The Content-Security-Policy allows scripts, styles, fonts and connections to this origin only, images also
/// from `data:` and `blob:` (label previews), and no framing, plugins, `<base>` or inline code. API responses
/// (paths under `/api/`) also get `Cache-Control: no-store` unless the handler set a policy itself.
public struct SecurityHeadersMiddleware: Middleware {
    /// The Content-Security-Policy sent with every response.
    public static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
        "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
        "form-action 'self'",
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
                "accelerometer=(), autoplay=(), camera=(self), display-capture=(), encrypted-media=(), "
                    + "fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), "
                    + "payment=(), picture-in-picture=(), publickey-credentials-get=(), usb=(), xr-spatial-tracking=()"
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
        if request.path.hasPrefix("/api/") && !response.headers.contains("Cache-Control") {
            response.headers.add("Cache-Control", "no-store")
        }
    }
}
