import WineBoxHTTP
import WineBoxServices

/// A label photo to read: an upload of this request, or an image already stored by the label image store.
enum LabelPhoto: Sendable {
    case upload(UploadedFile)
    /// A file of the store, by its generated name.
    case stored(fileName: String)

    /// The upright photo as a JPEG of at most `longEdge` pixels, after the checks every label image passes.
    func readable(by images: LabelImageStore, longEdge: Int) async throws -> [UInt8] {
        switch self {
        case .upload(let upload):
            switch upload.storage {
            case .memory(let bytes): try await images.readableImage(bytes: bytes, longEdge: longEdge)
            case .temporaryFile(let path): try await images.readableImage(fileAt: path, longEdge: longEdge)
            }
        case .stored(let fileName):
            try await images.readableImage(fileAt: images.directory + "/" + fileName, longEdge: longEdge)
        }
    }
}
