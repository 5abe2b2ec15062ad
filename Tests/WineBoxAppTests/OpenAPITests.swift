import Foundation
import Testing
import WineBoxHTTP
import WineBoxSupport
import WineBoxTesting
import WineBoxWeb

@testable import WineBoxApp

/// Keeps `GET /openapi.json` true: the same routes as the router, the security each route's access needs, a
/// well-formed document, and real answers that fit their documented schemas.
@Suite struct OpenAPITests {
    static let httpMethods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]

    let document: JSONValue
    let checker: JSONSchemaChecker

    init() throws {
        document = try JSONValue.parse(OpenAPIRoutes.document)
        checker = JSONSchemaChecker(document: document)
    }

    /// `METHOD /path` of every operation in the document.
    var documentedRoutes: Set<String> {
        var routes: Set<String> = []
        for (path, item) in document["paths"]?.object ?? [:] {
            for method in (item.object ?? [:]).keys where Self.httpMethods.contains(method) {
                routes.insert("\(method.uppercased()) \(path)")
            }
        }
        return routes
    }

    func operation(_ method: String, _ path: String) -> JSONValue? {
        document["paths"]?[path]?[method.lowercased()]
    }

    /// `value`, or what its `$ref` names.
    func resolved(_ value: JSONValue) -> JSONValue {
        value["$ref"]?.string.flatMap(checker.resolve) ?? value
    }

    /// The router's table as the running application builds it.
    static func routeTable(_ application: Application) -> [Router.RouteDescription] {
        Application.makeRouter(
            configuration: application.configuration, accounts: application.accounts, cellar: application.cellar,
            labelImages: application.labelImages, scanner: application.scanner, now: { Date() }
        )
        .routes
    }

    @Test func theDocumentListsExactlyTheRoutesOfTheRouter() async throws {
        try await withCellarApplication { application, _ in
            let routed = Set(Self.routeTable(application).map { "\($0.method.rawValue) \($0.pattern)" })
            let missing = routed.subtracting(documentedRoutes).sorted()
            let extra = documentedRoutes.subtracting(routed).sorted()
            #expect(missing.isEmpty, "Routes missing from openapi.json: \(missing.joined(separator: ", "))")
            #expect(extra.isEmpty, "Operations in openapi.json that no route serves: \(extra.joined(separator: ", "))")
        }
    }

    @Test func everyRouteDocumentsTheSecurityOfItsAccess() async throws {
        try await withCellarApplication { application, _ in
            let bearer = JSONValue.array([.object(["bearerAuth": .array([])])])
            for route in Self.routeTable(application) {
                let name = "\(route.method.rawValue) \(route.pattern)"
                guard let operation = operation(route.method.rawValue, route.pattern) else {
                    continue  // reported by theDocumentListsExactlyTheRoutesOfTheRouter
                }
                let responses = operation["responses"]?.object ?? [:]
                if route.access == .public {
                    #expect(operation["security"] == .array([]), "\(name) is public: its security must be []")
                } else {
                    #expect(operation["security"] == bearer, "\(name) needs a token: its security must be bearerAuth")
                    #expect(responses["401"] != nil, "\(name) needs a token: document its 401")
                }
                if route.access == .admin {
                    #expect(responses["403"] != nil, "\(name) is for admins: document its 403")
                }
            }
        }
        let scheme = document["components"]?["securitySchemes"]?["bearerAuth"]
        #expect(scheme?["type"] == .string("http"))
        #expect(scheme?["scheme"] == .string("bearer"))
        #expect(scheme?["bearerFormat"] == .string("JWT"))
        #expect(document["security"] == .array([.object(["bearerAuth": .array([])])]))
    }

    @Test func theDocumentIsWellFormed() throws {
        #expect(document["openapi"] == .string("3.1.0"))
        #expect(document["info"]?["version"] == .string(WineBoxVersion.current), "info.version follows the release")

        var references: Set<String> = []
        Self.collectReferences(in: document, into: &references)
        #expect(!references.isEmpty)
        for reference in references.sorted() {
            #expect(reference.hasPrefix("#/components/"), "\(reference) points outside the components")
            #expect(checker.resolve(reference) != nil, "\(reference) does not resolve")
        }

        var operationIDs: [String] = []
        for (path, item) in (document["paths"]?.object ?? [:]).sorted(by: { $0.key < $1.key }) {
            let templated = Set(path.matches(of: /\{([^}]+)\}/).map { String($0.output.1) })
            let shared = item["parameters"]?.array ?? []
            for (method, operation) in item.object ?? [:] where Self.httpMethods.contains(method) {
                let name = "\(method.uppercased()) \(path)"
                let parameters = (shared + (operation["parameters"]?.array ?? [])).map(resolved)
                let inPath = parameters.filter { $0["in"] == .string("path") }
                let declared = Set(inPath.compactMap { $0["name"]?.string })
                #expect(declared == templated, "\(name) declares path parameters \(declared.sorted())")
                for parameter in parameters {
                    #expect(parameter["name"]?.string != nil && parameter["schema"] != nil, "\(name): \(parameter)")
                }
                for parameter in inPath {
                    #expect(parameter["required"] == .bool(true), "\(name): path parameters are required")
                }
                let statuses = operation["responses"]?.object?.keys.map { $0 } ?? []
                #expect(statuses.contains { $0.hasPrefix("2") || $0.hasPrefix("3") }, "\(name) has no success answer")
                operationIDs.append(operation["operationId"]?.string ?? "")
            }
        }
        #expect(!operationIDs.contains(""), "every operation has an operationId")
        #expect(Set(operationIDs).count == operationIDs.count, "operationIds are unique")

        for (name, link) in document["components"]?["links"]?.object ?? [:] {
            let target = link["operationId"]?.string ?? ""
            #expect(operationIDs.contains(target), "the link \(name) names the unknown operation \(target)")
        }
    }

    static func collectReferences(in value: JSONValue, into references: inout Set<String>) {
        switch value {
        case .object(let members):
            if let reference = members["$ref"]?.string {
                references.insert(reference)
            }
            for member in members.values {
                collectReferences(in: member, into: &references)
            }
        case .array(let items):
            for item in items {
                collectReferences(in: item, into: &references)
            }
        default:
            break
        }
    }

    @Test func theDocumentIsServedWithoutATokenAndRevalidates() async throws {
        try await withCellarApplication { application, client in
            let response = try await client.api.send("GET", "/openapi.json")
            #expect(response.status == 200)
            #expect(response.header("Content-Type")?.hasPrefix("application/json") == true)
            #expect(response.body == OpenAPIRoutes.document)
            let etag = try #require(response.header("ETag"))
            let again = try await RawHTTPClient(port: application.port).request(
                "GET", "/openapi.json", headers: [("If-None-Match", etag)])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(again.header("ETag") == etag)
        }
    }

    @Test func theCheckerReportsWhatDoesNotFit() {
        let error = JSONValue.object(["$ref": .string("#/components/schemas/Error")])
        func body(_ members: [String: JSONValue]) -> JSONValue {
            .object(
                ["detail": .string("Not found"), "request_id": .string("0123456789abcdef")].merging(members) { $1 })
        }
        #expect(checker.problems(body([:]), against: error).isEmpty)
        #expect(checker.problems(.object(["detail": .string("x")]), against: error).count == 1)
        #expect(checker.problems(body(["detail": .number(404)]), against: error).count == 1)
        #expect(checker.problems(body(["request_id": .string("ABC")]), against: error).count == 1)
        #expect(checker.problems(body(["status": .number(404)]), against: error).count == 1)

        let reference = JSONValue.object(["$ref": .string("#/components/schemas/WineReference")])
        let wine: [String: JSONValue] = [
            "id": .string("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f"), "name": .string("Margaux"), "vintage": .null,
            "winery": .null,
        ]
        #expect(checker.problems(.object(wine), against: reference).isEmpty)
        #expect(
            !checker.problems(.object(wine.merging(["vintage": .string("2015")]) { $1 }), against: reference).isEmpty)
        #expect(!checker.problems(.object(wine.merging(["id": .string("42")]) { $1 }), against: reference).isEmpty)

        let type = JSONValue.object(["$ref": .string("#/components/schemas/TransactionType")])
        #expect(checker.problems(.string("MOVE"), against: type).isEmpty)
        #expect(!checker.problems(.string("SOLD"), against: type).isEmpty)

        let detail = JSONValue.object(["$ref": .string("#/components/schemas/WineDetail")])
        let problems = checker.problems(.object(["id": .string("x")]), against: detail)
        #expect(problems.contains("$: the required property transactions is missing"))
        #expect(problems.contains("$: the required property inventory is missing"))
    }
}
