import Foundation
import WineBoxApp
import WineBoxConfig
import WineBoxSupport

/// `winebox user add|list|disable|enable|passwd|remove`: account administration on the local database.
enum UserCommand {
    static func run(_ context: CommandContext, passwordSource: PasswordInput.Source) async -> Int32 {
        let loaded: LoadedConfiguration
        do {
            loaded = try context.loadConfiguration()
        } catch {
            context.output.printError("winebox: invalid configuration: \(error.message)")
            return ExitCode.configuration
        }
        let path = context.arguments.commandPath
        let email = context.arguments.positionals.first ?? ""

        // Read the password before opening the database, so a usage mistake changes nothing.
        var password = ""
        if path == Commands.userAdd.path || path == Commands.userPasswd.path {
            do {
                password = try PasswordInput.read(
                    fromStandardInput: context.arguments.flag("password-stdin"), source: passwordSource,
                    commandPath: path)
            } catch {
                context.output.printError("winebox: \(error.message)")
                return ExitCode.usage
            }
        }
        if path == Commands.userRemove.path && !context.arguments.flag("force") {
            context.output.printError("winebox: removing \(email) cannot be undone; repeat with --force")
            return ExitCode.usage
        }

        let administration: UserAdministration
        do {
            administration = try await UserAdministration(
                configuration: loaded.configuration, logger: Logger.make(for: loaded.configuration.logging))
        } catch {
            context.output.printError("winebox: \(error)")
            return ExitCode.failure
        }
        do {
            let message = try await perform(path, email: email, password: password, context, administration)
            await administration.close()
            if !message.isEmpty {
                context.output.print(message)
            }
            return ExitCode.success
        } catch {
            await administration.close()
            context.output.printError("winebox: \(error)")
            return ExitCode.failure
        }
    }

    private static func perform(
        _ path: [String], email: String, password: String, _ context: CommandContext,
        _ administration: UserAdministration
    ) async throws -> String {
        switch path {
        case Commands.userAdd.path:
            let user = try await administration.add(
                email: email, password: password, fullName: context.arguments.value("name") ?? "",
                isAdmin: context.arguments.flag("admin"))
            return "Created \(user.isAdmin ? "admin" : "member") \(user.email)"
        case Commands.userList.path:
            return table(try await administration.list())
        case Commands.userDisable.path, Commands.userEnable.path:
            let enable = path == Commands.userEnable.path
            let changed = try await administration.setActive(email: email, enable)
            return changed
                ? "\(enable ? "Enabled" : "Disabled") \(email)"
                : "\(email) is already \(enable ? "enabled" : "disabled")"
        case Commands.userPasswd.path:
            try await administration.setPassword(email: email, password: password)
            return "Password changed for \(email); its sessions are signed out"
        case Commands.userRemove.path:
            try await administration.remove(email: email)
            return "Removed \(email)"
        default:
            return ""
        }
    }

    static func table(_ users: [UserAdministration.Summary]) -> String {
        guard !users.isEmpty else {
            return "No accounts."
        }
        let formatter = ISO8601DateFormatter()
        let rows =
            [["EMAIL", "NAME", "ROLE", "ACTIVE", "VERIFIED", "LAST SIGN-IN"]]
            + users.map { user in
                [
                    user.email, user.fullName, user.isAdmin ? "admin" : "member", user.isActive ? "yes" : "no",
                    user.isVerified ? "yes" : user.isInvited ? "invited" : "no",
                    user.lastSignIn.map(formatter.string(from:)) ?? "never",
                ]
            }
        let widths = (0..<6).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
