import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension AppConfiguration {
    /// HTTP server settings, the `[server]` section of `config.toml`.
    public struct Server: Sendable, Equatable {
        /// The address to listen on (`host`, `WINEBOX_SERVER_HOST`).
        ///
        /// Default `"127.0.0.1"` (this machine only). Must be an IPv4 or IPv6 literal such as `0.0.0.0` or
        /// `::1`, or `localhost`, which means `127.0.0.1`; host names are refused. See ``bindAddress``.
        public var host = "127.0.0.1"
        /// The TCP port (`port`, `WINEBOX_SERVER_PORT`). Default 8000; 0-65535, 0 picks a free ephemeral port.
        public var port = 8000
        /// Development mode (`debug`, `WINEBOX_SERVER_DEBUG`). Default `false`.
        ///
        /// Never enable it in production: it turns a too-short `WINEBOX_SECRET_KEY` into a warning.
        public var debug = false
        /// Whether to send `Strict-Transport-Security` (`enforce_https`, `WINEBOX_SERVER_ENFORCE_HTTPS`).
        ///
        /// Default `false`. Set it when a TLS-terminating reverse proxy is in front of WineBox.
        public var enforceHTTPS = false
        /// The number of HTTP worker threads (`workers`, `WINEBOX_SERVER_WORKERS`).
        ///
        /// Default 0, meaning one per CPU core; 0-64. See ``workerThreadCount(processorCount:)``.
        public var workers = 0
        /// Idle time after which a connection is closed, in seconds
        /// (`connection_timeout_seconds`, `WINEBOX_SERVER_CONNECTION_TIMEOUT_SECONDS`). Default 30; 1-3600.
        public var connectionTimeoutSeconds = 30
        /// The most simultaneous connections (`max_connections`, `WINEBOX_SERVER_MAX_CONNECTIONS`).
        ///
        /// Default 1024; 1-100000.
        public var maxConnections = 1024
        /// The most simultaneous connections from one client IP address
        /// (`max_connections_per_ip`, `WINEBOX_SERVER_MAX_CONNECTIONS_PER_IP`).
        ///
        /// Default 128; 0-100000, 0 means unlimited. See ``connectionLimitPerIP``.
        public var maxConnectionsPerIP = 128
        /// The directory of the static web interface files (`public_dir`, `WINEBOX_SERVER_PUBLIC_DIR`).
        ///
        /// Default `"Public"`. A relative path is relative to the current working directory.
        public var publicDirectory = "Public"
        /// Whether per-client rate limits apply (`rate_limit_enabled`, `WINEBOX_SERVER_RATE_LIMIT_ENABLED`).
        ///
        /// Default `true`. `WINEBOX_RATE_LIMIT_DISABLED=1` (the earlier WineBox's switch, for benchmarks) turns
        /// them off too.
        public var rateLimitEnabled = true
        /// API requests per minute per client address (`rate_limit_per_minute`,
        /// `WINEBOX_SERVER_RATE_LIMIT_PER_MINUTE`). Default 60; 1-100000.
        public var rateLimitPerMinute = 60
        /// Reverse proxies whose `X-Forwarded-For` header is believed (`trusted_proxies`,
        /// `WINEBOX_SERVER_TRUSTED_PROXIES`, comma-separated). Default none: the connecting address counts.
        public var trustedProxies: [String] = []
        /// Origins allowed to call the API from a browser on another origin (`cors_origins`,
        /// `WINEBOX_SERVER_CORS_ORIGINS`, comma-separated). Default none: same-origin only. `"*"` allows any
        /// origin and is warned about in production.
        public var corsOrigins: [String] = []

        /// The all-defaults server settings.
        public init() {}

        /// The numeric address to bind: ``host``, with `localhost` replaced by `127.0.0.1`.
        public var bindAddress: String {
            host.lowercased() == "localhost" ? "127.0.0.1" : host
        }

        /// ``connectionTimeoutSeconds`` as a `Duration`.
        public var connectionTimeout: Duration { .seconds(connectionTimeoutSeconds) }

        /// ``maxConnectionsPerIP``, or `nil` when it is 0 (unlimited).
        public var connectionLimitPerIP: Int? { maxConnectionsPerIP == 0 ? nil : maxConnectionsPerIP }

        /// The number of worker threads to start: ``workers``, or `processorCount` (at least 1) when it is 0.
        public func workerThreadCount(processorCount: Int) -> Int {
            workers > 0 ? workers : max(1, processorCount)
        }

        /// ``workerThreadCount(processorCount:)`` for the active processors of this machine.
        public var effectiveWorkerCount: Int {
            workerThreadCount(processorCount: ProcessInfo.processInfo.activeProcessorCount)
        }

        /// Whether `text` is acceptable for ``host``: an IPv4 or IPv6 address literal, or `localhost`.
        ///
        /// IPv6 literals are written without brackets (`::1`); zone suffixes (`%eth0`) are refused.
        static func isValidHost(_ text: String) -> Bool {
            if text.lowercased() == "localhost" { return true }
            var ipv4 = in_addr()
            if inet_pton(AF_INET, text, &ipv4) == 1 { return true }
            var ipv6 = in6_addr()
            return inet_pton(AF_INET6, text, &ipv6) == 1
        }
    }
}
