public import Foundation

/// What ``Database/inspectFile(at:migrations:)`` found in a database file.
public struct DatabaseFileReport: Sendable, Equatable {
    /// The lines `PRAGMA integrity_check` reported, empty when it answered `ok`. SQLite stops after 100 problems.
    public let integrityProblems: [String]
    /// The highest migration recorded in the file (0 for a database never migrated). Read only when the file is
    /// intact; 0 otherwise.
    public let schemaVersion: Int
    /// The installation's id from the `instance` row; nil when there is none or the file is not intact.
    public let instanceID: UUID?
    /// Why this build could not use the file, when its migration history disagrees with the migrations given to
    /// the inspection: a newer schema version, another migration's name, a gap. Nil when this build can open and
    /// migrate it, and when the file is not intact.
    public let compatibilityProblem: String?

    /// Creates a report.
    public init(integrityProblems: [String], schemaVersion: Int, instanceID: UUID?, compatibilityProblem: String?) {
        self.integrityProblems = integrityProblems
        self.schemaVersion = schemaVersion
        self.instanceID = instanceID
        self.compatibilityProblem = compatibilityProblem
    }

    /// True when `PRAGMA integrity_check` answered `ok`.
    public var isIntact: Bool { integrityProblems.isEmpty }
}
