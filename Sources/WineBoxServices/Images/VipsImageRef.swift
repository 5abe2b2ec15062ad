import CVips
import Foundation

/// One libvips image, released when this reference goes away. Used on one thread at a time (a worker's job).
///
/// Every operation returns a new image and leaves this one unchanged; libvips evaluates the chain lazily, so
/// pixels are decoded only by ``inMemory()`` or ``encoded(as:quality:)``. Failures throw ``VipsFailure``.
final class VipsImageRef {
    let pointer: OpaquePointer

    /// Takes ownership of `pointer` (one reference).
    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        winebox_vips_image_unref(pointer)
    }

    /// Opens bytes with `format`'s loader, reading only the header. `bytes` must outlive this image and every
    /// image made from it.
    static func load(
        _ format: LabelImageFormat, bytes: UnsafeRawBufferPointer, shrink: Int = 1
    ) throws(VipsFailure) -> VipsImageRef {
        guard let baseAddress = bytes.baseAddress,
            let image = winebox_vips_load_buffer(format.vipsCode, baseAddress, bytes.count, Int32(shrink))
        else {
            throw VipsFailure(stage: .header)
        }
        return VipsImageRef(image)
    }

    /// Opens the file at `path` with `format`'s loader, reading only the header.
    static func load(_ format: LabelImageFormat, path: String, shrink: Int = 1) throws(VipsFailure) -> VipsImageRef {
        guard let image = winebox_vips_load_file(format.vipsCode, path, Int32(shrink)) else {
            throw VipsFailure(stage: .header)
        }
        return VipsImageRef(image)
    }

    var width: Int { Int(winebox_vips_image_get_width(pointer)) }
    var height: Int { Int(winebox_vips_image_get_height(pointer)) }
    var bands: Int { Int(winebox_vips_image_get_bands(pointer)) }
    var hasAlpha: Bool { winebox_vips_image_hasalpha(pointer) != 0 }

    /// The EXIF orientation libvips read (1-8), or nil when the image has none.
    var orientation: Int? {
        var value: Int32 = 0
        guard winebox_vips_image_has_field(pointer, "orientation") != 0,
            winebox_vips_image_get_int(pointer, "orientation", &value) == 0
        else {
            return nil
        }
        return Int(value)
    }

    /// The names of every header field and metadata item (`exif-ifd3-GPSLatitude`, `icc-profile-data`, …).
    var fieldNames: [String] {
        guard let fields = winebox_vips_image_get_fields(pointer) else {
            return []
        }
        defer { winebox_vips_free_strings(fields) }
        var names: [String] = []
        var index = 0
        while let field = fields[index] {
            names.append(String(cString: field))
            index += 1
        }
        return names
    }

    /// Scaled by `scale` (Lanczos-3).
    func resized(by scale: Double) throws(VipsFailure) -> VipsImageRef {
        try derive(.process) { winebox_vips_resize(pointer, &$0, scale) }
    }

    /// Turned upright as its EXIF orientation says, with the orientation tag removed.
    func autorotated() throws(VipsFailure) -> VipsImageRef {
        try derive(.process) { winebox_vips_autorot(pointer, &$0) }
    }

    /// Converted to 8-bit sRGB (or grey), applying an embedded ICC profile.
    func sRGB() throws(VipsFailure) -> VipsImageRef {
        try derive(.process) { winebox_vips_to_srgb(pointer, &$0) }
    }

    /// Composited over white when it has an alpha band.
    func flattenedOnWhite() throws(VipsFailure) -> VipsImageRef {
        try derive(.process) { winebox_vips_flatten_white(pointer, &$0) }
    }

    /// Decodes every pixel into memory. This is where a damaged or truncated file fails.
    func inMemory() throws(VipsFailure) -> VipsImageRef {
        guard let copy = winebox_vips_image_copy_memory(pointer) else {
            throw VipsFailure(stage: .decode)
        }
        return VipsImageRef(copy)
    }

    /// Encoded as `format` with all metadata left out.
    func encoded(as format: LabelImageFormat, quality: Int) throws(VipsFailure) -> [UInt8] {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard winebox_vips_save_buffer(format.vipsCode, pointer, &buffer, &length, Int32(quality)) == 0,
            let buffer
        else {
            throw VipsFailure(stage: .encode)
        }
        defer { winebox_vips_free(buffer) }
        return [UInt8](UnsafeRawBufferPointer(start: buffer, count: length))
    }

    func derive(
        _ stage: VipsFailure.Stage, _ operation: (inout OpaquePointer?) -> Int32
    ) throws(VipsFailure) -> VipsImageRef {
        var output: OpaquePointer?
        guard operation(&output) == 0, let output else {
            throw VipsFailure(stage: stage)
        }
        return VipsImageRef(output)
    }
}
