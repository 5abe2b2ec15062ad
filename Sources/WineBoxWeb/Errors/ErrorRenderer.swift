import Foundation
public import WineBoxHTTP
import WineBoxSupport

/// Turns any error into the JSON response the client gets. The single place where errors become HTTP.
///
/// - ``HTTPResponseError``s answer with their own status, detail and headers.
/// - Anything else is a bug or an outage: it answers 500 with a generic detail and the request id, and is
///   logged once at `error`. WineBox's own error types keep secrets and bound values out of their text.
public enum ErrorRenderer {
    /// The JSON error body of every error response.
    struct Body: Encodable {
        let detail: String
        let requestID: String

        enum CodingKeys: String, CodingKey {
            case detail
            case requestID = "request_id"
        }
    }

    /// The response for `error`, logging it when it is unexpected.
    public static func response(for error: any Error, context: RequestContext) -> HTTPResponse {
        if let error = error as? any HTTPResponseError {
            var response = HTTPResponse.json(
                Body(detail: error.detail, requestID: context.requestID), status: error.status)
            for (name, value) in error.headers {
                response.headers.set(name, value)
            }
            return response
        }
        context.logger.error(
            "Unhandled error",
            [("error_type", String(reflecting: type(of: error))), ("error", String(describing: error))])
        return HTTPResponse.json(
            Body(detail: "Internal server error", requestID: context.requestID), status: .internalServerError)
    }

    /// The response for a request the server refused before it was complete.
    public static func response(for rejection: HTTPRequestRejection, context: RequestContext) -> HTTPResponse {
        HTTPResponse.json(Body(detail: rejection.description, requestID: context.requestID), status: rejection.status)
    }
}
