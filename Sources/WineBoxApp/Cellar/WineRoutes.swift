import Foundation
import WineBoxDomain
import WineBoxHTTP
import WineBoxServices
import WineBoxSupport
import WineBoxWeb

/// `/api/wines`: the reference API for wines (check-in, check-out, list, detail, update, delete). Signed-in
/// members only; the cellar is shared by the household.
enum WineRoutes {
    /// The name of a wine checked in with only a photo, until someone names it.
    static let unknownWineName = "Unknown Wine"

    static func register(on router: inout Router, cellar: CellarService, images: LabelImageStore, scanner: LabelScanner)
    {
        router.add(.post, "/api/wines/checkin") { request, context in
            let fields = try InputFields(body: request)
            try fields.rejectUnknown(
                allowed: WineInput.detailFields.union(WineInput.lotFields).union(["front_label", "back_label"]))
            var checkIn = try makeCheckIn(fields, hasImage: fields.file("front_label") != nil)

            // Photos are checked and stored first; if anything after that fails, they are removed again.
            var stored: [String] = []
            do {
                if let front = fields.file("front_label") {
                    checkIn.frontLabelImage = try await images.store(front).fileName
                    stored.append(checkIn.frontLabelImage ?? "")
                }
                if let back = fields.file("back_label") {
                    checkIn.backLabelImage = try await images.store(back).fileName
                    stored.append(checkIn.backLabelImage ?? "")
                }
                if let front = checkIn.frontLabelImage, !fields.has("name"), !fields.has("front_label_text") {
                    await fillFromLabels(
                        &checkIn, front: front, back: checkIn.backLabelImage, typed: fields.names, scanner: scanner,
                        context: context)
                }
                let (wine, lots) = try await cellar.checkIn(checkIn, userID: context.signedIn?.user.id)
                return .json(writing: WineResource(wine: wine, lots: lots), status: .created)
            } catch {
                cellar.removeImages(stored)
                throw error
            }
        }

        router.add(.post, "/api/wines/{id}/checkout") { request, context in
            let checkOut = try WineInput.checkOut(try InputFields(body: request))
            let wineID = try WineInput.wineID(try context.parameters.require("id"))
            let (wine, lots) = try await cellar.checkOut(
                wineID: wineID, checkOut, userID: context.signedIn?.user.id)
            return .json(writing: WineResource(wine: wine, lots: lots))
        }

        router.add(.get, "/api/wines") { request, _ in
            let fields = try InputFields(query: request)
            try fields.rejectUnknown(allowed: ["skip", "limit", "in_stock", "sort", "order"])
            var query = try WineQueryInput.paging(fields)
            query.inStock = try fields.boolean("in_stock")
            try WineQueryInput.applySort(fields, to: &query, hasText: false)
            let (body, total) = try await cellar.listJSON(query)
            return WineQueryInput.listResponse(body, total: total)
        }

        router.add(
            .get, "/api/wines/{id}",
            fromCache: { _, context in
                guard let signedIn = context.signedIn, let id = context.parameters.get("id"),
                    let wineID = FieldRules.uuid(id),
                    let body = cellar.renderedDetailJSON(wineID: wineID, at: signedIn.generation)
                else {
                    return nil
                }
                return .json(encoded: body)
            },
            otherwise: { _, context in
                let wineID = try WineInput.wineID(try context.parameters.require("id"))
                return .json(encoded: try await cellar.detailJSON(wineID: wineID))
            })

        router.add(.put, "/api/wines/{id}") { request, context in
            let wineID = try WineInput.wineID(try context.parameters.require("id"))
            let fields = try InputFields(body: request)
            try fields.rejectUnknown(allowed: WineInput.detailFields)
            guard !fields.names.isEmpty else {
                throw WineBoxError(.invalidInput, "Send at least one field to change")
            }
            let (wine, lots) = try await cellar.update(wineID: wineID) { wine in
                try WineInput.apply(fields, to: &wine)
            }
            return .json(writing: WineResource(wine: wine, lots: lots))
        }

        router.add(.delete, "/api/wines/{id}") { _, context in
            let wineID = try WineInput.wineID(try context.parameters.require("id"))
            let imageFiles = try await cellar.delete(wineID: wineID)
            cellar.removeImages(imageFiles)
            return .noContent
        }
    }

    /// Reads the stored label photos of a check-in that came without a name or label text, and fills the empty
    /// fields from them. A scan that fails leaves the check-in as it was ("Unknown Wine"): recording the bottles
    /// matters more than naming them now.
    static func fillFromLabels(
        _ checkIn: inout CheckIn, front: String, back: String?, typed: Set<String>, scanner: LabelScanner,
        context: RequestContext
    ) async {
        do {
            let scan = try await scanner.scan(front: .stored(fileName: front), back: back.map(LabelPhoto.stored))
            checkIn.fill(from: scan, typed: typed)
        } catch {
            context.logger.warning(
                "Could not read the labels of a check-in; it keeps its placeholder name",
                [("error", String(describing: error))])
        }
    }

    /// A check-in from the form. The name may come from the form, or from label text read earlier (the first
    /// line). With only a photo, the wine is "Unknown Wine" until the photo is read (``fillFromLabels``); with
    /// nothing at all it is an error.
    static func makeCheckIn(_ fields: InputFields, hasImage: Bool) throws -> CheckIn {
        var (name, details) = try WineInput.details(fields)
        if name == nil {
            name = details.frontLabelText.split(whereSeparator: \.isNewline).first.map {
                String($0.prefix(WineDetails.nameLimit))
            }
        }
        if name == nil && (hasImage || fields.has("xwines_id")) {
            name = unknownWineName
        }
        guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw WineBoxError(.invalidInput, "name is required")
        }
        details.name = name
        let caseSize = try fields.integer("case_size", range: WineInput.caseSizeRange)
        return CheckIn(
            details: try details.validated(),
            quantity: try fields.integer("quantity", range: WineInput.quantityRange) ?? 1, caseSize: caseSize,
            purchase: try WineInput.purchase(fields, caseSize: caseSize), place: try WineInput.place(fields),
            date: try fields.instant("event_date"), xwinesID: try fields.integer("xwines_id", range: 1...Int(Int32.max))
        )
    }
}
