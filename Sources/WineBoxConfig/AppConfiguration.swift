/// The effective WineBox configuration: built-in defaults, overridden by `config.toml`, overridden by
/// `WINEBOX_<SECTION>_<KEY>` environment variables.
///
/// `AppConfiguration()` is the all-defaults configuration. ``ConfigurationLoader`` builds validated
/// values; a value assembled by hand is not validated. Secrets are kept apart in ``Secrets``.
public struct AppConfiguration: Sendable, Equatable {
    /// The product name shown in `/health`, e-mails and the OpenAPI title (`app_name`).
    ///
    /// Default `"WineBox"`; 1-64 characters, no control characters.
    public var appName = "WineBox"
    /// The HTTP server (`[server]`).
    public var server = Server()
    /// Data and upload limits (`[storage]`).
    public var storage = Storage()
    /// Log output (`[logging]`).
    public var logging = Logging()
    /// Accounts and sign-in (`[auth]`).
    public var auth = Auth()
    /// Outgoing mail (`[email]`).
    public var email = Email()
    /// Label reading with Tesseract and Claude (`[ocr]`).
    public var ocr = OCR()

    /// The all-defaults configuration.
    public init() {}
}
