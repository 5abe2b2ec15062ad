import Foundation
import WineBoxTesting

/// An SMTP server on 127.0.0.1 for tests: a small state machine that speaks just enough ESMTP for libcurl
/// (EHLO, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and records every session.
final class FakeSMTPServer: Sendable {
    /// How the server behaves.
    struct Options: Sendable {
        /// The SASL mechanisms offered after EHLO; empty offers no AUTH.
        var authMechanisms: [String] = []
        /// The credentials AUTH accepts; anything else gets 535.
        var username = "cellar"
        var password = "p@ss w0rd"
        /// Answer every RCPT with 550.
        var rejectRecipients = false
        /// Accept the connection but never say anything (to test timeouts).
        var silent = false
    }

    /// What one client did.
    struct Session: Sendable {
        /// Every command line, in order (AUTH continuation lines included, as sent).
        var commands: [String] = []
        /// The SASL mechanism used and the credentials received, decoded.
        var authMechanism: String?
        var receivedUsername: String?
        var receivedPassword: String?
        /// The message after DATA, with dot-stuffing removed and CRLF line endings.
        var data: String?
        /// Whether the message arrived with a bare LF or CR anywhere.
        var hadBareLineFeed = false

        /// The command verbs (`EHLO`, `MAIL`, …) in order.
        var verbs: [String] {
            commands.map { String($0.prefix { $0 != " " }).uppercased() }
        }
    }

    private let server: LoopbackServer
    private let recorded: Recorder<Session>
    var port: Int { server.port }

    init(_ options: Options = Options()) throws {
        let recorded = Recorder<Session>()
        self.recorded = recorded
        server = try LoopbackServer { connection in
            let session = Self.serve(connection, options: options)
            recorded.append(session)
        }
    }

    deinit {
        server.stop()
    }

    /// The finished sessions so far.
    var sessions: [Session] {
        recorded.all
    }

    /// Waits (up to 5 s) until `count` sessions have finished, and returns them.
    func waitForSessions(_ count: Int = 1) async throws -> [Session] {
        for _ in 0..<500 {
            let current = sessions
            if current.count >= count {
                return current
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw SocketError("expected \(count) SMTP session(s), got \(sessions.count)")
    }

    private static func serve(_ connection: SocketConnection, options: Options) -> Session {
        var session = Session()
        if options.silent {
            connection.waitForClose()
            return session
        }
        connection.write("220 fake.test ESMTP ready\r\n")
        var authenticated = false
        while let line = connection.readLine() {
            session.commands.append(line)
            let upper = line.uppercased()
            if upper.hasPrefix("EHLO") {
                var lines = ["fake.test greets you", "8BITMIME"]
                if !options.authMechanisms.isEmpty {
                    lines.append("AUTH " + options.authMechanisms.joined(separator: " "))
                }
                let reply = lines.enumerated().map { "250\($0.offset == lines.count - 1 ? " " : "-")\($0.element)" }
                connection.write(reply.joined(separator: "\r\n") + "\r\n")
            } else if upper.hasPrefix("AUTH ") {
                authenticated = authenticate(line, connection: connection, options: options, session: &session)
                connection.write(authenticated ? "235 2.7.0 Authenticated\r\n" : "535 5.7.8 Bad credentials\r\n")
            } else if upper.hasPrefix("MAIL FROM:") {
                let needsAuth = !options.authMechanisms.isEmpty && !authenticated
                connection.write(needsAuth ? "530 5.7.0 Authentication required\r\n" : "250 2.1.0 OK\r\n")
            } else if upper.hasPrefix("RCPT TO:") {
                let address = line.dropFirst("RCPT TO:".count)
                connection.write(
                    options.rejectRecipients
                        ? "550 5.1.1 \(address): Recipient address rejected\r\n" : "250 2.1.5 OK\r\n")
            } else if upper == "DATA" {
                connection.write("354 End data with <CR><LF>.<CR><LF>\r\n")
                session.data = readData(connection, session: &session)
                connection.write("250 2.0.0 Queued as F4K3\r\n")
            } else if upper == "QUIT" {
                connection.write("221 2.0.0 Bye\r\n")
                break
            } else if upper == "RSET" || upper == "NOOP" {
                connection.write("250 2.0.0 OK\r\n")
            } else {
                connection.write("502 5.5.2 Command not recognised\r\n")
            }
        }
        return session
    }

    /// Runs an AUTH exchange; returns whether the credentials were right.
    private static func authenticate(
        _ line: String, connection: SocketConnection, options: Options, session: inout Session
    ) -> Bool {
        let parts = line.split(separator: " ").map(String.init)
        let mechanism = parts.count > 1 ? parts[1].uppercased() : ""
        session.authMechanism = mechanism
        func next(_ prompt: String) -> String {
            connection.write("334 \(prompt)\r\n")
            let answer = connection.readLine() ?? ""
            session.commands.append(answer)
            return answer
        }
        func decode(_ text: String) -> String {
            Data(base64Encoded: text).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        switch mechanism {
        case "PLAIN":
            let response = parts.count > 2 ? parts[2] : next("")
            let fields = decode(response).split(separator: "\u{0}", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else {
                return false
            }
            session.receivedUsername = fields[1]
            session.receivedPassword = fields[2]
        case "LOGIN":
            let user = parts.count > 2 ? parts[2] : next(Data("Username:".utf8).base64EncodedString())
            session.receivedUsername = decode(user)
            session.receivedPassword = decode(next(Data("Password:".utf8).base64EncodedString()))
        default:
            return false
        }
        return session.receivedUsername == options.username && session.receivedPassword == options.password
    }

    /// Reads the message up to the lone `.`, undoing dot-stuffing.
    private static func readData(_ connection: SocketConnection, session: inout Session) -> String {
        var lines: [String] = []
        while let (line, endedWithCRLF) = connection.readTerminatedLine() {
            if !endedWithCRLF || line.contains("\r") {
                session.hadBareLineFeed = true
            }
            if line == "." {
                break
            }
            lines.append(line.hasPrefix("..") ? String(line.dropFirst()) : line)
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
