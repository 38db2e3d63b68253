import Foundation
import Domain

/// What an API key may do. Each role includes the ones before it: a steward may also read and operate.
public enum APIRole: String, Sendable, Codable, CaseIterable, Comparable {
    case reader, `operator`, steward

    public static func < (a: APIRole, b: APIRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Where a key may look: the whole country, or some 2025 provinces (two digits) and communes (five digits).
public struct Jurisdiction: Hashable, Sendable, Codable, CustomStringConvertible {
    public var national: Bool
    public var provinces: [String]
    public var communes: [String]

    public init(national: Bool = false, provinces: [String] = [], communes: [String] = []) {
        self.national = national
        self.provinces = provinces.sorted()
        self.communes = communes.sorted()
    }

    /// `national`, or a comma-separated list of 2- and 5-digit codes; nil when malformed.
    public init?(parsing text: String) {
        if text == "national" {
            self.init(national: true)
            return
        }
        var provinces: [String] = [], communes: [String] = []
        for code in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            switch code.count {
            case 2: provinces.append(code)
            case 5: communes.append(code)
            default: return nil
            }
        }
        guard !provinces.isEmpty || !communes.isEmpty else { return nil }
        self.init(provinces: Array(Set(provinces)), communes: Array(Set(communes)))
    }

    public var description: String { national ? "national" : (provinces + communes).joined(separator: ",") }

    /// True when an entity placed at `places` (2025 commune → province) is inside this jurisdiction.
    public func contains(_ places: [EntityPlace]) -> Bool {
        national || places.contains { provinces.contains($0.provinceCode) || communes.contains($0.communeCode) }
    }
}

/// One 2025 commune an entity is placed in (by a current address, or a parcel it owns), with its province.
public struct EntityPlace: Hashable, Sendable, Codable {
    public var communeCode: String
    public var provinceCode: String

    public init(communeCode: String, provinceCode: String) {
        self.communeCode = communeCode
        self.provinceCode = provinceCode
    }
}

/// What the query API's index holds for one entity (`AccessReader.indexEntries(ofEntities:)`): handed back to
/// `setPlaces` and `setSearchNames`, it spares them reading it again to see whether anything changed.
public struct EntityIndexEntries: Sendable, Equatable {
    /// The entity's places, by commune code.
    public var places: [EntityPlace]
    /// Its search entry, nil when it is not searchable.
    public var search: SearchEntry?

    public struct SearchEntry: Sendable, Equatable {
        public var kind: String
        public var exactName: String
        public var birthYear: Int64?
        /// The names as stored: folded, joined with " | ".
        public var names: String

        public init(kind: String, exactName: String, birthYear: Int64?, names: String) {
            self.kind = kind
            self.exactName = exactName
            self.birthYear = birthYear
            self.names = names
        }
    }

    public init(places: [EntityPlace], search: SearchEntry?) {
        self.places = places
        self.search = search
    }
}

/// An API key as stored: never the secret itself, only its SHA-256.
public struct APIKey: Hashable, Sendable, Codable {
    /// The public part of the key (`lt_<id>_<secret>`), used to find it.
    public var id: String
    public var secretHash: String
    public var role: APIRole
    public var jurisdiction: Jurisdiction
    public var label: String?
    public var createdAt: String
    public var revokedAt: String?
    /// Declared in the daemon's configuration (`keys:`): created, updated and revoked by it, not by `lienthong keys`.
    public var configured: Bool

    public init(
        id: String, secretHash: String, role: APIRole, jurisdiction: Jurisdiction, label: String?, createdAt: String, revokedAt: String? = nil,
        configured: Bool = false
    ) {
        self.id = id
        self.secretHash = secretHash
        self.role = role
        self.jurisdiction = jurisdiction
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.configured = configured
    }
}

/// One read of a personal record, as the access log keeps it. `hash` chains the entry to the one before
/// (`previousHash`), so a deleted or edited entry breaks every hash after it.
public struct AccessLogEntry: Hashable, Sendable, Codable {
    public var sequence: Int64
    public var time: String
    public var keyID: String
    public var entityID: String
    /// The record fields returned (top-level names).
    public var fields: [String]
    /// The `X-Purpose` header: why the record was read.
    public var purpose: String
    public var route: String
    public var previousHash: String
    public var hash: String

    public init(
        sequence: Int64 = 0, time: String, keyID: String, entityID: String, fields: [String], purpose: String, route: String,
        previousHash: String = "", hash: String = ""
    ) {
        self.sequence = sequence
        self.time = time
        self.keyID = keyID
        self.entityID = entityID
        self.fields = fields
        self.purpose = purpose
        self.route = route
        self.previousHash = previousHash
        self.hash = hash
    }
}
