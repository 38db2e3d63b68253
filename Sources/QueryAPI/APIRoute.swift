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

    /// The route and the `{id}` parameter for a method and path, or nil. Compares UTF-8 bytes against the templates
    /// split once: this runs for every request.
    public static func match(method: String, path: String) -> (route: APIRoute, id: String?)? {
        var path = path
        return path.withUTF8 { bytes in
            let segments = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropFirst()
            for (route, pattern) in patterns where route.method == method && pattern.count == segments.count {
                var id: String?
                var matched = true
                for (expected, actual) in zip(pattern, segments) {
                    switch expected {
                    case .id:
                        if !actual.isEmpty, actual.allSatisfy(isIDByte) { id = String(decoding: actual, as: UTF8.self) } else { matched = false }
                    case .literal(let literal):
                        if !literal.elementsEqual(actual) { matched = false }
                    }
                    if !matched { break }
                }
                if matched { return (route, id) }
            }
            return nil
        }
    }

    /// A template segment: a literal, or the `{id}` parameter.
    private enum Segment {
        case literal([UInt8])
        case id
    }

    /// Every route with its template split into segments (after the leading "/").
    private static let patterns: [(APIRoute, [Segment])] = all.map { route in
        let segments = route.template.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        return (route, segments.map { $0 == "{id}" ? .id : .literal(Array($0.utf8)) })
    }

    /// An entity ID is ASCII letters, digits and '-'.
    private static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"):
            true
        default: false
        }
    }

    /// True when some route serves `path` (every route is a GET): another method gets 405 rather than 404.
    public static func pathExists(_ path: String) -> Bool {
        match(method: "GET", path: path) != nil
    }
}
