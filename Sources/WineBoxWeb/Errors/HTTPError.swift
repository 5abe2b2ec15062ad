public import WineBoxHTTP

/// A plain HTTP error: a status, a client-safe detail and optional headers.
public struct HTTPError: HTTPResponseError, Sendable, CustomStringConvertible {
    public let status: HTTPStatus
    public let detail: String
    public let headers: HTTPHeaders

    public init(_ status: HTTPStatus, _ detail: String? = nil, headers: HTTPHeaders = [:]) {
        self.status = status
        self.detail = detail ?? status.reasonPhrase
        self.headers = headers
    }

    public var description: String { "\(status.code) \(detail)" }
}
