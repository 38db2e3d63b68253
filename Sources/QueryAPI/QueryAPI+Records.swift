import Domain
import Foundation
import Hashing
import HTTPServer
import Storage

/// Record reads: by ID (with redirects for merged IDs and ETags), by strong key, by name, and a person's links.
/// A record outside the key's jurisdiction is answered exactly like a missing one (404), never revealing it exists.
extension QueryAPI {
    static let pathPrefix: [EntityKind: String] = [.person: "/v1/persons/", .parcel: "/v1/parcels/", .enterprise: "/v1/enterprises/"]

    func visible(_ entityID: String, to key: APIKey, in reader: any StoreReader) throws -> Bool {
        if key.jurisdiction.national { return true }
        return key.jurisdiction.contains(try reader.places(ofEntity: entityID))
    }

    /// `X-Purpose`, required for every read of personal records.
    func purpose(_ request: HTTPRequest) throws -> String {
        guard let purpose = request.trimmedHeader("X-Purpose"), !purpose.isEmpty else {
            throw APIProblem.badRequest("personal records are read for a stated purpose: send an X-Purpose header")
        }
        return String(purpose.prefix(200))
    }

    /// Writes the access-log entries for a personal read, returning once they are committed (with the other reads in
    /// flight: `AccessLogWriter`); called before the response is built.
    func audit(_ reads: [(entity: String, fields: [String])], key: APIKey, purpose: String, route: String) throws {
        guard !reads.isEmpty else { return }
        let time = Clock.now()
        let entries = reads.map {
            AccessLogEntry(time: time, keyID: key.id, entityID: $0.entity, fields: $0.fields, purpose: purpose, route: route)
        }
        try accessLogWriter.append(entries)
    }

