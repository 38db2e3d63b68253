import Domain
import Foundation
import HTTPServer
import Storage

/// A person's relations and who read the person's record.
extension QueryAPI {
    struct PersonLinks: Encodable {
        var id: String
        var parcelsOwned: [String]
        var enterprisesRepresented: [String]
        var household: [String]
    }

    /// `GET /v1/persons/{id}/links`: parcels owned, enterprises represented, household members — each only when
    /// inside the key's jurisdiction.
    func links(id: String, key: APIKey, _ request: HTTPRequest) throws -> HTTPReply {
        let purpose = try self.purpose(request)
        let result: PersonLinks = try store.read { reader in
            guard let entity = try reader.entity(id: id), entity.kind == .person, entity.status == .active,
                try visible(id, to: key, in: reader)
            else { throw APIProblem.notFound("person \(id)") }
            let members = try reader.members(ofEntity: id)
            let keys = Set(members.map(\.mention.key))
            var parcels: Set<String> = [], enterprises: Set<String> = [], household: Set<String> = []
            for link in try reader.links(ofMentions: members.map(\.id)) {
                let other = keys.contains(link.from) ? link.to : link.from
                guard !keys.contains(other), let mention = try reader.mention(key: other),
                    let target = try reader.entityID(ofMention: mention.id), try visible(target, to: key, in: reader)
                else { continue }
                switch link.type {
                case .ownsParcel: parcels.insert(target)
                case .legalRepresentativeOf: enterprises.insert(target)
                case .householdMember: household.insert(target)
                }
            }
            return PersonLinks(id: id, parcelsOwned: parcels.sorted(), enterprisesRepresented: enterprises.sorted(), household: household.sorted())
        }
        try audit([(id, ["links"])], key: key, purpose: purpose, route: request.path)
        return .respond(.json(try Self.encode(result)))
    }

    struct AccessLogView: Encodable {
        var id: String
        var reads: [AccessLogEntry]
    }

    /// `GET /v1/persons/{id}/access-log` (operator or steward keys): every logged read of the record, for a
    /// subject-access request. Reads of IDs later merged into this one are included.
    func accessLog(id: String, key: APIKey, _ request: HTTPRequest) throws -> HTTPReply {
        let view: AccessLogView = try store.read { reader in
            guard let entity = try reader.entity(id: id), entity.kind == .person, try visible(id, to: key, in: reader) else {
                throw APIProblem.notFound("person \(id)")
            }
            var reads = try reader.accessLog(entityID: id)
            for lineage in try reader.lineage(ofEntity: id) where lineage.kind == .merge && lineage.to == id {
                reads += try reader.accessLog(entityID: lineage.from)
            }
            return AccessLogView(id: id, reads: reads.sorted { $0.sequence < $1.sequence })
        }
        return .respond(.json(try Self.encode(view)))
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
