public import WineBoxDomain
public import WineBoxHTTP
public import WineBoxWeb

// The one place where domain errors become HTTP statuses.
extension WineBoxError: HTTPResponseError {
    public var status: HTTPStatus {
        switch code {
        case .invalidInput: .unprocessableContent
        case .badRequest: .badRequest
        case .notFound: .notFound
        case .conflict: .conflict
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .rateLimited: .tooManyRequests
        case .tooLarge: .payloadTooLarge
        case .unavailable: .serviceUnavailable
        default: .badRequest
        }
    }

    public var detail: String { message }

    public var headers: HTTPHeaders {
        var headers = HTTPHeaders()
        if let retryAfterSeconds {
            headers.set("Retry-After", String(retryAfterSeconds))
        }
        if code == .unauthenticated {
            headers.set("WWW-Authenticate", "Bearer")
        }
        return headers
    }
}
