/// The parsed parts of a `multipart/form-data` request body.
public struct MultipartForm: Sendable {
    /// Text fields in the order received; a name may repeat.
    public var fields: [(name: String, value: String)]
    /// File parts in the order received.
    public var files: [UploadedFile]

    public init(fields: [(name: String, value: String)] = [], files: [UploadedFile] = []) {
        self.fields = fields
        self.files = files
    }

    /// The first text field called `name`.
    public func field(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// The first file part called `name`.
    public func file(_ name: String) -> UploadedFile? {
        files.first { $0.fieldName == name }
    }
}
