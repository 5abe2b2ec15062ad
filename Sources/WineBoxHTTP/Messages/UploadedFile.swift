import Foundation

/// A file part of a `multipart/form-data` request body.
///
/// Small files stay in memory; larger ones are spilled to a private temporary file that the server deletes
/// once the response has been sent, so handlers must read or move the file before they return.
public struct UploadedFile: Sendable {
    /// Where the bytes are.
    public enum Storage: Sendable {
        case memory([UInt8])
        /// A temporary file owned by the server.
        case temporaryFile(path: String)
    }

    /// The form field name.
    public let fieldName: String
    /// The file name the client sent. Untrusted: never use it to build a path.
    public let clientFileName: String
    /// The media type the client declared. Untrusted: check the content itself.
    public let declaredContentType: String?
    /// Size in bytes.
    public let size: Int
    public let storage: Storage

    public init(fieldName: String, clientFileName: String, declaredContentType: String?, size: Int, storage: Storage) {
        self.fieldName = fieldName
        self.clientFileName = clientFileName
        self.declaredContentType = declaredContentType
        self.size = size
        self.storage = storage
    }

    /// Reads the whole file into memory.
    public func readAll() throws -> [UInt8] {
        switch storage {
        case .memory(let bytes):
            return bytes
        case .temporaryFile(let path):
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }
}
