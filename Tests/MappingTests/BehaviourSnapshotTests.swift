import Domain
import Foundation
import Mapping
import Normalization
import Reference
import Testing

/// Pins the exact output (values, findings, messages, quarantine reasons) of the shipped mappings and of the
/// normalisers on a few thousand varied records, as digests taken before the mapping path was optimised.
/// A change here is a change of behaviour: find it by running the corpus through the old and new code.
@Suite struct BehaviourSnapshotTests {
    /// FNV-1a over the canonical text of every result, and the number of results.
    struct Digest: CustomStringConvertible {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var count = 0
        /// Results that start with "mapped" (the rest are quarantined or normaliser results).
        var mapped = 0

        mutating func add(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0x0A
            hash = hash &* 0x0000_0100_0000_01B3
            count += 1
            if text.hasPrefix("mapped ") { mapped += 1 }
        }

        var description: String { "\(count):\(String(hash, radix: 16))" }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func text(_ result: MappingResult) throws -> String {
        switch result {
        case .mapped(let mentions, let links):
            return "mapped " + String(decoding: try encoder.encode(mentions), as: UTF8.self) + " "
                + String(decoding: try encoder.encode(links), as: UTF8.self)
        case .quarantined(let reasons):
            return "quarantined " + String(decoding: try encoder.encode(reasons), as: UTF8.self)
        }
    }

    static func text<Value: Encodable>(_ normalized: Normalized<Value>) throws -> String {
        String(decoding: try encoder.encode(normalized.value), as: UTF8.self) + " "
            + String(decoding: try encoder.encode(normalized.findings), as: UTF8.self)
    }

    static func mappingDigest(_ name: String, records: Int, rememberedResults: Int = 8_192) throws -> Digest {
        let reference = try sharedReference.get()
        let evaluator = MappingEvaluator(
            mapping: try MappingLoader.load(path: shippedMapping(name)), reference: reference, rememberedResults: rememberedResults)
        var corpus = SnapshotCorpus(seed: UInt64(name.utf8.count) * 1_000_003, reference: reference)
        var digest = Digest()
        for index in 0..<records {
            let fields: RawNode
            switch name {
            case "population": fields = corpus.population(index)
            case "land": fields = corpus.land(index)
            case "enterprise": fields = corpus.enterprise(index)
            default: fields = corpus.communeLegacy(index)
            }
            let record = RawRecord(location: SourceLocation(file: "\(name).in", line: index + 2), fields: fields, rawText: "")
            digest.add(try text(evaluator.evaluate(record)))
        }
        return digest
    }

    static let expectedMappingDigests: [String: String] = [
        "population": "1500:77e5b8430713eabe", "land": "1500:efb3f793fd75e8b8", "enterprise": "1500:f5efdb1e143f7a6b",
        "commune_legacy": "1500:b33ecc016e81a5da",
    ]

    @Test(arguments: ["population", "land", "enterprise", "commune_legacy"])
    func shippedMappingOutputIsUnchanged(name: String) throws {
        let digest = try Self.mappingDigest(name, records: 1_500)
        print("snapshot \(name) \(digest), mapped \(digest.mapped)")
        #expect((300...1_480).contains(digest.mapped), "the corpus must exercise both mapped and quarantined records")
        #expect(digest.description == Self.expectedMappingDigests[name])
        // Remembering results (tiny tables, so generations turn over) changes nothing.
        #expect(try Self.mappingDigest(name, records: 600, rememberedResults: 0).description
            == Self.mappingDigest(name, records: 600, rememberedResults: 16).description)
    }

    @Test func normaliserOutputIsUnchanged() throws {
        let reference = try sharedReference.get()
        var corpus = SnapshotCorpus(seed: 42, reference: reference)
        var names = Digest(), addresses = Digest(), codes = Digest(), phones = Digest(), dates = Digest(), identifiers = Digest()
        for _ in 0..<1_500 {
            names.add(try Self.text(NameNormalizer.normalize(corpus.name())))
            addresses.add(try Self.text(AddressNormalizer.normalize(corpus.addressText(), reference: reference)))
            let old = corpus.pick(reference.communesPre2025), new = corpus.pick(reference.communes2025)
            let detail = corpus.respell(corpus.pick(SnapshotCorpus.details))
            codes.add(
                try Self.text(
                    AddressNormalizer.fromCodes(
                        communeCode: corpus.code(old.code), districtCode: corpus.code(old.districtCode), provinceCode: corpus.code(old.provinceCode),
                        scheme: .pre2025, detail: detail, reference: reference)))
            codes.add(
                try Self.text(
                    AddressNormalizer.fromCodes(
                        communeCode: corpus.code(new.code), districtCode: corpus.next() % 9 == 0 ? "001" : nil,
                        provinceCode: corpus.code(corpus.next() % 5 == 0 ? "01" : new.provinceCode), scheme: .from2025, detail: detail,
                        reference: reference)))
            phones.add(try Self.text(PhoneNormalizer.normalize(corpus.pick(SnapshotCorpus.phones))))
            let date = corpus.pick(SnapshotCorpus.dates)
            for order in [DateNormalizer.FieldOrder.auto, .dayMonthYear, .monthDayYear, .yearMonthDay] {
                dates.add(try Self.text(DateNormalizer.normalize(date, order: order)))
            }
            let number = corpus.personalNumber()
            identifiers.add(try Self.text(PersonalNumber.normalize(number, birthDate: PartialDate(year: 1987), sex: .female, reference: reference)))
            identifiers.add(try Self.text(LegacyIDNumber.normalize(number)))
            identifiers.add(try Self.text(EnterpriseCode.normalize(number)))
        }
        let all = [names, addresses, codes, phones, dates, identifiers].map(\.description)
        print("snapshot normalisers \(all)")
        #expect(
            all == [
                "1500:983b7f63c2c35c3", "1500:bdb353d2f7f3e00b", "3000:eac1e10ef8f52376", "1500:20a5f359fe46d6e4", "6000:690bc6f94d30b1a5",
                "4500:27d3f2d18d4ef2db",
            ])
    }
}
