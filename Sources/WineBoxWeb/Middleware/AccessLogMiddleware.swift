public import WineBoxHTTP
import WineBoxSupport

/// Writes one access-log line per request at `info`: method, path, status, duration and body bytes.
///
/// The path is logged without its query string values (only the parameter names), since queries can carry
/// search terms or tokens. The request id comes from the context's logger.
public struct AccessLogMiddleware: Middleware {
    public init() {}

    public func finish(_ request: HTTPRequest, response: inout HTTPResponse, context: RequestContext) {
        let logger = context.logger
        guard logger.isEnabled(.info) else {
            return
        }
        let elapsed = ContinuousClock.now - context.startedAt
        let microseconds = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        var fields: [(String, String)] = [
            ("method", request.method.rawValue),
            ("path", request.path),
            ("status", String(response.status.code)),
            ("duration_ms", Self.milliseconds(microseconds)),
            ("bytes", String(response.body.count)),
        ]
        if !request.query.isEmpty {
            fields.insert(("query", request.query.map(\.name).joined(separator: ",")), at: 2)
        }
        logger.info("request", fields)
    }

    /// `1234` µs → `"1.234"`.
    static func milliseconds(_ microseconds: Int64) -> String {
        let whole = microseconds / 1000
        let fraction = microseconds % 1000
        let padded = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        return "\(whole).\(padded)"
    }
}
