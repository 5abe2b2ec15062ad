/// Rules for a member's display name.
public enum FullName {
    /// The longest accepted name, in characters.
    public static let maximumLength = 100

    /// Trims `text` and checks its length and characters.
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` when it is too long or has control characters.
    public static func validated(_ text: String) throws -> String {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.count <= maximumLength else {
            throw WineBoxError(.invalidInput, "The name can have at most \(maximumLength) characters")
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw WineBoxError(.invalidInput, "The name cannot contain control characters")
        }
        return trimmed
    }
}
