import Foundation
public import WineBoxHTTP

/// Decides which client address a request is attributed to (for rate limits, lockout and the audit trail).
///
/// By default it is the peer that opened the connection. Only when that peer is one of the configured trusted
/// proxies is `X-Forwarded-For` read: the address is then the rightmost entry that is not itself a trusted proxy,
/// so a client cannot pick its own address by sending the header.
public struct ClientAddressMiddleware: Middleware {
    private let trustedProxies: Set<String>

    /// - Parameter trustedProxies: exact IP addresses of reverse proxies in front of WineBox.
    public init(trustedProxies: [String]) {
        self.trustedProxies = Set(trustedProxies)
    }

    public func prepare(_ request: HTTPRequest, context: inout RequestContext) throws -> HTTPResponse? {
        context.clientAddress = Self.clientAddress(for: request, trustedProxies: trustedProxies)
        return nil
    }

    static func clientAddress(for request: HTTPRequest, trustedProxies: Set<String>) -> String {
        guard trustedProxies.contains(request.remoteAddress) else {
            return request.remoteAddress
        }
        let forwarded = request.headers.values(for: "X-Forwarded-For")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return forwarded.last { !trustedProxies.contains($0) } ?? request.remoteAddress
    }
}
