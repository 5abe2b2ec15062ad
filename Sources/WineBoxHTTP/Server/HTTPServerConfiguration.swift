import Foundation

/// The system temporary directory, as `TMPDIR` or `/tmp`.
public let defaultTemporaryDirectory = NSTemporaryDirectory()

/// How the HTTP server listens and what it accepts.
public struct HTTPServerConfiguration: Sendable {
    /// The address to bind: an IPv4 or IPv6 literal. Default `127.0.0.1`.
    public var host: String
    /// The TCP port; 0 picks a free ephemeral port (read it back from ``HTTPServer/port``). Default 8000.
    public var port: Int
    /// Threads that run the event loops and the handlers' synchronous parts. Default 2.
    public var threadCount: Int
    /// Seconds a connection may stay idle (also between keep-alive requests) before it is closed. Default 30.
    public var connectionTimeoutSeconds: Int
    /// Connections open at once, all clients together. Default 1024.
    public var maxConnections: Int
    /// Connections open at once from one client address; 0 means unlimited. Default 128.
    public var maxConnectionsPerIP: Int
    /// The largest request body accepted, in bytes. Larger bodies get 413, before upload when the client
    /// sends `Content-Length`. Default 10 MiB.
    public var maxBodyBytes: Int
    /// Uploaded files up to this size stay in memory; larger ones are written to ``temporaryDirectory``.
    /// Default 256 KiB.
    public var uploadMemoryThreshold: Int
    /// Where large uploads are spilled. Default: the system temporary directory.
    public var temporaryDirectory: String

    public init(
        host: String = "127.0.0.1", port: Int = 8000, threadCount: Int = 2, connectionTimeoutSeconds: Int = 30,
        maxConnections: Int = 1024, maxConnectionsPerIP: Int = 128, maxBodyBytes: Int = 10 * 1024 * 1024,
        uploadMemoryThreshold: Int = 256 * 1024, temporaryDirectory: String = defaultTemporaryDirectory
    ) {
        self.host = host
        self.port = port
        self.threadCount = threadCount
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.maxConnections = maxConnections
        self.maxConnectionsPerIP = maxConnectionsPerIP
        self.maxBodyBytes = maxBodyBytes
        self.uploadMemoryThreshold = uploadMemoryThreshold
        self.temporaryDirectory = temporaryDirectory
    }
}
