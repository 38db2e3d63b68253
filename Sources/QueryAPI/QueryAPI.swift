import Domain
import Foundation
import HTTPServer
import Storage

/// The query API: reconciled records and the change feed over HTTP, scoped by each key's jurisdiction, with every
/// personal read written to the hash-chained access log before the response is sent.
public final class QueryAPI: Sendable {
    let store: any Store
    let openAPIDocument: [UInt8]
    let feed: FeedWaiters
    /// Appends personal reads to the access log, one transaction (one fsync) for the reads in flight together.
    let accessLogWriter: AccessLogWriter<AccessLogEntry>
    /// The CloudEvents `source` of feed events.
    let eventSource: String
    /// The Prometheus text served at `/metrics` (404 when nil).
    let metricsText: (@Sendable () -> String)?
    /// Told of every request: the route template (`unmatched` for none), the status and, for requests answered at
    /// once, the seconds taken (nil for long-polls and streams).
    let observe: (@Sendable (_ route: String, _ status: Int, _ seconds: Double?) -> Void)?

    public init(
        store: any Store, openAPIDocument: [UInt8], eventSource: String = "urn:lienthong:gateway",
        metricsText: (@Sendable () -> String)? = nil, observe: (@Sendable (String, Int, Double?) -> Void)? = nil
    ) {
        self.store = store
        self.openAPIDocument = openAPIDocument
        self.eventSource = eventSource
        self.metricsText = metricsText
        self.observe = observe
        feed = FeedWaiters(store: store, source: eventSource)
        accessLogWriter = AccessLogWriter { entries in try store.appendToAccessLog { try AccessAudit.append(entries, in: $0) } }
    }

    /// `/readyz` answers 503 from now on (SIGTERM: load balancers stop sending before the listener closes).
    public func beginDraining() { feed.beginDraining() }

    /// Starts the feed watcher (long-poll and event-stream wake-ups).
    public func start() { feed.start() }

    /// Stops the watcher and answers every waiting long-poll.
    public func stop() { feed.stop() }

    /// The server's handler.
    public func handle(_ request: HTTPRequest) -> HTTPReply {
        let matched = APIRoute.match(method: request.method, path: request.path)
        guard let observe else { return route(request, matched) }
        let started = DispatchTime.now().uptimeNanoseconds
        let reply = route(request, matched)
        let template = matched?.route.template ?? "unmatched"
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        switch reply {
        case .respond(let response): observe(template, response.status, seconds)
        case .later: observe(template, 200, nil)
        case .stream(let status, _, _): observe(template, status, nil)
        }
        return reply
    }

    private func route(_ request: HTTPRequest, _ matched: (route: APIRoute, id: String?)?) -> HTTPReply {
        guard let (route, id) = matched else {
            if request.method != "GET", APIRoute.pathExists(request.path) {
                return .respond(.problem(status: 405, title: "Method Not Allowed", headers: [HTTPHeader("Allow", "GET")]))
            }
            return .respond(.problem(status: 404, title: "Not Found", detail: "no route \(request.method) \(request.path)"))
        }
        do {
            switch route.role {
            case .none:
                return try probe(route, request)
            case .reader, .operator:
                return try serve(route, id: id, credentials: try Self.credentials(request), request)
            }
        } catch let problem as APIProblem {
            return .respond(problem.response)
        } catch {
            return .respond(.problem(status: 500, title: "Internal Server Error", detail: "the store could not answer"))
        }
    }

