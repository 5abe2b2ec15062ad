import CVips
import Foundation
import WineBoxSupport
import WineBoxTesting

@testable import WineBoxServices

/// Builds label images for tests: generated with libvips, or written byte by byte where the point is a malformed
/// or hostile file.
enum LabelImageFixtures {
    struct FixtureError: Error, CustomStringConvertible {
        let description: String
    }

    /// What libvips reads back from an encoded image.
    struct Decoded {
        let width: Int
        let height: Int
        let bands: Int
        let orientation: Int?
        let fieldNames: [String]
    }

    /// A `width`×`height` gradient (with a half-transparent right half when `alpha`), encoded as `format`.
    static func generated(_ format: LabelImageFormat, width: Int, height: Int, alpha: Bool = false) throws -> [UInt8] {
        try Vips.start()
        let bands = alpha ? 4 : 3
        var pixels = [UInt8](repeating: 0, count: width * height * bands)
        for y in 0..<height {
            for x in 0..<width {
                let index = (y * width + x) * bands
                pixels[index] = UInt8(x * 255 / max(1, width - 1))
                pixels[index + 1] = UInt8(y * 255 / max(1, height - 1))
                pixels[index + 2] = 128
                if alpha {
                    pixels[index + 3] = x < width / 2 ? 255 : 64
                }
            }
        }
        let image = pixels.withUnsafeBytes { buffer in
            winebox_vips_image_new_from_memory_copy(
                buffer.baseAddress, buffer.count, Int32(width), Int32(height), Int32(bands))
        }
        guard let image else {
            throw FixtureError(description: "libvips could not wrap the pixels: \(Vips.takeError())")
        }
        return try VipsImageRef(image).encoded(as: format, quality: 90)
    }

    /// Decodes `bytes` completely with libvips and reports size and metadata.
    static func decode(_ bytes: [UInt8], as format: LabelImageFormat) throws -> Decoded {
        try Vips.start()
        return try bytes.withUnsafeBytes { buffer in
            let image = try VipsImageRef.load(format, bytes: buffer)
            _ = try image.inMemory()
            return Decoded(
                width: image.width, height: image.height, bands: image.bands, orientation: image.orientation,
                fieldNames: image.fieldNames)
        }
    }

    /// `jpeg` with an EXIF APP1 segment inserted after its JFIF header: IFD0 holds `Orientation` and a pointer to
    /// a GPS IFD with `GPSLatitudeRef` "N" and `GPSLatitude` 48° 51' 24" (Paris).
    static func withEXIF(_ jpeg: [UInt8], orientation: UInt16) -> [UInt8] {
        var tiff: [UInt8] = Array("MM".utf8) + [0x00, 0x2A] + bigEndian(UInt32(8))
        // IFD0 at 8: two entries, then the offset of the next IFD (none).
        let gpsOffset = UInt32(8 + 2 + 2 * 12 + 4)
        tiff += bigEndian(UInt16(2))
        tiff += entry(tag: 0x0112, type: 3, count: 1, value: bigEndian(orientation) + [0, 0])
        tiff += entry(tag: 0x8825, type: 4, count: 1, value: bigEndian(gpsOffset))
        tiff += bigEndian(UInt32(0))
        // GPS IFD: two entries; the three rationals of the latitude follow it.
        let latitudeOffset = gpsOffset + UInt32(2 + 2 * 12 + 4)
        tiff += bigEndian(UInt16(2))
        tiff += entry(tag: 0x0001, type: 2, count: 2, value: Array("N".utf8) + [0, 0, 0])
        tiff += entry(tag: 0x0002, type: 5, count: 3, value: bigEndian(latitudeOffset))
        tiff += bigEndian(UInt32(0))
        for (numerator, denominator) in [(48, 1), (51, 1), (2400, 100)] as [(UInt32, UInt32)] {
            tiff += bigEndian(numerator) + bigEndian(denominator)
        }
        let payload = Array("Exif".utf8) + [0, 0] + tiff
        let segment: [UInt8] = [0xFF, 0xE1] + bigEndian(UInt16(payload.count + 2)) + payload
        var insertAt = 2
        if jpeg.count > 6, jpeg[2] == 0xFF, jpeg[3] == 0xE0 {
            insertAt = 4 + Int(jpeg[4]) << 8 + Int(jpeg[5])
        }
        return Array(jpeg[..<insertAt]) + segment + Array(jpeg[insertAt...])
    }

    /// The markers of a JPEG's segments up to the start of the scan (`0xE1` is APP1, where EXIF and XMP live).
    static func jpegMarkers(_ jpeg: [UInt8]) -> [UInt8] {
        var markers: [UInt8] = []
        var index = 2
        while index + 4 <= jpeg.count, jpeg[index] == 0xFF {
            let marker = jpeg[index + 1]
            markers.append(marker)
            if marker == 0xDA {
                break
            }
            index += 2 + Int(jpeg[index + 2]) << 8 + Int(jpeg[index + 3])
        }
        return markers
    }

    /// A valid PNG that declares `width`×`height` grey pixels but carries only one compressed row of zeros: a
    /// decompression bomb a decoder would expand to width × height bytes.
    static func pngBomb(width: UInt32, height: UInt32) -> [UInt8] {
        var header = bigEndian(width) + bigEndian(height)
        header += [8, 0, 0, 0, 0]  // 8-bit grey, deflate, adaptive filtering, no interlace
        let row = [UInt8](repeating: 0, count: Int(width) + 1)
        // zlib stream with one stored (uncompressed) deflate block holding the first row.
        var zlib: [UInt8] = [0x78, 0x01, 0x01]
        let length = UInt16(min(row.count, 65_535))
        zlib += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        zlib += row.prefix(Int(length))
        zlib += bigEndian(adler32(row.prefix(Int(length))))
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            + chunk("IHDR", header) + chunk("IDAT", zlib) + chunk("IEND", [])
    }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeAndData = Array(type.utf8) + data
        return bigEndian(UInt32(data.count)) + typeAndData + bigEndian(crc32(typeAndData))
    }

    private static func entry(tag: UInt16, type: UInt16, count: UInt32, value: [UInt8]) -> [UInt8] {
        bigEndian(tag) + bigEndian(type) + bigEndian(count) + value
    }

    static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<T.bitWidth / 8).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    /// CRC-32 (ISO 3309, as PNG uses it), bit by bit.
    static func crc32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return ~crc
    }

    /// Adler-32, the checksum at the end of a zlib stream.
    static func adler32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var low: UInt32 = 1
        var high: UInt32 = 0
        for byte in bytes {
            low = (low + UInt32(byte)) % 65_521
            high = (high + low) % 65_521
        }
        return high << 16 | low
    }

    /// Every entry in `directory`, hidden ones included.
    static func listing(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }
}

/// A store in a fresh temporary directory, with its own one-thread pool, both removed afterwards.
func withLabelImageStore(
    maxBytes: Int = 10 * 1_048_576, maxPixels: Int = 40_000_000,
    _ body: (LabelImageStore, TemporaryDirectory) async throws -> Void
) async throws {
    let directory = try TemporaryDirectory()
    let pool = WorkerPool(name: "images-test", threadCount: 1)
    defer {
        pool.shutdown()
        directory.remove()
    }
    let store = try LabelImageStore(
        directory: directory.file("images"), pool: pool, maxBytes: maxBytes, maxPixels: maxPixels)
    try await body(store, directory)
}
