import Foundation
import QueryAPI
import Testing

/// `Schemas/openapi.json` documents exactly the routes the API serves.
@Suite struct OpenAPIDocumentTests {
    var document: [String: Any] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = (try? Data(contentsOf: root.appendingPathComponent("Schemas/openapi.json"))) ?? Data()
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        let served = Set(APIRoute.all.map { "\($0.method) \($0.template)" })
        #expect(documented == served, "documented but not served: \(documented.subtracting(served)); served but not documented: \(served.subtracting(documented))")
        #expect(document["openapi"] as? String == "3.1.0")
    }

    @Test func routesMatchTheirTemplatesAndNothingElse() {
        #expect(APIRoute.match(method: "GET", path: "/v1/persons/P-0123abcd")?.route.name == .person)
        #expect(APIRoute.match(method: "GET", path: "/v1/persons/P-0123abcd")?.id == "P-0123abcd")
        #expect(APIRoute.match(method: "GET", path: "/v1/persons/search")?.route.name == .personSearch)
        #expect(APIRoute.match(method: "GET", path: "/v1/persons/..%2F..%2Fetc")?.route == nil)
        #expect(APIRoute.match(method: "GET", path: "/v1/persons/../../etc/passwd") == nil)
        #expect(APIRoute.match(method: "GET", path: "/v1/persons/") == nil)
        #expect(APIRoute.match(method: "POST", path: "/v1/persons/P-1") == nil)
        #expect(APIRoute.pathExists("/v1/persons/P-1"))
    }
}
