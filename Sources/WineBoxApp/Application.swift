public import Foundation
import Synchronization
public import WineBoxConfig
import WineBoxDomain
import WineBoxHTTP
public import WineBoxServices
import WineBoxStorage
public import WineBoxSupport
import WineBoxWeb

/// The composition root: opens the database, builds the router and middleware, and runs the HTTP server.
///
/// Lifecycle: ``init(configuration:logger:)`` prepares everything (creating the data directory and migrating
/// the database), ``start()`` begins serving, ``shutdown(gracePeriod:)`` stops intake, finishes in-flight
/// requests and closes the database. Each step is called once, in that order.
public final class Application: Sendable {
    public let configuration: AppConfiguration
    let logger: Logger
    let database: Database
    let server: HTTPServer
    let accounts: AccountService
    let cellar: CellarService
    /// Reads label photos (`POST /api/wines/scan`, check-ins with only a photo).
    let scanner: LabelScanner
    /// The label photos of wines (`<data_dir>/images`); routes that take uploads store them here.
    let labelImages: LabelImageStore
    /// Runs password hashing off the cooperative pool, a bounded number at a time.
    private let hashingPool: WorkerPool
    /// Decodes and re-encodes label images off the cooperative pool, two at a time.
    private let imagePool: WorkerPool
    /// The first-run setup code, logged as a link once the server listens; nil when accounts exist.
    private let setupCode: String?
    /// How often a running server looks for label images no wine refers to (it also looks once at start-up).
    private let imageSweepInterval: Duration
    /// The periodic look for orphaned images, from ``start()`` until ``shutdown(gracePeriod:)``.
    private let imageSweep = Mutex<Task<Void, Never>?>(nil)

