public import WineBoxDomain
public import WineBoxHTTP
import WineBoxStorage
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

// A constraint of the schema that input validation did not catch (a CHECK, a foreign key) is still the client's
// bad input, never a server fault: 422, and nothing was written (the transaction rolled back). Validation should
// catch these first; the schema is the last line. Every other storage failure stays an unhandled 500.
extension StorageError {
    /// This error as a client error, when it is one.
    var clientError: WineBoxError? {
        guard code == .constraint, !isUniqueConstraintViolation else { return nil }
        return WineBoxError(.invalidInput, "The request breaks a rule of the stored data")
    }
}
