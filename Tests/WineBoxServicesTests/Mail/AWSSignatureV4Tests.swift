import Testing
import WineBoxSupport

@testable import WineBoxServices

/// Checks against the examples AWS publishes for Signature Version 4.
@Suite struct AWSSignatureV4Tests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    @Test func derivesTheDocumentedSigningKey() {
        let key = AWSSignatureV4.signingKey(secret: Self.secret, date: "20120215", region: "us-east-1", service: "iam")
        #expect(Hex.encode(key) == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
    }

    @Test func signsTheGetVanillaExampleOfTheTestSuite() {
        let signer = AWSSignatureV4(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.secret, region: "us-east-1", service: "service")
        let request = AWSSignatureV4.Request(
            method: "GET", path: "/", headers: [("Host", "example.amazonaws.com"), ("X-Amz-Date", "20150830T123600Z")],
            payloadHash: Self.emptyHash)
        let canonical = AWSSignatureV4.canonicalRequest(request)
        let expected = [
            "GET", "/", "", "host:example.amazonaws.com", "x-amz-date:20150830T123600Z", "", "host;x-amz-date",
            Self.emptyHash,
        ]
        #expect(canonical.text == expected.joined(separator: "\n"))
        #expect(
            Hex.encode(Digest.sha256(Array(canonical.text.utf8)))
                == "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63")
        #expect(
            signer.authorization(for: request, amzDate: "20150830T123600Z")
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, "
                + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func signsTheIAMListUsersExampleOfTheGuide() {
        let signer = AWSSignatureV4(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.secret, region: "us-east-1", service: "iam")
        let request = AWSSignatureV4.Request(
            method: "GET", path: "/", query: [("Version", "2010-05-08"), ("Action", "ListUsers")],
            headers: [
                ("X-Amz-Date", "20150830T123600Z"), ("Host", "iam.amazonaws.com"),
                ("Content-Type", "application/x-www-form-urlencoded;  charset=utf-8"),
            ],
            payloadHash: Self.emptyHash)
        let canonical = AWSSignatureV4.canonicalRequest(request)
        #expect(
            Hex.encode(Digest.sha256(Array(canonical.text.utf8)))
                == "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59")
        let key = AWSSignatureV4.signingKey(secret: Self.secret, date: "20150830", region: "us-east-1", service: "iam")
        #expect(Hex.encode(key) == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
        #expect(
            signer.authorization(for: request, amzDate: "20150830T123600Z").hasSuffix(
                "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"))
    }

    @Test func encodesQueryAndPathLikeAWS() {
        #expect(AWSSignatureV4.uriEncode("a b/c~d_e.f-g+h=") == "a%20b%2Fc~d_e.f-g%2Bh%3D")
        #expect(AWSSignatureV4.canonicalQuery([("b", "2"), ("a", "x y"), ("a", "1")]) == "a=1&a=x%20y&b=2")
        #expect(AWSSignatureV4.canonicalURI("/v2/email/outbound-emails") == "/v2/email/outbound-emails")
        #expect(AWSSignatureV4.canonicalURI("") == "/")
    }

    @Test func neverDescribesTheSecret() {
        let signer = AWSSignatureV4(
            accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.secret, region: "us-east-1", service: "ses")
        var dumped = ""
        dump(signer, to: &dumped)
        #expect(!"\(signer)".contains(Self.secret))
        #expect(!dumped.contains(Self.secret))
    }
}