    private func probe(_ route: APIRoute, _ request: HTTPRequest) throws -> HTTPReply {
        switch route.name {
        case .livez: return .respond(.json(#"{"status":"ok"}"#))
        case .readyz:
            guard !feed.isDraining, (try? store.read { try $0.feedHead() }) != nil else {
                return .respond(.problem(status: 503, title: "Service Unavailable", detail: "the store is unreachable or the server is draining"))
            }
            return .respond(.json(#"{"status":"ready"}"#))
        case .metrics:
            guard let metricsText else { return .respond(.problem(status: 404, title: "Not Found", detail: "metrics are not enabled")) }
            return .respond(
                HTTPResponse(
                    status: 200, headers: [HTTPHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")],
                    body: Array(metricsText().utf8)))
        default: return .respond(.json(openAPIDocument))
        }
    }

    /// A reader or operator route. The key is checked first (401, then 403): a record read checks it in the record's own
    /// read transaction (one transaction per lookup, not two), every other route in a read of its own.
    private func serve(_ route: APIRoute, id: String?, credentials: APIKeyToken.Credentials, _ request: HTTPRequest) throws
        -> HTTPReply
    {
        func key() throws -> APIKey { try store.read { try authenticate(credentials, for: route.role, in: $0) } }
        switch route.name {
        case .person: return try record(.person, id: id ?? "", credentials: credentials, role: route.role, request)
        case .parcel: return try record(.parcel, id: id ?? "", credentials: credentials, role: route.role, request)
        case .enterprise: return try record(.enterprise, id: id ?? "", credentials: credentials, role: route.role, request)
        case .personsByNumber: return try personsByNumber(key: try key(), request)
        case .parcelsByKey: return try byStrongKey(.parcel, key: try key(), request)
        case .enterprisesByCode: return try byStrongKey(.enterprise, key: try key(), request)
        case .personSearch: return try search(.person, key: try key(), request)
        case .enterpriseSearch: return try search(.enterprise, key: try key(), request)
        case .personLinks: return try links(id: id ?? "", key: try key(), request)
        case .personAccessLog: return try accessLog(id: id ?? "", key: try key(), request)
        case .feed: return try feed.reply(request, key: try key())
        case .livez, .readyz, .openapi, .metrics: return try probe(route, request)
        }
    }

    static var unauthorized: APIProblem {
        APIProblem(
            status: 401, title: "Unauthorized", detail: "give a valid API key as 'Authorization: Bearer lt_…'",
            headers: [HTTPHeader("WWW-Authenticate", "Bearer")])
    }

    /// The key id and secret from `Authorization: Bearer lt_…`; 401 when missing or malformed.
    static func credentials(_ request: HTTPRequest) throws -> APIKeyToken.Credentials {
        guard let header = request.trimmedHeader("Authorization"), header.hasPrefix("Bearer "),
            let credentials = APIKeyToken.parse(String(header.dropFirst(7).drop { $0 == " " || $0 == "\t" }))
        else { throw unauthorized }
        return credentials
    }

    /// The stored key the credentials name, as of `reader`'s snapshot; 401 when unknown, revoked or the secret does
    /// not match, 403 when its role is below `role`. Read on every request, so a revocation takes effect on the next one.
    func authenticate(_ credentials: APIKeyToken.Credentials, for role: APIRoute.APIRoleRequirement, in reader: any StoreReader) throws -> APIKey {
        try authenticate(credentials, for: role, stored: try reader.apiKey(id: credentials.id))
    }

    /// `authenticate(credentials, for: role, in:)` with the stored key already read (nil when there is none).
    func authenticate(_ credentials: APIKeyToken.Credentials, for role: APIRoute.APIRoleRequirement, stored: APIKey?) throws -> APIKey {
        guard let key = stored, key.revokedAt == nil,
            APIKeyToken.matches(secret: credentials.secret, key: key)
        else { throw Self.unauthorized }
        if role == .operator, key.role < .operator {
            throw APIProblem(status: 403, title: "Forbidden", detail: "this route needs an operator or steward key")
        }
        return key
    }
}

/// An error answered as RFC 9457 `application/problem+json`.
struct APIProblem: Error {
    var status: Int
    var title: String
    var detail: String?
    var headers: [HTTPHeader] = []

    var response: HTTPResponse { .problem(status: status, title: title, detail: detail, headers: headers) }

    static func notFound(_ what: String) -> APIProblem { APIProblem(status: 404, title: "Not Found", detail: "no \(what)") }
    static func badRequest(_ detail: String) -> APIProblem { APIProblem(status: 400, title: "Bad Request", detail: detail) }
}
