import Domain
import Foundation
import Testing

/// The hand-written reader gives back what was written, accepts any valid JSON key order and whitespace (as
/// `JSONDecoder` does), and refuses malformed text with the byte offset of the fault.
@Suite struct CanonicalJSONReaderTests {
    static let rounds = 2000

    /// Whitespace of every JSON kind after each structural character outside strings.
    static func spaced(_ text: String, random: inout SplitMix64) -> String {
        var output = String.UnicodeScalarView()
        var inString = false
        var escaped = false
        let blanks = [" ", "\n", "\t", "\r\n", "  "]
        for character in text.unicodeScalars {
            output.append(character)
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if "{}[],:".unicodeScalars.contains(character) {
                output.append(contentsOf: random.pick(blanks).unicodeScalars)
            }
        }
        return " " + String(output) + "\n"
    }

    /// Declaration order and pretty printing: keys not sorted, whitespace everywhere.
    static func unsortedPretty<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func mentionBodiesRoundTrip() throws {
        var samples = CanonicalJSONSamples(seed: 11)
        var random = SplitMix64(seed: 12)
        for _ in 0..<Self.rounds {
            let body = samples.body()
            let canonical = try CanonicalJSONWriter.text(of: body)
            #expect(try CanonicalJSON.read(MentionBody.self, from: canonical) == body)
            #expect(try CanonicalJSON.read(MentionBody.self, from: CanonicalJSON.encoderString(body)) == body)
            #expect(try CanonicalJSON.read(MentionBody.self, from: Self.unsortedPretty(body)) == body)
            #expect(try CanonicalJSON.read(MentionBody.self, from: Self.spaced(canonical, random: &random)) == body)
        }
    }

    @Test func smallValuesRoundTrip() throws {
        var samples = CanonicalJSONSamples(seed: 13)
        for _ in 0..<Self.rounds {
            let location = samples.location()
            #expect(try CanonicalJSON.read(SourceLocation.self, from: CanonicalJSONWriter.text(of: location)) == location)
            #expect(try CanonicalJSON.read(SourceLocation.self, from: Self.unsortedPretty(location)) == location)
            let finding = samples.finding()
            #expect(try CanonicalJSON.read(Finding.self, from: Self.unsortedPretty(finding)) == finding)
            let key = samples.key()
            #expect(try CanonicalJSON.read(MentionKey.self, from: CanonicalJSONWriter.text(of: key)) == key)
            let text = samples.string()
            #expect(try CanonicalJSON.read(String.self, from: CanonicalJSONWriter.text(of: text)) == text)
        }
    }

    @Test func doublesRoundTripExactly() throws {
        var samples = CanonicalJSONSamples(seed: 14)
        for _ in 0..<5000 {
            let value = samples.double()
            let parcel = ParcelRecord(communeCode: "1", communeScheme: .pre2025, mapSheet: "2", parcelNumber: "3", area: value)
            let read = try CanonicalJSON.read(ParcelRecord.self, from: CanonicalJSONWriter.text(of: parcel))
            #expect(read.area?.bitPattern == value.bitPattern || (read.area == 0 && value == 0))
        }
    }

    @Test func keysInAnyOrderEscapesNullsAndUnknownKeys() throws {
        let text = #"""
            { "person" : {"identifiers":[], "sex": null, "extra": {"a":[1, 2.5e3, true, false, null, "x"]},
              "addresses":[{"currentCommuneCodes":["0\u0031"], "scheme":"2025"}],
              "name":{"folded":"nguyen van an","full":"Nguy\u1ec5n V\u0103n An","asGiven":"\ud83d\ude00\/\"\\\b\f\n\r\t","given":null}},
              "\u006bind":"person" }
            """#
        let body = try CanonicalJSON.read(MentionBody.self, from: text)
        let name = PersonName(asGiven: "😀/\"\\\u{8}\u{c}\n\r\t", full: "Nguyễn Văn An", family: nil, middle: nil, given: nil, folded: "nguyen van an")
        #expect(body == .person(PersonRecord(name: name, addresses: [Address(scheme: .from2025, currentCommuneCodes: ["01"])])))
        #expect(try body == JSONDecoder().decode(MentionBody.self, from: Data(text.utf8)))
    }

    @Test func recordBeforeKindAndOtherKindsIgnored() throws {
        let text = #"{"parcel":{"bogus":1},"enterprise":{"code":"0101","codeIsValid":false,"name":"A"},"kind":"enterprise"}"#
        #expect(try CanonicalJSON.read(MentionBody.self, from: text) == .enterprise(EnterpriseRecord(code: "0101", codeIsValid: false, name: "A")))
        #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.read(MentionBody.self, from: #"{"kind":"parcel","person":{}}"#) }
    }

    /// (text, byte offset the error must name)
    static let malformed: [(String, Int)] = [
        ("", 0),
        ("   ", 3),
        (#"{"kind":"person","person":{"identifiers":[],"addresses":[]},}"#, 60),
        (#"{"kind" "person"}"#, 8),
        (#"{"kind":"person""#, 16),
        (#"{"kind":"pers"#, 8),
        (#"{"kind":"person","person":{"identifiers":[],"addresses":[]}} x"#, 61),
        (#"{"kind":"robot"}"#, 8),
        (#"{"kind":"person"}"#, 0),
        (#"{"kind":"person","person":{"identifiers":[]}}"#, 26),
        (#"{"kind":"person","person":{"identifiers":[],"addresses":[],"birthDate":"1987-13"}}"#, 71),
        (#"{"kind":"person","person":{"identifiers":[],"addresses":[],"phone":12}}"#, 67),
        (#"{"kind":"person","person":{"identifiers":[],"addresses":[],"x":01}}"#, 64),
        (#"{"kind":"person","person":{"identifiers":[],"addresses":[],"x":[1 2]}}"#, 66),
        (#"{"kind":"person","person":{"identifiers":[],"addresses":[],"x":"\ud800"}}"#, 64),
        (#"{"kind":"person","person":{"identifiers":[],"addresses":[],"x":"\q"}}"#, 64),
        ("{\"kind\":\"per\nson\"}", 12),
        (#"{"kind":"person","person":{"identifiers":[],"addresses":[],"x":tru}}"#, 63),
        (#"{"kind":"person","person":{"identifiers":[],"addresses":[],"x":-}}"#, 63),
        (#"{"kind":"person","person":{"identifiers":[],"addresses":[],"x":1.}}"#, 65),
        (#"{"x":"# + String(repeating: "[", count: 600), 517),
    ]

    @Test(arguments: Self.malformed) func malformedTextNamesTheOffset(text: String, offset: Int) throws {
        do {
            let body = try CanonicalJSON.read(MentionBody.self, from: text)
            Issue.record("read \(body) from \(text)")
        } catch let error as CanonicalJSONError {
            #expect(error.offset == offset, "\(error)")
            #expect(error.description.hasPrefix("invalid JSON at byte \(offset): "))
        }
    }

    @Test func everyTruncationIsRefused() throws {
        var samples = CanonicalJSONSamples(seed: 15)
        for _ in 0..<50 {
            let text = try CanonicalJSONWriter.text(of: samples.body())
            let bytes = Array(text.utf8)
            for length in 0..<bytes.count {
                guard let prefix = String(validating: bytes[..<length], as: UTF8.self) else { continue }
                #expect(throws: CanonicalJSONError.self) { try CanonicalJSON.read(MentionBody.self, from: prefix) }
            }
        }
    }
}
