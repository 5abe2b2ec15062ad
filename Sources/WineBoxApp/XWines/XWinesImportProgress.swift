/// How far an X-Wines import has come; handed to the importer's progress callback.
public struct XWinesImportProgress: Sendable, Hashable {
    /// The steps of an import, in order.
    public enum Phase: String, Sendable, Hashable {
        /// Reading the ratings file (only with one) and adding up each wine's ratings.
        case ratings
        /// Reading the wines file and writing the wines.
        case wines
        /// Rebuilding the search index.
        case indexing
    }

    public var phase: Phase
    /// Records read in this phase (ratings or wines; wines indexed while indexing), the header excluded.
    public var rowsRead: Int
    /// Wines written or found unchanged (phase `wines`).
    public var imported: Int
    /// Records skipped for bad data in this phase.
    public var skipped: Int
    /// Bytes of the phase's file read so far (wines indexed, while indexing).
    public var bytesRead: Int
    /// The size of the phase's file (the number of wines, while indexing).
    public var totalBytes: Int

    public init(phase: Phase, rowsRead: Int, imported: Int, skipped: Int, bytesRead: Int, totalBytes: Int) {
        self.phase = phase
        self.rowsRead = rowsRead
        self.imported = imported
        self.skipped = skipped
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
    }

    /// The share of the phase done, from 0 to 1.
    public var fractionDone: Double {
        totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 1
    }
}
