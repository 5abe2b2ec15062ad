/// The version of this WineBox build, shown by `/health` and `winebox version`.
public enum WineBoxVersion {
    /// Semantic version of the application.
    public static let current = "0.1.0"
    /// The product name, as shown to people.
    public static let productName = "WineBox"
}
