/// The routes the API serves, in matching order. `Schemas/openapi.json` documents exactly these (a test checks both
/// ways). Path templates use OpenAPI's `{name}` segments.
public struct APIRoute: Hashable, Sendable {
    public enum Name: String, Sendable {
        case livez, readyz, openapi, metrics
        case person, personsByNumber, personSearch, personLinks, personAccessLog
        case parcel, parcelsByKey, enterprise, enterprisesByCode, enterpriseSearch
        case feed
    }

    public var method: String
    public var template: String
    public var name: Name
    /// The least role allowed; `.none` for the unauthenticated probes and the OpenAPI document.
    public var role: APIRoleRequirement

    public enum APIRoleRequirement: Hashable, Sendable {
        case none, reader, `operator`
    }

    public static let all: [APIRoute] = [
        APIRoute(method: "GET", template: "/livez", name: .livez, role: .none),
        APIRoute(method: "GET", template: "/readyz", name: .readyz, role: .none),
        APIRoute(method: "GET", template: "/v1/openapi.json", name: .openapi, role: .none),
        APIRoute(method: "GET", template: "/metrics", name: .metrics, role: .none),
        APIRoute(method: "GET", template: "/v1/persons", name: .personsByNumber, role: .reader),
        APIRoute(method: "GET", template: "/v1/persons/search", name: .personSearch, role: .reader),
        APIRoute(method: "GET", template: "/v1/persons/{id}", name: .person, role: .reader),
        APIRoute(method: "GET", template: "/v1/persons/{id}/links", name: .personLinks, role: .reader),
        APIRoute(method: "GET", template: "/v1/persons/{id}/access-log", name: .personAccessLog, role: .operator),
        APIRoute(method: "GET", template: "/v1/parcels", name: .parcelsByKey, role: .reader),
        APIRoute(method: "GET", template: "/v1/parcels/{id}", name: .parcel, role: .reader),
        APIRoute(method: "GET", template: "/v1/enterprises", name: .enterprisesByCode, role: .reader),
        APIRoute(method: "GET", template: "/v1/enterprises/search", name: .enterpriseSearch, role: .reader),
        APIRoute(method: "GET", template: "/v1/enterprises/{id}", name: .enterprise, role: .reader),
        APIRoute(method: "GET", template: "/v1/feed", name: .feed, role: .reader),
    ]

    /// The route and the `{id}` parameter for a method and path, or nil.
    public static func match(method: String, path: String) -> (route: APIRoute, id: String?)? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for route in all where route.method == method {
            let pattern = route.template.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            guard pattern.count == segments.count else { continue }
            var id: String?
            var matched = true
            for (expected, actual) in zip(pattern, segments) {
                if expected == "{id}" {
                    guard !actual.isEmpty, actual.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                        matched = false
                        break
                    }
                    id = String(actual)
                } else if expected != actual {
                    matched = false
                    break
                }
            }
            if matched { return (route, id) }
        }
        return nil
    }

    /// True when some route serves `path` (every route is a GET): another method gets 405 rather than 404.
    public static func pathExists(_ path: String) -> Bool {
        match(method: "GET", path: path) != nil
    }
}
