import Testing
import WineBoxHTTP
import WineBoxWeb

@Suite struct RequestDecodingTests {
    struct Checkout: Decodable {
        let quantity: Int
        let notes: String?
    }

    private func request(_ contentType: String?, _ body: String) -> HTTPRequest {
        HTTPRequest(
            method: .post, path: "/x", headers: contentType.map { ["Content-Type": $0] } ?? [:], body: Array(body.utf8))
    }

    private func status(_ body: () throws -> Void) -> Int? {
        do {
            try body()
            return nil
        } catch let error as HTTPError {
            return error.status.code
        } catch {
            return -1
        }
    }

    @Test func jsonDecodesAndReportsTheFieldThatIsWrong() throws {
        let decoded = try request("application/json; charset=utf-8", #"{"quantity":2}"#).decodeJSON(Checkout.self)
        #expect(decoded.quantity == 2)
        do {
            _ = try request("application/json", #"{"quantity":"two"}"#).decodeJSON(Checkout.self)
            Issue.record("expected an error")
        } catch let error as HTTPError {
            #expect(error.status == .badRequest)
            #expect(error.detail.contains("'quantity'"))
        }
        #expect(status { _ = try request("application/json", "{}").decodeJSON(Checkout.self) } == 400)
        #expect(status { _ = try request("application/json", "{nope").decodeJSON(Checkout.self) } == 400)
        #expect(status { _ = try request("application/json", "").decodeJSON(Checkout.self) } == 400)
        #expect(status { _ = try request("text/plain", #"{"quantity":2}"#).decodeJSON(Checkout.self) } == 415)
        #expect(status { _ = try request(nil, #"{"quantity":2}"#).decodeJSON(Checkout.self) } == 415)
    }

    @Test func formFieldsDecodePlusAndPercentEscapesInOrder() throws {
        let fields = try request("application/x-www-form-urlencoded", "username=ann%40example.com&password=a+b%26c&x")
            .formFields()
        #expect(fields.map(\.name) == ["username", "password", "x"])
        #expect(fields.map(\.value) == ["ann@example.com", "a b&c", ""])
        #expect(status { _ = try request("application/x-www-form-urlencoded", "a=%zz").formFields() } == 400)
        #expect(status { _ = try request("application/json", "a=b").formFields() } == 415)
    }
}

@Suite struct StrictDecodingTests {
    struct Move: StrictJSONBody {
        let quantity: Int
        let location: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case quantity
            case location
        }
    }

    private func request(_ body: String) -> HTTPRequest {
        HTTPRequest(method: .post, path: "/x", headers: ["Content-Type": "application/json"], body: Array(body.utf8))
    }

    @Test func knownFieldsDecodeAndUnknownOnesAreRefusedByName() throws {
        #expect(try request(#"{"quantity":2,"location":"rack A"}"#).decodeStrictJSON(Move.self).quantity == 2)
        #expect(try request(#"{"quantity":2}"#).decodeStrictJSON(Move.self).location == nil)
        do {
            _ = try request(#"{"quantity":2,"owner_id":"someone"}"#).decodeStrictJSON(Move.self)
            Issue.record("expected an error")
        } catch let error as HTTPError {
            #expect(error.status == .unprocessableContent)
            #expect(error.detail == "Unknown field 'owner_id'")
        }
    }
}
