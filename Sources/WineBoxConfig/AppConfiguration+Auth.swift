extension AppConfiguration {
    /// Accounts and sign-in settings, the `[auth]` section of `config.toml`.
    public struct Auth: Sendable, Equatable {
        /// Whether an account must confirm its e-mail address before it can sign in
        /// (`email_verification_required`, `WINEBOX_AUTH_EMAIL_VERIFICATION_REQUIRED`). Default `true`.
        /// Accounts created by an admin, the CLI or first-run setup count as verified.
        public var emailVerificationRequired = true
        /// Whether anyone who can reach WineBox may create an account (`registration_enabled`,
        /// `WINEBOX_AUTH_REGISTRATION_ENABLED`). Default `false`: admins add the household's members. The
        /// earlier WineBox defaulted to `true`; a single-household server should not accept strangers.
        public var registrationEnabled = false
        /// How long a sign-in lasts, in minutes (`token_lifetime_minutes`, `WINEBOX_AUTH_TOKEN_LIFETIME_MINUTES`).
        ///
        /// Default 120 (2 hours); 5-1440. There is no refresh: after this the member signs in again.
        public var tokenLifetimeMinutes = 120
        /// Argon2id memory per hash in KiB (`argon2_memory_kib`, `WINEBOX_AUTH_ARGON2_MEMORY_KIB`).
        ///
        /// Default 65536 (64 MiB); 19456-1048576 (the lower bound is the OWASP minimum). Hashes made with other
        /// parameters are upgraded at the member's next sign-in.
        public var argon2MemoryKiB = 65536
        /// Argon2id passes (`argon2_iterations`, `WINEBOX_AUTH_ARGON2_ITERATIONS`). Default 3; 2-10.
        public var argon2Iterations = 3
        /// Argon2id lanes (`argon2_parallelism`, `WINEBOX_AUTH_ARGON2_PARALLELISM`). Default 1; 1-8.
        public var argon2Parallelism = 1
        /// How many password hashes may run at once (`max_concurrent_hashes`,
        /// `WINEBOX_AUTH_MAX_CONCURRENT_HASHES`). Default 2; 1-16. Each uses `argon2_memory_kib` of memory;
        /// further sign-ins wait in a bounded queue, and are answered 503 when it is full.
        public var maxConcurrentHashes = 2
        /// Requests per minute per client address to the sign-in endpoints (`auth_rate_limit_per_minute`,
        /// `WINEBOX_AUTH_AUTH_RATE_LIMIT_PER_MINUTE`). Default 30; 1-10000.
        public var authRateLimitPerMinute = 30

        /// The all-defaults auth settings.
        public init() {}
    }
}
