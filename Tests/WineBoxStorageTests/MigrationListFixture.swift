import Testing
import WineBoxStorage

/// The migration lists the generic upgrade test runs over. `wineBox` grows as the app adds migrations.
enum MigrationListFixture: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case wineBox
    case synthetic

    var testDescription: String { rawValue }

    var migrations: [Migration] {
        switch self {
        case .wineBox: return WineBoxMigrations.all
        case .synthetic: return MigratorTests.synthetic
        }
    }
}
