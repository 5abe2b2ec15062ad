extension AppConfiguration {
    /// Outgoing mail (verification and password-reset links), the `[email]` section of `config.toml`.
    public struct Email: Sendable, Equatable {
        /// Where mail goes (`backend`, `WINEBOX_EMAIL_BACKEND`): `console` (default: written to the log, for
        /// development), `smtp` (an SMTP server) or `ses` (Amazon SES).
        public var backend = "console"
        /// The sender address (`from_address`, `WINEBOX_EMAIL_FROM_ADDRESS`). Default `"support@winebox.app"`.
        public var fromAddress = "support@winebox.app"
        /// The sender's display name (`from_name`, `WINEBOX_EMAIL_FROM_NAME`). Default `"WineBox"`.
        public var fromName = "WineBox"
        /// The address people open WineBox at, for links in mails (`frontend_url`, `WINEBOX_EMAIL_FRONTEND_URL`).
        /// Default `"http://localhost:8000"`.
        public var frontendURL = "http://localhost:8000"
        /// The SES region (`aws_region`, `WINEBOX_EMAIL_AWS_REGION`). Default `"eu-west-1"`.
        public var awsRegion = "eu-west-1"
        /// Another SES endpoint URL (`ses_endpoint`, `WINEBOX_EMAIL_SES_ENDPOINT`). Default empty: the public
        /// endpoint of the region.
        public var sesEndpoint = ""
        /// The SMTP server (`smtp_host`, `WINEBOX_EMAIL_SMTP_HOST`). Default empty; required for `smtp`.
        public var smtpHost = ""
        /// The SMTP port (`smtp_port`, `WINEBOX_EMAIL_SMTP_PORT`). Default 587; 1-65535.
        public var smtpPort = 587
        /// The SMTP user name (`smtp_username`, `WINEBOX_EMAIL_SMTP_USERNAME`); its password is the secret
        /// `WINEBOX_SMTP_PASSWORD`. Default empty: no authentication.
        public var smtpUsername = ""
        /// How the SMTP connection is protected (`smtp_security`, `WINEBOX_EMAIL_SMTP_SECURITY`): `starttls`
        /// (default), `tls`, or `none` (only for a server on this machine).
        public var smtpSecurity = "starttls"
        /// Seconds before a mail delivery is given up (`timeout_seconds`, `WINEBOX_EMAIL_TIMEOUT_SECONDS`).
        /// Default 15; 1-120.
        public var timeoutSeconds = 15

        /// The all-defaults mail settings.
        public init() {}
    }
}