    /// Prepares the application without serving yet.
    ///
    /// - Parameter imageSweepInterval: how often the running server removes label images no wine refers to
    ///   (left behind when storing a photo succeeded but its request failed and could not clean up); 6 hours by
    ///   default.
    /// - Throws: ``ApplicationError`` when the data directory or database cannot be prepared, or a storage
    ///   error from migration (for example a database written by a newer WineBox).
    public init(
        configuration: AppConfiguration, secrets: Secrets, logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() },
        instant: @escaping @Sendable () -> ContinuousClock.Instant = { .now },
        mailer: (any Mailer)? = nil, imageSweepInterval: Duration = .seconds(6 * 3600)
    ) async throws {
        self.configuration = configuration
        self.logger = logger
        self.imageSweepInterval = imageSweepInterval
        let signingKey = try SecretKeyCheck.signingKey(
            secrets.secretKey, debug: configuration.server.debug, logger: logger)
        Self.warnAboutProductionSettings(configuration, logger: logger)
        let mailConfiguration = Self.mailConfiguration(configuration.email, secrets: secrets)
        let accountMail: AccountMail
        do {
            accountMail = AccountMail(
                mailer: try mailer ?? mailConfiguration.makeMailer(logger: logger),
                templates: MailTemplates(configuration: mailConfiguration))
        } catch {
            throw ApplicationError("The mail settings are not usable: \(error)")
        }

        let dataDirectory = try Self.prepareDataDirectory(configuration.storage.dataDirectory)
        let databasePath = dataDirectory + "/" + Self.databaseFileName
        let database = try Database(path: databasePath)
        self.database = database
        do {
            let applied = try await Migrator(WineBoxMigrations.all).migrate(database)
            for migration in applied {
                logger.info(
                    "Migrated the database", [("version", String(migration.version)), ("name", migration.name)])
            }
            let instance = try await database.instanceInfo()
            logger.info(
                "Database ready",
                [
                    ("path", databasePath), ("schema_version", String(instance.schemaVersion)),
                    ("instance_id", instance.instanceID.uuidString.lowercased()),
                ])
        } catch {
            await database.close()
            throw error
        }

        let imagePool = WorkerPool(name: "images", threadCount: 2, maxQueuedJobs: 16)
        self.imagePool = imagePool
        do {
            labelImages = try LabelImageStore(
                directory: dataDirectory + "/" + Self.imagesDirectoryName, pool: imagePool,
                maxBytes: configuration.storage.maxUploadBytes, logger: logger)
        } catch {
            imagePool.shutdown()
            await database.close()
            throw ApplicationError("Cannot create the image directory: \(error.localizedDescription)")
        }

        let auth = configuration.auth
        hashingPool = WorkerPool(name: "argon2", threadCount: auth.maxConcurrentHashes, maxQueuedJobs: 64)
        let hasher = PasswordHasher(
            parameters: auth.argon2Parameters,
            pool: hashingPool)
        let tokens = TokenService(secretKey: signingKey, sessionLifetime: .seconds(auth.tokenLifetimeMinutes * 60))
        do {
            accounts = try await AccountService(
                database: database, hasher: hasher, tokens: tokens, throttle: LoginThrottle(),
                policy: PasswordPolicy(), requiresVerification: auth.emailVerificationRequired,
                registrationEnabled: auth.registrationEnabled, mail: accountMail, logger: logger, now: now,
                instant: instant)
            setupCode = try await accounts.prepareFirstRun()
        } catch {
            hashingPool.shutdown()
            imagePool.shutdown()
            await database.close()
            throw error
        }
        let accessGuard = SessionGuard(database: database, tokens: tokens, now: now)

        let staticFiles = StaticFiles(directory: configuration.server.publicDirectory)
        if staticFiles == nil {
            logger.warning(
                "The web interface folder does not exist; only the API is served",
                [("public_dir", configuration.server.publicDirectory)])
        }
        do {
            scanner = try Self.makeScanner(
                configuration: configuration, secrets: secrets, images: labelImages, database: database,
                logger: logger, now: now)
        } catch {
            hashingPool.shutdown()
            imagePool.shutdown()
            await database.close()
            throw error
        }
        cellar = CellarService(database: database, images: labelImages, now: now)
        await cellar.removeOrphanedImages(logger: logger)
        let responder = WebResponder(
            router: Self.makeRouter(
                configuration: configuration, accounts: accounts, cellar: cellar, labelImages: labelImages,
                scanner: scanner, now: now),
            middleware: Self.makeMiddleware(configuration: configuration, instant: instant),
            staticFiles: staticFiles, accessGuard: accessGuard, logger: logger,
            translateError: { error in (error as? StorageError)?.clientError ?? error })
        let server = configuration.server
        self.server = HTTPServer(
            configuration: HTTPServerConfiguration(
                host: server.bindAddress, port: server.port, threadCount: server.effectiveWorkerCount,
                connectionTimeoutSeconds: server.connectionTimeoutSeconds, maxConnections: server.maxConnections,
                maxConnectionsPerIP: server.maxConnectionsPerIP, maxBodyBytes: configuration.storage.maxUploadBytes),
            handler: responder, logger: logger)
    }

    /// The database file inside the data directory.
    static let databaseFileName = "winebox.sqlite3"
    /// The folder of label images inside the data directory.
    static let imagesDirectoryName = "images"

    /// The port the server listens on; useful when the configuration asked for port 0.
    public var port: Int { server.port }

    /// Starts serving.
    ///
    /// - Throws: an error when the address cannot be bound.
    public func start() throws {
        try server.start()
        let (cellar, logger, interval) = (cellar, logger, imageSweepInterval)
        imageSweep.withLock { sweep in
            sweep = Task.detached(priority: .background) {
                while (try? await Task.sleep(for: interval)) != nil {
                    await cellar.removeOrphanedImages(logger: logger)
                }
            }
        }
        logger.info(
            "WineBox is listening",
            [
                ("url", "http://\(Self.urlHost(configuration.server.bindAddress)):\(server.port)"),
                ("version", WineBoxVersion.current), ("workers", String(configuration.server.effectiveWorkerCount)),
            ])
        if let setupCode {
            let link =
                "http://\(Self.urlHost(configuration.server.bindAddress)):\(server.port)/#setup?token=\(setupCode)"
            logger.warning(
                "No accounts yet: open the setup link to create the first admin (it works once)", [("setup_url", link)])
        }
    }

    /// Stops accepting connections, lets in-flight requests finish (up to `gracePeriod`), then closes the
    /// database.
    public func shutdown(gracePeriod: Duration = .seconds(10)) async {
        logger.info("Shutting down", [("in_flight", String(server.inFlightCount))])
        await server.shutdown(gracePeriod: gracePeriod)
        if let sweep = imageSweep.withLock({ $0.take() }) {
            sweep.cancel()
            await sweep.value
        }
        hashingPool.shutdown()
        imagePool.shutdown()
        scanner.reader.shutdown()
        await database.close()
        logger.info("Stopped")
    }

    /// The middleware, outermost first: the access log sees every final response, security headers go on every
    /// response (errors included), the client address is decided before the rate limits use it.
    static func makeMiddleware(
        configuration: AppConfiguration, instant: @escaping @Sendable () -> ContinuousClock.Instant
    ) -> [any Middleware] {
        var middleware: [any Middleware] = []
        if configuration.logging.accessLog {
            middleware.append(AccessLogMiddleware())
        }
        middleware.append(SecurityHeadersMiddleware(enforceHTTPS: configuration.server.enforceHTTPS))
        middleware.append(ClientAddressMiddleware(trustedProxies: configuration.server.trustedProxies))
        if configuration.server.enforceHTTPS {
            middleware.append(HTTPSOnlyMiddleware(trustedProxies: configuration.server.trustedProxies))
        }
        middleware.append(CORSMiddleware(origins: configuration.server.corsOrigins))
        if configuration.server.rateLimitEnabled {
            let limits = RateLimitMiddleware.Limits(
                apiPerMinute: configuration.server.rateLimitPerMinute,
                authPerMinute: configuration.auth.authRateLimitPerMinute)
            middleware.append(RateLimitMiddleware(limits: limits, instant: instant))
        }
        return middleware
    }

    static func makeRouter(
        configuration: AppConfiguration, accounts: AccountService, cellar: CellarService,
        labelImages: LabelImageStore, scanner: LabelScanner, now: @escaping @Sendable () -> Date
    ) -> Router {
        var router = Router()
        HealthRoutes.register(on: &router, appName: configuration.appName, version: WineBoxVersion.current)
        OpenAPIRoutes.register(on: &router)
        AuthRoutes.register(on: &router, accounts: accounts)
        AdminRoutes.register(on: &router, accounts: accounts)
        RecoveryRoutes.register(on: &router, accounts: accounts)
        WineRoutes.register(on: &router, cellar: cellar, images: labelImages, scanner: scanner)
        ScanRoutes.register(on: &router, scanner: scanner)
        CellarRoutes.register(on: &router, cellar: cellar, now: now)
        LotRoutes.register(on: &router, cellar: cellar)
        ScoreRoutes.register(on: &router, cellar: cellar)
        ImageRoutes.register(on: &router, images: labelImages)
        XWinesRoutes.register(on: &router, database: accounts.database)
        return router
    }

    static func mailConfiguration(_ email: AppConfiguration.Email, secrets: Secrets) -> MailConfiguration {
        MailConfiguration(
            backend: MailConfiguration.Backend(rawValue: email.backend) ?? .console, fromAddress: email.fromAddress,
            fromName: email.fromName, frontendURL: email.frontendURL, awsRegion: email.awsRegion,
            sesEndpoint: email.sesEndpoint.isEmpty ? nil : email.sesEndpoint,
            smtpHost: email.smtpHost.isEmpty ? nil : email.smtpHost, smtpPort: email.smtpPort,
            smtpUsername: email.smtpUsername.isEmpty ? nil : email.smtpUsername,
            smtpSecurity: MailConfiguration.SMTPSecurity(rawValue: email.smtpSecurity) ?? .starttls,
            smtpPassword: secrets.smtpPassword, awsAccessKeyID: secrets.awsAccessKeyID,
            awsSecretAccessKey: secrets.awsSecretAccessKey, timeout: .seconds(email.timeoutSeconds))
    }

    /// The production checklist items that can only be warned about, not enforced.
    static func warnAboutProductionSettings(_ configuration: AppConfiguration, logger: Logger) {
        let server = configuration.server
        if server.debug {
            logger.warning("Debug mode is on: never use it in production")
        }
        if !server.enforceHTTPS {
            logger.warning("enforce_https is off: put WineBox behind an HTTPS reverse proxy and turn it on")
        } else if server.trustedProxies.isEmpty {
            logger.warning("enforce_https is on but no trusted_proxies are set: every non-health request is refused")
        }
        if server.corsOrigins.contains("*") {
            logger.warning("cors_origins allows any origin: list the exact origins instead")
        }
    }

    /// Creates the data directory (mode 0700) when missing and returns its absolute path.
    static func prepareDataDirectory(_ path: String) throws -> String {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        do {
            try FileManager.default.createDirectory(
                at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ApplicationError("Cannot create the data directory \(url.path): \(error.localizedDescription)")
        }
        guard FileManager.default.isWritableFile(atPath: url.path) else {
            throw ApplicationError("The data directory \(url.path) is not writable")
        }
        return url.path
    }

    private static func urlHost(_ address: String) -> String {
        address.contains(":") ? "[\(address)]" : address
    }
}

/// A start-up failure of the application, with a message for the operator.
public struct ApplicationError: Error, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
