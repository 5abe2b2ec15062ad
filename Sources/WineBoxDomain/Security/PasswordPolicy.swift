/// The rules a new password must pass (sign-up, password change, password reset), following ASVS 5.0 V6.2.
///
/// In order, the first rule broken is reported:
/// 1. *Length*: 8 to 128 characters (defaults), counted as Unicode characters (`String.count`, so "🍷" is one).
///    As a guard for the password hash, more than 16 bytes of UTF-8 per allowed character (2,048 bytes by
///    default) is also too long; that still admits 128 flags or 64 family emoji, but not text piled with
///    combining marks.
/// 2. *Common passwords*: not on ``CommonPasswords`` (compared case-insensitively).
/// 3. *Context words*: not built only from words tied to the service (default `winebox`, `wine`, `cellar`) or to
///    the user (the email's local part, and the part before a `+` tag), padded with digits, punctuation or spaces:
///    for alice.smith@example.com, `Cellar2024!`, `winecellar1`, `AliceSmith99` and `smith-1234` are refused,
///    `my wine cellar in the attic` is not.
///    Context words shorter than 3 characters are ignored.
///
/// There are no composition rules (no "must contain a digit") and the password is never changed: no truncation,
/// case folding or normalisation (ASVS 6.2.5, 6.2.8); lower-casing is used only for the comparisons above.
///
/// - Threading: an immutable value; use it from anywhere.
/// - Failure modes: ``validate(_:email:)`` throws ``WineBoxError`` with code ``WineBoxError/Code/invalidInput`` and
///   a message naming the broken rule. Messages never contain the password or the email address.
public struct PasswordPolicy: Sendable, Hashable {
    /// The fewest characters accepted; default 8.
    public let minimumLength: Int
    /// The most characters accepted; default 128.
    public let maximumLength: Int
    /// Lower-case words tied to the service that a password must not be built from.
    public let contextWords: [String]

    /// The words tied to WineBox that passwords must not be built from.
    public static let defaultContextWords = ["winebox", "wine", "cellar"]

    /// WineBox's policy: 8 to 128 characters, not common, not built from context words.
    public static let standard = PasswordPolicy()

    /// Context words shorter than this are ignored: stripping one or two letters would refuse too much.
    static let shortestContextWord = 3

    /// - Parameters:
    ///   - minimumLength: the fewest characters; at least 1 (default 8).
    ///   - maximumLength: the most characters; at least `minimumLength` (default 128).
    ///   - contextWords: words tied to the service (lower-cased here).
    /// Invalid lengths trap, as a programming error.
    public init(
        minimumLength: Int = 8, maximumLength: Int = 128, contextWords: [String] = PasswordPolicy.defaultContextWords
    ) {
        precondition(minimumLength >= 1 && maximumLength >= minimumLength, "Invalid password length limits")
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
        self.contextWords = contextWords.map { $0.lowercased() }
    }

    /// Checks `password` as a new password for the account with `email`.
    ///
    /// - Parameters:
    ///   - password: the new password, exactly as typed.
    ///   - email: the account's email address, if known, for the context-word rule.
    /// - Throws: ``WineBoxError`` (``WineBoxError/Code/invalidInput``) naming the first rule broken.
    public func validate(_ password: String, email: String? = nil) throws(WineBoxError) {
        // Bound the work before counting characters, which walks the whole string.
        guard password.utf8.count <= maximumLength * 16, password.count <= maximumLength else {
            throw WineBoxError(.invalidInput, "The password is too long: use at most \(maximumLength) characters.")
        }
        guard password.count >= minimumLength else {
            throw WineBoxError(.invalidInput, "The password is too short: use at least \(minimumLength) characters.")
        }
        guard !CommonPasswords.contains(password) else {
            throw WineBoxError(
                .invalidInput, "The password is too common: it is on a list of often-used passwords. Choose another.")
        }
        let lowered = password.lowercased()
        let userWords = Self.userWords(fromEmail: email)
        if Self.isBuilt(from: contextWords + userWords, password: lowered) {
            if !userWords.isEmpty && Self.isBuilt(from: userWords, password: lowered) {
                throw WineBoxError(.invalidInput, "The password is too close to your email address. Choose another.")
            }
            if Self.isBuilt(from: contextWords, password: lowered) {
                throw WineBoxError(
                    .invalidInput, "The password is too close to the name of this service. Choose another.")
            }
            throw WineBoxError(
                .invalidInput,
                "The password is too close to your email address and this service's name. Choose another.")
        }
    }

    /// Whether `password` (lower-cased) contains at least one of `words` and nothing but digits, punctuation,
    /// symbols and spaces remains once every occurrence of every word is removed (longest words first).
    static func isBuilt(from words: [String], password: String) -> Bool {
        var remainder = password
        var removedAny = false
        for word in words.filter({ $0.count >= shortestContextWord }).sorted(by: { $0.count > $1.count }) {
            let stripped = remainder.replacing(word, with: "")
            if stripped != remainder {
                removedAny = true
                remainder = stripped
            }
        }
        return removedAny && remainder.allSatisfy { !$0.isLetter }
    }

    /// The lower-cased words of an email's local part: the whole part, the part before a `+` tag, that part
    /// without its separators (`.`, `_`, `-`), and each piece between separators.
    static func userWords(fromEmail email: String?) -> [String] {
        guard let email, let at = email.lastIndex(of: "@") else {
            return []
        }
        let local = email[..<at].lowercased()
        let untagged = local.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let separators: Set<Character> = [".", "_", "-"]
        let pieces = untagged.split(whereSeparator: { separators.contains($0) }).map(String.init)
        let words = [local, String(untagged), pieces.joined()] + pieces
        return words.reduce(into: []) { unique, word in
            if !word.isEmpty && !unique.contains(word) {
                unique.append(word)
            }
        }
    }
}
