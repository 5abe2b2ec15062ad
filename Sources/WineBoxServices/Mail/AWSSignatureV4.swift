import WineBoxSupport

/// AWS Signature Version 4 (`AWS4-HMAC-SHA256`) for requests to AWS APIs, as documented in the IAM user
/// guide ("Create a signed AWS API request"): a canonical request, a string to sign, a signing key derived by
/// a chain of HMAC-SHA-256 over date, region and service, and the `Authorization` header.
///
/// The secret key is hidden from ``description`` and the reflection mirror. Pure computation; safe from any
/// thread.
struct AWSSignatureV4: Sendable, CustomStringConvertible, CustomReflectable {
    /// The signing algorithm's name.
    static let algorithm = "AWS4-HMAC-SHA256"

    let accessKeyID: String
    let secretAccessKey: String
    let region: String
    let service: String

    /// The parts of a request the signature covers.
    struct Request: Sendable {
        var method: String
        /// The absolute path, already free of characters that need escaping beyond RFC 3986 unreserved and `/`.
        var path: String
        /// Query parameters, not yet encoded.
        var query: [(name: String, value: String)] = []
        /// The headers to sign (at least `host` and `x-amz-date`), names in any case.
        var headers: [(name: String, value: String)]
        /// The hex SHA-256 of the body (or `UNSIGNED-PAYLOAD` where the service allows it).
        var payloadHash: String
    }

    /// The `Authorization` header value for `request` signed at `amzDate` (`20150830T123600Z`).
    func authorization(for request: Request, amzDate: String) -> String {
        let canonical = Self.canonicalRequest(request)
        let date = String(amzDate.prefix(8))
        let scope = "\(date)/\(region)/\(service)/aws4_request"
        let stringToSign = Self.stringToSign(amzDate: amzDate, scope: scope, canonicalRequest: canonical.text)
        let key = Self.signingKey(secret: secretAccessKey, date: date, region: region, service: service)
        let signature = Hex.encode(Digest.hmacSHA256(key: key, message: Array(stringToSign.utf8)))
        return "\(Self.algorithm) Credential=\(accessKeyID)/\(scope), SignedHeaders=\(canonical.signedHeaders), "
            + "Signature=\(signature)"
    }

    /// The canonical request and the `SignedHeaders` list (lower-case names, sorted, `;`-separated).
    static func canonicalRequest(_ request: Request) -> (text: String, signedHeaders: String) {
        var merged: [String: [String]] = [:]
        for (name, value) in request.headers {
            merged[name.lowercased(), default: []].append(canonicalHeaderValue(value))
        }
        let names = merged.keys.sorted()
        let headerLines = names.map { "\($0):\(merged[$0, default: []].joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let text = [
            request.method.uppercased(), canonicalURI(request.path), canonicalQuery(request.query), headerLines,
            signedHeaders, request.payloadHash,
        ].joined(separator: "\n")
        return (text, signedHeaders)
    }

    /// `AWS4-HMAC-SHA256\n<amzDate>\n<scope>\n<hex SHA-256 of the canonical request>`.
    static func stringToSign(amzDate: String, scope: String, canonicalRequest: String) -> String {
        [algorithm, amzDate, scope, Hex.encode(Digest.sha256(Array(canonicalRequest.utf8)))].joined(separator: "\n")
    }

    /// The signing key: HMAC-SHA-256 chained over `date` (`YYYYMMDD`), region, service and `aws4_request`,
    /// starting from the key `AWS4<secret>`.
    static func signingKey(secret: String, date: String, region: String, service: String) -> [UInt8] {
        var key = Array("AWS4\(secret)".utf8)
        for part in [date, region, service, "aws4_request"] {
            key = Digest.hmacSHA256(key: key, message: Array(part.utf8))
        }
        return key
    }

    /// Each path segment URI-encoded; `/` for an empty path.
    static func canonicalURI(_ path: String) -> String {
        guard !path.isEmpty else {
            return "/"
        }
        return path.split(separator: "/", omittingEmptySubsequences: false).map { uriEncode(String($0)) }
            .joined(separator: "/")
    }

    /// `name=value` pairs URI-encoded and sorted by name, then value, joined by `&`.
    static func canonicalQuery(_ query: [(name: String, value: String)]) -> String {
        query.map { (uriEncode($0.name), uriEncode($0.value)) }
            .sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// The value trimmed, with runs of spaces and tabs collapsed to one space.
    static func canonicalHeaderValue(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Percent-encodes every byte except the RFC 3986 unreserved characters, with upper-case hex digits.
    static func uriEncode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            let isUnreserved =
                (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || Array("-._~".utf8).contains(byte)
            if isUnreserved {
                output.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                output += "%" + Hex.encode([byte]).uppercased()
            }
        }
        return output
    }

    /// Names the key and scope but never the secret.
    var description: String {
        "AWSSignatureV4(accessKeyID: \(accessKeyID.prefix(4))…, region: \(region), service: \(service))"
    }

    /// A mirror without the secret, so `dump` cannot reveal it either.
    var customMirror: Mirror {
        Mirror(self, children: [(label: "region", value: region as Any), ("service", service as Any)])
    }
}
