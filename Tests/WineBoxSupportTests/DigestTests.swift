import Testing
import WineBoxSupport

@Suite struct DigestTests {
    @Test func sha256MatchesTheStandardVectors() {
        #expect(
            Hex.encode(Digest.sha256(Array("abc".utf8)))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Hex.encode(Digest.sha256([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func hmacSHA256MatchesRFC4231TestCase2() {
        let mac = Digest.hmacSHA256(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(Hex.encode(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func constantTimeEqualityComparesContentAndLength() {
        #expect(Digest.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!Digest.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!Digest.constantTimeEquals([1, 2, 3], [1, 2]))
        #expect(Digest.constantTimeEquals([UInt8](), []))
    }

    @Test func randomBytesHaveTheRequestedLengthAndDiffer() {
        #expect(SecureRandom.bytes(count: 32).count == 32)
        #expect(SecureRandom.hexString(byteCount: 8).count == 16)
        #expect(SecureRandom.bytes(count: 16) != SecureRandom.bytes(count: 16))
        // Lengths that are not a multiple of the generator's 8-byte words.
        #expect(SecureRandom.bytes(count: 0).isEmpty)
        #expect(SecureRandom.bytes(count: 13).count == 13)
        #expect(Set((0..<64).map { _ in SecureRandom.bytes(count: 1)[0] }).count > 1)
    }
}

@Suite struct SHA256HasherTests {
    @Test func pieceByPieceEqualsTheOneShotDigest() {
        let data = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let hasher = SHA256Hasher()
        var offset = 0
        for size in [0, 1, 63, 64, 65, 4_096, 30_000] {
            hasher.update(data[offset..<offset + size])
            offset += size
        }
        hasher.update(data[offset...])
        #expect(hasher.finish() == Digest.sha256(data))
    }

    @Test func matchesTheStandardVectors() {
        let abc = SHA256Hasher()
        abc.update(Array("a".utf8))
        abc.update(Array("bc".utf8))
        #expect(Hex.encode(abc.finish()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Hex.encode(SHA256Hasher().finish()) == Hex.encode(Digest.sha256([])))
    }
}