    /// A record by ID; the key is checked in the same read transaction as the record. The key and the record are read
    /// together (one round trip on PostgreSQL), so a request with a bad key reads the record too; nothing of it is
    /// used or answered before the key is checked.
    func record(_ kind: EntityKind, id: String, credentials: APIKeyToken.Credentials, role: APIRoute.APIRoleRequirement, _ request: HTTPRequest) throws
        -> HTTPReply
    {
        enum Found { case redirect(String), record(String) }
        let (key, purpose, found): (APIKey, String, Found) = try store.read { reader in
            let lookup = try reader.keyAndRecord(keyID: credentials.id, entityID: id)
            let key = try authenticate(credentials, for: role, stored: lookup.apiKey)
            let purpose = kind == .person ? try self.purpose(request) : ""
            guard let entity = lookup.entity, entity.kind == kind, try visible(id, to: key, in: reader) else {
                throw APIProblem.notFound("\(kind.rawValue) \(id)")
            }
            if entity.status != .active {
                guard let survivor = entity.redirectTo, try visible(survivor, to: key, in: reader) else {
                    throw APIProblem.notFound("\(kind.rawValue) \(id)")
                }
                return (key, purpose, .redirect(survivor))
            }
            guard let json = lookup.goldenRecordJSON else { throw APIProblem.notFound("\(kind.rawValue) \(id)") }
            return (key, purpose, .record(json))
        }
        switch found {
        case .redirect(let survivor):
            let location = (Self.pathPrefix[kind] ?? "/") + survivor
            return .respond(
                .problem(
                    status: 308, title: "Permanent Redirect", detail: "\(id) was merged into \(survivor)",
                    headers: [HTTPHeader("Location", location)]))
        case .record(let json):
            let etag = "\"" + String(Digest.sha256Hex(json).prefix(32)) + "\""
            let notModified = request.header("If-None-Match").map { $0.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces) == etag } } ?? false
            if kind == .person {
                try audit([(id, notModified ? ["etag"] : try GoldenFields.of(json))], key: key, purpose: purpose, route: request.path)
            }
            if notModified { return .respond(HTTPResponse(status: 304, headers: [HTTPHeader("ETag", etag)], body: [])) }
            return .respond(.json(json, headers: [HTTPHeader("ETag", etag), HTTPHeader("Cache-Control", "private, no-cache")]))
        }
    }

    /// A list of golden records as `{"results":[…],"next":…}`, auditing person reads.
    func results(_ ids: [String], kind: EntityKind, key: APIKey, request: HTTPRequest, next: String?) throws -> HTTPReply {
        let purpose = kind == .person ? try self.purpose(request) : ""
        let records: [(id: String, json: String)] = try store.read { reader in
            try ids.compactMap { id in
                guard try visible(id, to: key, in: reader), let json = try reader.goldenRecordJSON(entityID: id) else { return nil }
                return (id, json)
            }
        }
        if kind == .person {
            try audit(records.map { ($0.id, try GoldenFields.of($0.json)) }, key: key, purpose: purpose, route: request.target)
        }
        let body = "{\"results\":[" + records.map(\.json).joined(separator: ",") + "],\"next\":" + (next.map(JSONText.quote) ?? "null") + "}"
        return .respond(.json(body))
    }

    func personsByNumber(key: APIKey, _ request: HTTPRequest) throws -> HTTPReply {
        guard let number = request.query("id_number"), number.count == 12 || number.count == 9,
            number.allSatisfy({ $0.isASCII && $0.isNumber })
        else {
            throw APIProblem.badRequest("give id_number, a 12-digit personal number or a 9-digit CMND number")
        }
        let ids = try store.read { try $0.personEntities(personalNumber: number) }
        return try results(ids, kind: .person, key: key, request: request, next: nil)
    }

    func byStrongKey(_ kind: EntityKind, key: APIKey, _ request: HTTPRequest) throws -> HTTPReply {
        let (parameter, keyType, candidates): (String, String, (String) -> [String]) =
            kind == .parcel
            ? ("parcel_key", IdentifierType.parcelKey.rawValue, { value in value.contains(":") ? [value] : ["2025:" + value, "pre2025:" + value] })
            : ("code", IdentifierType.enterpriseCode.rawValue, { [$0] })
        guard let value = request.query(parameter), !value.isEmpty, value.count <= 64 else {
            throw APIProblem.badRequest("give \(parameter)")
        }
        let ids = try store.read { reader in
            try candidates(value).compactMap { try reader.entityID(kind: kind, keyType: keyType, keyValue: $0) }
        }
        return try results(ids, kind: kind, key: key, request: request, next: nil)
    }

    func search(_ kind: EntityKind, key: APIKey, _ request: HTTPRequest) throws -> HTTPReply {
        guard let name = request.query("name"), !name.trimmingCharacters(in: .whitespaces).isEmpty, name.count <= 200 else {
            throw APIProblem.badRequest("give name (diacritics optional)")
        }
        let birthYear = try request.query("birth_year").map { text -> Int in
            guard let year = Int(text), (1850...2100).contains(year) else { throw APIProblem.badRequest("birth_year must be a year") }
            return year
        }
        let commune = try request.query("commune").map { code -> String in
            guard code.count == 5, code.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw APIProblem.badRequest("commune must be a 5-digit 2025 code") }
            return code
        }
        let limit = try Self.integer(request, "limit", default: 20, range: 1...100)
        let page = try Self.integer(request, "page", default: 1, range: 1...10_000)
        let folded = TextFolding.fold(name)
        let tokens = folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        let ids = try store.read { reader in
            try reader.searchEntities(
                kind: kind, tokens: tokens, exactName: tokens.joined(separator: " "), birthYear: birthYear, commune: commune,
                within: key.jurisdiction, limit: limit + 1, offset: (page - 1) * limit)
        }
        var next: String?
        if ids.count > limit {
            var items = request.queryItems.filter { $0.name != "page" }.map { "\(Self.escape($0.name))=\(Self.escape($0.value))" }
            items.append("page=\(page + 1)")
            next = request.path + "?" + items.joined(separator: "&")
        }
        return try results(Array(ids.prefix(limit)), kind: kind, key: key, request: request, next: next)
    }

    static func integer(_ request: HTTPRequest, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = request.query(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIProblem.badRequest("\(name) must be an integer in \(range.lowerBound)…\(range.upperBound)")
        }
        return number
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
