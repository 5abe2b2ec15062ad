import Foundation

/// One part of a multipart body while it is being received: text in memory, a file in memory or on disk.
///
/// Not thread-safe; owned by one ``RequestState``.
final class MultipartPart {
    let name: String
    let fileName: String?
    let contentType: String?
    private(set) var size = 0
    /// Set when writing to the spill file failed (disk full); the part is then incomplete.
    private(set) var writeFailed = false
    private var bytes: [UInt8] = []
    private var fileDescriptor: Int32 = -1
    private var filePath: String?

    init(name: String, fileName: String?, contentType: String?) {
        self.name = name
        self.fileName = fileName
        self.contentType = contentType
    }

    var isFile: Bool { fileName != nil }
    var isOnDisk: Bool { filePath != nil }
    var text: String { String(decoding: bytes, as: UTF8.self) }

    func append(_ data: UnsafeRawBufferPointer) {
        size += data.count
        if fileDescriptor >= 0 {
            writeAll(data)
        } else {
            bytes.append(contentsOf: data)
        }
    }

    /// Moves the bytes received so far into a new private file in `directory`; returns its path, or nil
    /// when the file could not be created.
    func spill(toDirectory directory: String) -> String? {
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
        template.append(contentsOf: Array("winebox-upload-XXXXXX".utf8CString))
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else {
            return nil
        }
        fchmod(descriptor, 0o600)
        fileDescriptor = descriptor
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        filePath = path
        bytes.withUnsafeBytes { writeAll($0) }
        bytes = []
        return path
    }

    func closeFile() {
        if fileDescriptor >= 0 {
            close(fileDescriptor)
            fileDescriptor = -1
        }
    }

    func makeUploadedFile() -> UploadedFile? {
        guard let fileName else {
            return nil
        }
        let storage: UploadedFile.Storage = filePath.map { .temporaryFile(path: $0) } ?? .memory(bytes)
        return UploadedFile(
            fieldName: name, clientFileName: fileName, declaredContentType: contentType, size: size,
            storage: storage)
    }

    private func writeAll(_ data: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < data.count {
            let written = write(fileDescriptor, data.baseAddress! + offset, data.count - offset)
            if written <= 0 {
                writeFailed = true
                return
            }
            offset += written
        }
    }
}
