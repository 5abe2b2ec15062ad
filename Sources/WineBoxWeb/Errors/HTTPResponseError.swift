public import WineBoxHTTP

/// An error that knows how it should be answered over HTTP. The web layer renders every such error as
/// `{"detail": …, "request_id": …}` with its status and headers; see ``ErrorRenderer``.
///
/// Conform errors of lower layers in the app module, so the mapping to HTTP stays in one place.
public protocol HTTPResponseError: Error {
    /// The status to answer with.
    var status: HTTPStatus { get }
    /// A message that is safe to show to the client: no internals, no secrets.
    var detail: String { get }
    /// Extra response headers (`Retry-After`, `Allow`…).
    var headers: HTTPHeaders { get }
}

extension HTTPResponseError {
    public var headers: HTTPHeaders { [:] }
}
