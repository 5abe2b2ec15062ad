import Foundation
import WineBoxSupport
import WineBoxTesting

@testable import WineBoxServices

/// An Amazon SES v2 look-alike on 127.0.0.1: a bare HTTP/1.1 server that records each request, checks its
/// AWS Signature Version 4 against the known test credentials, and answers as told.
final class FakeSESServer: Sendable {
    /// The test credentials; the server signs with these to check the client's signature.
    static let accessKeyID = "AKIDEXAMPLE"
    static let secretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let region = "eu-west-1"

    /// What the server answers.
    enum Behaviour: Sendable {
        /// 200 with `{"MessageId": id}`.
        case accept(messageID: String)
        /// `status` with `{"message": message}` and, when given, an `x-amzn-ErrorType` header.
        case fail(status: Int, errorType: String?, message: String)
        /// Says nothing for `seconds`, then closes the connection.
        case stall(seconds: Double)
    }

    /// One request as received.
    struct Request: Sendable {
        var method: String
        var path: String
        var headers: [(name: String, value: String)]
        var body: [UInt8]
        /// Whether the `Authorization` header equals the one recomputed from this request.
        var signatureMatches: Bool

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
    }

    private let server: LoopbackServer
    private let recorded: Recorder<Request>
    var port: Int { server.port }
    var endpoint: String { "http://127.0.0.1:\(port)" }

    init(_ behaviour: Behaviour) throws {
        let recorded = Recorder<Request>()
        self.recorded = recorded
        server = try LoopbackServer { connection in
            guard let request = Self.read(connection) else {
                return
            }
            recorded.append(request)
            Self.answer(connection, behaviour: behaviour)
        }
    }

    deinit {
        server.stop()
    }

    var requests: [Request] {
        recorded.all
    }

    private static func read(_ connection: SocketConnection) -> Request? {
        guard let received = LoopbackHTTPRequest.read(from: connection) else {
            return nil
        }
        var request = Request(
            method: received.method, path: received.path, headers: received.headers, body: received.body,
            signatureMatches: false)
        request.signatureMatches = signatureMatches(request)
        return request
    }

    /// Recomputes the signature from what arrived: the signed headers named in `Authorization`, their values
    /// as received, and the hash of the body as received.
    private static func signatureMatches(_ request: Request) -> Bool {
        guard let authorization = request.header("authorization"), let amzDate = request.header("x-amz-date"),
            let signedList = authorization.components(separatedBy: "SignedHeaders=").last?
                .prefix(while: { $0 != "," })
        else {
            return false
        }
        let names = signedList.split(separator: ";").map(String.init)
        var signed: [(name: String, value: String)] = []
        for name in names {
            guard let value = request.header(name) else {
                return false
            }
            signed.append((name, value))
        }
        let signer = AWSSignatureV4(
            accessKeyID: accessKeyID, secretAccessKey: secretAccessKey, region: region, service: "ses")
        let expected = signer.authorization(
            for: AWSSignatureV4.Request(
                method: request.method, path: request.path, headers: signed,
                payloadHash: Hex.encode(Digest.sha256(request.body))),
            amzDate: amzDate)
        return expected == authorization
    }

    private static func answer(_ connection: SocketConnection, behaviour: Behaviour) {
        switch behaviour {
        case .accept(let messageID):
            LoopbackHTTPRequest.respond(
                connection, status: "200 OK", extraHeaders: [], body: "{\"MessageId\":\"\(messageID)\"}")
        case .fail(let status, let errorType, let message):
            let typeHeader = errorType.map { ["x-amzn-ErrorType: \($0):http://internal.amazon.com/coral/sesv2/"] }
            let json = (try? JSONSerialization.data(withJSONObject: ["message": message])) ?? Data()
            let body = String(decoding: json, as: UTF8.self)
            LoopbackHTTPRequest.respond(
                connection, status: "\(status) Error", extraHeaders: typeHeader ?? [], body: body)
        case .stall(let seconds):
            Thread.sleep(forTimeInterval: seconds)
        }
    }
}
