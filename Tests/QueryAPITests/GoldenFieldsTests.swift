import Domain
import Foundation
import Testing

@testable import QueryAPI

/// The access log names the fields a read returned, read from the stored golden JSON without decoding it: checked
/// against the decoded record for stored records of each kind, and malformed text is an error, not an empty list.
@Suite struct GoldenFieldsTests {
    /// Golden records as a 20,000-person generated store holds them (`bench/api.sh`).
    static let person = #"{"body":{"kind":"person","person":{"addresses":[{"from":{"kind":"person","recordKey":"DC00000001","source":"population"},"value":{"communeCode":"07519","currentCommuneCodes":["07519"],"currentProvinceCode":"24","provinceCode":"24","scheme":"2025","street":"Thôn 2","text":"Thôn 2"}}],"birthDate":{"from":{"kind":"person","recordKey":"DC00000001","source":"population"},"value":"1958-07-23"},"identifiers":[{"from":{"kind":"person","recordKey":"DC00000001","source":"population"},"value":{"isValid":true,"issuer":"23","type":"cmnd9","value":"232408768"}},{"from":{"kind":"person","recordKey":"DC00000001","source":"population"},"value":{"isValid":true,"issuer":"024","type":"personal_number","value":"024058515302"}}],"name":{"from":{"kind":"person","recordKey":"DC00000001","source":"population"},"value":{"asGiven":"Lê Hoàng Tín","family":"Lê","folded":"le hoang tin","full":"Lê Hoàng Tín","given":"Tín","middle":"Hoàng"}},"phone":{"from":{"kind":"person","recordKey":"DC00000001","source":"population"},"value":"+84941617163"},"sex":{"from":{"kind":"person","recordKey":"DC00000001","source":"population"},"value":"male"}}},"entityID":"P-811d71e22cec3cd7","mentions":[{"kind":"person","recordKey":"2601047302","source":"enterprise"},{"kind":"person","recordKey":"DC00000001","source":"population"}]}"#
    static let sparsePerson = #"{"body":{"kind":"person","person":{"addresses":[],"identifiers":[],"name":{"from":{"kind":"person","recordKey":"DC00000001","source":"population"},"value":{"asGiven":"Lê Hoàng Tín","family":"Lê","folded":"le hoang tin","full":"Lê Hoàng Tín","given":"Tín","middle":"Hoàng"}}}},"entityID":"P-2","mentions":[]}"#
    static let enterprise = #"{"body":{"enterprise":{"from":{"kind":"enterprise","recordKey":"2601047302","source":"enterprise"},"value":{"address":{"communeCode":"24163","currentCommuneCodes":["24163"],"currentProvinceCode":"66","houseNumber":"116","provinceCode":"66","scheme":"2025","street":"Hai Bà Trưng","text":"Số 116 Đường Hai Bà Trưng"},"code":"2601047302","codeIsValid":true,"name":"Doanh nghiệp tư nhân Du lịch An Phú","registrationDate":"2012-06-19","status":"active"}},"kind":"enterprise"},"entityID":"E-b377320a7263d068","mentions":[{"kind":"enterprise","recordKey":"2601047302","source":"enterprise"}]}"#
    static let parcel = #"{"body":{"kind":"parcel","parcel":{"from":{"kind":"parcel","recordKey":"LD0000001","source":"land"},"value":{"area":3560.6,"certificate":"CS 970128","communeCode":"07522","communeScheme":"pre2025","landUse":"LUC","mapSheet":"1","parcelNumber":"7"}}},"entityID":"L-f90b7963456198fa","mentions":[{"kind":"parcel","recordKey":"LD0000001","source":"land"}]}"#

    /// What a read returns, from the decoded record: the oracle.
    static func expected(_ json: String) throws -> [String] {
        let golden = try JSONDecoder().decode(GoldenRecord.self, from: Data(json.utf8))
        guard case .person(let person) = golden.body else { return ["record"] }
        var fields = ["mentions"]
        if person.name != nil { fields.append("name") }
        if person.birthDate != nil { fields.append("birthDate") }
        if person.sex != nil { fields.append("sex") }
        if !person.identifiers.isEmpty { fields.append("identifiers") }
        if !person.addresses.isEmpty { fields.append("addresses") }
        if person.phone != nil { fields.append("phone") }
        return fields
    }

    @Test(arguments: [person, sparsePerson, enterprise, parcel])
    func fieldsAreThoseOfTheDecodedRecord(_ json: String) throws {
        #expect(try GoldenFields.of(json) == Self.expected(json))
        // The stored form re-encoded (sorted keys) gives the same answer.
        let reencoded = try CanonicalJSON.string(try JSONDecoder().decode(GoldenRecord.self, from: Data(json.utf8)))
        #expect(try GoldenFields.of(reencoded) == Self.expected(json))
    }

    @Test func aFullPersonNamesEveryField() throws {
        #expect(try GoldenFields.of(Self.person) == ["mentions", "name", "birthDate", "sex", "identifiers", "addresses", "phone"])
        #expect(try GoldenFields.of(Self.sparsePerson) == ["mentions", "name"])
    }

    @Test func malformedTextIsAnError() {
        #expect(throws: CanonicalJSONError.self) { try GoldenFields.of(String(Self.person.dropLast())) }
        #expect(throws: CanonicalJSONError.self) { try GoldenFields.of("") }
    }
}
