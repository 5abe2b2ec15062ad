import Foundation
public import WineBoxHTTP

/// With `enforce_https`, refuses plain-HTTP requests: TLS ends at a reverse proxy, which must say
/// `X-Forwarded-Proto: https`, and that header is believed only from the trusted proxies.
///
/// Pages (GET and HEAD outside `/api/`) are redirected (301) to the same URL on `https://`; API requests are
/// refused with 403, so a client that sent a token over plain HTTP learns of its mistake. `/health` stays
/// reachable over HTTP for local monitoring.
public struct HTTPSOnlyMiddleware: Middleware {
    private let trustedProxies: Set<String>

    public init(trustedProxies: [String]) {
        self.trustedProxies = Set(trustedProxies)
    }

    public func prepare(_ request: HTTPRequest, context: inout RequestContext) throws -> HTTPResponse? {
        guard request.path != "/health", !isHTTPS(request) else {
            return nil
        }
        if !request.path.hasPrefix("/api/") && (request.method == .get || request.method == .head),
            let host = request.headers["Host"], Self.isPlausibleHost(host)
        {
            var location = "https://\(host)\(request.path)"
            if !request.query.isEmpty {
                location +=
                    "?"
                    + request.query.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }
                    .joined(separator: "&")
            }
            return HTTPResponse(status: HTTPStatus(301, "Moved Permanently"), headers: ["Location": location])
        }
        throw HTTPError(.forbidden, "HTTPS is required")
    }

    private func isHTTPS(_ request: HTTPRequest) -> Bool {
        trustedProxies.contains(request.remoteAddress)
            && request.headers["X-Forwarded-Proto"]?.split(separator: ",").last?
                .trimmingCharacters(in: .whitespaces).lowercased() == "https"
    }

    /// A host header with only host-name characters and an optional port (no injection into `Location`).
    static func isPlausibleHost(_ host: String) -> Bool {
        !host.isEmpty && host.count <= 255
            && host.unicodeScalars.allSatisfy { scalar in
                CharacterSet.alphanumerics.contains(scalar) || ".-:[]".unicodeScalars.contains(scalar)
            } && host.unicodeScalars.allSatisfy(\.isASCII)
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(
            withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+")))
            ?? ""
    }
}
