import Foundation

/// What Tesseract read on the 50 X-Wines sample photos (`<shared data>/xwines/photos/<WineID>.jpeg`), recorded by
/// `scripts/ocr-xwines-photos.sh` in `Tests/Fixtures/xwines-photo-ocr.json`: for each WineID, the text of each
/// pass (`psm3`, `psm11`, and both again on a grey copy 2.5 times larger: `upscaled_psm3`, `upscaled_psm11`).
enum XWinesPhotoOCR {
    static var path: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/xwines-photo-ocr.json").path
    }

    /// The passes of every photo, by WineID.
    static func load() throws -> [Int: [String: String]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let texts = try JSONDecoder().decode([String: [String: String]].self, from: data)
        return Dictionary(uniqueKeysWithValues: texts.compactMap { key, passes in Int(key).map { ($0, passes) } })
    }
}
