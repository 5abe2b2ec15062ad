import Foundation
import Testing
import WineBoxHTTP
import WineBoxTesting
import WineBoxWeb

@Suite struct StaticFilesTests {
    private func withPublicFolder(_ body: (StaticFiles, TemporaryDirectory) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("<h1>WineBox</h1>", to: "public/index.html")
        try directory.write("export const x = 1;", to: "public/js/app.js")
        try directory.write("body {}", to: "public/style.css")
        try directory.write("hidden", to: "public/.env")
        try directory.write("top secret", to: "outside.txt")
        try FileManager.default.createSymbolicLink(
            atPath: directory.file("public/leak.txt"), withDestinationPath: directory.file("outside.txt"))
        let files = try #require(StaticFiles(directory: directory.file("public")))
        try await body(files, directory)
    }

    private func get(_ files: StaticFiles, _ path: String, headers: HTTPHeaders = [:]) -> HTTPResponse? {
        files.response(for: HTTPRequest(method: .get, path: path, headers: headers))
    }

    @Test func servesFilesWithContentTypesAndIndexForFolders() async throws {
        try await withPublicFolder { files, _ in
            #expect(get(files, "/")?.headers["Content-Type"] == "text/html; charset=utf-8")
            #expect(get(files, "/")?.text == "<h1>WineBox</h1>")
            #expect(get(files, "/js/app.js")?.headers["Content-Type"] == "text/javascript; charset=utf-8")
            #expect(get(files, "/style.css")?.headers["Content-Type"] == "text/css; charset=utf-8")
        }
    }

    @Test func etagRevalidationAnswers304AndChangesWithTheContent() async throws {
        try await withPublicFolder { files, directory in
            let first = try #require(get(files, "/style.css"))
            let etag = try #require(first.headers["ETag"])
            #expect(first.headers["Cache-Control"] == "no-cache")
            #expect(get(files, "/style.css", headers: ["If-None-Match": etag])?.status == .notModified)
            #expect(get(files, "/style.css", headers: ["If-None-Match": "\"other\""])?.status == .ok)

            try await Task.sleep(for: .milliseconds(20))
            try directory.write("body { color: red }", to: "public/style.css")
            let changed = try #require(get(files, "/style.css", headers: ["If-None-Match": etag]))
            #expect(changed.status == .ok)
            #expect(changed.headers["ETag"] != etag)
        }
    }

    @Test(arguments: [
        "/../outside.txt", "/js/../../outside.txt", "/.env", "/leak.txt", "/js\\..\\..\\outside.txt",
        "/index.html\0.png", "/missing.js",
    ])
    func traversalHiddenFilesAndSymlinksOutsideTheFolderAreRefused(path: String) async throws {
        try await withPublicFolder { files, _ in
            #expect(get(files, path) == nil)
        }
    }

    @Test func onlyGetAndHeadAreServed() async throws {
        try await withPublicFolder { files, _ in
            #expect(files.response(for: HTTPRequest(method: .post, path: "/style.css")) == nil)
            #expect(files.response(for: HTTPRequest(method: .head, path: "/style.css"))?.status == .ok)
        }
    }

    @Test func aMissingFolderDisablesStaticFiles() {
        #expect(StaticFiles(directory: "/nonexistent/winebox/public") == nil)
    }
}
