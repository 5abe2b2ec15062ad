/// What a member of the household may do. Every member shares the cellar; admins also manage accounts.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Manages accounts and settings, and everything a member can do.
    case admin
    /// Uses the shared cellar.
    case member
}
