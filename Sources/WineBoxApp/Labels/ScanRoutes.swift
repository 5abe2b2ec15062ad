import WineBoxDomain
import WineBoxHTTP
import WineBoxWeb

/// `POST /api/wines/scan`: reads label photos into a proposed wine and stores nothing. Signed-in members only.
enum ScanRoutes {
    static func register(on router: inout Router, scanner: LabelScanner) {
        router.add(.post, "/api/wines/scan") { request, _ in
            let fields = try InputFields(body: request)
            try fields.rejectUnknown(allowed: ["front_label", "back_label"])
            guard let front = fields.file("front_label") else {
                throw WineBoxError(.badRequest, "front_label is required: send the photo of the front label")
            }
            let back = fields.file("back_label").map(LabelPhoto.upload)
            let scan = try await scanner.scan(front: .upload(front), back: back)
            return .json(LabelScanResource(scan: scan))
        }
    }
}
