/// A label photo the store has accepted: the names to save with the wine, and what the image turned out to be.
public struct StoredLabelImage: Sendable, Equatable {
    /// The image's file name in the store, `<uuid>.<jpg|png|webp>`; served at `/api/images/<fileName>`.
    public let fileName: String
    /// The thumbnail's file name, `<uuid>.thumb.jpg`.
    public let thumbnailName: String
    /// The stored image's media type (`image/jpeg`, `image/png` or `image/webp`).
    public let contentType: String
    /// Pixel size of the stored image, upright (after EXIF orientation and scaling down).
    public let width: Int
    public let height: Int
    /// Size of the stored image file in bytes.
    public let byteCount: Int

    public init(fileName: String, thumbnailName: String, contentType: String, width: Int, height: Int, byteCount: Int) {
        self.fileName = fileName
        self.thumbnailName = thumbnailName
        self.contentType = contentType
        self.width = width
        self.height = height
        self.byteCount = byteCount
    }
}
