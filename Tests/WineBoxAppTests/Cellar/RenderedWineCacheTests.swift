import Testing

@testable import WineBoxApp

@Suite struct RenderedWineCacheTests {
    @Test func aBodyIsReturnedOnlyForTheGenerationItWasRenderedAt() {
        let cache = RenderedWineCache()
        cache.keep([1, 2, 3], for: "a", at: 7)
        #expect(cache.body(for: "a", at: 7) == [1, 2, 3])
        #expect(cache.body(for: "a", at: 8) == nil)
        #expect(cache.body(for: "b", at: 7) == nil)
    }

    @Test func stayingWithinTheLimitDropsOlderGenerationsFirst() {
        let cache = RenderedWineCache(byteLimit: 10)
        cache.keep([UInt8](repeating: 0, count: 4), for: "old", at: 1)
        cache.keep([UInt8](repeating: 0, count: 4), for: "current", at: 2)
        cache.keep([UInt8](repeating: 0, count: 4), for: "new", at: 2)
        #expect(cache.body(for: "old", at: 1) == nil)
        #expect(cache.body(for: "current", at: 2)?.count == 4)
        #expect(cache.body(for: "new", at: 2)?.count == 4)

        cache.keep([UInt8](repeating: 0, count: 4), for: "third", at: 2)
        #expect(cache.body(for: "current", at: 2) == nil)
        #expect(cache.body(for: "third", at: 2)?.count == 4)
    }

    @Test func aBodyLargerThanTheLimitIsNotKept() {
        let cache = RenderedWineCache(byteLimit: 3)
        cache.keep([1, 2, 3, 4], for: "a", at: 1)
        #expect(cache.body(for: "a", at: 1) == nil)
    }
}
