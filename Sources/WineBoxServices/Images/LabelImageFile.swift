public import Foundation

/// A stored image or thumbnail, looked up for serving.
public struct LabelImageFile: Sendable, Equatable {
    /// The validated file name.
    public let fileName: String
    /// Its absolute path inside the store's directory.
    public let path: String
    public let contentType: String
    public let byteCount: Int
    public let modified: Date
    /// A strong entity tag: the SHA-256 of the content in hex, in double quotes.
    public let etag: String

    public init(fileName: String, path: String, contentType: String, byteCount: Int, modified: Date, etag: String) {
        self.fileName = fileName
        self.path = path
        self.contentType = contentType
        self.byteCount = byteCount
        self.modified = modified
        self.etag = etag
    }
}
