import Foundation

/// An IPv4 or IPv6 socket address parsed from a numeric host literal.
struct SocketAddress {
    private var storage = sockaddr_storage()
    let isIPv6: Bool

    /// - Throws: ``HTTPServerError`` with code `invalidAddress` when `host` is not an IP literal.
    init(host: String, port: Int) throws {
        guard (0...65535).contains(port) else {
            throw HTTPServerError(code: .invalidAddress, message: "Port \(port) is outside 0–65535")
        }
        var ipv4 = sockaddr_in()
        var ipv6 = sockaddr_in6()
        var address = sockaddr_storage()
        if inet_pton(AF_INET, host, &ipv4.sin_addr) == 1 {
            ipv4.sin_family = sa_family_t(AF_INET)
            ipv4.sin_port = in_port_t(UInt16(port).bigEndian)
            withUnsafeBytes(of: ipv4) { source in
                withUnsafeMutableBytes(of: &address) { $0.copyMemory(from: source) }
            }
            storage = address
            isIPv6 = false
        } else if inet_pton(AF_INET6, host, &ipv6.sin6_addr) == 1 {
            ipv6.sin6_family = sa_family_t(AF_INET6)
            ipv6.sin6_port = in_port_t(UInt16(port).bigEndian)
            withUnsafeBytes(of: ipv6) { source in
                withUnsafeMutableBytes(of: &address) { $0.copyMemory(from: source) }
            }
            storage = address
            isIPv6 = true
        } else {
            throw HTTPServerError(code: .invalidAddress, message: "\(host) is not an IPv4 or IPv6 address")
        }
    }

    /// Calls `body` with a pointer valid only for the duration of the call.
    func withUnsafePointer<Result>(_ body: (UnsafePointer<sockaddr>) -> Result) -> Result {
        withUnsafeBytes(of: storage) { buffer in
            body(buffer.baseAddress!.assumingMemoryBound(to: sockaddr.self))
        }
    }
}
