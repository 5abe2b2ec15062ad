import Foundation
import WineBoxDomain
import WineBoxHTTP
import WineBoxStorage
import WineBoxSupport
import WineBoxWeb

/// Scores (`/api/wines/{id}/scores`, the earlier WineBox's shapes) and blends (`/api/wines/{id}/blend`).
enum ScoreRoutes {
    struct ScoreList: JSONWritable {
        let wineID: String
        let scores: [ScoreResource]
        let averageScore: Double?

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.field("wine_id", wineID)
                json.field("scores", scores)
                json.field("average_score", averageScore)
            }
        }
    }

    struct Blend: JSONWritable {
        let wineID: String
        let grapes: [BlendResource]
        let totalPercentage: Double

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.field("wine_id", wineID)
                json.field("grapes", grapes)
                json.field("total_percentage", totalPercentage)
            }
        }
    }

    struct BlendBody: StrictJSONBody {
        let grapes: [Grape]

        struct Grape: Decodable {
            let grape: String
            let percentage: Double?
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case grapes }
    }

    static let scoreFields: Set<String> = ["source", "score", "score_type", "review_date", "reviewer", "notes"]

    static func register(on router: inout Router, cellar: CellarService) {
        router.add(.get, "/api/wines/{id}/scores") { _, context in
            let wineID = try WineInput.wineID(try context.parameters.require("id"))
            let scores = try await cellar.database.read { connection in
                _ = try CellarService.requireWine(wineID, in: connection)
                return try ScoreStore.scores(ofWine: wineID, in: connection)
            }
            return .json(
                writing: ScoreList(
                    wineID: wineID, scores: scores.map(ScoreResource.init), averageScore: ScoreResource.average(scores))
            )
        }

        router.add(.post, "/api/wines/{id}/scores") { request, context in
            let wineID = try WineInput.wineID(try context.parameters.require("id"))
            let fields = try InputFields(body: request)
            try fields.rejectUnknown(allowed: scoreFields)
            guard let source = try fields.text("source", limit: 100) else {
                throw WineBoxError(.invalidInput, "source is required")
            }
            var score = WineScore(
                id: CellarService.newID(), wineID: wineID, source: source, score: 0, scale: .hundredPoint,
                reviewDate: nil, reviewer: nil, notes: "", createdAt: cellar.now())
            try apply(fields, to: &score, requireScore: true)
            let created = score
            try await cellar.database.write { connection in
                _ = try CellarService.requireWine(wineID, in: connection)
                try ScoreStore.insert(created, in: connection)
            }
            return .json(writing: ScoreResource(created), status: .created)
        }

        router.add(.put, "/api/wines/{id}/scores/{score_id}") { request, context in
            let wineID = try WineInput.wineID(try context.parameters.require("id"))
            let scoreID = FieldRules.uuid(try context.parameters.require("score_id")) ?? ""
            let fields = try InputFields(body: request)
            try fields.rejectUnknown(allowed: scoreFields)
            let score = try await cellar.database.write { connection in
                guard var score = try ScoreStore.find(id: scoreID, wineID: wineID, in: connection) else {
                    throw WineBoxError(.notFound, "Score with ID \(scoreID) not found for wine \(wineID)")
                }
                if fields.has("source") {
                    guard let source = try fields.text("source", limit: 100) else {
                        throw WineBoxError(.invalidInput, "source must not be empty")
                    }
                    score.source = source
                }
                try apply(fields, to: &score, requireScore: false)
                try ScoreStore.update(score, in: connection)
                return score
            }
            return .json(writing: ScoreResource(score))
        }

        router.add(.delete, "/api/wines/{id}/scores/{score_id}") { _, context in
            let wineID = try WineInput.wineID(try context.parameters.require("id"))
            let scoreID = FieldRules.uuid(try context.parameters.require("score_id")) ?? ""
            let removed = try await cellar.database.write { connection in
                try ScoreStore.delete(id: scoreID, wineID: wineID, in: connection)
            }
            guard removed else {
                throw WineBoxError(.notFound, "Score with ID \(scoreID) not found for wine \(wineID)")
            }
            return .noContent
        }

        router.add(.get, "/api/wines/{id}/blend") { _, context in
            let wineID = try WineInput.wineID(try context.parameters.require("id"))
            let blend = try await cellar.database.read { connection in
                _ = try CellarService.requireWine(wineID, in: connection)
                return try ScoreStore.blend(ofWine: wineID, in: connection)
            }
            return .json(writing: blendResponse(wineID, blend))
        }

        router.add(.put, "/api/wines/{id}/blend") { request, context in
            let wineID = try WineInput.wineID(try context.parameters.require("id"))
            let blend = try validatedBlend(try request.decodeStrictJSON(BlendBody.self))
            try await cellar.database.write { connection in
                _ = try CellarService.requireWine(wineID, in: connection)
                try ScoreStore.replaceBlend(blend, ofWine: wineID, in: connection)
            }
            return .json(writing: blendResponse(wineID, blend))
        }
    }

    /// Score fields: `score` on the scale of `score_type` (`100_point` default, `20_point`, `5_star`).
    static func apply(_ fields: InputFields, to score: inout WineScore, requireScore: Bool) throws {
        let expected = ScoreScale.allCases.map(\.referenceName).joined(separator: ", ")
        if let scale = try fields.choice("score_type", ScoreScale.init(loose:), expected: expected) {
            score.scale = scale
        }
        if let value = try fields.number("score", range: 0...Double(score.scale.rawValue)) {
            score.score = value
        } else if requireScore {
            throw WineBoxError(.invalidInput, "score is required")
        }
        guard score.score <= Double(score.scale.rawValue) else {
            throw WineBoxError(.invalidInput, "score must be from 0 to \(score.scale.rawValue)")
        }
        if fields.has("review_date") {
            score.reviewDate = try fields.calendarDate("review_date")
        }
        if fields.has("reviewer") {
            score.reviewer = try fields.text("reviewer", limit: 100)
        }
        if fields.has("notes") {
            score.notes = try fields.text("notes", limit: 2000) ?? ""
        }
    }

    static func validatedBlend(_ body: BlendBody) throws -> [BlendComponent] {
        guard body.grapes.count <= 30 else {
            throw WineBoxError(.invalidInput, "A blend has at most 30 grapes")
        }
        var seen: Set<String> = []
        let blend = try body.grapes.map { grape -> BlendComponent in
            guard let name = try FieldRules.optionalText(grape.grape, field: "grape", limit: 200) else {
                throw WineBoxError(.invalidInput, "grape must not be empty")
            }
            guard seen.insert(name.lowercased()).inserted else {
                throw WineBoxError(.invalidInput, "\(name) is listed twice")
            }
            if let percentage = grape.percentage, !(0...100).contains(percentage) {
                throw WineBoxError(.invalidInput, "percentage must be from 0 to 100")
            }
            return BlendComponent(grape: name, percentage: grape.percentage)
        }
        let total = blend.compactMap(\.percentage).reduce(0, +)
        guard total <= 100.0001 else {
            throw WineBoxError(.invalidInput, "The percentages add up to more than 100")
        }
        return blend
    }

    static func blendResponse(_ wineID: String, _ blend: [BlendComponent]) -> Blend {
        let total = blend.compactMap(\.percentage).reduce(0, +)
        return Blend(
            wineID: wineID, grapes: blend.map(BlendResource.init), totalPercentage: (total * 100).rounded() / 100)
    }
}
