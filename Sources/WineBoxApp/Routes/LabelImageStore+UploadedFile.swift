import WineBoxHTTP
import WineBoxServices

extension LabelImageStore {
    /// Checks, re-encodes and stores a multipart file part, from memory or from the temporary file the server
    /// spilled it to. The client's file name and declared content type are ignored: only the content counts.
    ///
    /// - Throws: as ``LabelImageStore/store(bytes:)``: 400 not an image or over the pixel limit, 413 over the size
    ///   limit, 503 when the image workers are busy.
    func store(_ upload: UploadedFile) async throws -> StoredLabelImage {
        switch upload.storage {
        case .memory(let bytes):
            try await store(bytes: bytes)
        case .temporaryFile(let path):
            try await store(fileAt: path)
        }
    }
}
